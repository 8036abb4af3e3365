import { describe, expect, it } from "vitest";
import { HBA1C } from "../labs/catalog";
import { toLabResult, toLabResults } from "../labs/results";
import { legendEntries } from "./ChartLegend";
import { dateText } from "./dateText";
import { chartPoint, describeChart, markerOf } from "./present";
import { notesOf, tableRow } from "./rows";
import { observationsWithCodes, scenarioPatient } from "../test/scenarios";

const patient = scenarioPatient("odd-values");
const { results } = toLabResults(observationsWithCodes("odd-values", ["4548-4"]), HBA1C, { sex: patient.gender, birthDate: patient.birthDate });
const byId = (id: string) => results.find((r) => r.id === `odd-values-a1c-${id}`)!;
const [percent, mmol] = HBA1C.units;

describe("presenting results", () => {
  it("limits get an arrow marker and a note saying where the value lies", () => {
    expect(markerOf(byId("03"))).toBe("below");
    expect(markerOf(byId("04"))).toBe("above");
    expect(notesOf(byId("03"), percent, "en-US")).toEqual(["Limit: drawn at 4.0 %, the actual value is below it.", "Result may be falsely low: blood transfusion on 2019-10-28."]);
  });

  it("a row in another unit says what was recorded; a row not drawn says why", () => {
    expect(tableRow(byId("21"), mmol!, "en-US", "UTC")).toMatchObject({ valueText: "54", unit: "mmol/mol", range: "20–38 mmol/mol", notes: ["Recorded as 7.1 %."], flag: { marker: "H", critical: false, flagged: true, text: "High (H)" } });
    expect(tableRow(byId("07"), percent, "en-US", "UTC")).toMatchObject({ valueText: "No value: Specimen clotted", unit: "", plotted: false, notes: ["Not on chart: No value: Specimen clotted."] });
    expect(tableRow(byId("10"), percent, "en-US", "UTC").notes).toEqual(["Preliminary."]);
  });

  it("describes the chart in words", () => {
    expect(describeChart(HBA1C, results, percent, "en-US")).toBe(
      "Hemoglobin A1c chart in %: 15 results from Feb 11, 2019 to Jun 10, 2024. Latest 7.1 % on Jun 10, 2024. Lowest 6.6 % on Aug 15, 2022; highest 9.1 % on Jun 1, 2020. 14 flagged by the lab as outside the normal range, 1 of them critical. 2 are limits drawn at the bound.",
    );
    expect(describeChart(HBA1C, results, percent, "en-US", "Goal < 8.0 % — patient's goal")).toMatch(/drawn at the bound\. Goal < 8\.0 % — patient's goal, drawn as a line\.$/);
    expect(describeChart(HBA1C, [], percent, "en-US")).toBe("Hemoglobin A1c: no results to draw.");
  });

  it("the legend lists every kind of point drawn, in the lab's words, limits with their flag", () => {
    const points = results.filter((r) => r.plotted).map((r) => chartPoint(r, percent, "en-US"));
    expect(legendEntries(points).map((e) => e.text)).toEqual([
      "Not flagged",
      "High",
      "Abnormal",
      "Limit: the value is below the mark — Low",
      "Limit: the value is above the mark — Critical high",
    ]);
  });
});

const V3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
const observation = (id: string, interpretation: fhir4.CodeableConcept[] | undefined, value: fhir4.Quantity = { value: 7, unit: "%", system: "http://unitsofmeasure.org", code: "%" }): fhir4.Observation => ({
  resourceType: "Observation",
  id,
  status: "final",
  code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] },
  effectiveDateTime: "2024-01-02",
  valueQuantity: value,
  ...(interpretation ? { interpretation } : {}),
});
const one = (interpretation: fhir4.CodeableConcept[] | undefined, value?: fhir4.Quantity) => toLabResults([observation("x", interpretation, value)], HBA1C).results[0]!;
const code = (c: string): fhir4.CodeableConcept[] => [{ coding: [{ system: V3, code: c }] }];

