/**
 * `clinical-traps`: every result that a lab graph can draw with a meaning the lab never gave it (issue 13),
 * with fixed dates and values. 68 HbA1c results: one per code of the HL7 v3 ObservationInterpretation code
 * system a lab can send (49, monthly 2015–2019), then interpretations as text only, an unknown code, none; a
 * limit flagged HH; preliminary, registered and clotted results; valueInteger, effectiveInstant, a date from
 * `issued` only, year-only, month-only and offset-less dates; implausible, negative and zero values; a
 * `valueString` with an ambiguous comma; and one entered in error (excluded): 67 rows. Besides: glucose from
 * four methods (one "1,250 mg/dL" flagged HH, a `recommended` range), eGFR by six equations over ten years,
 * creatinine with sex-specific, age-in-months and unconvertible ranges, and two HbA1c Goals (one active).
 * The patient's searches carry a server message (an OperationOutcome entry, see src/fhir/searchOutcome.ts).
 */
import { INTERPRETATION, SNOMED, TESTS, UCUM, codeOf, interpretation, isoWithOffset, labObservation, patient, performer, quantity, range, type Flag, type LabTest } from "./fhir.ts";
import { searchOutcomeExtension } from "../../src/fhir/searchOutcome.ts";

const ID = "clinical-traps";
export const CLINICAL_TRAPS_NOTICE = "Some results may be hidden: results from before 2015 are archived and not returned by this search.";

/**
 * Every concept of http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation that a result can carry
 * (the abstract `_…` groupings left out), with its display, and the HbA1c (%) the result has.
 * Source: https://terminology.hl7.org/CodeSystem-v3-ObservationInterpretation.html
 */
export const V3_INTERPRETATIONS: readonly (readonly [code: string, display: string, value: number])[] = [
  ["<", "Off scale low", 4],
  [">", "Off scale high", 14],
  ["A", "Abnormal", 6.2],
  ["AA", "Critical abnormal", 15.5],
  ["AC", "Anti-complementary substances present", 6],
  ["B", "Better", 6.4],
  ["CAR", "Carrier", 5.4],
  ["Carrier", "Carrier", 5.4],
  ["D", "Significant change down", 6.3],
  ["DET", "Detected", 5.5],
  ["E", "Equivocal", 5.7],
  ["EX", "outside threshold", 6.6],
  ["EXP", "Expected", 5.3],
  ["H", "High", 7.2],
  ["H>", "Significantly high", 9.8],
  ["HH", "Critical high", 14.8],
  ["HM", "Hold for Medical Review", 6.1],
  ["HU", "Significantly high", 10.5],
  ["HX", "above high threshold", 6.8],
  ["I", "Intermediate", 5.8],
  ["IE", "Insufficient evidence", 5.6],
  ["IND", "Indeterminate", 5.9],
  ["L", "Low", 3.9],
  ["L<", "Significantly low", 3.4],
  ["LL", "Critical low", 3.1],
  ["LU", "Significantly low", 3.3],
  ["LX", "below low threshold", 3.7],
  ["MS", "moderately susceptible", 5.5],
  ["N", "Normal", 5.2],
  ["NCL", "No CLSI defined breakpoint", 5.5],
  ["ND", "Not detected", 5.3],
  ["NEG", "Negative", 5.2],
  ["NR", "Non-reactive", 5.3],
  ["NS", "Non-susceptible", 5.5],
  ["OBX", "Interpretation qualifiers in separate OBX segments", 6],
  ["POS", "Positive", 6.7],
  ["QCF", "Quality control failure", 6.2],
  ["R", "Resistant", 6.1],
  ["RR", "Reactive", 6.5],
  ["S", "Susceptible", 5.4],
  ["SDD", "Susceptible-dose dependent", 5.6],
  ["SYN-R", "Synergy - resistant", 5.8],
  ["SYN-S", "Synergy - susceptible", 5.4],
  ["TOX", "Cytotoxic substance present", 6],
  ["U", "Significant change up", 7.6],
  ["UNE", "Unexpected", 8.1],
  ["VS", "very susceptible", 5.3],
  ["W", "Worse", 7.9],
  ["WR", "Weakly reactive", 6.2],
];

const A1C_RANGE = [range(4, 5.6, "%", { text: "4.0–5.6 %" })];
const MALE = { coding: [{ system: SNOMED, code: "248153007", display: "Male" }], text: "Male" };
const FEMALE = { coding: [{ system: SNOMED, code: "248152002", display: "Female" }], text: "Female" };
const CLOTTED = { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "error", display: "Error" }], text: "Specimen clotted" };

