/**
 * `odd-values`: 21 HbA1c results, each an edge case real EHRs send. 2 are excluded (entered-in-error,
 * cancelled): 19 rows. 4 rows are listed but not drawn (no value, no unit, a value that is not a number,
 * no date): 15 points, 2 of them limits drawn at their bound (`<4.0`, `>14.0`).
 */
import { SNOMED, TESTS, encounter, interpretation, isoWithOffset, labObservation, patient, performer, quantity, range, type Flag } from "./fhir.ts";

const ID = "odd-values";
const OLD_RANGE = [range(4, 6, "%", { text: "4.0–6.0 %" })];
const RANGE = [range(4, 5.6, "%", { text: "4.0–5.6 %" })];

function at(date: string): string {
  return isoWithOffset(Date.parse(`${date}Z`), -5);
}

function result(n: number, extra: Partial<fhir4.Observation>, flag?: Flag): fhir4.Observation {
  return labObservation(`${ID}-a1c-${String(n).padStart(2, "0")}`, ID, TESTS.a1c, {
    performer: [performer("prac-1")],
    ...(flag ? { interpretation: interpretation(flag) } : {}),
    ...extra,
  });
}

export function oddValues(): fhir4.Resource[] {
  const pct = (value: number) => quantity(value, "%");
  return [
    patient(ID, ["Eleanor", "Grace"], "Whitaker", "female", "1948-02-29", "MRN-100005"),
    encounter(`${ID}-enc-1`, ID, at("2021-05-20T09:00:00"), at("2021-05-20T09:40:00"), "prac-1", "Diabetes review"),
    // The lab's range changed in 2020 (4.0–6.0 % before, 4.0–5.6 % after): the band follows it.
    result(1, { effectiveDateTime: at("2019-02-11T09:15:00"), valueQuantity: pct(7.2), referenceRange: OLD_RANGE }, "H"),
    result(2, { effectiveDateTime: at("2019-08-20T10:05:00"), valueQuantity: pct(6.8), referenceRange: OLD_RANGE, note: [{ text: "Patient reports missing metformin doses for two weeks before the test." }] }, "H"),
    result(3, { effectiveDateTime: at("2019-11-05T08:40:00"), valueString: "<4.0", referenceRange: OLD_RANGE, note: [{ text: "Result may be falsely low: blood transfusion on 2019-10-28." }] }, "L"),
    result(4, { effectiveDateTime: at("2020-03-10T11:20:00"), valueQuantity: { ...pct(14), comparator: ">" }, referenceRange: RANGE, note: [{ text: "Above the analyser's measuring range." }] }, "HH"),
    result(5, { effectivePeriod: { start: at("2020-06-01T08:00:00"), end: at("2020-06-01T08:30:00") }, valueQuantity: pct(9.1), referenceRange: RANGE }, "H"),
    result(6, { issued: "2020-09-14T15:20:00Z", valueQuantity: pct(8.4), referenceRange: RANGE }, "H"),
    result(7, {
      effectiveDateTime: at("2020-12-01T09:10:00"),
      dataAbsentReason: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "error", display: "Error" }], text: "Specimen clotted" },
      referenceRange: RANGE,
    }),
    result(8, { status: "entered-in-error", effectiveDateTime: at("2021-02-02T10:30:00"), valueQuantity: pct(12.9), referenceRange: RANGE }, "H"),
    result(9, { status: "cancelled", effectiveDateTime: at("2021-03-15T09:00:00"), note: [{ text: "Test cancelled: specimen not received." }] }),
    result(10, { status: "preliminary", effectiveDateTime: at("2021-05-20T09:20:00"), encounter: { reference: `Encounter/${ID}-enc-1` }, valueQuantity: pct(7.9), referenceRange: RANGE }, "H"),
    result(11, { status: "amended", effectiveDateTime: at("2021-08-30T14:45:00"), valueQuantity: pct(7.6), referenceRange: RANGE, note: [{ text: "Amended: the first report named the wrong specimen." }] }, "H"),
    result(12, { status: "corrected", effectiveDateTime: at("2021-11-22T08:55:00"), valueQuantity: pct(7.3), referenceRange: RANGE }, "H"),
    result(13, { effectiveDateTime: at("2022-02-14T09:30:00"), valueQuantity: pct(7), referenceRange: [range(4, undefined, "%")] }, "A"),
    result(14, { effectiveDateTime: at("2022-05-09T10:10:00"), valueQuantity: pct(6.9), referenceRange: [range(undefined, 5.6, "%")] }, "H"),
    result(15, { effectiveDateTime: at("2022-08-15T09:50:00"), valueQuantity: pct(6.6), referenceRange: [{ text: "Normal below 5.7 %; prediabetes 5.7–6.4 %; diabetes 6.5 % or above" }] }),
    result(16, {
      effectiveDateTime: at("2022-11-21T11:00:00"),
      valueQuantity: pct(7.4),
      // Two ranges by age: at 74 the second one applies.
      referenceRange: [
        range(4, 6, "%", { age: { high: { value: 64, unit: "years", system: "http://unitsofmeasure.org", code: "a" } }, text: "Adults under 65: 4.0–6.0 %" }),
        range(4, 6.5, "%", { age: { low: { value: 65, unit: "years", system: "http://unitsofmeasure.org", code: "a" } }, text: "65 and over: 4.0–6.5 %" }),
        range(undefined, 7, "%", {
          type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/referencerange-meaning", code: "treatment", display: "Treatment Range" }] },
          appliesTo: [{ coding: [{ system: SNOMED, code: "73211009", display: "Diabetes mellitus" }], text: "Diabetes" }],
          text: "Treatment target with diabetes: below 7.0 %",
        }),
      ],
    }, "H"),
    result(17, { effectiveDateTime: at("2023-02-06T09:25:00"), valueQuantity: { value: 7.1 }, referenceRange: RANGE }),
    result(18, {
      effectiveDateTime: at("2023-05-22T10:40:00"),
      valueString: "See comment",
      note: [{ text: "Hemoglobin variant detected (HbS trait); HbA1c cannot be reported by this method. Consider fructosamine." }],
    }, "A"),
    result(19, { effectiveDateTime: "2023-09-04", valueQuantity: pct(6.9), referenceRange: RANGE }, "H"),
    result(20, { valueQuantity: pct(7), referenceRange: RANGE, note: [{ text: "Collection time was not recorded." }] }, "H"),
    result(21, { effectiveDateTime: at("2024-06-10T09:05:00"), issued: "2024-06-10T20:30:00Z", valueQuantity: pct(7.1), referenceRange: RANGE }, "H"),
  ];
}
