/**
 * The lab catalog: which LOINC codes make up each lab, its units and how they convert, and what context the
 * chart adds (a target line, when a test is due). Data, not code branches: a lab is added here (and its id in
 * settings.ts, which a deployment's config.json may name) and nowhere else.
 */
import { t } from "../i18n/i18n";
import type { GoalComparator, LabId, LabSettings } from "./settings";
import { A1C_STANDARDIZED, CKD_AA, CKD_NON_AA, FASTING, FASTING_GLUCOMETER, GLUCOMETER, MDRD_AA, MDRD_F, MDRD_M, MDRD_NON_AA, SERUM_OR_PLASMA, WHOLE_BLOOD } from "./methodLabels";

export interface LabCode {
  readonly system: string;
  readonly code: string;
  /** LOINC's long common name. */
  readonly display: string;
  /**
   * The method the code's results are drawn as (docs/clinical-rules.md §7): codes of one lab with the same
   * method form one line and are compared with each other; a unit alone (mass or molar) is not a method.
   */
  readonly method: string;
}

/**
 * A unit the lab is reported in. `factor` and `offset` convert a value in this unit to the lab's first
 * (canonical) unit: `canonical = value × factor + offset`. Linear covers every conversion here, the HbA1c
 * master equation included.
 */
export interface LabUnit {
  /** UCUM code, as in `Quantity.code`. */
  readonly code: string;
  /** How people read it. */
  readonly label: string;
  readonly decimals: number;
  readonly factor: number;
  readonly offset: number;
}

/** The default goal, drawn when the patient's record has none for the lab (docs/clinical-rules.md §5). */
export interface LabTarget {
  readonly comparator: GoalComparator;
  /** In the canonical unit. */
  readonly value: number;
  /** Where it comes from, in words: "ADA: many non-pregnant adults". */
  readonly basis: string;
}

/**
 * Values no patient can have, in the canonical unit (docs/clinical-rules.md §3): a result must be above `low` and
 * at most `high`. Generous on purpose: they catch data errors (a zero, a negative, 70 % HbA1c), never a real
 * extreme result.
 */
export interface PlausibleLimits {
  readonly low: number;
  readonly high: number;
}

export interface LabDefinition {
  readonly id: LabId;
  /** Shown as the table caption and the chart's label (the DOM contract relies on it), in the language shown. */
  readonly name: string;
  readonly codes: readonly LabCode[];
  /** The first is the canonical unit, which values are stored in; the others are offered by the unit toggle. */
  readonly units: readonly [LabUnit, ...LabUnit[]];
  /** The default goal line, distinct from the normal range; the patient's own Goal replaces it. */
  readonly target?: LabTarget;
  /** After this many months without a result, the summary says the test is overdue: at goal, or with no goal… */
  readonly retestMonthsAtGoal?: number;
  /** …and when the latest result is not (or not known to be) at goal. */
  readonly retestMonthsNotAtGoal?: number;
  readonly plausible: PlausibleLimits;
}

export const LOINC = "http://loinc.org";

/** The words for a default goal's basis: the catalog's (HbA1c) and a deployment's own number (config.json `labs`). */
export const ADA_BASIS = "ADA: many non-pregnant adults";
export const DEPLOYMENT_BASIS = "set by this deployment";

const loinc = (code: string, display: string, method: string): LabCode => ({ system: LOINC, code, display, method });
const unit = (code: string, label: string, decimals: number, factor = 1, offset = 0): LabUnit => ({ code, label, decimals, factor, offset });

const GFR = "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area]";
const GFR_AMONG = (group: string) => `Glomerular filtration rate/1.73 sq M.predicted among ${group} [Volume Rate/Area]`;

/** Cholesterol's molar mass: 1 mmol/L = 38.67 mg/dL (used for total, LDL and HDL alike). */
const CHOLESTEROL_UNITS: LabDefinition["units"] = [unit("mg/dL", "mg/dL", 0), unit("mmol/L", "mmol/L", 2, 38.67)];

export const HBA1C: LabDefinition = {
  id: "hba1c",
  get name() {
    return t("Hemoglobin A1c");
  },
  codes: [
    // NGSP-certified assays are traceable to one reference and the IFCC units convert by the master equation.
    loinc("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", A1C_STANDARDIZED),
    loinc("17856-6", "Hemoglobin A1c/Hemoglobin.total in Blood by HPLC", A1C_STANDARDIZED),
    loinc("4549-2", "Hemoglobin A1c/Hemoglobin.total in Blood by Electrophoresis", A1C_STANDARDIZED),
    loinc("59261-8", "Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol", A1C_STANDARDIZED),
  ],
  // IFCC mmol/mol = 10.929 × (NGSP % − 2.15), so % = mmol/mol ÷ 10.929 + 2.15.
  units: [unit("%", "%", 1), unit("mmol/mol", "mmol/mol", 0, 1 / 10.929, 2.15)],
  // ADA Standards of Care, section 6 (docs/clinical-rules.md §5): an A1C goal of <7% for many non-pregnant
  // adults; tested at least twice a year when meeting goals, quarterly when not.
  target: { comparator: "<", value: 7, basis: ADA_BASIS },
  retestMonthsAtGoal: 6,
  retestMonthsNotAtGoal: 3,
  // §3: HbA1c 14–15 % in extreme hyperglycaemia (Doi et al. 2023, https://ouci.dntb.gov.ua/works/4NBzvKx4); twice that.
  plausible: { low: 0, high: 30 },
};

