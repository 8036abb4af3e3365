/** Lab results as the table and the tooltip list them, in the unit shown: loaded after the first chart. Pure. */
import type { LabUnit } from "../labs/catalog";
import { isAbnormal, isCritical } from "../labs/flags";
import { resultFlagText } from "../labs/flagText";
import { describeRange } from "../labs/rangeText";
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

const STATUS_NOTES: Partial<Record<LabResult["status"], string>> = {
  preliminary: "Preliminary.",
  amended: "Amended.",
  corrected: "Corrected.",
};

/** The lab's flag, or for a result without a value and without a flag (an order, a clotted specimen) nothing (resultFlagText). */
export function flagCell(r: LabResult): FlagCell | undefined {
  const text = resultFlagText(r);
  if (text === undefined) return undefined;
  return { marker: markerOf(r), critical: isCritical(r.flag), flagged: isAbnormal(r.flag), text };
}

export function rangeText(r: LabResult, unit: LabUnit, locale?: string): string {
  return [r.range ? describeRange(r.range, unit, locale) : "", ...r.otherRanges.map((o) => `Also: ${o}`)].filter(Boolean).join("; ");
}

export function notesOf(r: LabResult, unit: LabUnit, locale?: string): string[] {
  const notes: string[] = [];
  const status = STATUS_NOTES[r.status];
  if (status) notes.push(status);
  if (r.plotted && r.comparator) {
    const side = markerOf(r) === "below" ? "below" : "above";
    notes.push(`Limit: drawn at ${formatIn(r.value!, unit, locale)} ${unit.label}, the actual value is ${side} it.`);
  }
  if (r.value !== undefined && r.unit && r.unit !== unit) notes.push(`Recorded as ${r.recorded}.`);
  if (!r.plotted) notes.push(`Not on chart: ${r.reason ?? "no value"}.`);
  notes.push(...r.notes);
  return notes;
}

export function tableRow(r: LabResult, unit: LabUnit, locale?: string, timeZone?: string): TableRow {
  return {
    id: r.id,
    date: dateText(r, locale, timeZone),
    valueText: valueText(r, unit, locale),
    unit: r.value === undefined ? "" : unit.label,
    flag: flagCell(r),
    range: rangeText(r, unit, locale),
    notes: notesOf(r, unit, locale),
    plotted: r.plotted,
  };
}
