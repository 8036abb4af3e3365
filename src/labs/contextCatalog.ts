/**
 * The clinical-context catalog: which medication classes and which problems matter to which lab, and the codes
 * and names that identify them. Data with sources, no code branches (docs/clinical-rules.md §11, where every
 * list below is cited); medications.ts and conditions.ts apply it.
 */
import type { LabId } from "./settings";

export const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
export const SNOMED = "http://snomed.info/sct";
export const ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
export const ICD10 = "http://hl7.org/fhir/sid/icd-10";

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

const GLUCOSE_LABS: readonly LabId[] = ["hba1c", "glucose"];
const LIPID_LABS: readonly LabId[] = ["ldl", "hdl", "cholesterol", "triglycerides"];
const KIDNEY_LABS: readonly LabId[] = ["creatinine", "egfr"];

// Plain literals only (no calls, no spreads), so that a bundle importing only the problems leaves the medication
// data out.

/**
 * Sources named by several lists (full references in docs/clinical-rules.md §11). "openFDA NDC <product>": the
 * openfda.rxcui of that product's record in the openFDA NDC directory.
 */
const SYNTHEA = "Synthea module metabolic_syndrome/medications.json";
const VSAC_ACE_ARB = "VSAC 2.16.840.1.113883.3.526.3.1139 ACE Inhibitor or ARB or ARNI (eCQM Update 2021-05-06)";
const NHSN_LANTUS = "HL7 NHSN dQM IG, example medication-example-hypo-hypo1: Insulin glargine (LANTUS)";
const XIGDUO: CodeList = { source: "openFDA NDC 0310-6270 (Xigduo XR)", codes: ["1593058", "1593068"] };

export const MEDICATION_CLASSES: readonly MedicationClass[] = [
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
  {
    id: "statin",
    name: "Statin",
    labs: LIPID_LABS,
    ingredients: [
      { name: "atorvastatin", rxcui: "83367" },
      { name: "fluvastatin", rxcui: "41127" },
      { name: "lovastatin", rxcui: "6472" },
      { name: "pitavastatin", rxcui: "861634" },
      { name: "pravastatin", rxcui: "42463" },
      { name: "rosuvastatin", rxcui: "301542" },
      { name: "simvastatin", rxcui: "36567" },
    ],
    products: [
      {
        source: "VSAC 2.16.840.1.113883.3.526.3.1572 High Intensity Statin Therapy (eCQM Update 2020-05-07)",
        codes: ["259255", "404011", "404013", "476351", "597984", "597990", "597993", "617311", "757705", "859419", "859751", "2167565", "2167569"],
      },
      {
        source: "VSAC 2.16.840.1.113883.3.526.3.1575 Moderate Intensity Statin Therapy (eCQM Update 2020-05-07)",
        codes: [
          "197905", "198211", "200345", "310405", "312961", "359731", "359732", "360507", "476349", "476350", "597967",
          "597971", "597974", "597977", "597980", "597987", "617310", "617312", "757703", "757704", "859424", "859747",
          "861648", "861652", "904475", "904481", "1790679", "1944264", "2001262", "2001266", "2167557", "2167573",
        ],
      },
      {
        source: "VSAC 2.16.840.1.113883.3.526.3.1574 Low Intensity Statin Therapy (eCQM Update 2020-05-07)",
        codes: ["197903", "197904", "310404", "310405", "312962", "314231", "433849", "476345", "757702", "861643", "904458", "904467", "1790679", "1944264", "2001254"],
      },
    ],
  },
  {
    id: "ezetimibe",
    name: "Ezetimibe",
    labs: LIPID_LABS,
    ingredients: [{ name: "ezetimibe", rxcui: "341248" }],
    products: [],
  },
  {
    id: "pcsk9-inhibitor",
    name: "PCSK9 inhibitor",
    labs: LIPID_LABS,
    ingredients: [{ name: "evolocumab", rxcui: "1665684" }, { name: "alirocumab", rxcui: "1659152" }],
    products: [],
  },
  {
    id: "ace-inhibitor",
    name: "ACE inhibitor",
    labs: KIDNEY_LABS,
    ingredients: [
      { name: "benazepril", rxcui: "18867" },
      { name: "captopril", rxcui: "1998" },
      { name: "enalapril", rxcui: "3827" },
      { name: "fosinopril", rxcui: "50166" },
      { name: "lisinopril", rxcui: "29046" },
      { name: "moexipril", rxcui: "30131" },
      { name: "perindopril", rxcui: "54552" },
      { name: "quinapril", rxcui: "35208" },
      { name: "ramipril", rxcui: "35296" },
      { name: "trandolapril", rxcui: "38454" },
    ],
    products: [
      {
        // The value set's ACE inhibitor members, alone or combined with a diuretic or a calcium channel blocker.
        source: VSAC_ACE_ARB,
        codes: [
          "197436", "197437", "197438", "197439", "197884", "197885", "197886", "197887", "198188", "198189", "199351",
          "199352", "199353", "205326", "261962", "308962", "308963", "308964", "310796", "310797", "310809", "311353",
          "311354", "312748", "312749", "312750", "314076", "314077", "314203", "317173", "845488", "854925", "854984",
          "854988", "857166", "857169", "857174", "857183", "857187", "858804", "858810", "858813", "858817", "858824",
          "858828", "897781", "897783", "897844", "897853", "898342", "898346", "898350", "898353", "898356", "898359",
          "898362", "898367", "898372", "898378", "898687", "898690", "898719", "898723", "1299859", "1299871",
          "1299890", "1299896", "1299897", "1435624", "1600716", "1600724", "1600728",
        ],
      },
    ],
  },
  {
    id: "arb",
    name: "ARB",
    labs: KIDNEY_LABS,
    ingredients: [
      { name: "azilsartan", rxcui: "1091643" },
      { name: "candesartan", rxcui: "214354" },
      { name: "eprosartan", rxcui: "83515" },
      { name: "irbesartan", rxcui: "83818" },
      { name: "losartan", rxcui: "52175" },
      { name: "olmesartan", rxcui: "321064" },
      { name: "telmisartan", rxcui: "73494" },
      { name: "valsartan", rxcui: "69749" },
    ],
    products: [
      {
        // The value set's ARB members, sacubitril/valsartan included.
        source: VSAC_ACE_ARB,
        codes: [
          "153822", "153823", "200094", "200095", "200096", "200284", "200285", "205304", "205305", "282755", "283316",
          "283317", "310140", "310792", "310793", "349199", "349200", "349201", "349353", "349373", "349401", "349405",
          "349483", "351292", "351293", "403853", "403854", "403855", "477130", "485471", "577776", "578325", "578330",
          "636042", "636045", "639537", "722126", "722131", "722134", "722137", "730861", "730866", "730869", "730872",
          "802749", "848131", "848135", "848140", "848145", "848151", "876514", "876519", "876524", "876529", "979464",
          "979468", "979471", "979480", "979485", "979492", "999967", "999986", "999991", "999996", "1000001",
          "1091646", "1091652", "1235144", "1235151", "1656340", "1656349", "1656354",
        ],
      },
    ],
  },
  {
    id: "finerenone",
    name: "Finerenone",
    labs: KIDNEY_LABS,
    ingredients: [{ name: "finerenone", rxcui: "2562811" }],
    products: [],
  },
];

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
