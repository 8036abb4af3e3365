/**
 * Builders and codes for the scenarios' clinical context: diagnoses (Condition) and therapy (MedicationRequest,
 * MedicationStatement, Medication), shaped as US Core R4 servers send them. RxNav cannot be reached from here, so
 * every code below names where it is documented.
 */
import { SNOMED, UCUM, performer, type PractitionerId } from "./fhir.ts";

export const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

interface Code {
  readonly code: string;
  readonly display: string;
}

/** RxNorm concepts the scenarios use: product concepts (SCD, SBD) and ingredients (IN). */
export const RX = {
  /**
   * IN. Source: the W3C HCLS RxNorm–NDC mapping sample, ingredient column of every metformin row
   * (https://www.w3.org/wiki/images/7/7c/HCLS%24%24ClinicalObservationsInteroperability%24rxnorm-ndc-mapping.txt).
   */
  metformin: { code: "6809", display: "metformin" },
  /** SCD. Source: ndclist.com RxNorm crosswalk of NDC 68788-8564 (https://ndclist.com/ndc/68788-8564/rxnorm). */
  metformin500: { code: "861007", display: "metformin hydrochloride 500 MG Oral Tablet" },
  /**
   * SCD. Source: Synthea's metabolic syndrome medications module, state Prescribe_Metformin
   * (synthetichealth/synthea src/main/resources/modules/metabolic_syndrome/medications.json).
   */
  metforminEr500: { code: "860975", display: "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet" },
  /**
   * SBD. Source: openFDA NDC records of JANUVIA 100 mg alone (NDC 50090-4084, 55154-5042) list RxCUIs 665036 and
   * 2709603; 2709603 is also on the generic sitagliptin phosphate labels (Teva 0480-2607, Sandoz 0781-5768), so
   * 665036 is the Januvia concept (https://api.fda.gov/drug/ndc.json?search=product_ndc:"50090-4084").
   */
  januvia100: { code: "665036", display: "sitagliptin 100 MG Oral Tablet [Januvia]" },
  /**
   * SCD. Source: Synthea's medications module, state Prescribe_Liraglutide, and the openFDA NDC record of
   * liraglutide 18 mg/3 mL pens (NDC 14403-3400), whose only RxCUI it is.
   */
  liraglutidePen: { code: "897122", display: "3 ML liraglutide 6 MG/ML Pen Injector" },
  /** IN. Source: HL7 Adverse Event Clinical Research R4 Backport IG, Medication study-medication-MMD. */
  semaglutide: { code: "1991302", display: "semaglutide" },
  /** SCD. Source: openFDA NDC records of lisinopril 10 mg tablets alone (NDC 70518-1152, 50090-7022): RxCUI 314076. */
  lisinopril10: { code: "314076", display: "lisinopril 10 MG Oral Tablet" },
  /**
   * SCD. Source: the openFDA NDC record of atorvastatin calcium tablets NDC 82137-017 (RxCUIs 259255, 617310,
   * 617311, 617312: the 80, 20, 40 and 10 mg concepts) and a terminology server's ValueSet expansion naming 259255
   * "Atorvastatin 80 MG Oral Tablet".
   */
  atorvastatin80: { code: "259255", display: "atorvastatin 80 MG Oral Tablet" },
} as const satisfies Record<string, Code>;

