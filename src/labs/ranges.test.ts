import { describe, expect, it } from "vitest";
import { CREATININE, GLUCOSE, HBA1C } from "./catalog";
import { ageAt, chooseRange, describeRange, rangeSegments } from "./ranges";

const mgdl = (value: number): fhir4.Quantity => ({ value, unit: "mg/dL", system: "http://unitsofmeasure.org", code: "mg/dL" });
const sex = (code: string, display: string): fhir4.CodeableConcept => ({ coding: [{ system: "http://snomed.info/sct", code, display }] });
const MALE = sex("248153007", "Male");
const FEMALE = sex("248152002", "Female");
const mg = CREATININE.units[0];
const at2020 = Date.UTC(2020, 5, 1);

describe("chooseRange", () => {
  it("low-only, high-only and low: 0 give open or closed bands", () => {
    expect(chooseRange([{ low: mgdl(60) }], GLUCOSE, {}, at2020, mg).band).toEqual({ low: 60 });
    expect(chooseRange([{ high: mgdl(99) }], GLUCOSE, {}, at2020, mg).band).toEqual({ high: 99 });
    expect(chooseRange([{ low: mgdl(0), high: mgdl(5) }], GLUCOSE, {}, at2020, mg).band).toEqual({ low: 0, high: 5 });
  });

  it("a text-only range is kept as text; bounds without a unit take the result's unit", () => {
    expect(chooseRange([{ text: "Negative" }], GLUCOSE, {}, at2020, mg).band).toEqual({ text: "Negative" });
    expect(chooseRange([{ low: { value: 3.9 }, high: { value: 5.5 } }], GLUCOSE, {}, at2020, GLUCOSE.units[1]).band!.high).toBeCloseTo(99.088, 3);
    expect(chooseRange([{ low: { value: 1, code: "furlong" } }], GLUCOSE, {}, at2020, mg).band).toBeUndefined();
  });

  it("ranges by sex: the patient's one; unknown sex draws none and lists them", () => {
    const ranges = [{ low: mgdl(0.74), high: mgdl(1.35), appliesTo: [MALE] }, { low: mgdl(0.59), high: mgdl(1.04), appliesTo: [FEMALE] }];
    expect(chooseRange(ranges, CREATININE, { sex: "female" }, at2020, mg).band).toEqual({ low: 0.59, high: 1.04 });
    expect(chooseRange(ranges, CREATININE, { sex: "male" }, at2020, mg).band).toEqual({ low: 0.74, high: 1.35 });
    expect(chooseRange(ranges, CREATININE, {}, at2020, mg)).toEqual({ band: undefined, others: ["Male: 0.74–1.35 mg/dL", "Female: 0.59–1.04 mg/dL"] });
  });

  it("ranges by age at the time of the result, a specific one over a general one", () => {
    const years = (value: number): fhir4.Quantity => ({ value, code: "a" });
    const ranges: fhir4.ObservationReferenceRange[] = [
      { low: { value: 4, code: "%" }, high: { value: 5.6, code: "%" } },
      { low: { value: 4, code: "%" }, high: { value: 6, code: "%" }, age: { high: years(64) } },
      { low: { value: 4, code: "%" }, high: { value: 6.5, code: "%" }, age: { low: years(65) } },
    ];
    const patient = { birthDate: "1955-06-15" };
    expect(chooseRange(ranges, HBA1C, patient, Date.UTC(2020, 5, 14), HBA1C.units[0]).band?.high).toBe(6);
    expect(chooseRange(ranges, HBA1C, patient, Date.UTC(2020, 5, 16), HBA1C.units[0]).band?.high).toBe(6.5);
    expect(chooseRange(ranges, HBA1C, {}, at2020, HBA1C.units[0]).band?.high).toBe(5.6);
  });

  it("treatment targets and unverifiable populations are text beside the band, never the band", () => {
    const choice = chooseRange(
      [
        { high: { value: 7, code: "%" }, type: { coding: [{ code: "treatment" }] }, text: "Target below 7 %" },
        { high: { value: 6, code: "%" }, appliesTo: [{ text: "Pregnancy" }] },
      ],
      HBA1C,
      { sex: "female", birthDate: "1990" },
      at2020,
      HBA1C.units[0],
    );
    expect(choice).toEqual({ band: undefined, others: ["Target below 7 %", "Pregnancy: ≤ 6 %"] });
  });

  it("age is computed at the result's time", () => {
    expect(Math.floor(ageAt("1948-02-29", Date.UTC(2022, 10, 21))!)).toBe(74);
    expect(ageAt(undefined, 0)).toBeUndefined();
    expect(ageAt("nonsense", 0)).toBeUndefined();
  });
});

describe("describeRange", () => {
  it("in the unit shown", () => {
    expect(describeRange({ low: 4, high: 5.6 }, HBA1C.units[0], "en-US")).toBe("4.0–5.6 %");
    expect(describeRange({ low: 60 }, GLUCOSE.units[0], "en-US")).toBe("≥ 60 mg/dL");
    expect(describeRange({ high: 99 }, GLUCOSE.units[1]!, "en-US")).toBe("≤ 5.5 mmol/L");
    expect(describeRange({ text: "Negative" }, GLUCOSE.units[0], "en-US")).toBe("Negative");
  });
});

describe("rangeSegments", () => {
  it("one segment per run of equal ranges, each reaching the next run", () => {
    const r1 = { low: 4, high: 6 };
    const r2 = { low: 4, high: 5.6 };
    expect(rangeSegments([{ time: 1, range: r1 }, { time: 2, range: { ...r1 } }, { time: 3, range: r2 }, { time: 4 }, { time: 5, range: r2 }])).toEqual([
      { from: 1, to: 3, low: 4, high: 6 },
      { from: 3, to: 5, low: 4, high: 5.6 },
    ]);
    expect(rangeSegments([{ time: 1, range: { text: "x" } }])).toEqual([]);
  });
});
