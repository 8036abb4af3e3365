import { describe, expect, it } from "vitest";
import { HBA1C, LABS, withSettings } from "./catalog";
import { LAB_IDS } from "./settings";

describe("lab settings", () => {
  it("name every lab of the catalog, in its order", () => {
    expect(LABS.map((lab) => lab.id)).toEqual([...LAB_IDS]);
  });

  it("replace the catalog's target and retest interval, keep what they leave out, and null removes", () => {
    expect(withSettings(HBA1C, undefined)).toBe(HBA1C);
    expect(withSettings(HBA1C, {})).toEqual(HBA1C);
    const stricter = withSettings(HBA1C, { target: 6.5, overdueAfterMonths: 3 });
    expect(stricter.target).toEqual({ value: 6.5, label: "Target" });
    expect(stricter.overdueAfterMonths).toBe(3);
    expect(stricter.codes).toBe(HBA1C.codes);
    const targetOnly = withSettings(HBA1C, { target: 8 });
    expect(targetOnly.overdueAfterMonths).toBe(HBA1C.overdueAfterMonths);
    const none = withSettings(HBA1C, { target: null, overdueAfterMonths: null });
    expect(none).not.toHaveProperty("target");
    expect(none).not.toHaveProperty("overdueAfterMonths");
    const glucose = LABS.find((lab) => lab.id === "glucose")!;
    expect(glucose.target).toBeUndefined();
    expect(withSettings(glucose, { target: 100 }).target).toEqual({ value: 100, label: "Target" });
  });
});
