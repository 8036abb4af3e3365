/** Lab results as the chart, the table and screen readers present them, in the unit shown. Pure. */
import { t, tn } from "../i18n/i18n";
import type { LabDefinition, LabUnit } from "../labs/catalog";
import { formatFhirDate, plotPeriodEnd, plotTime } from "../labs/dates";
import { isAbnormal, isCritical, type Flag } from "../labs/flags";
import type { LabResult } from "../labs/results";
import { formatIn, fromCanonical } from "../labs/units";
import type { GoalLine } from "../labs/goals";
import { rangeSegments } from "../labs/ranges";
import type { ChartBand, ChartPoint } from "./ChartLayers";
import type { MarkerKind } from "./markers";

/** A result's flag as the chart, the legend and the table show it: its marker and styling, and its words. */
export interface FlagCell {
  readonly marker: MarkerKind;
  readonly critical: boolean;
  readonly flagged: boolean;
  readonly text: string;
}

/** One line of the chart's legend: a marker with its styling, and what it means. */
export type LegendEntry = FlagCell;

const MARKERS: Readonly<Record<Flag["class"], readonly [high: MarkerKind, low: MarkerKind, neither: MarkerKind]>> = {
  critical: ["HH", "LL", "AA"],
  "high-low": ["H", "L", "A"],
  abnormal: ["A", "A", "A"],
  normal: ["N", "N", "N"],
  other: ["other", "other", "other"],
  "off-scale": ["above", "below", "other"],
};

/**
 * A limit (`<4.0`) or an off-scale flag gets the limit's arrow, in the styling of the lab's flag on it; any other
 * result the marker of its flag's class (docs/clinical-rules.md §1).
 */
export function markerOf(r: LabResult): MarkerKind {
  if (r.comparator === "<" || r.comparator === "<=") return "below";
  if (r.comparator === ">" || r.comparator === ">=") return "above";
  const flag = r.flag;
  if (!flag) return "none";
  if (flag.offScale) return flag.offScale === "high" ? "above" : "below";
  const [high, low, neither] = MARKERS[flag.class];
  return flag.direction === "high" ? high : flag.direction === "low" ? low : neither;
}

/** "<4.0", "7.1", or what was recorded when there is no value to show. */
export function valueText(r: LabResult, unit: LabUnit, locale?: string): string {
  if (r.value === undefined) return r.recorded;
  return `${r.comparator ?? ""}${formatIn(r.value, unit, locale)}`;
}

/** For a drawn result only; placed in `timeZone`, the table's (the reader's by default). */
export function chartPoint(r: LabResult, unit: LabUnit, locale?: string, timeZone?: string): ChartPoint {
  const periodEnd = plotPeriodEnd(r.when!, timeZone);
  return {
    id: r.id,
    time: plotTime(r.when!, timeZone),
    ...(periodEnd !== undefined ? { periodEnd } : {}),
    value: fromCanonical(r.value!, unit),
    marker: markerOf(r),
    critical: isCritical(r.flag),
    flagged: isAbnormal(r.flag),
    ...(r.flag ? { flag: r.flag.label } : {}),
    preliminary: r.status === "preliminary",
    ...(r.comparator ? { limit: valueText(r, unit, locale) } : {}),
    method: r.method,
  };
}

/** The chart in words, for screen readers: span, latest, extremes, flags, goal line (its label). `results` newest first. */
export function describeChart(lab: LabDefinition, results: readonly LabResult[], unit: LabUnit, locale?: string, goal?: string): string {
  const drawn = results.filter((r) => r.plotted);
  const name = lab.name;
  if (drawn.length === 0) return t("{name}: no results to draw.", { name });
  const at = (r: LabResult) => t("{value} {unit} on {date}", { value: valueText(r, unit, locale), unit: unit.label, date: formatFhirDate(r.when!, locale) });
  const newest = drawn[0]!;
  const oldest = drawn[drawn.length - 1]!;
  const exact = drawn.filter((r) => !r.comparator);
  const parts = [
    tn(drawn.length, "{name} chart in {unit}: {n} result from {from} to {to}.", "{name} chart in {unit}: {n} results from {from} to {to}.", { n: drawn.length, name, unit: unit.label, from: formatFhirDate(oldest.when!, locale), to: formatFhirDate(newest.when!, locale) }),
    t("Latest {result}.", { result: at(newest) }),
  ];
  if (exact.length > 1) {
    const low = exact.reduce((a, b) => (b.value! < a.value! ? b : a));
    const high = exact.reduce((a, b) => (b.value! > a.value! ? b : a));
    parts.push(t("Lowest {low}; highest {high}.", { low: at(low), high: at(high) }));
  }
  const flagged = drawn.filter((r) => isAbnormal(r.flag)).length;
  const critical = drawn.filter((r) => isCritical(r.flag)).length;
  if (flagged) parts.push(t("{n} flagged by the lab as outside the normal range{critical}.", { n: flagged, critical: critical ? t(", {n} of them critical", { n: critical }) : "" }));
  const offScale = drawn.filter((r) => r.flag?.offScale).length;
  if (offScale) parts.push(t("{n} reported by the lab as off the instrument's scale.", { n: offScale }));
  const limits = drawn.length - exact.length;
  if (limits) parts.push(tn(limits, "{n} is a limit drawn at the bound.", "{n} are limits drawn at the bound.", { n: limits }));
  if (goal) parts.push(t("{goal}, drawn as a line.", { goal }));
  return parts.join(" ");
}

/** The reference band as it changes over the results (oldest first, each with a date), in the unit shown. */
export function chartBands(results: readonly LabResult[], unit: LabUnit): ChartBand[] {
  return rangeSegments(results.map((r) => ({ time: plotTime(r.when!), range: r.range }))).map((s) => ({
    from: s.from,
    to: s.to,
    ...(s.low !== undefined ? { low: fromCanonical(s.low, unit) } : {}),
    ...(s.high !== undefined ? { high: fromCanonical(s.high, unit) } : {}),
    ...(s.meaning ? { meaning: s.meaning } : {}),
  }));
}

/** Where the goal's line(s) go, in the unit shown: a range goal is two lines, `value` its upper end. */
export function goalLevels(goal: GoalLine, unit: LabUnit): { readonly value: number; readonly other?: number } {
  return goal.kind === "range" ? { value: fromCanonical(goal.high, unit), other: fromCanonical(goal.low, unit) } : { value: fromCanonical(goal.value, unit) };
}
