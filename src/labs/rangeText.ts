/**
 * A reference range in words, for the table and the CSV (ranges.ts chooses the range): apart from ranges.ts, so
 * that it loads with them, after the first chart.
 */
import { t } from "../i18n/i18n";
import type { LabUnit } from "./catalog";
import type { RangeMeaning, ResultRange } from "./ranges";
import { formatIn } from "./units";

/** Each band's words (ranges.ts RANGE_LABELS), in the legend and the table, in the language shown. */
export const rangeLabel = (meaning: RangeMeaning) => (meaning === "normal" ? t("Reference range") : t("Recommended range"));

/** How a range reads: its numbers in `unit` when it has them, else its text. */
export function describeRange(range: ResultRange, unit: LabUnit, locale?: string): string {
  const low = range.low === undefined ? undefined : formatIn(range.low, unit, locale);
  const high = range.high === undefined ? undefined : formatIn(range.high, unit, locale);
  const words = low !== undefined && high !== undefined ? `${low}–${high} ${unit.label}` : low !== undefined ? `≥ ${low} ${unit.label}` : high !== undefined ? `≤ ${high} ${unit.label}` : (range.text ?? "");
  return range.meaning && words ? `${rangeLabel(range.meaning)}: ${words}` : words;
}
