/**
 * The Overview of every lab, without React: the one time span all its small charts share, each chart's caption
 * (its latest result in words) and the status line. Pure.
 */
import { t, tn } from "../i18n/i18n";
import type { LabUnit } from "./catalog";
import { formatFhirDate, plotTime } from "./dates";
import { resultFlagText } from "./flagText";
import type { LabResult } from "./results";
import { chartDomain, windowOf, type RangeSelection, type TimeWindow } from "./timeRange";
import { formatIn } from "./units";

// The Overview's own words load with it, not with the first chart.

/** Where one lab's drawn results sit in time: its oldest and newest, as its chart places them. */
export function drawnSpan(results: readonly LabResult[]): TimeWindow | undefined {
  let span: TimeWindow | undefined;
  for (const r of results) {
    if (!r.plotted || !r.when) continue;
    const time = plotTime(r.when);
    span = span ? { from: Math.min(span.from, time), to: Math.max(span.to, time) } : { from: time, to: time };
  }
  return span;
}

/** The union of the labs' spans: from the oldest result of any lab to the newest of any. */
export function unionSpan(spans: readonly (TimeWindow | undefined)[]): TimeWindow | undefined {
  let union: TimeWindow | undefined;
  for (const s of spans) if (s) union = union ? { from: Math.min(union.from, s.from), to: Math.max(union.to, s.to) } : s;
  return union;
}

/**
 * The span every small chart draws: the chosen window, a preset up to the newest result of any lab, or all of
 * them with the room a single lab's chart leaves (chartDomain), so that every chart's axis is the same.
 */
export function overviewDomain(range: RangeSelection, spans: readonly (TimeWindow | undefined)[], now?: number): [number, number] {
  const union = unionSpan(spans);
  return chartDomain(windowOf(range, union?.to), union?.from, union?.to, now);
}

/** "Latest 7.1 % (High (H)), Mar 4, 2024": the newest drawn result, or the newest at all when none is drawn. */
export function latestCaption(results: readonly LabResult[], unit: LabUnit, locale?: string): string {
  const latest = results.find((r) => r.plotted) ?? results[0];
  if (!latest) return t("No results");
  const value = latest.value === undefined ? latest.recorded : `${latest.comparator ?? ""}${formatIn(latest.value, unit, locale)} ${unit.label}`;
  const flag = resultFlagText(latest);
  return t("Latest {value}, {date}", { value: flag ? `${value} (${flag})` : value, date: latest.when ? formatFhirDate(latest.when, locale) : t("no date") });
}

/** Where one lab's search is. */
export type OverviewLabState = { readonly state: "loading" } | { readonly state: "failed" } | { readonly state: "done"; readonly count: number };

/**
 * The one status line: how many labs are read while they load; then the labs that failed, if any, and
 * "Loaded N results in M labs" (the labs with data).
 */
export function overviewStatus(labs: readonly OverviewLabState[]): string {
  const done = labs.filter((l) => l.state !== "loading").length;
  if (done < labs.length) return tn(labs.length, "Reading {done} of {count} lab…", "Reading {done} of {count} labs…", { done });
  const failed = labs.filter((l) => l.state === "failed").length;
  const counts = labs.map((l) => (l.state === "done" ? l.count : 0));
  const loaded = tn(counts.reduce((a, b) => a + b, 0), "Loaded {count} result in {labs}", "Loaded {count} results in {labs}", { labs: tn(counts.filter((n) => n > 0).length, "{count} lab", "{count} labs") });
  return failed ? `${tn(failed, "{count} lab could not be read.", "{count} labs could not be read.")} ${loaded}` : loaded;
}