/** A local time at the lab (UTC−5), as `YYYY-MM-DDTHH:MM:SS-05:00`. */
function at(local: string): string {
  return isoWithOffset(Date.parse(`${local}Z`), -5);
}

const pct = (value: number) => quantity(value, "%");
const flagged = (code: string, display: string): fhir4.CodeableConcept[] => [{ coding: [{ system: INTERPRETATION, code, display }] }];

function observation(n: number, test: LabTest, kind: string, extra: Partial<fhir4.Observation>): fhir4.Observation {
  return labObservation(`${ID}-${kind}-${String(n).padStart(2, "0")}`, ID, test, { performer: [performer("prac-1")], ...extra });
}

function hba1c(): fhir4.Observation[] {
  const out: fhir4.Observation[] = [];
  let n = 0;
  const a1c = (extra: Partial<fhir4.Observation>) => out.push(observation(++n, TESTS.a1c, "a1c", { referenceRange: A1C_RANGE, ...extra }));
  // One result a month from January 2015, each with one interpretation code.
  V3_INTERPRETATIONS.forEach(([code, display, value], i) => {
    const month = String((i % 12) + 1).padStart(2, "0");
    const limit: Pick<fhir4.Quantity, "comparator"> = code === "<" || code === ">" ? { comparator: code } : {};
    a1c({ effectiveDateTime: at(`${2015 + Math.floor(i / 12)}-${month}-15T09:00:00`), valueQuantity: { ...pct(value), ...limit }, interpretation: flagged(code, display) });
  });
  // The interpretation as the lab's words only; a code nobody knows whose words say "Normal"; none at all.
  a1c({ effectiveDateTime: at("2019-03-12T08:45:00"), valueQuantity: pct(7.4), interpretation: [{ text: "High" }] });
  a1c({ effectiveDateTime: at("2019-05-14T08:50:00"), valueQuantity: pct(5.4), interpretation: [{ coding: [{ system: "urn:oid:2.16.840.1.113883.19.5.99", code: "NORM", display: "Normal" }], text: "Normal" }] });
  a1c({ effectiveDateTime: at("2019-07-16T09:10:00"), valueQuantity: pct(6.1) });
  // Above the analyser's range and critical: a limit with the HH flag.
  a1c({ effectiveDateTime: at("2019-09-10T09:20:00"), valueQuantity: { ...pct(14), comparator: ">" }, interpretation: interpretation("HH"), note: [{ text: "Above the analyser's measuring range." }] });
  a1c({ status: "preliminary", effectiveDateTime: at("2019-11-12T09:05:00"), valueQuantity: pct(7.8), interpretation: interpretation("H") });
  // Ordered, not yet resulted: no value.
  a1c({ status: "registered", effectiveDateTime: at("2020-01-14T08:30:00"), referenceRange: undefined });
  a1c({ effectiveDateTime: at("2020-03-10T09:00:00"), dataAbsentReason: CLOTTED });
  a1c({ effectiveDateTime: at("2020-05-12T09:15:00"), valueInteger: 7, interpretation: interpretation("H") });
  a1c({ effectiveInstant: "2020-07-14T14:05:33.120Z", valueQuantity: pct(6.9), interpretation: interpretation("H") });
  // Only the report's date is known.
  a1c({ issued: "2020-09-15T16:40:00Z", valueQuantity: pct(7), interpretation: interpretation("H") });
  a1c({ effectiveDateTime: "2020", valueQuantity: pct(6.8), interpretation: interpretation("H"), note: [{ text: "Transcribed from an outside record: only the year is known." }] });
  a1c({ effectiveDateTime: "2021-02", valueQuantity: pct(6.7), interpretation: interpretation("H"), note: [{ text: "Transcribed from an outside record: only the month is known." }] });
  // A time without a UTC offset (FHIR requires one): the time zone is unknown.
  a1c({ effectiveDateTime: "2021-04-13T08:30:00", valueQuantity: pct(6.6), interpretation: interpretation("H") });
  // Numbers no HbA1c can have: 70 % (a haematocrit typed into the wrong field?), negative, zero.
  a1c({ effectiveDateTime: at("2021-06-15T09:40:00"), valueQuantity: pct(70), interpretation: interpretation("HH") });
  a1c({ effectiveDateTime: at("2021-08-17T09:25:00"), valueQuantity: pct(-1.2) });
  a1c({ effectiveDateTime: at("2021-10-12T09:35:00"), valueQuantity: pct(0) });
  // A decimal comma or a thousands separator? "7,1" is 7.1 in much of Europe, but it cannot be known.
  a1c({ effectiveDateTime: at("2021-12-14T09:00:00"), valueString: "7,1 %", interpretation: interpretation("H") });
  a1c({ status: "entered-in-error", effectiveDateTime: at("2022-02-15T09:10:00"), valueQuantity: pct(11.9), interpretation: interpretation("H") });
  a1c({ effectiveDateTime: at("2022-04-12T08:55:00"), valueQuantity: pct(7.6), interpretation: interpretation("H") });
  return out;
}

