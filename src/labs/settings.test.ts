import { describe, expect, it } from "vitest";
import { HBA1C, LABS, withSettings } from "./catalog";
import { LAB_IDS } from "./settings";

describe("lab settings", () => {
  it("name every lab of the catalog, in its order", () => {
    expect(LABS.map((lab) => lab.id)).toEqual([...LAB_IDS]);
  });

  it("replace the catalog's goal and retest intervals, keep what they leave out, and null removes", () => {
    expect(withSettings(HBA1C, undefined)).toBe(HBA1C);
    expect(withSettings(HBA1C, {})).toEqual(HBA1C);
    expect(HBA1C.target).toEqual({ comparator: "<", value: 7, basis: "ADA: many non-pregnant adults" });
    expect([HBA1C.retestMonthsAtGoal, HBA1C.retestMonthsNotAtGoal]).toEqual([6, 3]);
    const stricter = withSettings(HBA1C, { target: { comparator: "<", value: 6.5, basis: "our diabetes clinic" }, retestMonthsAtGoal: 4, retestMonthsNotAtGoal: 2 });
    expect(stricter.target).toEqual({ comparator: "<", value: 6.5, basis: "our diabetes clinic" });
    expect([stricter.retestMonthsAtGoal, stricter.retestMonthsNotAtGoal]).toEqual([4, 2]);
    expect(stricter.codes).toBe(HBA1C.codes);
    const targetOnly = withSettings(HBA1C, { target: 8 });
    expect(targetOnly.target).toEqual({ comparator: "<", value: 8, basis: "set by this deployment" });
    expect(targetOnly.retestMonthsAtGoal).toBe(6);
    const none = withSettings(HBA1C, { target: null, retestMonthsAtGoal: null, retestMonthsNotAtGoal: null });
    expect(none).not.toHaveProperty("target");
    expect(none).not.toHaveProperty("retestMonthsAtGoal");
    expect(none).not.toHaveProperty("retestMonthsNotAtGoal");
    const glucose = LABS.find((lab) => lab.id === "glucose")!;
    expect(glucose.target).toBeUndefined();
    expect(withSettings(glucose, { target: 100 }).target).toEqual({ comparator: "<", value: 100, basis: "set by this deployment" });
  });

  it("read the earlier overdueAfterMonths as the at-goal interval; its null switches both off", () => {
    const old = withSettings(HBA1C, { overdueAfterMonths: 12 });
    expect([old.retestMonthsAtGoal, old.retestMonthsNotAtGoal]).toEqual([12, 3]);
    expect(withSettings(HBA1C, { overdueAfterMonths: 12, retestMonthsAtGoal: 5 }).retestMonthsAtGoal).toBe(5);
    const never = withSettings(HBA1C, { overdueAfterMonths: null });
    expect(never).not.toHaveProperty("retestMonthsAtGoal");
    expect(never).not.toHaveProperty("retestMonthsNotAtGoal");
  });
});
