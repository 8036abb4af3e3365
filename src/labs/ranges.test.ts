import { describe, expect, it } from "vitest";
import { CREATININE, GLUCOSE, HBA1C } from "./catalog";
import { chooseRange, RANGE_LABELS, rangeSegments } from "./ranges";
import { ageAt } from "./ages";
import { describeRange } from "./rangeText";

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
    expect(chooseRange([{ low: { value: 1, code: "furlong" } }], GLUCOSE, {}, at2020, mg)).toEqual({
      band: undefined,
      others: ["≥ 1 furlong (not drawn: furlong cannot be converted to mg/dL)"],
    });
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

describe("chooseRange: populations and ages the app cannot place are listed, never guessed", () => {
  const ranges = [{ low: mgdl(0.74), high: mgdl(1.35), appliesTo: [MALE] }, { low: mgdl(0.59), high: mgdl(1.04), appliesTo: [FEMALE] }];

  it.each(["other", "unknown", undefined])("patient sex %s: both sex-specific ranges are listed with their population; a general range is the band", (patientSex) => {
    const patient = patientSex === undefined ? {} : { sex: patientSex };
    expect(chooseRange(ranges, CREATININE, patient, at2020, mg)).toEqual({ band: undefined, others: ["Male: 0.74–1.35 mg/dL", "Female: 0.59–1.04 mg/dL"] });
    expect(chooseRange([...ranges, { low: mgdl(0.6), high: mgdl(1.3) }], CREATININE, patient, at2020, mg)).toEqual({
      band: { low: 0.6, high: 1.3 },
      others: ["Male: 0.74–1.35 mg/dL", "Female: 0.59–1.04 mg/dL"],
    });
  });

  // A child born 1 January 2020.
  const child = { birthDate: "2020-01-01" };
  const monthsOld = (months: number, days = 0) => Date.UTC(2020, months, 1 + days);
  const infant = (high: fhir4.Quantity): fhir4.ObservationReferenceRange[] => [{ low: mgdl(0.1), high: mgdl(0.4), age: { low: { ...high, value: 0 }, high } }];

  it("an age bound with no unit code is read from its unit text", () => {
    const sixMonths = infant({ value: 6, unit: "months" });
    expect(chooseRange(sixMonths, CREATININE, child, monthsOld(5), mg).band).toEqual({ low: 0.1, high: 0.4 });
    // 10 months old: not "6 years".
    expect(chooseRange(sixMonths, CREATININE, child, monthsOld(10), mg)).toEqual({ band: undefined, others: [] });
    for (const unit of ["mo", "month", "Months", "mos"]) expect(chooseRange(infant({ value: 6, unit }), CREATININE, child, monthsOld(10), mg).band).toBeUndefined();
    for (const unit of ["wk", "weeks", "Wks"]) expect(chooseRange(infant({ value: 20, unit }), CREATININE, child, monthsOld(6), mg).band).toBeUndefined();
    for (const unit of ["d", "days"]) expect(chooseRange(infant({ value: 30, unit }), CREATININE, child, monthsOld(2), mg).band).toBeUndefined();
    for (const unit of ["years", "yr", "a"]) expect(chooseRange(infant({ value: 1, unit }), CREATININE, child, monthsOld(18), mg).band).toEqual({ low: 0.1, high: 0.4 });
  });

  it("an age bound whose unit cannot be read is listed, not guessed", () => {
    // A lower bound of 0 needs no unit.
    expect(chooseRange([{ low: mgdl(0.1), high: mgdl(0.4), age: { low: { value: 0 }, high: { value: 6, code: "mo" } } }], CREATININE, child, monthsOld(5), mg).band).toBeDefined();
    const choice = chooseRange(infant({ value: 6 }), CREATININE, child, monthsOld(5), mg);
    expect(choice.band).toBeUndefined();
    expect(choice.others).toEqual(["0.1–0.4 mg/dL (not drawn: its age bounds have no unit)"]);
    expect(chooseRange(infant({ value: 6, unit: "fortnights" }), CREATININE, child, monthsOld(5), mg).others).toEqual([
      "0.1–0.4 mg/dL (not drawn: age unit fortnights not understood)",
    ]);
  });

  it("an upper age bound covers one more of its own unit: 0–6 months until 7 months, 64 years until the 65th birthday", () => {
    const sixMonths = infant({ value: 6, code: "mo", system: "http://unitsofmeasure.org" });
    expect(chooseRange(sixMonths, CREATININE, child, monthsOld(6, 20), mg).band).toBeDefined();
    expect(chooseRange(sixMonths, CREATININE, child, monthsOld(7), mg).band).toBeUndefined();
    expect(chooseRange(sixMonths, CREATININE, child, monthsOld(12), mg).band).toBeUndefined();
    const twoWeeks = infant({ value: 2, code: "wk" });
    expect(chooseRange(twoWeeks, CREATININE, child, Date.UTC(2020, 0, 21), mg).band).toBeDefined();
    expect(chooseRange(twoWeeks, CREATININE, child, Date.UTC(2020, 0, 22), mg).band).toBeUndefined();
    const tenDays = infant({ value: 10, code: "d" });
    expect(chooseRange(tenDays, CREATININE, child, Date.UTC(2020, 0, 11, 23), mg).band).toBeDefined();
    expect(chooseRange(tenDays, CREATININE, child, Date.UTC(2020, 0, 12), mg).band).toBeUndefined();
  });

  it("a bound that cannot be converted: the range is listed, not drawn as a one-sided band", () => {
    const choice = chooseRange([{ low: mgdl(70), high: { value: 5.5, code: "furlong" } }], GLUCOSE, {}, at2020, mg);
    expect(choice).toEqual({ band: undefined, others: ["70 mg/dL–5.5 furlong (not drawn: furlong cannot be converted to mg/dL)"] });
  });

  it("a recommended range is drawn with its own words, a normal one preferred as the band and the other listed", () => {
    const recommended: fhir4.ObservationReferenceRange = {
      high: mgdl(100),
      type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/referencerange-meaning", code: "recommended" }] },
    };
    const alone = chooseRange([recommended], GLUCOSE, {}, at2020, mg).band!;
    expect(alone).toEqual({ high: 100, meaning: "recommended" });
    expect(describeRange(alone, GLUCOSE.units[0], "en-US")).toBe("Recommended range: ≤ 100 mg/dL");
    expect(RANGE_LABELS).toEqual({ normal: "Reference range", recommended: "Recommended range" });
    expect(chooseRange([recommended, { low: mgdl(70), high: mgdl(99) }], GLUCOSE, {}, at2020, mg)).toEqual({
      band: { low: 70, high: 99 },
      others: ["Recommended range: ≤ 100 mg/dL"],
    });
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
  it("one segment per run of equal ranges, meeting a changed range halfway, never spanning results without one", () => {
    const r1 = { low: 4, high: 6 };
    const r2 = { low: 4, high: 5.6 };
    expect(rangeSegments([{ time: 1, range: r1 }, { time: 2, range: { ...r1 } }, { time: 3, range: r2 }, { time: 4 }, { time: 5, range: r2 }])).toEqual([
      { from: 1, to: 2.5, low: 4, high: 6 },
      { from: 2.5, to: 3, low: 4, high: 5.6 },
      { from: 5, to: 5, low: 4, high: 5.6 },
    ]);
    expect(rangeSegments([{ time: 1, range: { text: "x" } }])).toEqual([]);
    // The range stops at the last result that carries it.
    expect(rangeSegments([{ time: 10, range: r1 }, { time: 20, range: r1 }, { time: 30 }, { time: 40, range: { text: "x" } }])).toEqual([{ from: 10, to: 20, low: 4, high: 6 }]);
  });

  it("a recommended range is its own segment", () => {
    expect(rangeSegments([{ time: 0, range: { high: 100 } }, { time: 10, range: { high: 100, meaning: "recommended" } }])).toEqual([
      { from: 0, to: 5, high: 100 },
      { from: 5, to: 10, high: 100, meaning: "recommended" },
    ]);
  });
});
