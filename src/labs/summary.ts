/** The summary above the chart: latest value, change from the previous, time since the last test. Pure. */
import type { LabDefinition } from "./catalog";
import type { FhirInstant } from "./dates";
import type { LabResult } from "./results";

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
  /** The newest result with a date, drawn or not. */
  readonly lastTested: FhirInstant | undefined;
  /** Whether the lab's re-test interval has passed since then. */
  readonly overdue: boolean;
}

/** Whole calendar months from `from` to `to` (UTC, which is what FHIR dates without a zone mean). */
export function monthsBetween(from: number, to: number): number {
  const a = new Date(from);
  const b = new Date(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months--;
  return months;
}

/** `results` newest first, as the table lists them. */
export function summarize(results: readonly LabResult[], lab: LabDefinition, now: number): LabSummary {
  const drawn = results.filter((r) => r.plotted);
  const latest = drawn[0];
  const previous = latest && drawn.slice(1).find((r) => r.method === latest.method);
  const before = drawn[1];
  const otherMethodBefore = latest && before && before.method !== latest.method ? before : undefined;
  const exact = latest && previous && !latest.comparator && !previous.comparator;
  const lastTested = results.find((r) => r.when)?.when;
  const overdue = lab.overdueAfterMonths !== undefined && lastTested !== undefined && monthsBetween(lastTested.time, now) >= lab.overdueAfterMonths;
  return {
    count: results.length,
    latest,
    previous,
    change: exact ? latest.value! - previous.value! : undefined,
    otherMethodBefore,
    lastTested,
    overdue,
  };
}
