/** Builders for the scenario data: plain FHIR R4 resources, nothing the store does not load from Synthea too. */

export const LOINC = "http://loinc.org";
export const UCUM = "http://unitsofmeasure.org";
export const SNOMED = "http://snomed.info/sct";
export const INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

export const LAB_CATEGORY: fhir4.CodeableConcept[] = [
  { coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory", display: "Laboratory" }] },
];

export const DAY = 86_400_000;

/** mulberry32: a small, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function patient(id: string, given: string[], family: string, gender: fhir4.Patient["gender"], birthDate: string, mrn: string): fhir4.Patient {
  return {
    resourceType: "Patient",
    id,
    identifier: [
      {
        use: "usual",
        type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR", display: "Medical record number" }] },
        system: "urn:oid:2.16.840.1.113883.19.5",
        value: mrn,
      },
    ],
    name: [{ use: "official", family, given }],
    gender,
    birthDate,
  };
}

export function practitioner(id: string, given: string, family: string): fhir4.Practitioner {
  return { resourceType: "Practitioner", id, name: [{ use: "official", prefix: ["Dr."], given: [given], family }] };
}

/** Someone who cares for a patient (a RelatedPerson): a parent, a child, a spouse; `role` a v3 RoleCode. */
export function relatedPerson(id: string, patientId: string, given: string, family: string, role: { readonly code: string; readonly display: string; readonly text: string }): fhir4.RelatedPerson {
  return {
    resourceType: "RelatedPerson",
    id,
    active: true,
    patient: { reference: `Patient/${patientId}` },
    relationship: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-RoleCode", code: role.code, display: role.display }], text: role.text }],
    name: [{ use: "official", given: [given], family }],
  };
}

export const PRACTITIONERS = {
  "prac-1": "Dr. Priya Natarajan",
  "prac-2": "Dr. Samuel Okafor",
} as const;

export type PractitionerId = keyof typeof PRACTITIONERS;

export function performer(id: PractitionerId): fhir4.Reference {
  return { reference: `Practitioner/${id}`, display: PRACTITIONERS[id] };
}

/** An outpatient visit the results of the day are linked to (Observation.encounter). */
export function encounter(id: string, patientId: string, start: string, end: string, by: PractitionerId, reason: string): fhir4.Encounter {
  return {
    resourceType: "Encounter",
    id,
    status: "finished",
    class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB", display: "ambulatory" },
    type: [{ coding: [{ system: SNOMED, code: "185349003", display: "Encounter for check up" }], text: "Check-up" }],
    subject: { reference: `Patient/${patientId}` },
    participant: [{ individual: performer(by) }],
    period: { start, end },
    reasonCode: [{ text: reason }],
  };
}

export function bundle(resources: fhir4.Resource[]): fhir4.Bundle {
  return {
    resourceType: "Bundle",
    type: "collection",
    entry: resources.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id}`, resource })),
  };
}

/** ISO dateTime with a fixed offset from UTC, as EHRs often record. */
export function isoWithOffset(ms: number, offsetHours: number): string {
  const local = new Date(ms + offsetHours * 3600_000);
  const sign = offsetHours < 0 ? "-" : "+";
  const hh = String(Math.abs(offsetHours)).padStart(2, "0");
  return `${local.toISOString().slice(0, 19)}${sign}${hh}:00`;
}

/** UCUM code → the unit as labs print it. */
const UNIT_TEXT: Readonly<Record<string, string>> = {
  "%": "%",
  "mmol/mol": "mmol/mol",
  "mg/dL": "mg/dL",
  "mmol/L": "mmol/L",
  "umol/L": "µmol/L",
  "mL/min/{1.73_m2}": "mL/min/1.73m2",
};

export function quantity(value: number, ucum: string): fhir4.Quantity {
  return { value, unit: UNIT_TEXT[ucum] ?? ucum, system: UCUM, code: ucum };
}

export function range(low: number | undefined, high: number | undefined, ucum: string, extra: Partial<fhir4.ObservationReferenceRange> = {}): fhir4.ObservationReferenceRange {
  const text = low !== undefined && high !== undefined ? `${low}–${high} ${UNIT_TEXT[ucum]}` : low !== undefined ? `≥ ${low} ${UNIT_TEXT[ucum]}` : `≤ ${high} ${UNIT_TEXT[ucum]}`;
  return {
    ...(low !== undefined ? { low: quantity(low, ucum) } : {}),
    ...(high !== undefined ? { high: quantity(high, ucum) } : {}),
    text,
    ...extra,
  };
}

export type Flag = "H" | "L" | "HH" | "LL" | "A" | "N";
const FLAG_TEXT: Readonly<Record<Flag, string>> = { H: "High", L: "Low", HH: "Critical high", LL: "Critical low", A: "Abnormal", N: "Normal" };

export function interpretation(flag: Flag): fhir4.CodeableConcept[] {
  return [{ coding: [{ system: INTERPRETATION, code: flag, display: FLAG_TEXT[flag] }] }];
}

/** The flag a lab would set for `value` against a range, with optional critical limits. */
export function flagFor(value: number, low: number | undefined, high: number | undefined, criticalLow = -Infinity, criticalHigh = Infinity): Flag {
  if (value <= criticalLow) return "LL";
  if (value >= criticalHigh) return "HH";
  if (low !== undefined && value < low) return "L";
  if (high !== undefined && value > high) return "H";
  return "N";
}

export interface LabTest {
  readonly code: string;
  readonly display: string;
  readonly text: string;
}

export function codeOf(test: LabTest): fhir4.CodeableConcept {
  return { coding: [{ system: LOINC, code: test.code, display: test.display }], text: test.text };
}

/** A final laboratory Observation; `extra` overrides or adds fields (status, value, ranges, notes…). */
export function labObservation(id: string, patientId: string, test: LabTest, extra: Partial<fhir4.Observation>): fhir4.Observation {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    category: LAB_CATEGORY,
    code: codeOf(test),
    subject: { reference: `Patient/${patientId}` },
    ...extra,
  };
}

export const TESTS = {
  a1c: { code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood", text: "Hemoglobin A1c" },
  a1cHplc: { code: "17856-6", display: "Hemoglobin A1c/Hemoglobin.total in Blood by HPLC", text: "HbA1c (HPLC)" },
  a1cIfcc: { code: "59261-8", display: "Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol", text: "HbA1c (IFCC)" },
  glucoseSerum: { code: "2345-7", display: "Glucose [Mass/volume] in Serum or Plasma", text: "Glucose" },
  glucoseBlood: { code: "2339-0", display: "Glucose [Mass/volume] in Blood", text: "Glucose, blood" },
  glucoseSerumMolar: { code: "14749-6", display: "Glucose [Moles/volume] in Serum or Plasma", text: "Glucose" },
  glucoseBloodMolar: { code: "15074-8", display: "Glucose [Moles/volume] in Blood", text: "Glucose, blood" },
  ldl: { code: "2089-1", display: "Cholesterol in LDL [Mass/volume] in Serum or Plasma", text: "LDL cholesterol" },
  ldlDirect: { code: "18262-6", display: "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay", text: "LDL cholesterol (direct)" },
  ldlCalculated: { code: "13457-7", display: "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", text: "LDL cholesterol (calculated)" },
  hdl: { code: "2085-9", display: "Cholesterol in HDL [Mass/volume] in Serum or Plasma", text: "HDL cholesterol" },
  cholesterol: { code: "2093-3", display: "Cholesterol [Mass/volume] in Serum or Plasma", text: "Total cholesterol" },
  triglycerides: { code: "2571-8", display: "Triglyceride [Mass/volume] in Serum or Plasma", text: "Triglycerides" },
  creatinine: { code: "2160-0", display: "Creatinine [Mass/volume] in Serum or Plasma", text: "Creatinine" },
  creatinineMolar: { code: "14682-9", display: "Creatinine [Moles/volume] in Serum or Plasma", text: "Creatinine" },
  egfrMdrd: { code: "33914-3", display: "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)", text: "eGFR (MDRD)" },
  egfrCkdEpi: { code: "62238-1", display: "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)", text: "eGFR (CKD-EPI)" },
  egfrMdrdNonBlack: { code: "48642-3", display: "Glomerular filtration rate/1.73 sq M.predicted among non-blacks [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)", text: "eGFR (MDRD, non-African American)" },
  egfrMdrdBlack: { code: "48643-1", display: "Glomerular filtration rate/1.73 sq M.predicted among blacks [Volume Rate/Area] in Serum or Plasma by Creatinine-based formula (MDRD)", text: "eGFR (MDRD, African American)" },
  egfrCkdEpiNonBlack: { code: "88294-4", display: "Glomerular filtration rate/1.73 sq M.predicted among non-blacks [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)", text: "eGFR (CKD-EPI, non-African American)" },
  egfrCkdEpiBlack: { code: "88293-6", display: "Glomerular filtration rate/1.73 sq M.predicted among blacks [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)", text: "eGFR (CKD-EPI, African American)" },
  glucoseMeter: { code: "41653-7", display: "Glucose [Mass/volume] in Capillary blood by Glucometer", text: "Glucose, meter" },
  glucoseFasting: { code: "1558-6", display: "Fasting glucose [Mass/volume] in Serum or Plasma", text: "Glucose, fasting" },
  egfr2021: { code: "98979-8", display: "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)", text: "eGFR (CKD-EPI 2021)" },
} as const satisfies Record<string, LabTest>;

export function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
