/**
 * The clinical-context catalog: which problems matter to which lab, and the codes and names that identify them
 * (the medication classes are in medicationCatalog.ts). Data with sources, no code branches (docs/clinical-rules.md
 * §11, where every list is cited); conditions.ts applies it.
 */
import type { LabId } from "./settings";

export const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
export const SNOMED = "http://snomed.info/sct";
export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
export const ICD10 = "http://hl7.org/fhir/sid/icd-10";

/** The labs each group of problems and medications bears on. */
export const GLUCOSE_LABS: readonly LabId[] = ["hba1c", "glucose"];
export const LIPID_LABS: readonly LabId[] = ["ldl", "hdl", "cholesterol", "triglycerides"];
export const KIDNEY_LABS: readonly LabId[] = ["creatinine", "egfr"];

/** The problems the summary names (issue 15, "Diagnoses"). */
export interface Problem {
  /** "type-2-diabetes" */
  readonly id: string;
  /** "Type 2 diabetes" */
  readonly label: string;
  readonly labs: readonly LabId[];
  /** SNOMED CT concepts, matched exactly (no terminology server here to test subsumption). */
  readonly snomed: readonly string[];
  /** ICD-10-CM and ICD-10 codes or categories, matched by prefix without the dot: "E11" covers E11.9 and E119. */
  readonly icd10: readonly string[];
  /** Not named when one of these problems is: a type is more than "diabetes". */
  readonly supersededBy?: readonly string[];
}

export const PROBLEMS: readonly Problem[] = [
  {
    id: "type-1-diabetes",
    label: "Type 1 diabetes",
    labs: GLUCOSE_LABS,
    snomed: ["46635009"], // Diabetes mellitus type 1 (disorder)
    icd10: ["E10"],
  },
  {
    id: "type-2-diabetes",
    label: "Type 2 diabetes",
    labs: GLUCOSE_LABS,
    snomed: [
      "44054006", // Diabetes mellitus type 2 (disorder)
      "90781000119102", // Microalbuminuria due to type 2 diabetes mellitus (disorder)
      "157141000119108", // Proteinuria due to type 2 diabetes mellitus (disorder)
      "368581000119106", // Neuropathy due to type 2 diabetes mellitus (disorder)
      "422034002", // Retinopathy due to type 2 diabetes mellitus (disorder)
      "1551000119108", // Nonproliferative retinopathy due to type 2 diabetes mellitus (disorder)
      "1501000119109", // Proliferative retinopathy due to type 2 diabetes mellitus (disorder)
      "97331000119101", // Macular edema and retinopathy due to type 2 diabetes mellitus (disorder)
    ],
    icd10: ["E11"],
  },
  {
    id: "diabetes",
    label: "Diabetes",
    labs: GLUCOSE_LABS,
    snomed: [
      "73211009", // Diabetes mellitus (disorder)
      "127013003", // Disorder of kidney due to diabetes mellitus (disorder)
    ],
    // E08 underlying condition, E09 drug-induced, E13 other specified (ICD-10-CM); E14 unspecified (ICD-10).
    icd10: ["E08", "E09", "E13", "E14"],
    supersededBy: ["type-1-diabetes", "type-2-diabetes"],
  },
  {
    id: "prediabetes",
    label: "Prediabetes",
    labs: GLUCOSE_LABS,
    snomed: [
      "714628002", // Prediabetes (finding)
      "15777000", // Prediabetes (finding), the concept Synthea records
    ],
    // ICD-10-CM R73.01 impaired fasting glucose, R73.02 impaired glucose tolerance, R73.03 prediabetes.
    icd10: ["R73.01", "R73.02", "R73.03"],
  },
  {
    id: "chronic-kidney-disease",
    label: "Chronic kidney disease",
    labs: KIDNEY_LABS,
    snomed: [
      "709044004", // Chronic kidney disease (disorder)
      "431855005", // Chronic kidney disease stage 1 (disorder)
      "431856006", // Chronic kidney disease stage 2 (disorder)
      "433144002", // Chronic kidney disease stage 3 (disorder)
      "700378005", // Chronic kidney disease stage 3A (disorder)
      "700379002", // Chronic kidney disease stage 3B (disorder)
      "431857002", // Chronic kidney disease stage 4 (disorder)
      "433146000", // Chronic kidney disease stage 5 (disorder)
      "46177005", // End-stage renal disease (disorder)
    ],
    // N18 chronic kidney disease; E10.22, E11.22, E13.22 diabetes "with diabetic chronic kidney disease".
    icd10: ["N18", "E10.22", "E11.22", "E13.22"],
  },
  {
    id: "hyperlipidaemia",
    label: "Hyperlipidaemia",
    labs: LIPID_LABS,
    snomed: [
      "55822004", // Hyperlipidemia (disorder)
      "13644009", // Hypercholesterolemia (disorder)
      "398036000", // Familial hypercholesterolemia (disorder)
      "302870006", // Hypertriglyceridemia (disorder)
    ],
    // E78.0 pure hypercholesterolaemia, E78.1 pure hyperglyceridaemia, E78.2 mixed, E78.3 hyperchylomicronaemia,
    // E78.4 other hyperlipidaemia, E78.5 hyperlipidaemia, unspecified.
    icd10: ["E78.0", "E78.1", "E78.2", "E78.3", "E78.4", "E78.5"],
  },
];
