import { describe, expect, it } from "vitest";
import { EGFR, HBA1C, LABS } from "./catalog";
import { atGoal, chooseGoal, goalLabel, type GoalLine } from "./goals";
import { toLabResults } from "./results";

const percent = HBA1C.units[0];
const mmolMol = HBA1C.units[1]!;

function goal(id: string, target: fhir4.GoalTarget, extra: Partial<fhir4.Goal> = {}): fhir4.Goal {
  return {
    resourceType: "Goal",
    id,
    lifecycleStatus: "active",
    description: { text: `goal ${id}` },
    subject: { reference: "Patient/p1" },
    target: [{ measure: { coding: [{ system: "http://loinc.org", code: "4548-4" }] }, ...target }],
    ...extra,
  };
}
const quantity = (value: number, comparator?: fhir4.Quantity["comparator"], code = "%"): fhir4.GoalTarget => ({
  detailQuantity: { value, ...(comparator && { comparator }), unit: code, system: "http://unitsofmeasure.org", code },
});

describe("goal labels", () => {
  it.each<[string, GoalLine, string]>([
    ["the patient's goal", { kind: "limit", comparator: "<", value: 8, source: "patient" }, "Goal < 8.0 % — patient's goal"],
    ["a range", { kind: "range", low: 6.5, high: 7.5, source: "patient" }, "Goal 6.5–7.5 % — patient's goal"],
    ["the default", { kind: "limit", comparator: "<", value: 7, source: "default", basis: "ADA: many non-pregnant adults" }, "Goal < 7.0 % — default (ADA: many non-pregnant adults)"],
    ["≤ and ≥", { kind: "limit", comparator: ">=", value: 6, source: "patient" }, "Goal ≥ 6.0 % — patient's goal"],
    ["an exact value", { kind: "limit", value: 6.5, source: "patient" }, "Goal 6.5 % — patient's goal"],
  ])("%s", (_, line, label) => {
    expect(goalLabel(line, percent, "en-US")).toBe(label);
  });

  it("follow the unit shown", () => {
    expect(goalLabel({ kind: "limit", comparator: "<", value: 7, source: "default", basis: "ADA" }, mmolMol, "en-US")).toBe("Goal < 53 mmol/mol — default (ADA)");
  });
});

