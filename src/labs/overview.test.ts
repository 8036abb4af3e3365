import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../i18n/i18n";
import es from "../i18n/catalogs/es";
import { GLUCOSE, HBA1C } from "./catalog";
import { drawnSpan, latestCaption, overviewDomain, overviewStatus, unionSpan } from "./overview";
import { toLabResults } from "./results";
import { loincObservation } from "../test/observations";

const DAY = 86_400_000;
const at = (date: string) => Date.parse(`${date}T00:00:00Z`);
const flagged = (o: fhir4.Observation, code: string): fhir4.Observation => ({ ...o, interpretation: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code }] }] });

const a1c = toLabResults(
  [
    loincObservation("a", "2018-03-01T00:00:00Z", "4548-4", 7.9, "%"),
    flagged(loincObservation("b", "2020-06-01T00:00:00Z", "4548-4", 8.2, "%"), "H"),
    loincObservation("c", "2021-01-01T00:00:00Z", "4548-4", "see note", "%"),
  ],
  HBA1C,
).results;
const glucose = toLabResults([loincObservation("g1", "2016-01-10T00:00:00Z", "2345-7", 101, "mg/dL"), loincObservation("g2", "2019-05-05T00:00:00Z", "2345-7", 95, "mg/dL")], GLUCOSE).results;

afterEach(() => setLanguage("en"));

describe("one time axis for every lab", () => {
  it("a lab's span runs from its oldest to its newest drawn result; a result not drawn does not stretch it", () => {
    expect(drawnSpan(a1c)).toEqual({ from: at("2018-03-01"), to: at("2020-06-01") });
    expect(drawnSpan([])).toBeUndefined();
  });

  it("the union runs from the oldest result of any lab to the newest of any, skipping labs without results", () => {
    expect(unionSpan([drawnSpan(a1c), undefined, drawnSpan(glucose)])).toEqual({ from: at("2016-01-10"), to: at("2020-06-01") });
    expect(unionSpan([undefined, undefined])).toBeUndefined();
  });

  it("the domain is the union with the chart's room on each side; a preset ends at the newest result of any lab; a window is itself", () => {
    const spans = [drawnSpan(a1c), drawnSpan(glucose)];
    const pad = (at("2020-06-01") - at("2016-01-10")) * 0.02;
    expect(overviewDomain({ kind: "preset", preset: "all" }, spans)).toEqual([at("2016-01-10") - pad, at("2020-06-01") + pad]);
    expect(overviewDomain({ kind: "preset", preset: "1y" }, spans)).toEqual([at("2019-06-01"), at("2020-06-01")]);
    expect(overviewDomain({ kind: "window", from: at("2017-01-01"), to: at("2018-01-01") }, spans)).toEqual([at("2017-01-01"), at("2018-01-01")]);
    expect(overviewDomain({ kind: "preset", preset: "all" }, [], at("2024-01-01"))).toEqual([at("2024-01-01") - 365 * DAY, at("2024-01-01")]);
  });
});

describe("each figure's caption", () => {
  it("names the newest drawn result, its unit, the lab's flag in words and its date", () => {
    expect(latestCaption(a1c, HBA1C.units[0], "en-US")).toBe("Latest 8.2 % (High (H)), Jun 1, 2020");
    expect(latestCaption(glucose, GLUCOSE.units[0], "en-US")).toBe("Latest 95 mg/dL (Not flagged), May 5, 2019");
    expect(latestCaption(glucose, GLUCOSE.units[1]!, "en-US")).toBe("Latest 5.3 mmol/L (Not flagged), May 5, 2019");
  });

  it("falls back to what was recorded when nothing is drawn, and says when there is nothing", () => {
    expect(latestCaption(a1c.slice(0, 1), HBA1C.units[0], "en-US")).toBe("Latest see note, Jan 1, 2021");
    expect(latestCaption([], HBA1C.units[0])).toBe("No results");
  });
});

describe("the status line", () => {
  it("counts the labs read while they load", () => {
    expect(overviewStatus([{ state: "loading" }, { state: "done", count: 3 }, { state: "failed" }])).toBe("Reading 2 of 3 labs…");
  });

  it("ends with the results and the labs that have any, after the labs that failed", () => {
    const done = [{ state: "done", count: 12 }, { state: "done", count: 0 }, { state: "done", count: 24 }] as const;
    expect(overviewStatus(done)).toBe("Loaded 36 results in 2 labs");
    expect(overviewStatus([{ state: "done", count: 1 }])).toBe("Loaded 1 result in 1 lab");
    expect(overviewStatus([...done, { state: "failed" }])).toBe("1 lab could not be read. Loaded 36 results in 2 labs");
    expect(overviewStatus([{ state: "done", count: 0 }])).toBe("Loaded 0 results in 0 labs");
  });

  it("in Spanish, from the Spanish catalog", () => {
    setLanguage("es", es);
    expect(overviewStatus([{ state: "done", count: 1250 }, { state: "done", count: 2 }])).toBe("Cargados 1252 resultados en 2 análisis");
  });
});
