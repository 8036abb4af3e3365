/** The HbA1c scenario patients: a long history, mixed codes and units, a single result, none at all. */
import { DAY, LAB_CATEGORY, LOINC, TESTS, UCUM, encounter, flagFor, interpretation, isoWithOffset, labObservation, patient, performer, prng, quantity, range, relatedPerson, round } from "./fhir.ts";
import { RX, condition, prescription, rxConcept } from "./context.ts";

const HBA1C_RANGE: fhir4.ObservationReferenceRange[] = [
  { low: { value: 4, unit: "%", system: UCUM, code: "%" }, high: { value: 5.6, unit: "%", system: UCUM, code: "%" }, text: "4.0–5.6 %" },
];

/**
 * `hba1c-long`: 140 HbA1c results (LOINC 4548-4, %) every ~4 weeks from 2014-03 to 2024-11 (over 10 years),
 * 4 of them entered-in-error: 136 shown. At `_count=50` the search takes 3 pages. Then its diagnosis and therapy
 * (`hba1cLongTherapy`).
 */
export function hba1cLong(): fhir4.Resource[] {
  const random = prng(4548);
  const id = "hba1c-long";
  const out: fhir4.Resource[] = [
    patient(id, ["Amelia", "Jane"], "Rhodes", "female", "1961-04-12", "MRN-100001"),
    // Her daughter, who helps with her care: a caregiver who can sign in (the patient's view, phrased for her).
    relatedPerson("rp-hba1c-long", id, "Grace", "Rhodes", { code: "DAU", display: "natural daughter", text: "Daughter" }),
  ];
  const enteredInError = new Set([17, 58, 93, 121]);
  const start = Date.UTC(2014, 2, 3, 14, 20);
  for (let i = 0; i < 140; i++) {
    const t = start + i * 28 * DAY + Math.floor(random() * 5) * DAY + Math.floor(random() * 300) * 60_000;
    // Poorly controlled at first, better after treatment changes, a relapse in the middle years.
    const trend = 9.2 - 2.4 * Math.min(1, i / 45) + (i > 80 && i < 105 ? 1.1 * Math.sin(((i - 80) / 25) * Math.PI) : 0);
    const value = Math.round((trend + (random() - 0.5) * 0.8) * 10) / 10;
    const observation: fhir4.Observation = {
      resourceType: "Observation",
      id: `${id}-a1c-${String(i + 1).padStart(3, "0")}`,
      status: enteredInError.has(i) ? "entered-in-error" : "final",
      category: LAB_CATEGORY,
      code: { coding: [{ system: LOINC, code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood" }], text: "Hemoglobin A1c" },
      subject: { reference: `Patient/${id}` },
      effectiveDateTime: isoWithOffset(t, -5),
      issued: new Date(t + 6 * 3600_000).toISOString(),
      performer: [{ reference: "Practitioner/prac-1", display: "Dr. Priya Natarajan" }],
      valueQuantity: { value, unit: "%", system: UCUM, code: "%" },
      interpretation: interpretation(value > 5.6 ? "H" : "N"),
      referenceRange: HBA1C_RANGE,
    };
    out.push(observation);
  }
  return [...out, ...hba1cLongTherapy()];
}

/**
 * Type 2 diabetes diagnosed in November 2013, before the first HbA1c, and treated as the results ask: metformin
 * from the diagnosis (500 mg twice daily, then extended-release 1000 mg twice daily from February 2014); sitagliptin
 * added in September 2014 while HbA1c stays near 9 %; basal insulin from February 2021, when HbA1c relapses to
 * 8.2 %, sitagliptin stopped that day. The extended-release metformin is a reference to a Medication resource, the
 * insulin a contained Medication, the rest RxNorm concepts; one duplicate order is entered in error.
 */
function hba1cLongTherapy(): fhir4.Resource[] {
  const id = "hba1c-long";
  const diabetes = `${id}-condition-t2dm`;
  const metforminEr: fhir4.Medication = {
    resourceType: "Medication",
    id: `${id}-med-metformin-er`,
    code: rxConcept("Metformin ER 500 mg tablet", RX.metforminEr500, RX.metformin),
    status: "active",
    form: { text: "Extended-release tablet" },
  };
  const glargine: fhir4.Medication = {
    resourceType: "Medication",
    id: "glargine",
    code: { text: "Lantus SoloStar (insulin glargine) 100 units/mL pen injector" },
    form: { text: "Pen injector" },
  };
  const oneTablet = { value: 1, unit: "tablet", period: 1, periodUnit: "d" } as const;
  return [
    condition({ id: diabetes, patientId: id, problem: "type2Diabetes", onset: "2013-11-18", recorded: "2013-11-18", by: "prac-1" }),
    metforminEr,
    prescription({
      id: `${id}-rx-metformin`,
      patientId: id,
      medication: { medicationCodeableConcept: rxConcept("Metformin 500 mg tablet", RX.metformin500, RX.metformin) },
      status: "completed",
      authoredOn: "2013-11-18T10:40:00-05:00",
      end: "2014-02-10",
      dose: { ...oneTablet, text: "Take 1 tablet by mouth twice daily with meals", frequency: 2 },
      by: "prac-1",
      reason: diabetes,
      note: "Start low to limit stomach upset; change to extended-release at the next visit.",
    }),
    prescription({
      id: `${id}-rx-metformin-er`,
      patientId: id,
      medication: { medicationReference: { reference: `Medication/${metforminEr.id}` } },
      status: "active",
      authoredOn: "2014-02-10T09:15:00-05:00",
      dose: { ...oneTablet, value: 2, text: "Take 2 tablets by mouth twice daily with meals", frequency: 2 },
      by: "prac-1",
      reason: diabetes,
    }),
    prescription({
      id: `${id}-rx-metformin-er-duplicate`,
      patientId: id,
      medication: { medicationCodeableConcept: rxConcept("Metformin ER 500 mg tablet", RX.metforminEr500, RX.metformin) },
      status: "entered-in-error",
      authoredOn: "2014-02-10T09:17:00-05:00",
      dose: { ...oneTablet, value: 2, text: "Take 2 tablets by mouth twice daily with meals", frequency: 2 },
      by: "prac-1",
      reason: diabetes,
      note: "Duplicate of the order placed two minutes earlier.",
    }),
    prescription({
      id: `${id}-rx-sitagliptin`,
      patientId: id,
      medication: { medicationCodeableConcept: rxConcept("Januvia 100 mg tablet", RX.januvia100) },
      status: "stopped",
      statusReason: "Therapy intensified: basal insulin started",
      authoredOn: "2014-09-22T14:05:00-05:00",
      end: "2021-02-01",
      dose: { ...oneTablet, text: "Take 1 tablet by mouth once daily", frequency: 1 },
      by: "prac-1",
      reason: diabetes,
    }),
    prescription({
      id: `${id}-rx-insulin-glargine`,
      patientId: id,
      medication: { medicationReference: { reference: "#glargine" }, contained: [glargine] },
      status: "active",
      authoredOn: "2021-02-01T11:30:00-05:00",
      dose: {
        text: "Inject 10 units under the skin once daily at bedtime; raise by 2 units every 3 days until fasting glucose is 80–130 mg/dL",
        value: 10,
        unit: "[iU]",
        frequency: 1,
        period: 1,
        periodUnit: "d",
      },
      by: "prac-1",
      reason: diabetes,
    }),
  ];
}

/** `no-labs`: a patient with no Observations at all. */
export function noLabs(): fhir4.Resource[] {
  return [patient("no-labs", ["Jonah"], "Whitfield", "male", "1990-08-03", "MRN-100002")];
}

/** IFCC mmol/mol from NGSP %: the master equation. */
function ifcc(percent: number): number {
  return Math.round(10.929 * (percent - 2.15));
}

/**
 * `hba1c-mixed`: 27 HbA1c results in three codes and two units. Measured in mmol/mol (59261-8) in the UK
 * until 2019, then % by HPLC (17856-6) at a hospital lab, then % (4548-4) at the clinic from 2021, with one
 * more mmol/mol result from a visit to the UK in 2022. None excluded: 27 rows, all drawn on one scale.
 */
export function hba1cMixed(): fhir4.Resource[] {
  const id = "hba1c-mixed";
  const random = prng(59261);
  const out: fhir4.Resource[] = [patient(id, ["Rajesh", "Kumar"], "Iyer", "male", "1966-07-19", "MRN-100003")];
  const percent = (t: number) => {
    const years = (t - Date.UTC(2016, 0, 1)) / (365.25 * DAY);
    return round(8.3 - 0.25 * years + 0.4 * Math.sin(years * 2.1) + (random() - 0.5) * 0.4, 1);
  };
  let n = 0;
  const push = (t: number, kind: "ifcc" | "hplc" | "clinic") => {
    n++;
    const pct = percent(t);
    const obsId = `${id}-a1c-${String(n).padStart(2, "0")}`;
    if (kind === "ifcc") {
      const value = ifcc(pct);
      out.push(
        labObservation(obsId, id, TESTS.a1cIfcc, {
          effectiveDateTime: isoWithOffset(t, 0),
          issued: new Date(t + 26 * 3600_000).toISOString(),
          performer: [{ display: "St Thomas' Hospital Blood Sciences, London" }],
          valueQuantity: quantity(value, "mmol/mol"),
          interpretation: interpretation(flagFor(value, 20, 41)),
          referenceRange: [range(20, 41, "mmol/mol")],
        }),
      );
      return;
    }
    const clinic = kind === "clinic";
    const encounterId = `${id}-enc-${String(n).padStart(2, "0")}`;
    if (clinic) out.push(encounter(encounterId, id, isoWithOffset(t - 1800_000, -5), isoWithOffset(t + 1800_000, -5), "prac-2", "Type 2 diabetes follow-up"));
    out.push(
      labObservation(obsId, id, clinic ? TESTS.a1c : TESTS.a1cHplc, {
        effectiveDateTime: isoWithOffset(t, -5),
        issued: new Date(t + 8 * 3600_000).toISOString(),
        performer: clinic ? [performer("prac-2")] : [{ display: "Mercy General Hospital Laboratory" }],
        ...(clinic ? { encounter: { reference: `Encounter/${encounterId}` } } : {}),
        valueQuantity: quantity(pct, "%"),
        interpretation: interpretation(flagFor(pct, 4, 5.6)),
        referenceRange: [range(4, 5.6, "%", { text: "4.0–5.6 %" })],
      }),
    );
  };
  for (let i = 0; i < 8; i++) push(Date.UTC(2016, 1 + i * 5, 10, 9, 30), "ifcc");
  for (let i = 0; i < 8; i++) push(Date.UTC(2019, 5 + i * 3, 14, 13, 45), "hplc");
  for (let i = 0; i < 10; i++) {
    push(Date.UTC(2021, 8 + i * 4, 20, 14, 15), "clinic");
    if (i === 2) push(Date.UTC(2022, 7, 22, 10, 0), "ifcc");
  }
  return out;
}

/** `single-result`: one HbA1c, recorded as a date without a time (shown as that day in every time zone). */
export function singleResult(): fhir4.Resource[] {
  const id = "single-result";
  return [
    patient(id, ["Grace", "Adaeze"], "Okonkwo", "female", "1985-11-30", "MRN-100004"),
    encounter(`${id}-enc-1`, id, "2023-11-08", "2023-11-08", "prac-1", "Annual physical"),
    labObservation(`${id}-a1c-1`, id, TESTS.a1c, {
      effectiveDateTime: "2023-11-08",
      issued: "2023-11-09T16:02:00Z",
      performer: [performer("prac-1")],
      encounter: { reference: `Encounter/${id}-enc-1` },
      valueQuantity: quantity(5.9, "%"),
      interpretation: interpretation("H"),
      referenceRange: [range(4, 5.6, "%", { text: "4.0–5.6 %" })],
      note: [{ text: "Prediabetes range. Repeat in 12 months." }],
    }),
  ];
}
