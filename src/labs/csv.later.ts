/** CSV export of the table: one line per row shown, with units and flags. Loaded only when asked for. */
import type { LabDefinition, LabUnit } from "./catalog";
import { resultFlagText } from "./flagText";
import type { LabResult } from "./results";
import { describeRange } from "./rangeText";
import { fromCanonical, roundTo } from "./units";
import { dateNotes } from "./dateWords";

/**
 * Quotes a cell, and defuses text a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * unless it is a plain number.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADER = ["Date", "Value", "Unit", "Flag", "Reference range", "Status", "On chart", "Recorded as", "Test", "Performer", "Notes"];

/**
 * Values in `unit`, with '.' decimals so any spreadsheet reads them, rounded by the same `roundTo` as the screen;
 * dates as recorded (FHIR format).
 */
export function toCsv(results: readonly LabResult[], lab: LabDefinition, unit: LabUnit): string {
  const lines = results.map((r) => {
    const value = r.value === undefined ? "" : `${r.comparator ?? ""}${roundTo(fromCanonical(r.value, unit), unit.decimals).toFixed(unit.decimals)}`;
    return [
      r.when?.raw ?? "",
      value,
      r.value === undefined ? "" : unit.label,
      resultFlagText(r) ?? "",
      [r.range ? describeRange(r.range, unit, "en-US") : "", ...r.otherRanges].filter(Boolean).join("; "),
      r.status,
      r.plotted ? (r.comparator ? "yes, at the limit" : "yes") : `no: ${r.reason ?? ""}`,
      r.recorded,
      r.test ?? lab.name,
      r.performer ?? "",
      [...dateNotes(r.when, r.whenFrom === "issued").map((n) => `Date: ${n}`), ...r.notes].join(" | "),
    ]
      .map(csvCell)
      .join(",");
  });
  return `${[HEADER.join(","), ...lines].join("\r\n")}\r\n`;
}
