import { describe, expect, it } from "vitest";
import { EGFR, GLUCOSE, HBA1C, HDL, LABS, LDL, LOINC, searchCodes, TOTAL_CHOLESTEROL, TRIGLYCERIDES, type LabDefinition } from "./catalog";
import { codeOf, methodChanges, methodsOf } from "./methods";
import { toLabResult } from "./results";

function observation(code: string, system: string | undefined = LOINC, extra: Partial<fhir4.Observation> = {}): fhir4.Observation {
  return {
    resourceType: "Observation",
    id: code,
    status: "final",
    code: { coding: [{ ...(system !== undefined && { system }), code }] },
    effectiveDateTime: "2024-03-04",
    valueQuantity: { value: 50, unit: "mL/min/{1.73_m2}", code: "mL/min/{1.73_m2}" },
    ...extra,
  };
}

/** Every code the issue names, with the lab it belongs to and the method it is drawn as. */
const CODES: readonly (readonly [LabDefinition, string, string])[] = [
  [LDL, "22748-8", "Serum or plasma"],
  [LDL, "39469-2", "Serum or plasma"],
  [HDL, "14646-4", "Serum or plasma"],
  [TOTAL_CHOLESTEROL, "14647-2", "Serum or plasma"],
  [TRIGLYCERIDES, "14927-8", "Serum or plasma"],
  [GLUCOSE, "2345-7", "Serum or plasma"],
  [GLUCOSE, "14749-6", "Serum or plasma"],
  [GLUCOSE, "2339-0", "Whole blood"],
  [GLUCOSE, "15074-8", "Whole blood"],
  [GLUCOSE, "41653-7", "Glucometer (capillary)"],
  [GLUCOSE, "14743-9", "Glucometer (capillary)"],
  [GLUCOSE, "1558-6", "Fasting serum or plasma"],
  [GLUCOSE, "14771-0", "Fasting serum or plasma"],
  [GLUCOSE, "41604-0", "Fasting glucometer (capillary)"],
  [GLUCOSE, "14770-2", "Fasting glucometer (capillary)"],
  [EGFR, "33914-3", "MDRD"],
  [EGFR, "77147-7", "MDRD"],
  [EGFR, "48643-1", "MDRD, race-based (African American)"],
  [EGFR, "48642-3", "MDRD, race-based (non-African American)"],
  [EGFR, "50044-7", "MDRD (female)"],
  [EGFR, "70969-1", "MDRD (male)"],
  [EGFR, "62238-1", "CKD-EPI 2009"],
  [EGFR, "88293-6", "CKD-EPI 2009, race-based (African American)"],
  [EGFR, "88294-4", "CKD-EPI 2009, race-based (non-African American)"],
  [EGFR, "98979-8", "CKD-EPI 2021"],
  [HBA1C, "4548-4", "NGSP/IFCC-standardized"],
  [HBA1C, "17856-6", "NGSP/IFCC-standardized"],
  [HBA1C, "59261-8", "NGSP/IFCC-standardized"],
];

describe("codes and methods (docs/clinical-rules.md §7)", () => {
  it.each(CODES)("%# %s: LOINC %s is searched and drawn as %s", (lab, code, method) => {
    expect(searchCodes(lab)).toContain(`${LOINC}|${code}`);
    expect(codeOf(lab, observation(code).code)?.method).toBe(method);
  });

  it("every code of every lab has a LOINC display and a method; no code is in two labs", () => {
    const seen = new Set<string>();
    for (const lab of LABS) {
      for (const c of lab.codes) {
        expect(c.display.trim(), c.code).not.toBe("");
        expect(c.method.trim(), c.code).not.toBe("");
        expect(seen.has(c.code), c.code).toBe(false);
        seen.add(c.code);
      }
    }
  });

  it("a result's method is its matched code's; another system or only text gives none", () => {
    expect(toLabResult(observation("48643-1"), EGFR).method).toBe("MDRD, race-based (African American)");
    expect(toLabResult(observation("98979-8", undefined), EGFR).method).toBe("CKD-EPI 2021");
    expect(toLabResult(observation("98979-8", "http://example.org/local"), EGFR).method).toBeUndefined();
    expect(toLabResult({ ...observation("x"), code: { text: "eGFR" } }, EGFR).method).toBeUndefined();
    // The first coding of the lab wins; other codings (a local code) are passed over.
    const both = { coding: [{ system: "urn:local", code: "EGFR" }, { system: LOINC, code: "62238-1" }, { system: LOINC, code: "98979-8" }] };
    expect(toLabResult({ ...observation("x"), code: both }, EGFR).method).toBe("CKD-EPI 2009");
  });

  it("methods are listed in catalog order, each once; an unidentified method last", () => {
    expect(methodsOf(EGFR, ["CKD-EPI 2021", undefined, "MDRD", "CKD-EPI 2021"])).toEqual(["MDRD", "CKD-EPI 2021", undefined]);
    expect(methodsOf(EGFR, [])).toEqual([]);
  });

  it("method changes: each place where a result's method differs from the one before it, oldest first", () => {
    const r = (time: number, method: string | undefined) => ({ time, method });
    expect(methodChanges([r(1, "MDRD"), r(2, "MDRD"), r(3, "CKD-EPI 2021"), r(4, "CKD-EPI 2021")])).toEqual([{ time: 3, after: 2, from: "MDRD", to: "CKD-EPI 2021" }]);
    expect(methodChanges([r(1, "A"), r(2, undefined)])).toEqual([{ time: 2, after: 1, from: "A", to: undefined }]);
    expect(methodChanges([r(1, "A")])).toEqual([]);
  });
});
