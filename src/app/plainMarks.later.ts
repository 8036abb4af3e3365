/**
 * The patient's view in plain words, continued (docs/patient-view.md): what the chart's marks, bands and lines mean,
 * and which medicines on the record bear on the lab (sources: docs/clinical-rules.md §12). Pure: loaded after the
 * first chart, with plainWords.later.ts.
 */
import { language, t } from "../i18n/i18n";
import type { MedicationsRead } from "../fhir/context.later";
import type { LabDefinition, LabUnit } from "../labs/catalog";
import type { GoalLine } from "../labs/goals";
import { isRelevant, medicationPeriods, medicationRows, type MedicationRow } from "../labs/medications";
import type { LabResult } from "../labs/results";
import { chartBands, markerOf } from "../graph/present";
import type { MarkerKind } from "../graph/markers";
import type { Voice } from "./plainWords.later";

const MARK_ORDER: readonly MarkerKind[] = ["none", "N", "H", "HH", "L", "LL", "A", "AA", "other", "below", "above"];

function markWords(kind: MarkerKind): string {
  switch (kind) {
    case "none":
      return t("A plain dot: a result the lab did not mark as high or low.");
    case "N":
      return t("A ring: the lab marked the result as within the usual range.");
    case "H":
      return t("A triangle pointing up: the lab marked the result as high.");
    case "HH":
      return t("Two triangles pointing up: the lab marked the result as critically high.");
    case "L":
      return t("A triangle pointing down: the lab marked the result as low.");
    case "LL":
      return t("Two triangles pointing down: the lab marked the result as critically low.");
    case "A":
      return t("A diamond: the lab marked the result as outside the usual range.");
    case "AA":
      return t("Diamonds inside a diamond: the lab marked the result as critically outside the usual range.");
    case "other":
      return t("A square: the lab added a note of its own to the result.");
    case "below":
      return t("A line with an arrow pointing down: the true value is somewhere below the line.");
    case "above":
      return t("A line with an arrow pointing up: the true value is somewhere above the line.");
  }
}

/** The chart's legend in plain words: only the marks, bands and lines the chart shows for these results. */
export function legendWords(shown: readonly LabResult[], unit: LabUnit, goal: GoalLine | undefined, voice: Voice): string[] {
  const drawn = shown.filter((r) => r.plotted && r.when);
  const kinds = new Set(drawn.map(markerOf));
  const words = MARK_ORDER.filter((k) => kinds.has(k)).map(markWords);
  if (drawn.some((r) => r.status === "preliminary")) words.push(t("A hollow mark: an early result that the lab may still change."));
  const bands = chartBands(drawn, unit).filter((b) => b.low !== undefined || b.high !== undefined);
  if (bands.some((b) => !b.meaning)) words.push(t("The shaded band: the usual range the lab gave for this test."));
  if (bands.some((b) => b.meaning === "recommended")) words.push(t("The other shaded band: the range the lab recommends."));
  if (goal) {
    if (goal.source === "patient") words.push(voice.caregiver ? t("The dashed line: their goal.") : t("The dashed line: your goal."));
    else words.push(voice.caregiver ? t("The dashed line: a common goal, not one set for them.") : t("The dashed line: a common goal, not one set for you."));
  }
  return words;
}

const year = (time: number) => String(new Date(time).getUTCFullYear());

/** "Metformin 500 mg tablet (since 2019)", "Januvia 100 mg tablet (2014 to 2021)". */
function medicineWords(row: MedicationRow): string {
  const { name } = row;
  const starts = row.periods.map((p) => p.start).filter((s): s is number => s !== undefined);
  const ends = row.periods.map((p) => p.end).filter((e): e is number => e !== undefined);
  const from = starts.length ? year(Math.min(...starts)) : undefined;
  if (row.periods.some((p) => p.ongoing)) return from ? t("{name} (since {year})", { name, year: from }) : name;
  // The end is just after the last day covered: the year of its last moment.
  const to = ends.length ? year(Math.max(...ends) - 1) : undefined;
  if (from && to) return from === to ? t("{name} (in {year})", { name, year: from }) : t("{name} ({from} to {to})", { name, from, to });
  return name;
}

export type MedicationsState = { readonly status: "pending" } | { readonly status: "error"; readonly message: string } | { readonly status: "read"; readonly read: MedicationsRead };

/** The medicines on the record that bear on the lab, or plainly why they cannot be named. */
export function medicationSentences(state: MedicationsState, lab: LabDefinition, voice: Voice): string[] {
  const c = voice.caregiver;
  if (state.status === "pending") return [t("Reading the medicines on record…")];
  if (state.status === "error") return [c ? t("Their medicines could not be read: {message}", { message: state.message }) : t("Your medicines could not be read: {message}", { message: state.message })];
  const { requests, statements, medications } = state.read;
  const parts = [requests, statements];
  const failed = parts.find((p) => p.status === "failed");
  if (!parts.some((p) => p.status === "read")) {
    if (failed?.status === "failed") return [c ? t("Their medicines could not be read: {message}", { message: failed.message }) : t("Your medicines could not be read: {message}", { message: failed.message })];
    if (parts.some((p) => p.status === "unavailable" && p.why === "scope")) return [c ? t("The app was not given permission to read their medicines.") : t("The app was not given permission to read your medicines.")];
    return [c ? t("Their medicines are not available from this health record.") : t("Your medicines are not available from this health record.")];
  }
  const items = [...(requests.status === "read" ? requests.items : []), ...(statements.status === "read" ? statements.items : [])];
  const rows = medicationRows(medicationPeriods(items, medications).filter((p) => isRelevant(p, lab.id)));
  const words = [
    rows.length === 0
      ? c
        ? t("No medicines on their record are known to affect this test.")
        : t("No medicines on your record are known to affect this test.")
      : c
        ? t("Medicines on their record that affect this test: {list}.", { list: listWords(rows.map(medicineWords)) })
        : t("Medicines on your record that affect this test: {list}.", { list: listWords(rows.map(medicineWords)) }),
  ];
  if (failed) words.push(t("Some medicines could not be read, so this list may not be complete."));
  return words;
}

function listWords(items: readonly string[]): string {
  return new Intl.ListFormat(language(), { style: "long", type: "conjunction" }).format(items);
}
