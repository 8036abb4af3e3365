/**
 * A result's date in words, with what a reader must know about it (the table, the tooltip, the summary, the
 * chart's keys): loaded with those parts, after the first chart.
 */
import { t } from "../i18n/i18n";
import { dateNotes, formatFhirDateTime } from "../labs/dateWords";
import type { LabResult } from "../labs/results";

/** What a reader must know about a result's date (clinical rules §8): "year only", "report date"… */
export function resultDateNotes(r: LabResult): string[] {
  return dateNotes(r.when, r.whenFrom === "issued");
}

/** "Mar 4, 2021, 9:15 AM", "2019 (year only)", "Sep 14, 2020, 3:20 PM (report date)". */
export function dateText(r: LabResult, locale?: string, timeZone?: string): string {
  if (!r.when) return t("No date");
  const notes = resultDateNotes(r);
  return `${formatFhirDateTime(r.when, locale, timeZone)}${notes.length ? ` (${notes.join("; ")})` : ""}`;
}
