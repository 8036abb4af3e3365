/**
 * Observations → lab results: what the table lists and the chart draws. Pure and unit-tested.
 * - `entered-in-error` and `cancelled` results are dropped (and counted);
 * - the time is effectiveDateTime, effectivePeriod.start or effectiveInstant, else issued (marked as a report date);
 * - values are converted to the lab's canonical unit; a value whose unit is not one of the lab's is listed,
 *   not drawn;
 * - a limit (`<4.0` as valueString, or a Quantity comparator) is drawn at its bound and marked as a limit;
 * - duplicates (the same id on two pages) appear once; the list is sorted newest first.
 */
import type { LabDefinition, LabUnit } from "./catalog";
import { parseFhirDate, type FhirInstant } from "./dates";
import { flagOf, type Flag } from "./flags";
import { chooseRange, type PatientContext, type ResultRange } from "./ranges";
import { findUnit, recordedUnit, toCanonical } from "./units";
import { conceptText, list, record, text } from "./json";
import { codeOf } from "./methods";
import { readValue, type Value } from "./resultValues";

export type Comparator = "<" | "<=" | ">=" | ">";

/** The field a result's date was taken from: `issued` is when the report was made, not when the sample was taken. */
export type DateSource = "effectiveDateTime" | "effectivePeriod" | "effectiveInstant" | "issued";

export interface LabResult {
  readonly id: string;
  readonly when: FhirInstant | undefined;
  /** Where `when` came from (clinical rules §8). */
  readonly whenFrom: DateSource | undefined;
  readonly status: fhir4.Observation["status"];
  /** In the lab's canonical unit; for a limit, its bound. */
  readonly value: number | undefined;
  readonly comparator: Comparator | undefined;
  /** The lab unit the value was recorded in (it may differ from the unit shown). */
  readonly unit: LabUnit | undefined;
  /** The value as recorded, with its unit: "48 mmol/mol", "<4.0", "See comment". */
  readonly recorded: string;
  /** Drawn on the chart. */
  readonly plotted: boolean;
  /** Why it is not drawn, when it is not. */
  readonly reason: string | undefined;
  readonly flag: Flag | undefined;
  readonly range: ResultRange | undefined;
  readonly otherRanges: readonly string[];
  readonly notes: readonly string[];
  readonly performer: string | undefined;
  readonly test: string | undefined;
  /** The method of the lab's code the result matched (docs/clinical-rules.md §7); none when it matched none. */
  readonly method: string | undefined;
}

export interface LabResults {
  /** Newest first; undated results last. */
  readonly results: readonly LabResult[];
  /** Results left out on purpose (entered-in-error, cancelled). */
  readonly excluded: number;
}

const EXCLUDED_STATUSES = new Set<fhir4.Observation["status"]>(["entered-in-error", "cancelled"]);
const DRAWN_STATUSES = new Set<fhir4.Observation["status"]>(["final", "amended", "corrected", "preliminary"]);
/**
 * Why a number is not a possible result of the lab (clinical rules §3), or undefined when it is: every lab here is
 * a concentration, a fraction or a rate, so it is above zero in any unit, and within the lab's plausible limits.
 */
function implausible(number: number, comparator: Comparator | undefined, unit: LabUnit, lab: LabDefinition): string | undefined {
  const canonical = toCanonical(number, unit);
  const shown = `${comparator ?? ""}${number} ${unit.label}`;
  const { low, high } = lab.plausible;
  const base = lab.units[0].label;
  if (!Number.isFinite(canonical)) return `Implausible value: ${shown} cannot be placed on the ${base} scale`;
  if (number <= 0) return `Implausible value: ${shown} is not above 0 ${unit.label}`;
  if (canonical <= low) return `Implausible value: ${shown} is not above ${low} ${base}`;
  if (canonical > high) return `Implausible value: ${shown} is above ${high} ${base}, the highest plausible ${lab.name}`;
  return undefined;
}
/** The unit of the result's ranges, for a valueString that has a number but no unit of its own. */
function rangeUnit(o: fhir4.Observation): string | undefined {
  for (const r of list(o.referenceRange)) {
    const q = record(record(r)?.low) ?? record(record(r)?.high);
    if (q) return recordedUnit(q);
  }
  return undefined;
}

function whyNotDrawn(o: fhir4.Observation, when: FhirInstant | undefined, value: Value, unit: LabUnit | undefined, unitText: string | undefined, lab: LabDefinition): string | undefined {
  if (!when) return "No date recorded";
  if (o.dataAbsentReason) return `No value: ${conceptText(o.dataAbsentReason) ?? "not recorded"}`;
  if (!DRAWN_STATUSES.has(o.status)) return `Status ${o.status}: not a result yet`;
  if (value.ambiguous) return `The number is ambiguous: the comma in "${value.recorded}" may be a decimal comma or a thousands separator`;
  if (value.number === undefined) return "No numeric value";
  if (unitText === undefined || unitText.trim() === "") return `No unit recorded, so it cannot be placed on the ${lab.units[0].label} scale`;
  if (!unit) return `Unit ${unitText} cannot be converted to ${lab.units[0].label}`;
  const outside = implausible(value.number, value.comparator, unit, lab);
  if (outside) return outside;
  return undefined;
}