/** Problems: SNOMED CT and ICD-10-CM codings as an EHR's problem list sends them. */
export const PROBLEMS = {
  /** SNOMED CT 44054006 (issue 15; Synthea's Diagnose_Diabetes); ICD-10-CM E11.9 (icdlist.com/icd-10/e119). */
  type2Diabetes: {
    text: "Type 2 diabetes mellitus",
    codings: [
      { system: SNOMED, code: "44054006", display: "Diabetes mellitus type 2 (disorder)" },
      { system: ICD10CM, code: "E11.9", display: "Type 2 diabetes mellitus without complications" },
    ],
  },
  /** SNOMED CT 15777000 (Synthea's metabolic syndrome modules); ICD-10-CM R73.03 (icdlist.com/icd-10/R73.03). */
  prediabetes: {
    text: "Prediabetes",
    codings: [
      { system: SNOMED, code: "15777000", display: "Prediabetes" },
      { system: ICD10CM, code: "R73.03", display: "Prediabetes" },
    ],
  },
  /** SNOMED CT 55822004 (Synthea R4 output, "Hyperlipidemia"); ICD-10-CM E78.5 (FY2026 edition, icd10data.com E78.5). */
  hyperlipidemia: {
    text: "Hyperlipidemia",
    codings: [
      { system: SNOMED, code: "55822004", display: "Hyperlipidemia (disorder)" },
      { system: ICD10CM, code: "E78.5", display: "Hyperlipidemia, unspecified" },
    ],
  },
  /**
   * SNOMED CT 431856006 (Synthea's kidney_conditions module, CKD2 Diagnosis); ICD-10-CM N18.2 (CMS FY2026
   * ICD-10-CM, N18 category as listed by d3rx.com/codes/icd10/n18-31).
   */
  ckdStage2: {
    text: "Chronic kidney disease stage 2",
    codings: [
      { system: SNOMED, code: "431856006", display: "Chronic kidney disease stage 2 (disorder)" },
      { system: ICD10CM, code: "N18.2", display: "Chronic kidney disease, stage 2 (mild)" },
    ],
  },
  /** SNOMED CT 433144002 (Synthea's kidney_conditions module, CKD3 Diagnosis); ICD-10-CM N18.31 (d3rx.com, CMS FY2026). */
  ckdStage3a: {
    text: "Chronic kidney disease stage 3a",
    codings: [
      { system: SNOMED, code: "433144002", display: "Chronic kidney disease stage 3 (disorder)" },
      { system: ICD10CM, code: "N18.31", display: "Chronic kidney disease, stage 3a" },
    ],
  },
} as const satisfies Record<string, { readonly text: string; readonly codings: readonly fhir4.Coding[] }>;

export type Problem = keyof typeof PROBLEMS;

export function rxConcept(text: string, ...codes: readonly Code[]): fhir4.CodeableConcept {
  return { coding: codes.map(({ code, display }) => ({ system: RXNORM, code, display })), text };
}

const CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
const CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
const CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
const CATEGORY_DISPLAY = { "problem-list-item": "Problem List Item", "encounter-diagnosis": "Encounter Diagnosis" } as const;

export interface ConditionSpec {
  readonly id: string;
  readonly patientId: string;
  readonly problem: Problem;
  readonly onset: string;
  readonly recorded: string;
  readonly clinicalStatus?: "active" | "inactive" | "resolved";
  readonly abatement?: string;
  readonly category?: keyof typeof CATEGORY_DISPLAY;
  readonly encounter?: string;
  readonly by: PractitionerId;
  readonly note?: string;
}

export function condition(spec: ConditionSpec): fhir4.Condition {
  const { text, codings } = PROBLEMS[spec.problem];
  const status = spec.clinicalStatus ?? "active";
  const category = spec.category ?? "problem-list-item";
  return {
    resourceType: "Condition",
    id: spec.id,
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: status, display: status[0]!.toUpperCase() + status.slice(1) }] },
    verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: "confirmed", display: "Confirmed" }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: category, display: CATEGORY_DISPLAY[category] }] }],
    code: { coding: codings.map((c) => ({ ...c })), text },
    subject: { reference: `Patient/${spec.patientId}` },
    ...(spec.encounter ? { encounter: { reference: `Encounter/${spec.encounter}` } } : {}),
    onsetDateTime: spec.onset,
    ...(spec.abatement ? { abatementDateTime: spec.abatement } : {}),
    recordedDate: spec.recorded,
    recorder: performer(spec.by),
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
  };
}

export interface Dose {
  /** As the prescriber wrote it, e.g. "Take 2 tablets by mouth twice daily with meals". */
  readonly text: string;
  readonly value: number;
  readonly unit: "tablet" | "[iU]" | "mg";
  readonly frequency: number;
  readonly period: number;
  readonly periodUnit: "d" | "wk";
}

const DOSE_UNIT_TEXT = { tablet: "tablet", "[iU]": "units", mg: "mg" } as const;

