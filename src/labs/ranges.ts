/**
 * Reference ranges: which of a result's ranges the chart draws as its band, converted to the lab's canonical
 * unit (rules and sources: docs/clinical-rules.md, section 6). A range for another age or sex is skipped; a
 * range the app cannot check (a condition such as pregnancy, a sex the patient's record does not state, an age
 * bound it cannot read, a bound it cannot convert) or that is not a normal or recommended range (a treatment
 * target) is listed as text, never drawn as the band and never guessed.
 */
import type { LabDefinition, LabUnit } from "./catalog";
import { findUnit, recordedUnit, toCanonical } from "./units";
import { conceptText, finite, list, record, text } from "./json";
import { ageBound, birthTime, reaches } from "./ages";

export interface PatientContext {
  readonly sex?: string;
  readonly birthDate?: string;
}

/** referencerange-meaning codes the chart draws as a band; a range without a type is a normal range. */
export type RangeMeaning = "normal" | "recommended";

/** Each band's words, in the legend and the table. */
export const RANGE_LABELS: Readonly<Record<RangeMeaning, string>> = { normal: "Reference range", recommended: "Recommended range" };

export interface ResultRange {
  /** Canonical unit; undefined for an open side. */
  readonly low?: number;
  readonly high?: number;
  /** The range's own words, used when it has no usable numbers. */
  readonly text?: string;
  /** Absent for a normal (reference) range. */
  readonly meaning?: "recommended";
}

export interface RangeChoice {
  readonly band: ResultRange | undefined;
  /** Ranges shown as text beside the band: treatment targets, populations the app cannot check. */
  readonly others: readonly string[];
}

const SEX_CODES: Readonly<Record<string, string>> = { "248153007": "male", "248152002": "female", male: "male", female: "female" };
const BAND_TYPES: ReadonlySet<string> = new Set<RangeMeaning>(["normal", "recommended"]);

function sexOf(concept: fhir4.CodeableConcept | undefined): string | undefined {
  for (const c of list(record(concept)?.coding).map(record)) {
    const code = text(c?.code);
    if (code && Object.hasOwn(SEX_CODES, code)) return SEX_CODES[code];
  }
  const words = (text(record(concept)?.text) ?? "").toLowerCase();
  return Object.hasOwn(SEX_CODES, words) ? SEX_CODES[words] : undefined;
}

/** A bound in the canonical unit; "unconvertible" when it has a number in a unit the lab does not know. */
function bound(q: fhir4.Quantity | undefined, lab: LabDefinition, fallback: LabUnit | undefined): number | "unconvertible" | undefined {
  const value = finite(record(q)?.value);
  if (value === undefined) return undefined;
  const u = recordedUnit(q!);
  const unit = u === undefined ? fallback : findUnit(lab, u);
  const canonical = unit ? toCanonical(value, unit) : undefined;
  return canonical !== undefined && Number.isFinite(canonical) ? canonical : "unconvertible";
}

type Verdict =
  | { readonly kind: "band"; readonly specificity: number; readonly meaning: RangeMeaning }
  | { readonly kind: "other"; readonly why?: string }
  | { readonly kind: "skip" };

function judge(range: fhir4.ObservationReferenceRange, patient: PatientContext, time: number | undefined): Verdict {
  const type = text(record(list(record(range.type)?.coding)[0])?.code);
  if (type !== undefined && !BAND_TYPES.has(type)) return { kind: "other" };
  let specificity = 0;
  const ages = record(range.age);
  if (ages) {
    const low = ageBound(ages.low, true);
    const high = ageBound(ages.high, false);
    for (const b of [low, high]) if (b && "problem" in b) return { kind: "other", why: b.problem };
    const birth = birthTime(patient.birthDate);
    if (birth === undefined || time === undefined) return { kind: "other" };
    // Ages are stated in whole units: "up to 64 years" covers everyone until their 65th birthday, "up to 6
    // months" until 7 months, so the upper bound reaches one more of its own unit.
    if (low && "unit" in low && time < reaches(birth, low.value, low.unit)) return { kind: "skip" };
    if (high && "unit" in high && time >= reaches(birth, high.value + 1, high.unit)) return { kind: "skip" };
    specificity++;
  }
  for (const concept of list(range.appliesTo)) {
    const sex = sexOf(concept);
    // A sex-specific range for a patient recorded as other, unknown or not at all: listed, not chosen.
    if (sex === undefined || (patient.sex !== "male" && patient.sex !== "female")) return { kind: "other" };
    if (sex !== patient.sex) return { kind: "skip" };
    specificity++;
  }
  return { kind: "band", specificity, meaning: type === "recommended" ? "recommended" : "normal" };
}

function quantityText(q: fhir4.Quantity | undefined): string | undefined {
  return text(record(q)?.unit) ?? text(record(q)?.code);
}

