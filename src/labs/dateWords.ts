/**
 * A result's date in words beyond what the chart needs: with its time of day, and what a reader must know about it
 * (the table, tooltip, summary and CSV say them), loaded with those parts.
 */
import { t } from "../i18n/i18n";
import { dateFormat, formatFhirDate, type DatePrecision, type FhirInstant } from "./dates";


/** What a reader must know about a date (clinical rules §8): "year only", "time zone not stated", "report date". */
export function dateNotes(instant: FhirInstant | undefined, fromIssued: boolean): string[] {
  if (!instant) return [];
  const notes: string[] = [];
  const precision: Partial<Record<DatePrecision, string>> = { year: t("year only"), month: t("month only") };
  const note = precision[instant.precision];
  if (note) notes.push(note);
  if (instant.zoneless) notes.push(t("time zone not stated"));
  if (fromIssued) notes.push(t("report date"));
  return notes;
}

/** Like formatFhirDate, with the time of day when one was recorded. */
export function formatFhirDateTime(instant: FhirInstant, locale?: string, timeZone?: string): string {
  if (instant.precision !== "time") return formatFhirDate(instant, locale, timeZone);
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: instant.zoneless ? "UTC" : timeZone }).format(instant.time);
}
