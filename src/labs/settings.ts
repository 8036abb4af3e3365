/**
 * What a deployment may change about a lab in config.json (`labs`), without rebuilding: its clinical target
 * and how long until a retest is due. Small on purpose: the launch page checks these settings.
 */

/** The catalog's lab ids, in its order (src/labs/catalog.ts; a test keeps the two the same). */
export const LAB_IDS = ["hba1c", "glucose", "ldl", "hdl", "cholesterol", "triglycerides", "creatinine", "egfr"] as const;

export type LabId = (typeof LAB_IDS)[number];

export interface LabSettings {
  /** The target line, in the lab's first (canonical) unit; null: no target line. */
  readonly target?: number | null;
  /** Months without a result after which the summary says the test is overdue; null: never. */
  readonly overdueAfterMonths?: number | null;
}

export type LabSettingsById = Readonly<Partial<Record<LabId, LabSettings>>>;
