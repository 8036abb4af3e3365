import { describe, expect, it } from "vitest";
import { EGFR, GLUCOSE, HBA1C } from "./catalog";
import { defaultGoal, type GoalLine } from "./goals";
import { toLabResults } from "./results";
import { monthsBetween, overdueText, summarize } from "./summary";
import { loincObservation } from "../test/observations";

function a1c(id: string, date: string, value: number | string): fhir4.Observation {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    code: { coding: [{ code: "4548-4" }] },
    effectiveDateTime: date,
    ...(typeof value === "number" ? { valueQuantity: { value, code: "%" } } : { valueString: value }),
  };
}

describe("summarize", () => {
  const { results } = toLabResults([a1c("a", "2024-01-10", 7.4), a1c("b", "2024-06-01", 6.9), a1c("c", "2024-08-01", "see note")], HBA1C);

  it("latest drawn value, change from the previous, count, last test date", () => {
    const s = summarize(results, HBA1C, Date.UTC(2024, 9, 1));
    expect(s.count).toBe(3);
    expect(s.latest?.id).toBe("b");
    expect(s.previous?.id).toBe("a");
    expect(s.change).toBeCloseTo(-0.5, 10);
    expect(s.lastTested?.raw).toBe("2024-08-01");
    expect(s.overdue).toBeUndefined();
  });

  const goal = defaultGoal(HBA1C);
  it("at goal (6.9 < 7.0), HbA1c is overdue six months after the last test; a lab without an interval never is", () => {
    expect(summarize(results, HBA1C, Date.UTC(2025, 0, 31), goal).overdue).toBeUndefined();
    expect(summarize(results, HBA1C, Date.UTC(2025, 1, 1), goal).overdue).toEqual({ months: 6, goal: "at" });
    expect(summarize(results, { ...HBA1C, retestMonthsAtGoal: 12 }, Date.UTC(2025, 1, 1), goal).overdue).toBeUndefined();
    expect(summarize(results, GLUCOSE, Date.UTC(2030, 0, 1), undefined).overdue).toBeUndefined();
  });

  it("not at goal, three months; not known to be at goal (a limit across it), three months; no goal, the at-goal interval", () => {
    const high = toLabResults([a1c("a", "2024-01-10", 6.4), a1c("b", "2024-06-01", 8.2)], HBA1C).results;
    expect(summarize(high, HBA1C, Date.UTC(2024, 8, 1), goal).overdue).toEqual({ months: 3, goal: "not" });
    expect(summarize(high, HBA1C, Date.UTC(2024, 7, 31), goal).overdue).toBeUndefined();
    const strict: GoalLine = { kind: "limit", comparator: "<", value: 6.5, source: "patient" };
    expect(summarize(toLabResults([a1c("a", "2024-01-10", 6.4)], HBA1C).results, HBA1C, Date.UTC(2024, 4, 1), strict).overdue).toBeUndefined();
    const limit = toLabResults([a1c("a", "2024-01-10", ">6.0 %")], HBA1C).results;
    expect(summarize(limit, HBA1C, Date.UTC(2024, 4, 1), goal).overdue).toEqual({ months: 3, goal: "unknown" });
    expect(summarize(high, HBA1C, Date.UTC(2024, 11, 1), undefined).overdue).toEqual({ months: 6, goal: "none" });
    expect(summarize(high, { ...HBA1C, retestMonthsNotAtGoal: undefined }, Date.UTC(2024, 11, 1), goal).overdue).toEqual({ months: 6, goal: "not" });
  });

  it("words the interval as the guideline does", () => {
    expect(overdueText({ months: 6, goal: "at" })).toBe("overdue: at goal, test at least every 6 months");
    expect(overdueText({ months: 3, goal: "not" })).toBe("overdue: not at goal, test every 3 months");
    expect(overdueText({ months: 3, goal: "unknown" })).toBe("overdue: not known to be at goal, test every 3 months");
    expect(overdueText({ months: 12, goal: "none" })).toBe("overdue: test at least every 12 months");
  });

  it("only a result with a value is the last test: not a clotted specimen, a registered order or a cancelled one", () => {
    const clotted: fhir4.Observation = { ...a1c("x", "2024-12-01", 0), valueQuantity: undefined, dataAbsentReason: { text: "Clotted specimen" } };
    const registered: fhir4.Observation = { ...a1c("y", "2024-12-15", 0), status: "registered", valueQuantity: undefined };
    const cancelled: fhir4.Observation = { ...a1c("z", "2024-12-20", 0), status: "cancelled", valueQuantity: undefined };
    const empty: fhir4.Observation = { ...a1c("w", "2024-12-21", 0), valueQuantity: undefined };
    const all = toLabResults([a1c("a", "2024-01-10", 7.4), a1c("b", "2024-06-01", 6.9), clotted, registered, cancelled, empty], HBA1C).results;
    const s = summarize(all, HBA1C, Date.UTC(2025, 1, 1), goal);
    expect(s.lastTested?.raw).toBe("2024-06-01");
    expect(s.overdue).toEqual({ months: 6, goal: "at" });
  });

  it("no change across a limit, nothing at all without results", () => {
    const limits = toLabResults([a1c("a", "2024-01-10", 7.4), a1c("b", "2024-06-01", "<4.0 %")], HBA1C).results;
    expect(summarize(limits, HBA1C, 0).change).toBeUndefined();
    expect(summarize([], HBA1C, 0)).toMatchObject({ count: 0, latest: undefined, change: undefined, lastTested: undefined, overdue: undefined });
  });

  describe("Change is never computed across a method change (docs/clinical-rules.md §7)", () => {
    const egfr = (id: string, date: string, code: string, value: number | string) => loincObservation(id, date, code, value, "mL/min/{1.73_m2}");
    const MDRD = "33914-3";
    const CKD_EPI_2021 = "98979-8";
    const summary = (...observations: fhir4.Observation[]) => summarize(toLabResults(observations, EGFR).results, EGFR, 0);

    it("the first result of a new method: no change, and the method the previous result used", () => {
      const s = summary(egfr("a", "2022-01-01", MDRD, 52), egfr("b", "2023-01-01", CKD_EPI_2021, 58));
      expect(s.latest?.id).toBe("b");
      expect(s.previous).toBeUndefined();
      expect(s.change).toBeUndefined();
      expect(s.otherMethodBefore?.id).toBe("a");
      expect(s.otherMethodBefore?.method).toBe("MDRD");
    });

    it("compares with the previous result of the same method, passing over another method's results", () => {
      const s = summary(egfr("a", "2022-01-01", CKD_EPI_2021, 61), egfr("b", "2022-06-01", MDRD, 40), egfr("c", "2023-01-01", CKD_EPI_2021, 58));
      expect(s.previous?.id).toBe("a");
      expect(s.change).toBe(-3);
      expect(s.otherMethodBefore?.id).toBe("b");
    });

    it("the same method throughout: as before, and no other method to name", () => {
      const s = summary(egfr("a", "2022-01-01", CKD_EPI_2021, 61), egfr("b", "2023-01-01", CKD_EPI_2021, 58));
      expect([s.previous?.id, s.change, s.otherMethodBefore]).toEqual(["a", -3, undefined]);
    });

    it("glucose: a glucometer reading is not compared with a plasma glucose", () => {
      const glucose = (id: string, date: string, code: string, value: number): fhir4.Observation => ({
        resourceType: "Observation",
        id,
        status: "final",
        code: { coding: [{ system: "http://loinc.org", code }] },
        effectiveDateTime: date,
        valueQuantity: { value, code: "mg/dL" },
      });
      const results = toLabResults([glucose("lab", "2024-01-01", "2345-7", 180), glucose("meter", "2024-01-02", "41653-7", 95)], GLUCOSE).results;
      const s = summarize(results, GLUCOSE, 0);
      expect([s.latest?.id, s.previous, s.change, s.otherMethodBefore?.method]).toEqual(["meter", undefined, undefined, "Serum or plasma"]);
    });
  });

  it("counts whole months", () => {
    expect(monthsBetween(Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 29))).toBe(0);
    expect(monthsBetween(Date.UTC(2024, 0, 31), Date.UTC(2024, 2, 1))).toBe(1);
    expect(monthsBetween(Date.UTC(2023, 11, 15), Date.UTC(2024, 5, 15))).toBe(6);
  });
});
