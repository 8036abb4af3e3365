import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HBA1C } from "./catalog";
import { toLabResult, toLabResults } from "./results";

/** The sandbox's scenario data doubles as the unit tests' fixtures. */
function sandboxObservations(file: string): fhir4.Observation[] {
  const bundle = JSON.parse(readFileSync(`sandbox/data/${file}`, "utf8")) as fhir4.Bundle;
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is fhir4.Observation => r?.resourceType === "Observation");
}

function observation(overrides: Partial<fhir4.Observation>): fhir4.Observation {
  return {
    resourceType: "Observation",
    id: "o1",
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] },
    effectiveDateTime: "2021-03-04T10:00:00Z",
    valueQuantity: { value: 7.2, unit: "%", system: "http://unitsofmeasure.org", code: "%" },
    ...overrides,
  };
}

describe("toLabResults over the sandbox's hba1c-long patient", () => {
  const observations = sandboxObservations("hba1c-long.json");
  const { results, excluded } = toLabResults(observations, HBA1C);

  it("keeps every result but the entered-in-error ones", () => {
    expect(observations).toHaveLength(140);
    expect(excluded).toBe(4);
    expect(results).toHaveLength(136);
    expect(results.every((r) => r.plotted)).toBe(true);
  });

  it("sorts newest first, whatever order the pages came in", () => {
    const shuffled = [...observations].reverse();
    const times = toLabResults(shuffled, HBA1C).results.map((r) => r.when!.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(results[0]!.when!.raw.startsWith("2024-")).toBe(true);
  });

  it("draws a result that arrives twice (on two pages) once", () => {
    expect(toLabResults([...observations, ...observations.slice(0, 10)], HBA1C).results).toHaveLength(136);
  });
});

describe("toLabResult", () => {
  it("plots a numeric value in the lab's unit", () => {
    expect(toLabResult(observation({}), HBA1C)).toMatchObject({ plotted: true, value: 7.2, unit: "%", valueText: "7.2" });
  });

  it("takes the time from effectiveDateTime, then effectivePeriod.start, then issued", () => {
    expect(toLabResult(observation({ effectiveDateTime: undefined, effectivePeriod: { start: "2020-01-02" } }), HBA1C).when?.raw).toBe("2020-01-02");
    expect(toLabResult(observation({ effectiveDateTime: undefined, issued: "2019-05-06T07:08:09Z" }), HBA1C).when?.raw).toBe("2019-05-06T07:08:09Z");
  });

  it("lists but does not plot what it cannot draw honestly, saying why", () => {
    const cases: [Partial<fhir4.Observation>, string][] = [
      [{ effectiveDateTime: undefined }, "No date recorded"],
      [{ valueQuantity: undefined, valueString: "<4.0" }, "No numeric value"],
      [{ valueQuantity: { value: 4, comparator: "<", unit: "%", code: "%" } }, "Limit value (<4)"],
      [{ valueQuantity: { value: 53, unit: "mmol/mol", code: "mmol/mol" } }, "Unit mmol/mol cannot be shown on the % scale"],
      [{ valueQuantity: undefined, dataAbsentReason: { text: "Sample hemolyzed" } }, "No value: Sample hemolyzed"],
    ];
    for (const [overrides, reason] of cases) {
      const result = toLabResult(observation(overrides), HBA1C);
      expect(result.plotted, reason).toBe(false);
      expect(result.reason).toContain(reason);
    }
  });

  it("shows values as recorded in the table", () => {
    expect(toLabResult(observation({ valueQuantity: undefined, valueString: "<4.0" }), HBA1C).valueText).toBe("<4.0");
    expect(toLabResult(observation({ valueQuantity: { value: 4, comparator: "<", code: "%" } }), HBA1C).valueText).toBe("<4.0");
  });

  it("drops cancelled and entered-in-error results and counts them", () => {
    const { results, excluded } = toLabResults(
      [observation({ id: "a" }), observation({ id: "b", status: "cancelled" }), observation({ id: "c", status: "entered-in-error" })],
      HBA1C,
    );
    expect(results.map((r) => r.id)).toEqual(["a"]);
    expect(excluded).toBe(2);
  });
});