/** The result's time, and the field it came from: the effective[x] choice, else `issued`. */
function readWhen(o: fhir4.Observation): { when: FhirInstant | undefined; whenFrom: DateSource | undefined } {
  const candidates: [DateSource, string | undefined][] = [
    ["effectiveDateTime", text(o.effectiveDateTime)],
    ["effectivePeriod", text(record(o.effectivePeriod)?.start)],
    ["effectiveInstant", text(o.effectiveInstant)],
    ["issued", text(o.issued)],
  ];
  const found = candidates.find(([, raw]) => raw !== undefined);
  const when = parseFhirDate(found?.[1]);
  return { when, whenFrom: when ? found![0] : undefined };
}

export function toLabResult(o: fhir4.Observation, lab: LabDefinition, patient: PatientContext = {}): LabResult {
  const { when, whenFrom } = readWhen(o);
  const value = readValue(o);
  // A valueString or valueInteger has no unit of its own: the result's ranges give it.
  const unitText = value.unitText ?? (text(o.valueString) !== undefined || typeof o.valueInteger === "number" ? rangeUnit(o) : undefined);
  const unit = findUnit(lab, unitText);
  const reason = whyNotDrawn(o, when, value, unit, unitText, lab);
  const { band, others } = chooseRange(o.referenceRange, lab, patient, when?.time, unit);
  const canonical = value.number !== undefined && unit ? toCanonical(value.number, unit) : undefined;
  return {
    id: text(o.id) ?? "",
    when,
    whenFrom,
    status: o.status,
    value: canonical !== undefined && value.number !== undefined && unit && !implausible(value.number, value.comparator, unit, lab) ? canonical : undefined,
    comparator: value.comparator,
    unit,
    recorded: value.recorded,
    plotted: reason === undefined,
    reason,
    flag: flagOf(o.interpretation),
    range: band,
    otherRanges: others,
    notes: list(o.note)
      .map((n) => text(record(n)?.text))
      .filter((t): t is string => t !== undefined && t.trim() !== ""),
    performer: list(o.performer)
      .map((p) => text(record(p)?.display))
      .find((d): d is string => Boolean(d)),
    test: conceptText(o.code),
    method: codeOf(lab, o.code)?.method,
  };
}

function newestFirst(a: LabResult, b: LabResult): number {
  const at = a.when?.time ?? -Infinity;
  const bt = b.when?.time ?? -Infinity;
  return bt - at || a.id.localeCompare(b.id);
}

export interface MappedPage {
  readonly results: readonly LabResult[];
  /** Ids of the results left out on purpose. */
  readonly excludedIds: readonly string[];
}

/** A result the mapping could not read still gets its row, saying so: one odd record never blanks the page. */
function readable(o: fhir4.Observation, lab: LabDefinition, patient: PatientContext): LabResult {
  try {
    return toLabResult(o, lab, patient);
  } catch {
    return {
      id: text(o.id) ?? "",
      when: undefined,
      whenFrom: undefined,
      status: o.status,
      value: undefined,
      comparator: undefined,
      unit: undefined,
      recorded: "",
      plotted: false,
      reason: "This result could not be read",
      flag: undefined,
      range: undefined,
      otherRanges: [],
      notes: [],
      performer: undefined,
      test: undefined,
      method: undefined,
    };
  }
}

/** Maps one page of Observations (pages are mapped once each, then combined). */
export function mapObservations(observations: readonly fhir4.Observation[], lab: LabDefinition, patient: PatientContext = {}): MappedPage {
  const results: LabResult[] = [];
  const excludedIds: string[] = [];
  for (const o of observations) {
    if (EXCLUDED_STATUSES.has(o.status)) excludedIds.push(text(o.id) ?? JSON.stringify(o));
    else results.push(readable(o, lab, patient));
  }
  return { results, excludedIds };
}

/** Combines mapped pages: each id once, newest first. */
export function combinePages(pages: readonly MappedPage[]): LabResults {
  const seen = new Set<string>();
  const results: LabResult[] = [];
  for (const page of pages) {
    for (const r of page.results) {
      if (r.id && seen.has(r.id)) continue;
      seen.add(r.id);
      results.push(r);
    }
  }
  const excluded = new Set(pages.flatMap((p) => p.excludedIds));
  for (const id of seen) excluded.delete(id);
  return { results: results.sort(newestFirst), excluded: excluded.size };
}

export function toLabResults(observations: readonly fhir4.Observation[], lab: LabDefinition, patient: PatientContext = {}): LabResults {
  return combinePages([mapObservations(observations, lab, patient)]);
}
