import { describe, expect, it } from "vitest";
import { CREATININE, EGFR, GLUCOSE, HBA1C, LABS, LDL, TRIGLYCERIDES, type LabDefinition } from "./catalog";
import { combinePages, mapObservations, toLabResult, toLabResults } from "./results";
import { observationsWithCodes, scenarioPatient } from "../test/scenarios";
import { hba1cObservation } from "../test/observations";

const observation = hba1cObservation;

function scenario(patient: string, lab: LabDefinition) {
  const p = scenarioPatient(patient);
  return toLabResults(observationsWithCodes(patient, lab.codes.map((c) => c.code)), lab, { sex: p.gender, birthDate: p.birthDate });
}

describe("the sandbox's scenario patients", () => {
  it("hba1c-long: 136 results drawn, 4 entered-in-error left out, newest first whatever the page order", () => {
    const { results, excluded } = scenario("hba1c-long", HBA1C);
    expect([results.length, excluded, results.filter((r) => r.plotted).length]).toEqual([136, 4, 136]);
    const times = results.map((r) => r.when!.time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(results[0]!.when!.raw.startsWith("2024-")).toBe(true);
  });

  it("hba1c-mixed: every result on the % scale, mmol/mol converted with the master equation", () => {
    const { results } = scenario("hba1c-mixed", HBA1C);
    expect(results.filter((r) => r.plotted)).toHaveLength(27);
    const ifcc = results.filter((r) => r.unit?.code === "mmol/mol");
    expect(ifcc).toHaveLength(9);
    for (const r of ifcc) {
      const mmol = Number(r.recorded.split(" ")[0]);
      expect(r.value).toBeCloseTo(mmol / 10.929 + 2.15, 6);
      expect(r.range!.high).toBeCloseTo(41 / 10.929 + 2.15, 6);
    }
  });

  it("odd-values: 19 rows, 2 left out, 15 drawn of which 2 limits, 4 listed with a reason", () => {
    const { results, excluded } = scenario("odd-values", HBA1C);
    expect([results.length, excluded]).toEqual([19, 2]);
    const drawn = results.filter((r) => r.plotted);
    expect(drawn).toHaveLength(15);
    expect(drawn.filter((r) => r.comparator).map((r) => [r.comparator, r.value])).toEqual([
      [">", 14],
      ["<", 4],
    ]);
    expect(results.filter((r) => !r.plotted).map((r) => r.reason)).toEqual([
      "No numeric value",
      "No unit recorded, so it cannot be placed on the % scale",
      "No value: Specimen clotted",
      "No date recorded",
    ]);
    expect(results.at(-1)!.when).toBeUndefined();
  });

  it("odd-values: picks the range for the patient's age, lists the treatment target beside it", () => {
    const r = scenario("odd-values", HBA1C).results.find((x) => x.id === "odd-values-a1c-16")!;
    expect(r.range).toMatchObject({ low: 4, high: 6.5 });
    expect(r.otherRanges).toEqual(["Treatment target with diabetes: below 7.0 %"]);
    const textOnly = scenario("odd-values", HBA1C).results.find((x) => x.id === "odd-values-a1c-15")!;
    expect(textOnly.range).toEqual({ text: "Normal below 5.7 %; prediabetes 5.7–6.4 %; diabetes 6.5 % or above" });
  });

  it("other-labs: every lab's count, every result drawn on one scale", () => {
    const counts = Object.fromEntries(LABS.map((lab) => [lab.id, scenario("other-labs", lab).results.filter((r) => r.plotted).length]));
    expect(counts).toEqual({ hba1c: 12, glucose: 24, ldl: 12, hdl: 12, cholesterol: 12, triglycerides: 12, creatinine: 24, egfr: 24 });
    const glucose = scenario("other-labs", GLUCOSE).results;
    expect(glucose.filter((r) => r.unit?.code === "mmol/L")).toHaveLength(4);
    expect(glucose.filter((r) => r.flag?.code === "LL").map((r) => r.value)).toEqual([47]);
    expect(glucose.filter((r) => r.flag?.code === "HH").map((r) => r.value)).toEqual([412]);
  });

  it("other-labs: creatinine ranges follow the patient's sex, in either unit", () => {
    const creatinine = scenario("other-labs", CREATININE).results;
    for (const r of creatinine) {
      expect(r.range!.low).toBeCloseTo(r.unit!.code === "mg/dL" ? 0.74 : 65 / 88.42, 6);
    }
    expect(scenario("other-labs", EGFR).results.every((r) => r.range?.low === 60 && r.range.high === undefined)).toBe(true);
    expect(scenario("other-labs", LDL).results.every((r) => r.range?.high === 99 && r.range.low === undefined)).toBe(true);
  });
});

describe("toLabResult", () => {
  it("takes the time from effectiveDateTime, then effectivePeriod.start, then issued", () => {
    expect(toLabResult(observation({ effectiveDateTime: undefined, effectivePeriod: { start: "2020-01-02" } }), HBA1C).when?.raw).toBe("2020-01-02");
    expect(toLabResult(observation({ effectiveDateTime: undefined, issued: "2019-05-06T07:08:09Z" }), HBA1C).when?.raw).toBe("2019-05-06T07:08:09Z");
  });

  it("draws limits at their bound, marked as limits", () => {
    expect(toLabResult(observation({ valueQuantity: undefined, valueString: "<4.0 %" }), HBA1C)).toMatchObject({ plotted: true, value: 4, comparator: "<", recorded: "<4.0 %" });
    expect(toLabResult(observation({ valueQuantity: { value: 14, comparator: ">=", code: "%" } }), HBA1C)).toMatchObject({ plotted: true, value: 14, comparator: ">=" });
    expect(toLabResult(observation({ valueQuantity: undefined, valueString: "≤ 20", referenceRange: [{ low: { value: 20, code: "mmol/mol" } }] }), HBA1C).value).toBeCloseTo(20 / 10.929 + 2.15, 6);
  });

  it("lists but does not draw what it cannot place honestly, saying why", () => {
    const cases: [Partial<fhir4.Observation>, string][] = [
      [{ effectiveDateTime: undefined }, "No date recorded"],
      [{ valueQuantity: undefined, valueString: "pending" }, "No numeric value"],
      [{ valueQuantity: undefined, valueString: "<4.0" }, "No unit recorded"],
      [{ valueQuantity: { value: 53, unit: "g/dL", code: "g/dL" } }, "Unit g/dL cannot be converted to %"],
      [{ valueQuantity: undefined, dataAbsentReason: { text: "Sample hemolyzed" } }, "No value: Sample hemolyzed"],
      [{ status: "registered", valueQuantity: undefined }, "Status registered: not a result yet"],
    ];
    for (const [overrides, reason] of cases) {
      const result = toLabResult(observation(overrides), HBA1C);
      expect(result.plotted, reason).toBe(false);
      expect(result.reason).toContain(reason);
    }
  });

  it("keeps notes, performer, the test's name and the flag", () => {
    const r = toLabResult(
      observation({
        note: [{ text: "Fasting." }, { text: " " }],
        performer: [{ reference: "Organization/x" }, { display: "City Lab" }],
        code: { text: "HbA1c (HPLC)", coding: [{ code: "17856-6" }] },
        interpretation: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "H" }] }],
      }),
      HBA1C,
    );
    expect(r).toMatchObject({ notes: ["Fasting."], performer: "City Lab", test: "HbA1c (HPLC)", flag: { code: "H", label: "High" } });
  });
});