function fallbackText(range: fhir4.ObservationReferenceRange): string {
  const own = text(range.text);
  if (own) return own;
  const low = record(range.low);
  const high = record(range.high);
  const lo = finite(low?.value);
  const hi = finite(high?.value);
  const loUnit = quantityText(low);
  const hiUnit = quantityText(high);
  const numbers =
    lo !== undefined && hi !== undefined
      ? loUnit !== undefined && hiUnit !== undefined && loUnit !== hiUnit
        ? `${lo} ${loUnit}–${hi} ${hiUnit}`
        : `${lo}–${hi} ${loUnit ?? hiUnit ?? ""}`
      : lo !== undefined
        ? `≥ ${lo} ${loUnit ?? ""}`
        : hi !== undefined
          ? `≤ ${hi} ${hiUnit ?? ""}`
          : "";
  const who = list(range.appliesTo).map((c) => conceptText(c) ?? "").filter(Boolean).join(", ");
  return [who, numbers.trim()].filter(Boolean).join(": ");
}

function meaningOf(range: ResultRange | undefined): RangeMeaning {
  return range?.meaning ?? "normal";
}

/**
 * Picks the band among a result's ranges for this patient at the result's time: the most specific range
 * that applies (matching age and sex beat a general one), a normal range before a recommended one, first one
 * on a tie. A range of the other meaning that also applies is listed; a band whose bound cannot be converted
 * is listed instead of drawn.
 */
export function chooseRange(
  ranges: readonly fhir4.ObservationReferenceRange[] | undefined,
  lab: LabDefinition,
  patient: PatientContext,
  time: number | undefined,
  resultUnit: LabUnit | undefined,
): RangeChoice {
  const candidates: { range: fhir4.ObservationReferenceRange; specificity: number; meaning: RangeMeaning }[] = [];
  const others: string[] = [];
  for (const range of list(ranges).map(record)) {
    if (!range) continue;
    const verdict = judge(range, patient, time);
    if (verdict.kind === "other") others.push(verdict.why ? `${fallbackText(range)} (not drawn: ${verdict.why})` : fallbackText(range));
    else if (verdict.kind === "band") candidates.push({ range, specificity: verdict.specificity, meaning: verdict.meaning });
  }
  const rank = (c: (typeof candidates)[number]) => c.specificity * 2 + (c.meaning === "normal" ? 1 : 0);
  const best = candidates.reduce<(typeof candidates)[number] | undefined>((a, c) => (!a || rank(c) > rank(a) ? c : a), undefined);
  if (!best) return { band: undefined, others };
  const toBand = (c: (typeof candidates)[number]): ResultRange | string | undefined => {
    const low = bound(c.range.low, lab, resultUnit);
    const high = bound(c.range.high, lab, resultUnit);
    if (low === "unconvertible" || high === "unconvertible") {
      const unit = recordedUnit(record(low === "unconvertible" ? c.range.low : c.range.high)!) ?? "their unit";
      return `${fallbackText(c.range)} (not drawn: ${unit} cannot be converted to ${resultUnit?.label ?? lab.units[0].label})`;
    }
    const words = text(c.range.text);
    const band: ResultRange = {
      ...(low !== undefined ? { low } : {}),
      ...(high !== undefined ? { high } : {}),
      ...(words ? { text: words } : {}),
      ...(c.meaning === "recommended" ? { meaning: "recommended" as const } : {}),
    };
    return low === undefined && high === undefined && !band.text ? undefined : band;
  };
  const chosen = toBand(best);
  if (typeof chosen === "string") return { band: undefined, others: [...others, chosen] };
  // The best range of the other meaning, when it applies too, is named beside the band.
  const other = candidates.filter((c) => c.meaning !== best.meaning).reduce<(typeof candidates)[number] | undefined>((a, c) => (!a || rank(c) > rank(a) ? c : a), undefined);
  return { band: chosen, others: other ? [...others, `${RANGE_LABELS[other.meaning]}: ${fallbackText(other.range)}`] : others };
}

export interface RangeSegment {
  readonly from: number;
  readonly to: number;
  readonly low?: number;
  readonly high?: number;
  /** Absent for a normal (reference) range. */
  readonly meaning?: "recommended";
}

/**
 * The band over time: one segment per run of consecutive results with the same numeric range. A run reaches
 * halfway to a neighbouring result with another range, so a range that changes is drawn as it changed, and
 * stops at its own first and last result next to a result without a range, so it never spans results that
 * have none. `points` oldest first.
 */
export function rangeSegments(points: readonly { readonly time: number; readonly range?: ResultRange | undefined }[]): RangeSegment[] {
  const segments: RangeSegment[] = [];
  const numeric = (r: ResultRange | undefined) => r !== undefined && (r.low !== undefined || r.high !== undefined);
  const same = (a: ResultRange | undefined, b: ResultRange | undefined) => a?.low === b?.low && a?.high === b?.high && meaningOf(a) === meaningOf(b);
  let i = 0;
  while (i < points.length) {
    const { time, range } = points[i]!;
    if (!numeric(range)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < points.length && same(points[j + 1]!.range, range)) j++;
    const before = points[i - 1];
    const after = points[j + 1];
    const from = before && numeric(before.range) ? (before.time + time) / 2 : time;
    const to = after && numeric(after.range) ? (points[j]!.time + after.time) / 2 : points[j]!.time;
    segments.push({ from, to, ...(range!.low !== undefined ? { low: range!.low } : {}), ...(range!.high !== undefined ? { high: range!.high } : {}), ...(range!.meaning ? { meaning: range!.meaning } : {}) });
    i = j + 1;
  }
  return segments;
}