function glucose(): fhir4.Observation[] {
  const mgdl = (value: number) => quantity(value, "mg/dL");
  const serumRange = [range(70, 99, "mg/dL")];
  const recommended = range(80, 130, "mg/dL", {
    type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/referencerange-meaning", code: "recommended", display: "Recommended Range" }] },
    text: "Recommended before meals with diabetes: 80–130 mg/dL",
  });
  let n = 0;
  const g = (test: LabTest, extra: Partial<fhir4.Observation>, flag?: Flag) => observation(++n, test, "glu", { ...(flag ? { interpretation: interpretation(flag) } : {}), ...extra });
  return [
    g(TESTS.glucoseSerum, { effectiveDateTime: at("2021-01-19T10:20:00"), valueQuantity: mgdl(142), referenceRange: serumRange }, "H"),
    // A hyperosmolar crisis: one thousand two hundred and fifty, with a thousands separator.
    g(TESTS.glucoseSerum, { effectiveDateTime: at("2021-03-08T23:40:00"), valueString: "1,250 mg/dL", referenceRange: serumRange, note: [{ text: "Critical value called to Dr. Natarajan at 23:52." }] }, "HH"),
    g(TESTS.glucoseSerum, { effectiveDateTime: at("2021-07-20T10:05:00"), valueQuantity: mgdl(131), referenceRange: [...serumRange, recommended] }, "H"),
    g(TESTS.glucoseSerum, { effectiveDateTime: at("2022-01-18T10:15:00"), valueQuantity: mgdl(118), referenceRange: serumRange }, "H"),
    g(TESTS.glucoseMeter, { effectiveDateTime: at("2021-03-08T22:55:00"), valueString: ">600 mg/dL", note: [{ text: "Meter reads HI." }] }, "HH"),
    g(TESTS.glucoseMeter, { effectiveDateTime: at("2021-06-02T07:10:00"), valueQuantity: mgdl(156) }),
    g(TESTS.glucoseMeter, { effectiveDateTime: at("2021-09-14T07:05:00"), valueQuantity: mgdl(64) }, "L"),
    g(TESTS.glucoseFasting, { effectiveDateTime: at("2021-05-11T08:00:00"), valueQuantity: mgdl(128), referenceRange: serumRange }, "H"),
    g(TESTS.glucoseFasting, { effectiveDateTime: at("2021-11-16T08:05:00"), valueQuantity: mgdl(112), referenceRange: serumRange }, "H"),
    g(TESTS.glucoseFasting, { effectiveDateTime: at("2022-05-10T07:55:00"), valueQuantity: mgdl(104), referenceRange: serumRange }, "H"),
  ];
}

/** eGFR from the equations labs used over the years: MDRD, MDRD and CKD-EPI reported by race, CKD-EPI 2009, 2021. */
function egfr(): fhir4.Observation[] {
  const rate = (value: number) => quantity(value, "mL/min/{1.73_m2}");
  const above60 = [range(60, undefined, "mL/min/{1.73_m2}")];
  let n = 0;
  const e = (test: LabTest, when: string, value: number, flag?: Flag) =>
    observation(++n, test, "egfr", { effectiveDateTime: at(when), valueQuantity: rate(value), referenceRange: above60, ...(flag ? { interpretation: interpretation(flag) } : {}) });
  return [
    e(TESTS.egfrMdrd, "2014-06-10T09:00:00", 72),
    e(TESTS.egfrMdrd, "2015-06-09T09:00:00", 69),
    // The lab reported both race-based values side by side.
    e(TESTS.egfrMdrdNonBlack, "2016-06-14T09:00:00", 66),
    e(TESTS.egfrMdrdBlack, "2016-06-14T09:00:00", 80),
    e(TESTS.egfrMdrdNonBlack, "2017-06-13T09:00:00", 63),
    e(TESTS.egfrMdrdBlack, "2017-06-13T09:00:00", 76),
    e(TESTS.egfrCkdEpiNonBlack, "2018-06-12T09:00:00", 64),
    e(TESTS.egfrCkdEpiBlack, "2018-06-12T09:00:00", 74),
    e(TESTS.egfrCkdEpiNonBlack, "2019-06-11T09:00:00", 61),
    e(TESTS.egfrCkdEpiBlack, "2019-06-11T09:00:00", 71),
    e(TESTS.egfrCkdEpiNonBlack, "2020-06-09T09:00:00", 58, "L"),
    e(TESTS.egfrCkdEpiBlack, "2020-06-09T09:00:00", 67),
    e(TESTS.egfrCkdEpi, "2021-06-08T09:00:00", 57, "L"),
    e(TESTS.egfr2021, "2022-06-14T09:00:00", 60),
    e(TESTS.egfr2021, "2023-06-13T09:00:00", 58, "L"),
    e(TESTS.egfr2021, "2024-06-11T09:00:00", 55, "L"),
  ];
}