describe("combining pages", () => {
  it("shows a result that arrives on two pages once, and does not count it as left out", () => {
    const a = observation({ id: "a" });
    const pages = [mapObservations([a, observation({ id: "x", status: "entered-in-error" })], HBA1C), mapObservations([a, observation({ id: "x", status: "entered-in-error" })], HBA1C)];
    expect(combinePages(pages)).toMatchObject({ results: [{ id: "a" }], excluded: 1 });
  });

  it("drops cancelled and entered-in-error results and counts them", () => {
    const { results, excluded } = toLabResults([observation({ id: "a" }), observation({ id: "b", status: "cancelled" }), observation({ id: "c", status: "entered-in-error" })], HBA1C);
    expect(results.map((r) => r.id)).toEqual(["a"]);
    expect(excluded).toBe(2);
  });
});

describe("numbers in a valueString (clinical rules §2)", () => {
  const glucose = (valueString: string) =>
    toLabResult(observation({ code: { coding: [{ system: "http://loinc.org", code: "2345-7" }] }, valueQuantity: undefined, valueString }), GLUCOSE);

  it("reads a thousands-grouped number as thousands: 1,250 mg/dL is a glucose of 1 250, not 1.25", () => {
    expect(glucose("1,250 mg/dL")).toMatchObject({ plotted: true, value: 1250 });
    expect(toLabResult(observation({ code: { coding: [{ code: "2571-8" }] }, valueQuantity: undefined, valueString: "12,500.5 mg/dL" }), TRIGLYCERIDES).value).toBe(12500.5);
    expect(glucose("> 1,000 mg/dL")).toMatchObject({ plotted: true, value: 1000, comparator: ">" });
  });

  it("reads digits with a '.' decimal point", () => {
    expect(glucose("98.5 mg/dL").value).toBe(98.5);
    expect(toLabResult(observation({ valueQuantity: undefined, valueString: "7.2 %" }), HBA1C).value).toBe(7.2);
  });

  it("lists any other comma, not drawn, because the number is ambiguous", () => {
    for (const s of ["1,25 mg/dL", "7,1 %", "1,2345 mg/dL", "1.250,5 mg/dL", "12,50,0 mg/dL", ",5 mg/dL"]) {
      const r = s.includes("%") ? toLabResult(observation({ valueQuantity: undefined, valueString: s }), HBA1C) : glucose(s);
      expect(r.plotted, s).toBe(false);
      expect(r.value, s).toBeUndefined();
      expect(r.reason, s).toMatch(/^The number is ambiguous/);
      expect(r.recorded).toBe(s);
    }
  });
});

