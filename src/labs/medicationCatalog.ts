/**
 * The medication classes that matter to each lab, with the RxNorm ingredients, words and product codes that identify
 * them, and brand names: data with sources, no code branches (docs/clinical-rules.md §11, where every list is cited).
 * The classes are in glucoseMedications.ts and heartKidneyMedications.ts; medications.ts applies them.
 */
import { GLUCOSE_LOWERING, NHSN_LANTUS, SYNTHEA } from "./glucoseMedications";
import { HEART_AND_KIDNEY } from "./heartKidneyMedications";
import type { LabId } from "./settings";

/** An RxNorm ingredient (term type IN): its name is matched as whole words in a medication's text and displays. */
export interface Ingredient {
  /** RxNorm's name, lower case: "empagliflozin". */
  readonly name: string;
  readonly rxcui: string;
}

/** RxNorm product codes (SCD, SBD and related concepts) that contain one of the class's ingredients. */
export interface CodeList {
  /** Where the list was taken from (docs/clinical-rules.md §11 gives the address). */
  readonly source: string;
  readonly codes: readonly string[];
}

export interface MedicationClass {
  readonly id: string;
  /** "SGLT2 inhibitor" */
  readonly name: string;
  /** The labs whose chart shows the class's medications (issue 15, "Relevance"). */
  readonly labs: readonly LabId[];
  readonly ingredients: readonly Ingredient[];
  /** Words other than ingredient names that place a medication in the class ("insulin" covers every insulin). */
  readonly names?: readonly string[];
  readonly products: readonly CodeList[];
}

/** A brand name, matched as a whole word like an ingredient's; it stands for its ingredients. */
export interface Brand {
  readonly name: string;
  /** Ingredient names, as in MEDICATION_CLASSES. */
  readonly ingredients: readonly string[];
  readonly source: string;
}

export const MEDICATION_CLASSES: readonly MedicationClass[] = [...GLUCOSE_LOWERING, ...HEART_AND_KIDNEY];

/** Brand names seen in the sources of §11, each with its ingredients: a combination names all of them. */
export const BRANDS: readonly Brand[] = [
  { name: "Jardiance", ingredients: ["empagliflozin"], source: "openFDA NDC 0597-0153" },
  { name: "Farxiga", ingredients: ["dapagliflozin"], source: "openFDA NDC 0310-6210" },
  { name: "Xigduo", ingredients: ["dapagliflozin", "metformin"], source: "openFDA NDC 0310-6270" },
  { name: "Glyxambi", ingredients: ["empagliflozin", "linagliptin"], source: "openFDA NDC 0597-0182" },
  { name: "Steglujan", ingredients: ["ertugliflozin", "sitagliptin"], source: "openFDA NDC 0006-5368" },
  { name: "Januvia", ingredients: ["sitagliptin"], source: "openFDA NDC 0006-0277" },
  { name: "Janumet", ingredients: ["sitagliptin", "metformin"], source: "openFDA NDC 0006-0577, 0006-0081" },
  { name: "Riomet", ingredients: ["metformin"], source: "openFDA NDC 10631-206" },
  { name: "Lantus", ingredients: ["insulin glargine"], source: NHSN_LANTUS },
  { name: "Humalog", ingredients: ["insulin lispro"], source: SYNTHEA },
  { name: "Apidra", ingredients: ["insulin glulisine"], source: "openFDA NDC 0088-2502" },
  { name: "Kerendia", ingredients: ["finerenone"], source: "openFDA NDC 50419-541" },
  { name: "Zestril", ingredients: ["lisinopril"], source: "RxNorm SBD 104375, in ssmithm/rxnorm-drug-lists antihtn_rxcuis.csv" },
  { name: "Altace", ingredients: ["ramipril"], source: "RxNorm SBD 104384, in ssmithm/rxnorm-drug-lists antihtn_rxcuis.csv" },
  { name: "Edarbi", ingredients: ["azilsartan"], source: "RxNorm SBD 1091650, in ssmithm/rxnorm-drug-lists antihtn_rxcuis.csv" },
];
