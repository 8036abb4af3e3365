/** Lab results as the table and the tooltip list them, in the unit shown: loaded after the first chart. Pure. */
import { t } from "../i18n/i18n";
import type { LabUnit } from "../labs/catalog";
import { isAbnormal, isCritical } from "../labs/flags";
import { resultFlagText } from "../labs/flagText";
import { describeRange } from "../labs/rangeText";
import { otherRangeText, reasonText } from "../labs/resultWords";
import type { LabResult } from "../labs/results";
import { formatIn } from "../labs/units";
import { dateText } from "./dateText";
import { markerOf, valueText, type FlagCell } from "./present";

export interface TableRow {
  readonly id: string;
  readonly date: string;
  readonly valueText: string;
  readonly unit: string;
  /** The lab's flag: its marker and styling on the chart, and in words ("Not flagged" when none); none for a row without a value or a flag. */
  readonly flag: FlagCell | undefined;
  readonly range: string;
  /** Status, why it is not drawn, the lab's comments. */
  readonly notes: readonly string[];
  readonly plotted: boolean;
}


/** The lab's flag, or for a result without a value and without a flag (an order, a clotted specimen) nothing (resultFlagText). */
export function flagCell(r: LabResult): FlagCell | undefined {
  const text = resultFlagText(r);
  if (text === undefined) return undefined;
  return { marker: markerOf(r), critical: isCritical(r.flag), flagged: isAbnormal(r.flag), text };
}

export function rangeText(r: LabResult, unit: LabUnit, locale?: string): string {
  return [r.range ? describeRange(r.range, unit, locale) : "", ...r.otherRanges.map((o) => t("Also: {range}", { range: otherRangeText(o) }))].filter(Boolean).join("; ");
}

/** valueText, with the mapping's words for a result without a value ("No value: …") in the language shown. */
export function shownValue(r: LabResult, unit: LabUnit, locale?: string): string {
  return r.value === undefined ? reasonText(r.recorded) : valueText(r, unit, locale);
}

export function notesOf(r: LabResult, unit: LabUnit, locale?: string): string[] {
  const notes: string[] = [];
  const status: Partial<Record<LabResult["status"], string>> = { preliminary: t("Preliminary."), amended: t("Amended."), corrected: t("Corrected.") };
  if (status[r.status]) notes.push(status[r.status]!);
  if (r.plotted && r.comparator) {
    const params = { value: formatIn(r.value!, unit, locale), unit: unit.label };
    notes.push(markerOf(r) === "below" ? t("Limit: drawn at {value} {unit}, the actual value is below it.", params) : t("Limit: drawn at {value} {unit}, the actual value is above it.", params));
  }
  if (r.value !== undefined && r.unit && r.unit !== unit) notes.push(t("Recorded as {value}.", { value: r.recorded }));
  if (!r.plotted) notes.push(t("Not on chart: {reason}.", { reason: r.reason ? reasonText(r.reason) : t("no value") }));
  notes.push(...r.notes);
  return notes;
}

export function tableRow(r: LabResult, unit: LabUnit, locale?: string, timeZone?: string): TableRow {
  return {
    id: r.id,
    date: dateText(r, locale, timeZone),
    valueText: shownValue(r, unit, locale),
    unit: r.value === undefined ? "" : unit.label,
    flag: flagCell(r),
    range: rangeText(r, unit, locale),
    notes: notesOf(r, unit, locale),
    plotted: r.plotted,
  };
}
