/**
 * Reference ranges: which of a result's ranges the chart draws as its normal band, converted to the lab's
 * canonical unit. A range for another population (age, sex) is skipped; a range the app cannot check (a
 * condition such as diabetes or pregnancy) or that is not a normal range (a treatment target) is listed as
 * text, never drawn as the band.
 */
import type { LabDefinition, LabUnit } from "./catalog";
import { findUnit, formatIn, recordedUnit, toCanonical } from "./units";
import { conceptText, finite, list, record, text } from "./json";

export interface PatientContext {
  readonly sex?: string;
  readonly birthDate?: string;
}

export interface ResultRange {
  /** Canonical unit; undefined for an open side. */
  readonly low?: number;
  readonly high?: number;
  /** The range's own words, used when it has no usable numbers. */
  readonly text?: string;
}

export interface RangeChoice {
  readonly band: ResultRange | undefined;
  /** Ranges shown as text beside the band: treatment targets, populations the app cannot check. */
  readonly others: readonly string[];
}

const SEX_CODES: Readonly<Record<string, string>> = { "248153007": "male", "248152002": "female", male: "male", female: "female" };
const BAND_TYPES = new Set(["normal", "recommended"]);
const YEARS_PER: Readonly<Record<string, number>> = { a: 1, mo: 1 / 12, wk: 7 / 365.25, d: 1 / 365.25 };

/** Age in years (fractional) at `time`, from a FHIR birth date. */
export function ageAt(birthDate: string | undefined, time: number | undefined): number | undefined {
  if (!birthDate || time === undefined) return undefined;
  const birth = Date.parse(/^\d{4}$/.test(birthDate) ? `${birthDate}-07-01` : /^\d{4}-\d{2}$/.test(birthDate) ? `${birthDate}-15` : birthDate);
  return Number.isNaN(birth) ? undefined : (time - birth) / (365.25 * 86_400_000);
}

function years(q: fhir4.Quantity | undefined): number | undefined {
  const value = finite(record(q)?.value);
  if (value === undefined) return undefined;
  const per = YEARS_PER[text(q!.code) ?? "a"];
  return per === undefined ? undefined : value * per;
}

function sexOf(concept: fhir4.CodeableConcept | undefined): string | undefined {
  for (const c of list(record(concept)?.coding).map(record)) {
    const code = text(c?.code);
    if (code && Object.hasOwn(SEX_CODES, code)) return SEX_CODES[code];
  }
  const words = (text(record(concept)?.text) ?? "").toLowerCase();
  return Object.hasOwn(SEX_CODES, words) ? SEX_CODES[words] : undefined;
}

function bound(q: fhir4.Quantity | undefined, lab: LabDefinition, fallback: LabUnit | undefined): number | undefined {
  const value = finite(record(q)?.value);
  if (value === undefined) return undefined;
  const u = recordedUnit(q!);
  const unit = u === undefined ? fallback : findUnit(lab, u);
  const canonical = unit ? toCanonical(value, unit) : undefined;
  return canonical !== undefined && Number.isFinite(canonical) ? canonical : undefined;
}

type Verdict = { readonly kind: "band"; readonly specificity: number } | { readonly kind: "other" } | { readonly kind: "skip" };

function judge(range: fhir4.ObservationReferenceRange, patient: PatientContext, age: number | undefined): Verdict {
  const type = text(record(list(record(range.type)?.coding)[0])?.code);
  if (type !== undefined && !BAND_TYPES.has(type)) return { kind: "other" };
  let specificity = 0;
  const ages = record(range.age);
  if (ages) {
    if (age === undefined) return { kind: "other" };
    const low = years(ages.low);
    const high = years(ages.high);
    // An age bound of 64 years covers everyone until their 65th birthday.
    if ((low !== undefined && age < low) || (high !== undefined && age >= high + 1)) return { kind: "skip" };
    specificity++;
  }
  for (const concept of list(range.appliesTo)) {
    const sex = sexOf(concept);
    if (sex === undefined || patient.sex === undefined) return { kind: "other" };
    if (sex !== patient.sex) return { kind: "skip" };
    specificity++;
  }
  return { kind: "band", specificity };
}

/** How a range reads: its numbers in `unit` when it has them, else its text. */
export function describeRange(range: ResultRange, unit: LabUnit, locale?: string): string {
  const low = range.low === undefined ? undefined : formatIn(range.low, unit, locale);
  const high = range.high === undefined ? undefined : formatIn(range.high, unit, locale);
  if (low !== undefined && high !== undefined) return `${low}–${high} ${unit.label}`;
  if (low !== undefined) return `≥ ${low} ${unit.label}`;
  if (high !== undefined) return `≤ ${high} ${unit.label}`;
  return range.text ?? "";
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
  const numbers = lo !== undefined && hi !== undefined ? `${lo}–${hi}` : lo !== undefined ? `≥ ${lo}` : hi !== undefined ? `≤ ${hi}` : "";
  const who = list(range.appliesTo).map((c) => conceptText(c) ?? "").filter(Boolean).join(", ");
  return [who, [numbers, quantityText(low) ?? quantityText(high)].filter(Boolean).join(" ")].filter(Boolean).join(": ");
}

/**
 * Picks the band among a result's ranges for this patient at the result's time: the most specific range
 * that applies (matching age and sex beat a general one), first one on a tie.
 */
export function chooseRange(
  ranges: readonly fhir4.ObservationReferenceRange[] | undefined,
  lab: LabDefinition,
  patient: PatientContext,
  time: number | undefined,
  resultUnit: LabUnit | undefined,
): RangeChoice {
  const age = ageAt(patient.birthDate, time);
  let best: { range: fhir4.ObservationReferenceRange; specificity: number } | undefined;
  const others: string[] = [];
  for (const range of list(ranges).map(record)) {
    if (!range) continue;
    const verdict = judge(range, patient, age);
    if (verdict.kind === "other") others.push(fallbackText(range));
    else if (verdict.kind === "band" && (!best || verdict.specificity > best.specificity)) best = { range, specificity: verdict.specificity };
  }
  if (!best) return { band: undefined, others };
  const low = bound(best.range.low, lab, resultUnit);
  const high = bound(best.range.high, lab, resultUnit);
  const words = text(best.range.text);
  const band: ResultRange = { ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}), ...(words ? { text: words } : {}) };
  return { band: low === undefined && high === undefined && !band.text ? undefined : band, others };
}

export interface RangeSegment {
  readonly from: number;
  readonly to: number;
  readonly low?: number;
  readonly high?: number;
}

/**
 * The band over time: one segment per run of consecutive results with the same numeric range, each reaching
 * the next run's first result, so a range that changes is drawn as it changed. `points` oldest first.
 */
export function rangeSegments(points: readonly { readonly time: number; readonly range?: ResultRange | undefined }[]): RangeSegment[] {
  const segments: { from: number; to: number; low?: number; high?: number }[] = [];
  for (const { time, range } of points) {
    const low = range?.low;
    const high = range?.high;
    const last = segments.at(-1);
    if (last) last.to = time;
    if (low === undefined && high === undefined) continue;
    if (last && last.low === low && last.high === high) continue;
    segments.push({ from: time, to: time, ...(low !== undefined ? { low } : {}), ...(high !== undefined ? { high } : {}) });
  }
  return segments;
}