export const GLUCOSE: LabDefinition = {
  id: "glucose",
  get name() {
    return t("Glucose");
  },
  codes: [
    // Specimen, point of care and fasting each change the value: each is its own method. LOINC's plain serum
    // or plasma code does not say whether the patient fasted, so it is not called "random".
    loinc("2345-7", "Glucose [Mass/volume] in Serum or Plasma", SERUM_OR_PLASMA),
    loinc("14749-6", "Glucose [Moles/volume] in Serum or Plasma", SERUM_OR_PLASMA),
    loinc("2339-0", "Glucose [Mass/volume] in Blood", WHOLE_BLOOD),
    loinc("15074-8", "Glucose [Moles/volume] in Blood", WHOLE_BLOOD),
    loinc("41653-7", "Glucose [Mass/volume] in Capillary blood by Glucometer", GLUCOMETER),
    loinc("14743-9", "Glucose [Moles/volume] in Capillary blood by Glucometer", GLUCOMETER),
    loinc("1558-6", "Fasting glucose [Mass/volume] in Serum or Plasma", FASTING),
    loinc("14771-0", "Fasting glucose [Moles/volume] in Serum or Plasma", FASTING),
    loinc("41604-0", "Fasting glucose [Mass/volume] in Capillary blood by Glucometer", FASTING_GLUCOMETER),
    loinc("14770-2", "Fasting glucose [Moles/volume] in Capillary blood by Glucometer", FASTING_GLUCOMETER),
  ],
  units: [unit("mg/dL", "mg/dL", 0), unit("mmol/L", "mmol/L", 1, 18.016)],
  // §3: 5,600 mg/dL on record (Soni et al., Diabetes Care 1990;13:181); https://www.healthcentral.com/diabetes/c/110/9887/record-high-blood/
  plausible: { low: 0, high: 10_000 },
};

