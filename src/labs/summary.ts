/**
 * The summary above the chart: latest value, change from the previous, time since the last test and whether
 * a retest is due, by the lab's intervals at goal and not at goal (docs/clinical-rules.md §5). Pure.
 */
import { tn } from "../i18n/i18n";
import type { LabDefinition } from "./catalog";
import type { FhirInstant } from "./dates";
import { atGoal, type GoalLine } from "./goals";
import type { LabResult } from "./results";

/** A retest is due: the interval that applies, and why (the latest result at goal, not, not known, no goal). */
export interface Overdue {
  readonly months: number;
  readonly goal: "at" | "not" | "unknown" | "none";
}

export interface LabSummary {
  readonly count: number;
  /** The newest result drawn on the chart. */
  readonly latest: LabResult | undefined;
  /**
   * The drawn result before it by the same method: Change is never computed across a method change
   * (docs/clinical-rules.md §7).
   */
  readonly previous: LabResult | undefined;
  /** latest − previous in the canonical unit, when both are exact values (not limits). */
  readonly change: number | undefined;
  /** The drawn result just before the latest, when it used another method: it is not compared with the latest. */
  readonly otherMethodBefore: LabResult | undefined;
  /** The newest dated result that has a value: a clotted specimen or an order not yet resulted is no test. */
  readonly lastTested: FhirInstant | undefined;
  /** Set when the interval that applies has passed since then. */
  readonly overdue: Overdue | undefined;
}

/** Whole calendar months from `from` to `to` (UTC, which is what FHIR dates without a zone mean). */
export function monthsBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months--;
  return months;
}

const NOT_RESULTED = new Set<LabResult["status"]>(["registered", "cancelled", "entered-in-error"]);

/**
 * A test was done and resulted: a number, or other words the lab reported. A data-absent reason (results.ts
 * records it as "No value: …") or nothing at all is not a result.
 */
function resulted(r: LabResult): boolean {
  return !NOT_RESULTED.has(r.status) && (r.value !== undefined || (r.recorded.trim() !== "" && !r.recorded.startsWith("No value")));
}

/** "overdue: at goal, test at least every 6 months", worded as the ADA recommendation is (English says "months" for 1 too). */
export function overdueText({ months, goal }: Overdue): string {
  const n = months;
  switch (goal) {
    case "at":
      return tn(months, "overdue: at goal, test at least every {n} months", "overdue: at goal, test at least every {n} months", { n });
    case "not":
      return tn(months, "overdue: not at goal, test every {n} months", "overdue: not at goal, test every {n} months", { n });
    case "unknown":
      return tn(months, "overdue: not known to be at goal, test every {n} months", "overdue: not known to be at goal, test every {n} months", { n });
    default:
      return tn(months, "overdue: test at least every {n} months", "overdue: test at least every {n} months", { n });
  }
}

/** `results` newest first, as the table lists them; `goal` the line drawn, if any. */
export function summarize(results: readonly LabResult[], lab: LabDefinition, now: number, goal?: GoalLine): LabSummary {
  const drawn = results.filter((r) => r.plotted);
  const latest = drawn[0];
  const previous = latest && drawn.slice(1).find((r) => r.method === latest.method);
  const before = drawn[1];
  const otherMethodBefore = latest && before && before.method !== latest.method ? before : undefined;
  const exact = latest && previous && !latest.comparator && !previous.comparator;
  const lastTested = results.find((r) => r.when && resulted(r))?.when;
  const met = goal && latest ? atGoal(latest, goal) : undefined;
  const status: Overdue["goal"] = !goal ? "none" : met === true ? "at" : met === false ? "not" : "unknown";
  const months = status === "at" || status === "none" ? lab.retestMonthsAtGoal : (lab.retestMonthsNotAtGoal ?? lab.retestMonthsAtGoal);
  const due = months !== undefined && lastTested !== undefined && monthsBetween(lastTested.time, now) >= months;
  return {
    count: results.length,
    latest,
    previous,
    change: exact ? latest.value! - previous.value! : undefined,
    otherMethodBefore,
    lastTested,
    overdue: due ? { months, goal: status } : undefined,
  };
}
