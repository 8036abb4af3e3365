/**
 * `other-labs`: 24 quarterly check-ups (2019–2024), each an Encounter with its results: glucose (mg/dL and
 * mmol/L, serum and blood codes), a lipid panel every other visit, creatinine (mg/dL and µmol/L, ranges by
 * sex), eGFR (three LOINC codes as the formula changed) and HbA1c every other visit. Every result has a
 * referenceRange and an interpretation flag. Nothing is excluded. Then its problems and prescriptions
 * (`otherLabsContext`).
 */
import { SNOMED, TESTS, encounter, flagFor, interpretation, isoWithOffset, labObservation, patient, performer, prng, quantity, range, round, type Flag, type LabTest } from "./fhir.ts";
import { RX, condition, prescription, rxConcept } from "./context.ts";

const ID = "other-labs";
const MALE = { coding: [{ system: SNOMED, code: "248153007", display: "Male" }], text: "Male" };
const FEMALE = { coding: [{ system: SNOMED, code: "248152002", display: "Female" }], text: "Female" };

/** Creatinine ranges by sex, as most labs report them; the app picks the one for the patient. */
function creatinineRanges(ucum: "mg/dL" | "umol/L"): fhir4.ObservationReferenceRange[] {
  return ucum === "mg/dL"
    ? [range(0.74, 1.35, ucum, { appliesTo: [MALE] }), range(0.59, 1.04, ucum, { appliesTo: [FEMALE] })]
    : [range(65, 119, ucum, { appliesTo: [MALE] }), range(52, 92, ucum, { appliesTo: [FEMALE] })];
}

export function otherLabs(): fhir4.Resource[] {
  const random = prng(2345);
  const noise = (scale: number) => (random() - 0.5) * scale;
  const out: fhir4.Resource[] = [patient(ID, ["Marcus", "Eli"], "Thornton", "male", "1955-09-21", "MRN-100006")];
  for (let i = 0; i < 24; i++) {
    const t = Date.UTC(2019, i * 3, 8 + (i % 5), 13, 10);
    const visit = `${ID}-enc-${String(i + 1).padStart(2, "0")}`;
    const by = i % 2 === 0 ? "prac-1" : "prac-2";
    out.push(encounter(visit, ID, isoWithOffset(t - 1200_000, -5), isoWithOffset(t + 2400_000, -5), by, "Chronic kidney disease and prediabetes follow-up"));
    const years = i / 4;
    const shared = (test: LabTest, code: string, extra: Partial<fhir4.Observation>, flag: Flag): fhir4.Observation =>
      labObservation(`${ID}-${code}-${String(i + 1).padStart(2, "0")}`, ID, test, {
        effectiveDateTime: isoWithOffset(t, -5),
        issued: new Date(t + 5 * 3600_000).toISOString(),
        performer: [performer(by)],
        encounter: { reference: `Encounter/${visit}` },
        interpretation: interpretation(flag),
        ...extra,
      });

    // Fasting glucose: mostly serum in mg/dL, sometimes whole blood, twice a year from a lab reporting mmol/L.
    let mgdl = round(97 + 3 * years + noise(14), 0);
    let note: fhir4.Annotation[] | undefined;
    if (i === 9) [mgdl, note] = [47, [{ text: "Symptomatic at the draw; given oral glucose and rechecked: 88 mg/dL." }]];
    if (i === 14) [mgdl, note] = [412, [{ text: "Critical value phoned to Dr. Okafor at 15:40." }]];
    const molar = i % 12 === 5 || i % 12 === 11;
    const glucoseTest = molar ? (i % 12 === 5 ? TESTS.glucoseSerumMolar : TESTS.glucoseBloodMolar) : i % 6 === 4 ? TESTS.glucoseBlood : TESTS.glucoseSerum;
    const glucose = molar ? round(mgdl / 18.016, 1) : mgdl;
    out.push(
      shared(glucoseTest, "glu", {
        valueQuantity: quantity(glucose, molar ? "mmol/L" : "mg/dL"),
        referenceRange: [molar ? range(3.9, 5.5, "mmol/L") : range(70, 99, "mg/dL")],
        ...(note ? { note } : {}),
      }, molar ? flagFor(glucose, 3.9, 5.5, 2.8, 22.2) : flagFor(glucose, 70, 99, 50, 400)),
    );

    // Creatinine rises slowly (CKD stage 2 → 3a); every fourth result from a lab reporting µmol/L.
    const creatinine = round(1.02 + 0.075 * years + noise(0.08), 2);
    const inMolar = i % 4 === 3;
    const creatinineValue = inMolar ? round(creatinine * 88.42, 0) : creatinine;
    const hemolyzed = i === 7;
    out.push(
      shared(inMolar ? TESTS.creatinineMolar : TESTS.creatinine, "cre", {
        valueQuantity: quantity(creatinineValue, inMolar ? "umol/L" : "mg/dL"),
        referenceRange: creatinineRanges(inMolar ? "umol/L" : "mg/dL"),
        ...(hemolyzed ? { note: [{ text: "Specimen hemolyzed: interpret with caution." }] } : {}),
      }, hemolyzed ? "A" : inMolar ? flagFor(creatinineValue, 65, 119) : flagFor(creatinineValue, 0.74, 1.35)),
    );

    const egfr = round(142 * Math.min(creatinine / 0.9, 1) ** -0.302 * Math.max(creatinine / 0.9, 1) ** -1.2 * 0.9938 ** (63 + years), 0);
    const egfrTest = t < Date.UTC(2021, 0, 1) ? TESTS.egfrMdrd : t < Date.UTC(2022, 6, 1) ? TESTS.egfrCkdEpi : TESTS.egfr2021;
    out.push(shared(egfrTest, "egfr", { valueQuantity: quantity(egfr, "mL/min/{1.73_m2}"), referenceRange: [range(60, undefined, "mL/min/{1.73_m2}")] }, flagFor(egfr, 60, undefined)));

    if (i % 2 === 1) continue;
    // A statin from 2020 brings LDL and total cholesterol down.
    const statin = t >= Date.UTC(2020, 3, 1) ? 1 : 0;
    const ldl = round(162 - 70 * statin * Math.min(1, (years - 1.25) / 1.5) + noise(16), 0);
    const hdl = round(41 + noise(8), 0);
    const triglycerides = round(168 - 25 * statin + noise(40), 0);
    const total = round(ldl + hdl + triglycerides / 5, 0);
    const k = i / 2;
    const ldlTest = k % 3 === 0 ? TESTS.ldl : k % 3 === 1 ? TESTS.ldlCalculated : TESTS.ldlDirect;
    out.push(
      shared(TESTS.cholesterol, "chol", { valueQuantity: quantity(total, "mg/dL"), referenceRange: [range(undefined, 199, "mg/dL")] }, flagFor(total, undefined, 199)),
      shared(TESTS.hdl, "hdl", { valueQuantity: quantity(hdl, "mg/dL"), referenceRange: [range(40, undefined, "mg/dL")] }, flagFor(hdl, 40, undefined)),
      shared(ldlTest, "ldl", { valueQuantity: quantity(ldl, "mg/dL"), referenceRange: [range(undefined, 99, "mg/dL")] }, flagFor(ldl, undefined, 99)),
      shared(TESTS.triglycerides, "tg", { valueQuantity: quantity(triglycerides, "mg/dL"), referenceRange: [range(undefined, 149, "mg/dL")] }, flagFor(triglycerides, undefined, 149)),
    );
    const a1c = round(5.9 + 0.08 * years + noise(0.3), 1);
    out.push(shared(TESTS.a1c, "a1c", { valueQuantity: quantity(a1c, "%"), referenceRange: [range(4, 5.6, "%", { text: "4.0–5.6 %" })] }, flagFor(a1c, 4, 5.6)));
  }
  return [...out, ...otherLabsContext()];
}