function dosage(dose: Dose): fhir4.Dosage {
  return {
    text: dose.text,
    timing: { repeat: { frequency: dose.frequency, period: dose.period, periodUnit: dose.periodUnit } },
    doseAndRate: [{ doseQuantity: { value: dose.value, unit: DOSE_UNIT_TEXT[dose.unit], system: UCUM, code: dose.unit === "tablet" ? "{tbl}" : dose.unit } }],
  };
}

/** The medication of a request or statement: a concept, a reference to a Medication, or a contained one. */
export type MedicationChoice =
  | { readonly medicationCodeableConcept: fhir4.CodeableConcept }
  | { readonly medicationReference: fhir4.Reference; readonly contained?: fhir4.Medication[] };

export interface PrescriptionSpec {
  readonly id: string;
  readonly patientId: string;
  readonly medication: MedicationChoice;
  readonly status: "active" | "completed" | "stopped" | "entered-in-error";
  /** Local time of the order (UTC−5, as the clinic records it). */
  readonly authoredOn: string;
  /** The date the prescription stopped or ran out (its validity period's end); none while active. */
  readonly end?: string;
  readonly statusReason?: string;
  readonly dose: Dose;
  readonly by: PractitionerId;
  readonly reason: string;
  readonly encounter?: string;
  readonly note?: string;
}

const REQUEST_CATEGORY = "http://terminology.hl7.org/CodeSystem/medicationrequest-category";

export function prescription(spec: PrescriptionSpec): fhir4.MedicationRequest {
  return {
    resourceType: "MedicationRequest",
    id: spec.id,
    ...("contained" in spec.medication && spec.medication.contained ? { contained: spec.medication.contained } : {}),
    status: spec.status,
    ...(spec.statusReason ? { statusReason: { text: spec.statusReason } } : {}),
    intent: "order",
    category: [{ coding: [{ system: REQUEST_CATEGORY, code: "community", display: "Community" }], text: "Community" }],
    ...("medicationCodeableConcept" in spec.medication
      ? { medicationCodeableConcept: spec.medication.medicationCodeableConcept }
      : { medicationReference: spec.medication.medicationReference }),
    subject: { reference: `Patient/${spec.patientId}` },
    ...(spec.encounter ? { encounter: { reference: `Encounter/${spec.encounter}` } } : {}),
    authoredOn: spec.authoredOn,
    requester: performer(spec.by),
    reasonReference: [{ reference: `Condition/${spec.reason}` }],
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
    dosageInstruction: [dosage(spec.dose)],
    dispenseRequest: {
      validityPeriod: { start: spec.authoredOn.slice(0, 10), ...(spec.end ? { end: spec.end } : {}) },
      numberOfRepeatsAllowed: 3,
      expectedSupplyDuration: { value: 90, unit: "days", system: UCUM, code: "d" },
    },
  };
}

const STATEMENT_CATEGORY = "http://terminology.hl7.org/CodeSystem/medication-statement-category";

export interface StatementSpec {
  readonly id: string;
  readonly patientId: string;
  readonly medication: fhir4.CodeableConcept;
  readonly status: "active" | "completed" | "stopped" | "entered-in-error";
  readonly start: string;
  readonly end?: string;
  readonly statusReason?: string;
  readonly asserted: string;
  readonly dose: Dose;
  readonly category: "community" | "patientspecified";
  readonly note?: string;
}

/** What the patient reports taking (a medication history taken at a visit), not an order. */
export function statement(spec: StatementSpec): fhir4.MedicationStatement {
  const display = spec.category === "community" ? "Community" : "Patient Specified";
  return {
    resourceType: "MedicationStatement",
    id: spec.id,
    status: spec.status,
    ...(spec.statusReason ? { statusReason: [{ text: spec.statusReason }] } : {}),
    category: { coding: [{ system: STATEMENT_CATEGORY, code: spec.category, display }] },
    medicationCodeableConcept: spec.medication,
    subject: { reference: `Patient/${spec.patientId}` },
    effectivePeriod: { start: spec.start, ...(spec.end ? { end: spec.end } : {}) },
    dateAsserted: spec.asserted,
    informationSource: { reference: `Patient/${spec.patientId}` },
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
    dosage: [dosage(spec.dose)],
  };
}