/** Creatinine with the reference ranges that are easy to misapply. */
function creatinine(): fhir4.Observation[] {
  const mgdl = (value: number) => quantity(value, "mg/dL");
  const bySex = [range(0.74, 1.35, "mg/dL", { appliesTo: [MALE], text: "Men: 0.74–1.35 mg/dL" }), range(0.59, 1.04, "mg/dL", { appliesTo: [FEMALE], text: "Women: 0.59–1.04 mg/dL" })];
  const months = (value: number, withCode = true) => ({ value, unit: "months", ...(withCode ? { system: UCUM, code: "mo" } : {}) });
  const byAge = [
    range(0.1, 0.4, "mg/dL", { age: { low: months(0), high: months(6) }, text: "0–6 months: 0.10–0.40 mg/dL" }),
    // An age bound written as text only: 6 to 12 months, not years.
    range(0.2, 0.4, "mg/dL", { age: { low: months(6, false), high: months(12, false) }, text: "6–12 months: 0.20–0.40 mg/dL" }),
    range(0.59, 1.35, "mg/dL", { age: { low: { value: 18, unit: "years", system: UCUM, code: "a" } }, text: "Adults: 0.59–1.35 mg/dL" }),
  ];
  // The upper bound in "mg%", an old notation no unit system defines.
  const oddUnit: fhir4.ObservationReferenceRange[] = [{ low: mgdl(0.6), high: { value: 1.2, unit: "mg%" }, text: "0.6–1.2 mg%" }];
  let n = 0;
  const c = (when: string, value: number, referenceRange: fhir4.ObservationReferenceRange[] | undefined, flag?: Flag) =>
    observation(++n, TESTS.creatinine, "creat", { effectiveDateTime: at(when), valueQuantity: mgdl(value), ...(referenceRange ? { referenceRange } : {}), ...(flag ? { interpretation: interpretation(flag) } : {}) });
  return [
    c("2021-06-08T09:00:00", 1.08, bySex),
    c("2022-06-14T09:00:00", 1.05, byAge),
    c("2023-06-13T09:00:00", 1.1, oddUnit),
    // Two later results without any range.
    c("2024-06-11T09:00:00", 1.16, undefined),
    c("2024-12-10T09:00:00", 1.21, undefined),
  ];
}

function goal(id: string, lifecycleStatus: fhir4.Goal["lifecycleStatus"], startDate: string, value: number, text: string, extra: Partial<fhir4.Goal> = {}): fhir4.Goal {
  return {
    resourceType: "Goal",
    id: `${ID}-goal-${id}`,
    lifecycleStatus,
    description: { text },
    subject: { reference: `Patient/${ID}` },
    startDate,
    expressedBy: performer("prac-1"),
    target: [{ measure: codeOf(TESTS.a1c), detailQuantity: { value, comparator: "<", unit: "%", system: UCUM, code: "%" } }],
    ...extra,
  };
}

export function clinicalTraps(): fhir4.Resource[] {
  const person = patient(ID, ["Teresa", "Lucía"], "Marchetti", "other", "1958-10-03", "MRN-100008");
  person.extension = [searchOutcomeExtension("information", CLINICAL_TRAPS_NOTICE)];
  return [
    person,
    ...hba1c(),
    ...glucose(),
    ...egfr(),
    ...creatinine(),
    // Individualized (ADA): a less stringent goal after recurrent hypoglycaemia; the former goal is completed.
    goal("a1c-2018", "completed", "2018-01-09", 7, "HbA1c below 7.0 %", { achievementStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/goal-achievement", code: "not-achieved", display: "Not Achieved" }] } }),
    goal("a1c-2022", "active", "2022-04-12", 8, "HbA1c below 8.0 % (less stringent after recurrent hypoglycaemia)", { note: [{ text: "Recurrent hypoglycaemia on insulin; goal relaxed with the patient." }] }),
  ];
}