/** Visit `i` (0-based) of the 24: its Encounter id, a time during it (UTC−5) and who saw the patient. */
function visit(i: number): { id: string; during: string; date: string; by: "prac-1" | "prac-2" } {
  const t = Date.UTC(2019, i * 3, 8 + (i % 5), 13, 10);
  return { id: `${ID}-enc-${String(i + 1).padStart(2, "0")}`, during: isoWithOffset(t + 1800_000, -5), date: isoWithOffset(t, -5).slice(0, 10), by: i % 2 === 0 ? "prac-1" : "prac-2" };
}

/**
 * Prediabetes and chronic kidney disease known since May 2018 (stage 2 with albuminuria; lisinopril from the
 * second visit); hyperlipidaemia diagnosed at the first visit (LDL 157 mg/dL) and treated with atorvastatin from
 * October 2020, after the July 2020 LDL was still 157 mg/dL; stage 3a from October 2023, when eGFR had been below
 * 60 for more than 3 months (the stage 2 entry is then inactive).
 */
function otherLabsContext(): fhir4.Resource[] {
  const [first, second, statinVisit, stage3Visit] = [visit(0), visit(1), visit(7), visit(19)];
  const ids = { prediabetes: `${ID}-condition-prediabetes`, ckd2: `${ID}-condition-ckd-2`, ckd3a: `${ID}-condition-ckd-3a`, lipids: `${ID}-condition-hyperlipidemia` };
  const daily = { value: 1, unit: "tablet", frequency: 1, period: 1, periodUnit: "d" } as const;
  return [
    condition({ id: ids.prediabetes, patientId: ID, problem: "prediabetes", onset: "2018-05-14", recorded: "2018-05-14", by: "prac-1" }),
    condition({
      id: ids.ckd2,
      patientId: ID,
      problem: "ckdStage2",
      onset: "2018-05-14",
      recorded: "2018-05-14",
      clinicalStatus: "inactive",
      abatement: stage3Visit.date,
      by: "prac-1",
      note: "Urine albumin-to-creatinine ratio 48 mg/g. Superseded by stage 3a.",
    }),
    condition({ id: ids.lipids, patientId: ID, problem: "hyperlipidemia", onset: first.date, recorded: first.date, category: "encounter-diagnosis", encounter: first.id, by: first.by }),
    prescription({
      id: `${ID}-rx-lisinopril`,
      patientId: ID,
      medication: { medicationCodeableConcept: rxConcept("Lisinopril 10 mg tablet", RX.lisinopril10) },
      status: "active",
      authoredOn: second.during,
      dose: { ...daily, text: "Take 1 tablet by mouth once daily" },
      by: second.by,
      reason: ids.ckd2,
      encounter: second.id,
    }),
    prescription({
      id: `${ID}-rx-atorvastatin`,
      patientId: ID,
      medication: { medicationCodeableConcept: rxConcept("Atorvastatin 80 mg tablet", RX.atorvastatin80) },
      status: "active",
      authoredOn: statinVisit.during,
      dose: { ...daily, text: "Take 1 tablet by mouth once daily at bedtime" },
      by: statinVisit.by,
      reason: ids.lipids,
      encounter: statinVisit.id,
      note: "LDL 157 mg/dL in July despite diet changes.",
    }),
    condition({
      id: ids.ckd3a,
      patientId: ID,
      problem: "ckdStage3a",
      onset: stage3Visit.date,
      recorded: stage3Visit.date,
      encounter: stage3Visit.id,
      by: stage3Visit.by,
      note: "eGFR 56 in July and 54 mL/min/1.73m2 in October.",
    }),
  ];
}
