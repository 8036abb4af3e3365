/** The glucose-lowering medication classes (docs/clinical-rules.md §11, where every list is cited). Plain literals only. */
import { GLUCOSE_LABS } from "./contextCatalog";
import type { CodeList, MedicationClass } from "./medicationCatalog";

/**
 * Sources named by several lists (full references in docs/clinical-rules.md §11). "openFDA NDC <product>": the
 * openfda.rxcui of that product's record in the openFDA NDC directory.
 */
export const SYNTHEA = "Synthea module metabolic_syndrome/medications.json";
export const NHSN_LANTUS = "HL7 NHSN dQM IG, example medication-example-hypo-hypo1: Insulin glargine (LANTUS)";
const XIGDUO: CodeList = { source: "openFDA NDC 0310-6270 (Xigduo XR)", codes: ["1593058", "1593068"] };

export const GLUCOSE_LOWERING: readonly MedicationClass[] = [
  {
    id: "metformin",
    name: "Metformin",
    labs: GLUCOSE_LABS,
    ingredients: [{ name: "metformin", rxcui: "6809" }],
    products: [
      { source: SYNTHEA, codes: ["860975"] }, // 24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet
      { source: "openFDA NDC 67046-0437, 68645-595 (metformin ER 500 mg)", codes: ["860975"] },
      { source: "openFDA NDC 67046-0804 (metformin 850 mg)", codes: ["861010"] },
      { source: "openFDA NDC 10631-206 (Riomet, metformin 500 mg/5 mL)", codes: ["861025", "861027"] },
      XIGDUO,
    ],
  },
  {
    id: "sulfonylurea",
    name: "Sulfonylurea",
    labs: GLUCOSE_LABS,
    ingredients: [
      { name: "glipizide", rxcui: "4821" },
      { name: "glyburide", rxcui: "4815" },
      { name: "glimepiride", rxcui: "25789" },
      { name: "chlorpropamide", rxcui: "2404" },
      { name: "tolbutamide", rxcui: "10635" },
      { name: "tolazamide", rxcui: "10633" },
    ],
    products: [
      {
        source: "VSAC 2.16.840.1.113883.3.464.1003.196.12.1368 Glyburide (eCQM Update 2020-05-07)",
        codes: ["197737", "252960", "310534", "310536", "310537", "310539", "314000", "861743", "861748", "861753"],
      },
    ],
  },
  {
    id: "dpp4-inhibitor",
    name: "DPP-4 inhibitor",
    labs: GLUCOSE_LABS,
    ingredients: [
      { name: "sitagliptin", rxcui: "593411" },
      { name: "saxagliptin", rxcui: "857974" },
      { name: "linagliptin", rxcui: "1100699" },
      { name: "alogliptin", rxcui: "1368001" },
    ],
    products: [
      { source: "openFDA NDC 55154-5042, 50090-4084 (Januvia 100 mg)", codes: ["665036", "2709603"] },
      { source: "openFDA NDC 84677-050 (sitagliptin)", codes: ["2709603", "2709608", "2709612"] },
    ],
  },
  {
    id: "sglt2-inhibitor",
    name: "SGLT2 inhibitor",
    // Glucose-lowering, and given for kidney protection: an eGFR dip after starting is expected (KDIGO 2022).
    labs: ["hba1c", "glucose", "creatinine", "egfr"],
    ingredients: [
      { name: "canagliflozin", rxcui: "1373458" },
      { name: "dapagliflozin", rxcui: "1488564" },
      { name: "empagliflozin", rxcui: "1545653" },
      { name: "ertugliflozin", rxcui: "1992672" },
    ],
    products: [
      { source: SYNTHEA, codes: ["1373463"] }, // canagliflozin 100 MG Oral Tablet
      { source: "openFDA NDC 55154-0412, 67296-2324 (Jardiance)", codes: ["1545658", "1545664", "1545666", "1545668"] },
      { source: "openFDA NDC 70710-1380, 70954-857, 69097-388 (dapagliflozin)", codes: ["1488569", "1488574"] },
      XIGDUO,
    ],
  },
  {
    id: "glp1-receptor-agonist",
    name: "GLP-1 receptor agonist",
    labs: GLUCOSE_LABS,
    ingredients: [
      { name: "exenatide", rxcui: "60548" },
      { name: "liraglutide", rxcui: "475968" },
      { name: "lixisenatide", rxcui: "1440051" },
      { name: "dulaglutide", rxcui: "1551291" },
      { name: "semaglutide", rxcui: "1991302" },
      // A dual GIP and GLP-1 receptor agonist, grouped with them by the ADA Standards of Care, section 9.
      { name: "tirzepatide", rxcui: "2601723" },
    ],
    products: [{ source: SYNTHEA, codes: ["897122"] }], // 3 ML liraglutide 6 MG/ML Pen Injector
  },
  {
    id: "thiazolidinedione",
    name: "Thiazolidinedione",
    labs: GLUCOSE_LABS,
    ingredients: [{ name: "pioglitazone", rxcui: "33738" }, { name: "rosiglitazone", rxcui: "84108" }],
    products: [],
  },
  {
    id: "insulin",
    name: "Insulin",
    labs: GLUCOSE_LABS,
    ingredients: [
      { name: "insulin glargine", rxcui: "274783" },
      { name: "insulin detemir", rxcui: "139825" },
      { name: "insulin degludec", rxcui: "1670007" },
      { name: "insulin lispro", rxcui: "86009" },
      { name: "insulin aspart", rxcui: "51428" },
      { name: "insulin glulisine", rxcui: "400008" },
    ],
    // Human insulins (regular, isophane) and mixtures are named "insulin … human" in RxNorm: the word is enough.
    names: ["insulin"],
    products: [
      { source: SYNTHEA, codes: ["106892", "865098"] }, // Humulin 70/30 suspension; insulin lispro 100 UNT/ML [Humalog]
      {
        source: NHSN_LANTUS,
        codes: ["261551", "274783", "285018", "311041", "1736859", "2377130", "2377134"],
      },
      { source: "openFDA NDC 83257-014 (insulin glargine-yfgn)", codes: ["2563971", "2563976"] },
      { source: "openFDA NDC 0002-8315 (Humulin N)", codes: ["311026", "311028", "847199", "1654862"] },
    ],
  },
];