describe("plausibility limits (clinical rules §3)", () => {
  const glucose = (value: number, code = "mg/dL") =>
    toLabResult(observation({ code: { coding: [{ system: "http://loinc.org", code: "2345-7" }] }, valueQuantity: { value, code } }), GLUCOSE);
  const a1c = (value: number, code = "%") => toLabResult(observation({ valueQuantity: { value, code } }), HBA1C);

  it("lists, without drawing, what no patient can have, naming the limit", () => {
    const cases: [ReturnType<typeof glucose>, string][] = [
      [a1c(70), "Implausible value: 70 % is above 30 %, the highest plausible Hemoglobin A1c"],
      [a1c(0), "Implausible value: 0 % is not above 0 %"],
      [a1c(-20, "mmol/mol"), "Implausible value: -20 mmol/mol is not above 0"],
      [glucose(-5), "Implausible value: -5 mg/dL is not above 0 mg/dL"],
      [glucose(0), "Implausible value: 0 mg/dL is not above 0 mg/dL"],
      [glucose(20_000), "Implausible value: 20000 mg/dL is above 10000 mg/dL, the highest plausible Glucose"],
    ];
    for (const [r, reason] of cases) {
      expect(r.plotted, reason).toBe(false);
      expect(r.value, reason).toBeUndefined();
      expect(r.reason, reason).toContain(reason);
    }
  });

  it("never rejects a real extreme: glucose 1,250 mg/dL in HHS, the 5,600 mg/dL on record, HbA1c 18 %, 2.5 %", () => {
    expect(toLabResult(observation({ code: { coding: [{ code: "2345-7" }] }, valueQuantity: undefined, valueString: "1,250 mg/dL" }), GLUCOSE)).toMatchObject({ plotted: true, value: 1250 });
    expect(glucose(5600).plotted).toBe(true);
    expect(glucose(311, "mmol/L").plotted).toBe(true);
    expect(a1c(18).plotted).toBe(true);
    expect(a1c(2.5).plotted).toBe(true);
  });

  it("every lab has limits, low below high, and every value of the sandbox's scenarios is inside them", () => {
    for (const lab of LABS) expect(lab.plausible.low, lab.id).toBeLessThan(lab.plausible.high);
    for (const lab of LABS) {
      for (const r of scenario("other-labs", lab).results) expect(r.reason ?? "", `${lab.id} ${r.recorded}`).not.toContain("Implausible");
    }
  });
});

describe("valueInteger and effectiveInstant", () => {
  it("reads valueInteger as a number, with the unit of the result's ranges", () => {
    const r = toLabResult(observation({ code: { coding: [{ code: "2345-7" }] }, valueQuantity: undefined, valueInteger: 98, referenceRange: [{ low: { value: 70, code: "mg/dL" }, high: { value: 99, code: "mg/dL" } }] }), GLUCOSE);
    expect(r).toMatchObject({ plotted: true, value: 98, recorded: "98", unit: { code: "mg/dL" } });
    const noUnit = toLabResult(observation({ valueQuantity: undefined, valueInteger: 7 }), HBA1C);
    expect(noUnit).toMatchObject({ plotted: false, recorded: "7" });
    expect(noUnit.reason).toContain("No unit recorded");
    expect(toLabResult(observation({ valueQuantity: undefined, valueInteger: 0, referenceRange: [{ high: { value: 6, code: "%" } }] }), HBA1C).reason).toContain("Implausible value");
  });

  it("takes the time from effectiveInstant, and says which field the date came from", () => {
    const instant = toLabResult(observation({ effectiveDateTime: undefined, effectiveInstant: "2021-03-04T10:00:00.123Z" }), HBA1C);
    expect(instant).toMatchObject({ plotted: true, when: { raw: "2021-03-04T10:00:00.123Z", precision: "time" }, whenFrom: "effectiveInstant" });
    expect(toLabResult(observation({}), HBA1C).whenFrom).toBe("effectiveDateTime");
    expect(toLabResult(observation({ effectiveDateTime: undefined, effectivePeriod: { start: "2020-01-02" } }), HBA1C).whenFrom).toBe("effectivePeriod");
    expect(toLabResult(observation({ effectiveDateTime: undefined, issued: "2019-05-06T07:08:09Z" }), HBA1C).whenFrom).toBe("issued");
    expect(toLabResult(observation({ effectiveDateTime: undefined }), HBA1C).whenFrom).toBeUndefined();
  });
});
