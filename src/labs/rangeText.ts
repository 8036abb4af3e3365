/**
 * A reference range in words, for the table and the CSV (ranges.ts chooses the range): apart from ranges.ts, so
 * that it loads with them, after the first chart.
 */
import type { LabUnit } from "./catalog";
import { RANGE_LABELS, type ResultRange } from "./ranges";
import { formatIn } from "./units";

/** How a range reads: its numbers in `unit` when it has them, else its text. */
export function describeRange(range: ResultRange, unit: LabUnit, locale?: string): string {
  const low = range.low === undefined ? undefined : formatIn(range.low, unit, locale);
  const high = range.high === undefined ? undefined : formatIn(range.high, unit, locale);
  const words = low !== undefined && high !== undefined ? `${low}–${high} ${unit.label}` : low !== undefined ? `≥ ${low} ${unit.label}` : high !== undefined ? `≤ ${high} ${unit.label}` : (range.text ?? "");
  return range.meaning && words ? `${RANGE_LABELS[range.meaning]}: ${words}` : words;
}
