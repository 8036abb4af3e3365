import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CREATININE, GLUCOSE, HBA1C, LABS, TRIGLYCERIDES } from "./catalog";
import { findUnit, formatIn, fromCanonical, recordedUnit, roundTo, toCanonical } from "./units";

const unit = (lab: typeof HBA1C, code: string) => findUnit(lab, code)!;

describe("unit conversions", () => {
  it("HbA1c: the NGSP–IFCC master equation, both ways", () => {
    const mmol = unit(HBA1C, "mmol/mol");
    expect(toCanonical(53, mmol)).toBeCloseTo(53 / 10.929 + 2.15, 10);
    expect(fromCanonical(7, mmol)).toBeCloseTo(10.929 * (7 - 2.15), 10);
    expect(formatIn(7, mmol, "en-US")).toBe("53");
    expect(formatIn(6.5, mmol, "en-US")).toBe("48");
  });

  it("glucose, creatinine, triglycerides: the clinical factors", () => {
    expect(toCanonical(5.5, unit(GLUCOSE, "mmol/L"))).toBeCloseTo(99.088, 3);
    expect(toCanonical(88.42, unit(CREATININE, "umol/L"))).toBeCloseTo(1, 10);
    expect(fromCanonical(150, unit(TRIGLYCERIDES, "mmol/L"))).toBeCloseTo(1.694, 3);
  });

  it("round-trips every unit of every lab", () => {
    const pairs = LABS.flatMap((lab) => lab.units.map((u) => u));
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.double({ min: 0, max: 1000, noNaN: true }), (u, v) => {
        expect(fromCanonical(toCanonical(v, u), u)).toBeCloseTo(v, 6);
      }),
    );
  });

  it("matches the spellings labs use, and nothing else", () => {
    expect(findUnit(CREATININE, "µmol/L")?.code).toBe("umol/L");
    expect(findUnit(CREATININE, "μmol/l")?.code).toBe("umol/L");
    expect(findUnit(GLUCOSE, "mg/dl")?.code).toBe("mg/dL");
    expect(findUnit(LABS.find((l) => l.id === "egfr")!, "mL/min/1.73m2")?.code).toBe("mL/min/{1.73_m2}");
    for (const bad of [undefined, "", " ", "g/dL", "mmol", "%%"]) expect(findUnit(GLUCOSE, bad), String(bad)).toBeUndefined();
  });

  it("reads a Quantity's UCUM code first, its free text otherwise", () => {
    expect(recordedUnit({ value: 1, unit: "µmol/L", system: "http://unitsofmeasure.org", code: "umol/L" })).toBe("umol/L");
    expect(recordedUnit({ value: 1, unit: "mg/dL", system: "http://example.org/local-units", code: "MGDL" })).toBe("mg/dL");
    expect(recordedUnit({ value: 1 })).toBeUndefined();
  });
});

describe("roundTo", () => {
  it("rounds half away from zero on the number as written", () => {
    expect([roundTo(1.005, 2), roundTo(2.675, 2), roundTo(-1.005, 2), roundTo(0.5, 0), roundTo(1.4999, 0), roundTo(-0.001, 2), roundTo(1e-7, 2), roundTo(123456.785, 2)]).toEqual([1.01, 2.68, -1.01, 1, 1, 0, 0, 123456.79]);
    expect([roundTo(Infinity, 2), roundTo(1e300, 2)]).toEqual([Infinity, 1e300]);
  });
});
