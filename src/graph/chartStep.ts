/**
 * Moving through the chart's results with the keyboard (arrows, Home, End), and what a screen reader then hears:
 * loaded with the parts that follow the first chart (afterChart.later.ts).
 */
import { t } from "../i18n/i18n";
import type { LabUnit } from "../labs/catalog";
import { flagText } from "../labs/flagText";
import type { LabResult } from "../labs/results";
import { dateText } from "./dateText";
import type { Step } from "./LabChart";
import { valueText } from "./present";

/** The result a key moves to among `drawn` (oldest first) from the one selected, and its announcement. */
export function chartStep(drawn: readonly LabResult[], activeId: string | undefined, s: Step, unit: LabUnit): { readonly id: string; readonly announcement: string } | undefined {
  if (drawn.length === 0) return undefined;
  const index = drawn.findIndex((r) => r.id === activeId);
  const next = s === "first" ? 0 : s === "last" ? drawn.length - 1 : index < 0 ? drawn.length - 1 : Math.max(0, Math.min(drawn.length - 1, index + s));
  const r = drawn[next]!;
  return { id: r.id, announcement: t("{date}: {value} {unit}, {flag}. Result {n} of {count}.", { date: dateText(r), value: valueText(r, unit), unit: unit.label, flag: flagText(r.flag), n: next + 1, count: drawn.length }) };
}
