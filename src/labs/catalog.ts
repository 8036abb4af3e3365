/** The lab catalog: which LOINC codes make up each lab, and how it is shown. Data, not code branches. */

export interface LabCode {
  readonly system: string;
  readonly code: string;
  readonly display: string;
}

export interface LabDefinition {
  readonly id: string;
  /** Shown as the table caption and the chart's label (the DOM contract relies on it). */
  readonly name: string;
  readonly codes: readonly LabCode[];
  /** The unit every value is drawn in (UCUM). */
  readonly unit: string;
  /** Decimal places values are shown with. */
  readonly decimals: number;
}

export const LOINC = "http://loinc.org";

export const HBA1C: LabDefinition = {
  id: "hba1c",
  name: "Hemoglobin A1c",
  codes: [
    { system: LOINC, code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood" },
    { system: LOINC, code: "17856-6", display: "Hemoglobin A1c/Hemoglobin.total in Blood by HPLC" },
    { system: LOINC, code: "4549-2", display: "Hemoglobin A1c/Hemoglobin.total in Blood by Electrophoresis" },
    { system: LOINC, code: "59261-8", display: "Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol" },
  ],
  unit: "%",
  decimals: 1,
};

export const LABS: readonly LabDefinition[] = [HBA1C];

/** Token search values (`system|code`) for one search covering every code of the lab. */
export function searchCodes(lab: LabDefinition): string[] {
  return lab.codes.map((c) => `${c.system}|${c.code}`);
}
