/**
 * A result's date in words beyond what the chart needs: with its time of day, and what a reader must know about it
 * (the table, tooltip, summary and CSV say them), loaded with those parts.
 */
import { dateFormat, formatFhirDate, type DatePrecision, type FhirInstant } from "./dates";

const PRECISION_NOTES: Partial<Record<DatePrecision, string>> = { year: "year only", month: "month only" };

/** What a reader must know about a date (clinical rules §8): "year only", "time zone not stated", "report date". */
export function dateNotes(instant: FhirInstant | undefined, fromIssued: boolean): string[] {
  if (!instant) return [];
  const notes: string[] = [];
  const precision = PRECISION_NOTES[instant.precision];
  if (precision) notes.push(precision);
  if (instant.zoneless) notes.push("time zone not stated");
  if (fromIssued) notes.push("report date");
  return notes;
}

/** Like formatFhirDate, with the time of day when one was recorded. */
export function formatFhirDateTime(instant: FhirInstant, locale?: string, timeZone?: string): string {
  if (instant.precision !== "time") return formatFhirDate(instant, locale, timeZone);
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: instant.zoneless ? "UTC" : timeZone }).format(instant.time);
}