export const LDL: LabDefinition = {
  id: "ldl",
  get name() {
    return t("LDL cholesterol");
  },
  codes: [
    loinc("2089-1", "Cholesterol in LDL [Mass/volume] in Serum or Plasma", SERUM_OR_PLASMA),
    loinc("18262-6", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay", SERUM_OR_PLASMA),
    loinc("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", SERUM_OR_PLASMA),
    loinc("22748-8", "Cholesterol in LDL [Moles/volume] in Serum or Plasma", SERUM_OR_PLASMA),
    loinc("39469-2", "Cholesterol in LDL [Moles/volume] in Serum or Plasma by calculation", SERUM_OR_PLASMA),
  ],
  units: CHOLESTEROL_UNITS,
  // §3: a fraction of total cholesterol, so never above its limit.
  plausible: { low: 0, high: 5_000 },
};

export const HDL: LabDefinition = {
  id: "hdl",
  get name() {
    return t("HDL cholesterol");
  },
  codes: [
    loinc("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", SERUM_OR_PLASMA),
    loinc("14646-4", "Cholesterol in HDL [Moles/volume] in Serum or Plasma", SERUM_OR_PLASMA),
  ],
  units: CHOLESTEROL_UNITS,
  // §3: a fraction of total cholesterol, so never above its limit.
  plausible: { low: 0, high: 5_000 },
};

export const TOTAL_CHOLESTEROL: LabDefinition = {
  id: "cholesterol",
  get name() {
    return t("Total cholesterol");
  },
  codes: [loinc("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", SERUM_OR_PLASMA), loinc("14647-2", "Cholesterol [Moles/volume] in Serum or Plasma", SERUM_OR_PLASMA)],
  units: CHOLESTEROL_UNITS,
  // §3: 1,129 mg/dL in chylomicronaemia (https://pmc.ncbi.nlm.nih.gov/articles/PMC10403339); over four times that.
  plausible: { low: 0, high: 5_000 },
};

export const TRIGLYCERIDES: LabDefinition = {
  id: "triglycerides",
  get name() {
    return t("Triglycerides");
  },
  codes: [loinc("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", SERUM_OR_PLASMA), loinc("14927-8", "Triglyceride [Moles/volume] in Serum or Plasma", SERUM_OR_PLASMA)],
  // Triglycerides (as triolein): 1 mmol/L = 88.57 mg/dL.
  units: [unit("mg/dL", "mg/dL", 0), unit("mmol/L", "mmol/L", 2, 88.57)],
  // §3: 64,956 mg/dL in an infant with LPL deficiency (https://pubmed.ncbi.nlm.nih.gov/29174071).
  plausible: { low: 0, high: 100_000 },
};

export const CREATININE: LabDefinition = {
  id: "creatinine",
  get name() {
    return t("Creatinine");
  },
  codes: [loinc("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", SERUM_OR_PLASMA), loinc("14682-9", "Creatinine [Moles/volume] in Serum or Plasma", SERUM_OR_PLASMA)],
  // 1 mg/dL = 88.42 µmol/L.
  units: [unit("mg/dL", "mg/dL", 2), unit("umol/L", "µmol/L", 0, 1 / 88.42)],
  // §3: 73.8 mg/dL, the highest on record (https://pmc.ncbi.nlm.nih.gov/articles/PMC8531789).
  plausible: { low: 0, high: 200 },
};

export const EGFR: LabDefinition = {
  id: "egfr",
  get name() {
    return t("eGFR");
  },
  codes: [
    // Each equation, and each race- or sex-specific variant of one, gives another number for the same creatinine.
    loinc("33914-3", `${GFR} in Serum or Plasma by Creatinine-based formula (MDRD)`, "MDRD"),
    loinc("77147-7", `${GFR} in Serum, Plasma or Blood by Creatinine-based formula (MDRD)`, "MDRD"),
    loinc("48643-1", `${GFR_AMONG("blacks")} in Serum, Plasma or Blood by Creatinine-based formula (MDRD)`, MDRD_AA),
    loinc("48642-3", `${GFR_AMONG("non-blacks")} in Serum, Plasma or Blood by Creatinine-based formula (MDRD)`, MDRD_NON_AA),
    loinc("50044-7", `${GFR_AMONG("females")} in Serum, Plasma or Blood by Creatinine-based formula (MDRD)`, MDRD_F),
    loinc("70969-1", `${GFR_AMONG("males")} in Serum, Plasma or Blood by Creatinine-based formula (MDRD)`, MDRD_M),
    loinc("62238-1", `${GFR} in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)`, "CKD-EPI 2009"),
    loinc("88293-6", `${GFR_AMONG("blacks")} in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)`, CKD_AA),
    loinc("88294-4", `${GFR_AMONG("non-blacks")} in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI)`, CKD_NON_AA),
    loinc("98979-8", `${GFR} in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)`, "CKD-EPI 2021"),
  ],
  units: [unit("mL/min/{1.73_m2}", "mL/min/1.73 m²", 0)],
  // §3: CKD-EPI 2021 gives about 250 at the lowest measurable creatinine (https://kidney.org/ckd-epi-creatinine-equation-2021).
  plausible: { low: 0, high: 500 },
};

export const LABS: readonly LabDefinition[] = [HBA1C, GLUCOSE, LDL, HDL, TOTAL_CHOLESTEROL, TRIGLYCERIDES, CREATININE, EGFR];

export const DEFAULT_LAB = HBA1C;

export function labById(id: string | undefined): LabDefinition | undefined {
  return LABS.find((lab) => lab.id === id);
}

/** Token search values (`system|code`) for one search covering every code of the lab. */
export function searchCodes(lab: LabDefinition): string[] {
  return lab.codes.map((c) => `${c.system}|${c.code}`);
}

/** The lab with a deployment's settings (config.json `labs`) in place of the catalog's. */
export function withSettings(lab: LabDefinition, settings: LabSettings | undefined): LabDefinition {
  if (!settings) return lab;
  const { target: catalogTarget, retestMonthsAtGoal: catalogAt, retestMonthsNotAtGoal: catalogNot, ...rest } = lab;
  const set = settings.target;
  const target = set === undefined ? catalogTarget : set === null ? undefined : typeof set === "number" ? { comparator: "<" as const, value: set, basis: DEPLOYMENT_BASIS } : set;
  // The earlier single interval is the at-goal one; its null ("never") switches both off.
  const old = settings.overdueAfterMonths;
  const pick = (value: number | null | undefined, catalog: number | undefined) => (value === undefined ? catalog : (value ?? undefined));
  const at = pick(settings.retestMonthsAtGoal !== undefined ? settings.retestMonthsAtGoal : old, catalogAt);
  const not = pick(settings.retestMonthsNotAtGoal !== undefined || old !== null ? settings.retestMonthsNotAtGoal : null, catalogNot);
  // The name stays the catalog's, in the language shown (a spread would keep the words of the moment).
  return { ...rest, get name() { return lab.name; }, ...(target && { target }), ...(at !== undefined && { retestMonthsAtGoal: at }), ...(not !== undefined && { retestMonthsNotAtGoal: not }) };
}
