/** CSV export of the table: one line per row shown, with units and flags. Loaded only when asked for. */
import { t } from "../i18n/i18n";
import type { LabDefinition, LabUnit } from "./catalog";
import { resultFlagText } from "./flagText";
import type { LabResult } from "./results";
import { describeRange } from "./rangeText";
import { fromCanonical, roundTo } from "./units";
import { dateNotes } from "./dateWords";
import { otherRangeText, reasonText } from "./resultWords";

/**
 * Quotes a cell, and defuses text a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start)
 * unless it is a plain number.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}


/**
 * Values in `unit`, with '.' decimals so any spreadsheet reads them (a range's numbers too, whatever the language
 * shown), rounded by the same `roundTo` as the screen; dates as recorded (FHIR format); words in the language shown.
 */
export function toCsv(results: readonly LabResult[], lab: LabDefinition, unit: LabUnit): string {
  const header = [t("Date"), t("Value"), t("Unit"), t("Flag"), t("Reference range"), t("Status"), t("On chart"), t("Recorded as"), t("Test"), t("Performer"), t("Notes")];
  const lines = results.map((r) => {
    const value = r.value === undefined ? "" : `${r.comparator ?? ""}${roundTo(fromCanonical(r.value, unit), unit.decimals).toFixed(unit.decimals)}`;
    return [
      r.when?.raw ?? "",
      value,
      r.value === undefined ? "" : unit.label,
      resultFlagText(r) ?? "",
      [r.range ? describeRange(r.range, unit, "en-US") : "", ...r.otherRanges.map(otherRangeText)].filter(Boolean).join("; "),
      r.status,
      r.plotted ? (r.comparator ? t("yes, at the limit") : t("yes")) : t("no: {reason}", { reason: r.reason ? reasonText(r.reason) : "" }),
      r.value === undefined ? reasonText(r.recorded) : r.recorded,
      r.test ?? lab.name,
      r.performer ?? "",
      [...dateNotes(r.when, r.whenFrom === "issued").map((note) => t("Date: {note}", { note })), ...r.notes].join(" | "),
    ]
      .map(csvCell)
      .join(",");
  });
  return `${[header.map(csvCell).join(","), ...lines].join("\r\n")}\r\n`;
}