describe("choosing the goal line", () => {
  it("the catalog default when no Goal was read, or none covers this lab", () => {
    const expected = { kind: "limit", comparator: "<", value: 7, source: "default", basis: "ADA: many non-pregnant adults" };
    expect(chooseGoal(HBA1C, undefined).line).toEqual(expected);
    expect(chooseGoal(HBA1C, { status: "unavailable" }).line).toEqual(expected);
    expect(chooseGoal(HBA1C, { status: "unavailable" }).notes).toEqual([]);
    const other: fhir4.Goal = { ...goal("g", quantity(100, "<", "mg/dL")), target: [{ measure: { coding: [{ system: "http://loinc.org", code: "2089-1" }] }, ...quantity(100, "<", "mg/dL") }] };
    expect(chooseGoal(HBA1C, { status: "read", goals: [other] }).line).toEqual(expected);
  });

  it("other labs have no default line", () => {
    for (const lab of LABS.filter((l) => l !== HBA1C)) expect(chooseGoal(lab, { status: "read", goals: [] }).line).toBeUndefined();
  });

  it("a failure other than 'not here' falls back to the default and says so", () => {
    const choice = chooseGoal(HBA1C, { status: "failed", message: "The FHIR server had an error (500)." });
    expect(choice.line?.source).toBe("default");
    expect(choice.notes).toEqual(["The patient's goals could not be read (The FHIR server had an error (500).); the default goal is shown."]);
  });

  it("the patient's detailQuantity with its comparator, in the lab's canonical unit", () => {
    expect(chooseGoal(HBA1C, { status: "read", goals: [goal("g", quantity(8, "<"))] }).line).toMatchObject({ kind: "limit", comparator: "<", value: 8, source: "patient" });
    const molar = chooseGoal(HBA1C, { status: "read", goals: [goal("g", quantity(64, "<=", "mmol/mol"))] }).line;
    expect(molar).toMatchObject({ kind: "limit", comparator: "<=", source: "patient" });
    expect(molar?.kind === "limit" && molar.value).toBeCloseTo(64 / 10.929 + 2.15, 6);
  });

  it("a detailRange; a one-sided range is a limit", () => {
    const range = (low?: number, high?: number): fhir4.GoalTarget => ({
      detailRange: { ...(low !== undefined && { low: { value: low, code: "%", system: "http://unitsofmeasure.org" } }), ...(high !== undefined && { high: { value: high, code: "%", system: "http://unitsofmeasure.org" } }) },
    });
    expect(chooseGoal(HBA1C, { status: "read", goals: [goal("g", range(6.5, 7.5))] }).line).toMatchObject({ kind: "range", low: 6.5, high: 7.5, source: "patient" });
    expect(chooseGoal(HBA1C, { status: "read", goals: [goal("g", range(undefined, 8))] }).line).toMatchObject({ kind: "limit", comparator: "<=", value: 8 });
    expect(chooseGoal(HBA1C, { status: "read", goals: [goal("g", range(6))] }).line).toMatchObject({ kind: "limit", comparator: ">=", value: 6 });
  });

  it("an unconvertible unit is ignored, and said; the default is drawn", () => {
    const choice = chooseGoal(HBA1C, { status: "read", goals: [goal("g", quantity(150, "<", "mg/dL"))] });
    expect(choice.line?.source).toBe("default");
    expect(choice.notes).toEqual(["A goal in the record (goal g) is in mg/dL, which cannot be converted to %; it is not drawn."]);
  });

  it("a number without a unit is not guessed at: not drawn, and said", () => {
    const bare = goal("b", { detailQuantity: { value: 53, comparator: "<" } });
    const choice = chooseGoal(HBA1C, { status: "read", goals: [bare] });
    expect(choice.line?.source).toBe("default");
    expect(choice.notes).toEqual(["A goal in the record (goal b) has no unit; it is not drawn."]);
  });

  it("only active Goals, even when the server ignored lifecycle-status", () => {
    const done = goal("done", quantity(6, "<"), { lifecycleStatus: "completed" });
    expect(chooseGoal(HBA1C, { status: "read", goals: [done] }).line?.source).toBe("default");
  });

  it("several: the most recent by startDate, else meta.lastUpdated, drawn; the others named", () => {
    const old = goal("old", quantity(7.5, "<"), { startDate: "2020-01-01" });
    const recent = goal("recent", quantity(8, "<"), { startDate: "2024-03-01" });
    const updated = goal("updated", quantity(6.5, "<"), { meta: { lastUpdated: "2023-05-01T10:00:00Z" } });
    const undated = goal("undated", quantity(9, "<"));
    const choice = chooseGoal(HBA1C, { status: "read", goals: [old, undated, updated, recent] });
    expect(choice.line).toMatchObject({ value: 8, since: "2024-03-01" });
    expect(choice.others.map((o) => o.kind === "limit" && o.value)).toEqual([6.5, 7.5, 9]);
  });

  it("a measure coded with any of the lab's codes counts", () => {
    const egfr: fhir4.Goal = { ...goal("e", {}), target: [{ measure: { coding: [{ system: "http://loinc.org", code: "62238-1" }] }, detailQuantity: { value: 60, comparator: ">", code: "mL/min/{1.73_m2}", system: "http://unitsofmeasure.org" } }] };
    expect(chooseGoal(EGFR, { status: "read", goals: [egfr] }).line).toMatchObject({ kind: "limit", comparator: ">", value: 60, source: "patient" });
  });

  it("a target that is not a number is not drawn, and said", () => {
    const text = goal("t", { detailString: "lower" });
    const choice = chooseGoal(HBA1C, { status: "read", goals: [text] });
    expect(choice.line?.source).toBe("default");
    expect(choice.notes).toEqual(["A goal in the record (goal t) has no number to draw; it is not drawn."]);
  });
});

describe("at goal", () => {
  const results = toLabResults(
    [
      ["a", 6.8],
      ["b", 7.4],
      ["c", "<5.0 %"],
      ["d", ">14 %"],
      ["e", ">6 %"],
    ].map(([id, v]): fhir4.Observation => ({
      resourceType: "Observation",
      id: String(id),
      status: "final",
      code: { coding: [{ code: "4548-4" }] },
      effectiveDateTime: "2024-01-01",
      ...(typeof v === "number" ? { valueQuantity: { value: v, code: "%" } } : { valueString: v }),
    })),
    HBA1C,
  ).results;
  const byId = (id: string) => results.find((r) => r.id === id)!;
  const below7: GoalLine = { kind: "limit", comparator: "<", value: 7, source: "default" };
  const range: GoalLine = { kind: "range", low: 6.5, high: 7.5, source: "patient" };
  it.each<[string, GoalLine, boolean | undefined]>([
    ["a", below7, true],
    ["b", below7, false],
    ["c", below7, true],
    ["d", below7, false],
    ["e", below7, undefined],
    ["a", range, true],
    ["b", range, true],
    ["c", range, false],
    ["e", range, undefined],
  ])("%s against %j: %s", (id, line, expected) => {
    expect(atGoal(byId(id), line)).toBe(expected);
  });
});
