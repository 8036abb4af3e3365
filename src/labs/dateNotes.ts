/** What a reader must know about a result's date, in words (the table, tooltip, summary and CSV say it). */
import type { DatePrecision, FhirInstant } from "./dates";

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
