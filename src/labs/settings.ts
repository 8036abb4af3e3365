/**
 * What a deployment may change about a lab in config.json (`labs`), without rebuilding: its default goal
 * line and how long until a retest is due. Small on purpose: the launch page checks these settings.
 */

/** The catalog's lab ids, in its order (src/labs/catalog.ts; a test keeps the two the same). */
export const LAB_IDS = ["hba1c", "glucose", "ldl", "hdl", "cholesterol", "triglycerides", "creatinine", "egfr"] as const;

export type LabId = (typeof LAB_IDS)[number];

export type GoalComparator = "<" | "<=" | ">" | ">=";

/** A default goal: `comparator value`, in the lab's first (canonical) unit, and the words for where it comes from. */
export interface TargetSetting {
  readonly comparator: GoalComparator;
  readonly value: number;
  /** Shown as "default (<basis>)", e.g. "ADA: many non-pregnant adults". */
  readonly basis: string;
}

export interface LabSettings {
  /**
   * The goal line drawn when the patient's record has no Goal for the lab. A bare number means
   * `{ comparator: "<", value, basis: "set by this deployment" }`; null: no default goal line.
   */
  readonly target?: number | TargetSetting | null;
  /** Months without a result, while the latest is at goal (or there is no goal), until a test is due; null: never. */
  readonly retestMonthsAtGoal?: number | null;
  /** Months without a result, while the latest is not at goal, until a test is due; null: never. */
  readonly retestMonthsNotAtGoal?: number | null;
  /** The earlier, single setting: read as retestMonthsAtGoal; null switches both intervals off. */
  readonly overdueAfterMonths?: number | null;
}

export type LabSettingsById = Readonly<Partial<Record<LabId, LabSettings>>>;