describe("flags as the chart and the table show them", () => {
  // interpretation sent, comparator on the value, marker, critical styling, abnormal styling, the table's words
  const CASES: readonly [string, fhir4.CodeableConcept[] | undefined, fhir4.Quantity["comparator"] | undefined, string, boolean, boolean, string][] = [
    ["none", undefined, undefined, "none", false, false, "Not flagged"],
    ["N", code("N"), undefined, "N", false, false, "Normal (N)"],
    ["H", code("H"), undefined, "H", false, true, "High (H)"],
    ["HU", code("HU"), undefined, "H", false, true, "Significantly high (HU)"],
    ["LU", code("LU"), undefined, "L", false, true, "Significantly low (LU)"],
    ["HH", code("HH"), undefined, "HH", true, true, "Critical high (HH)"],
    ["LL", code("LL"), undefined, "LL", true, true, "Critical low (LL)"],
    ["AA", code("AA"), undefined, "AA", true, true, "Critical abnormal (AA)"],
    ["A", code("A"), undefined, "A", false, true, "Abnormal (A)"],
    ["POS", code("POS"), undefined, "other", false, false, "Positive (POS)"],
    [">", code(">"), undefined, "above", false, false, "Off scale high (>)"],
    ["<", code("<"), undefined, "below", false, false, "Off scale low (<)"],
    ["unknown code, Normal words", [{ coding: [{ system: V3, code: "NORM1", display: "Normal" }] }], undefined, "N", false, false, "Normal"],
    ["text only, Panic high", [{ text: "Panic high" }], undefined, "HH", true, true, "Panic high"],
    ["a limit, LL", code("LL"), "<", "below", true, true, "Critical low (LL)"],
    ["a limit, AA", code("AA"), ">", "above", true, true, "Critical abnormal (AA)"],
    ["a limit, not flagged", undefined, "<", "below", false, false, "Not flagged"],
    ["> and HH", [...code(">"), ...code("HH")], undefined, "above", true, true, "Critical high (HH); Off scale high (>)"],
  ];

  it.each(CASES)("%s", (_, interpretation, comparator, marker, critical, flagged, words) => {
    const r = one(interpretation, { value: 7, unit: "%", system: "http://unitsofmeasure.org", code: "%", ...(comparator ? { comparator } : {}) });
    expect(markerOf(r)).toBe(marker);
    expect(chartPoint(r, percent, "en-US")).toMatchObject({ marker, critical, flagged });
    expect(tableRow(r, percent, "en-US", "UTC").flag).toEqual({ marker, critical, flagged, text: words });
  });

  it("a critical limit keeps its critical styling in the legend, in words saying both", () => {
    const r = one(code("LL"), { value: 4, unit: "%", system: "http://unitsofmeasure.org", code: "%", comparator: "<" });
    expect(legendEntries([chartPoint(r, percent, "en-US")])).toEqual([{ marker: "below", critical: true, flagged: true, text: "Limit: the value is below the mark — Critical low" }]);
  });

  it("the legend names each ungraded interpretation in the lab's words, with the neutral marker", () => {
    const rs = toLabResults([observation("a", code("POS")), observation("b", [{ coding: [{ system: V3, code: "R", display: "Resistant" }] }]), observation("c", code("N"))], HBA1C).results;
    expect(legendEntries(rs.map((r) => chartPoint(r, percent, "en-US")))).toEqual([
      { marker: "N", critical: false, flagged: false, text: "Normal" },
      { marker: "other", critical: false, flagged: false, text: "Positive" },
      { marker: "other", critical: false, flagged: false, text: "Resistant" },
    ]);
  });

  it("describes critical and off-scale results without calling off scale abnormal", () => {
    const rs = toLabResults([observation("a", code("HH")), observation("b", code(">")), observation("c", code("POS")), observation("d", undefined)], HBA1C).results;
    expect(describeChart({ ...HBA1C, target: undefined }, rs, percent, "en-US")).toContain("1 flagged by the lab as outside the normal range, 1 of them critical. 1 reported by the lab as off the instrument's scale.");
  });
});

describe("the flag cell of a row without a value", () => {
  const base: fhir4.Observation = { resourceType: "Observation", id: "o", status: "final", code: {}, effectiveDateTime: "2024-01-02" };

  it("is empty for an order or a clotted specimen the lab did not flag, and says Not flagged only of a value", () => {
    const registered = toLabResult({ ...base, status: "registered" }, HBA1C);
    const clotted = toLabResult({ ...base, dataAbsentReason: { text: "Specimen clotted" } }, HBA1C);
    const measured = toLabResult({ ...base, valueQuantity: { value: 7.1, code: "%" } }, HBA1C);
    expect(tableRow(registered, HBA1C.units[0]).flag).toBeUndefined();
    expect(tableRow(clotted, HBA1C.units[0]).flag).toBeUndefined();
    expect(tableRow(measured, HBA1C.units[0]).flag?.text).toBe("Not flagged");
    const flaggedWithoutValue = toLabResult({ ...base, interpretation: [{ coding: [{ code: "H" }] }] }, HBA1C);
    expect(tableRow(flaggedWithoutValue, HBA1C.units[0]).flag?.text).toBe("High (H)");
  });
});

describe("dates as the table, details and chart show them (clinical rules §8)", () => {
  const at = (fields: Partial<fhir4.Observation>) =>
    toLabResult({ resourceType: "Observation", id: "d", status: "final", code: {}, valueQuantity: { value: 7, code: "%" }, ...fields }, HBA1C);

  it("says when a date is the report date, or known only to the year or month, or has no time zone", () => {
    expect(tableRow(byId("06"), percent, "en-US", "UTC").date).toBe("Sep 14, 2020, 3:20 PM (report date)");
    expect(dateText(at({ effectiveDateTime: "2019" }), "en-US", "UTC")).toBe("2019 (year only)");
    expect(dateText(at({ effectiveDateTime: "2019-07" }), "en-US", "UTC")).toBe("Jul 2019 (month only)");
    expect(dateText(at({ issued: "2019-07" }), "en-US", "UTC")).toBe("Jul 2019 (month only; report date)");
    expect(dateText(at({ effectiveDateTime: "2021-03-04T23:30:00" }), "en-US", "America/Los_Angeles")).toBe("Mar 4, 2021, 11:30 PM (time zone not stated)");
    expect(dateText(at({ effectiveDateTime: "2021-03-04" }), "en-US", "UTC")).toBe("Mar 4, 2021");
  });

  it("a point whose date is known only to the month or year spans that period on the chart", () => {
    const year = chartPoint(at({ effectiveDateTime: "2019" }), percent, "en-US", "Europe/Paris");
    expect([year.time, year.periodEnd]).toEqual([Date.UTC(2018, 11, 31, 23), Date.UTC(2019, 11, 31, 23)]);
    expect(chartPoint(at({ effectiveDateTime: "2019-07-02" }), percent, "en-US", "UTC")).not.toHaveProperty("periodEnd");
  });
});
