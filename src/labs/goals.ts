/**
 * The goal line: the patient's own active Goal for the lab when the record has one, else the deployment's
 * default; how it is labelled; whether a result meets it. Pure (docs/clinical-rules.md §5).
 */
import { t } from "../i18n/i18n";
import { ADA_BASIS, DEPLOYMENT_BASIS, type LabDefinition, type LabUnit } from "./catalog";
import { finite, list, record, text } from "./json";
import type { LabResult } from "./results";
import type { GoalComparator } from "./settings";
import { findUnit, formatIn, recordedUnit, toCanonical } from "./units";

/** The line drawn: one bound (`< 8.0`; without a comparator, a value to reach) or a range, canonical unit. */
export type GoalBound =
  | { readonly kind: "limit"; readonly comparator?: GoalComparator; readonly value: number }
  | { readonly kind: "range"; readonly low: number; readonly high: number };

export type GoalLine = GoalBound & {
  /** The patient's Goal, or the deployment's default. */
  readonly source: "patient" | "default";
  /** The default's basis in words. */
  readonly basis?: string;
  /** The Goal's startDate, else meta.lastUpdated. */
  readonly since?: string;
};

/** What reading the patient's Goals gave (src/fhir/goals.ts). */
export type GoalRead =
  | { readonly status: "read"; readonly goals: readonly fhir4.Goal[] }
  /** Not here: the scope was not granted, or the server has no Goal resource (403, 404, 400…). Said nowhere. */
  | { readonly status: "unavailable" }
  | { readonly status: "failed"; readonly message: string };

export interface GoalChoice {
  /** Drawn; undefined: no goal line. */
  readonly line: GoalLine | undefined;
  /** The patient's other Goals for this lab, most recent first: named in the summary, not drawn. */
  readonly others: readonly GoalLine[];
  /** Why a Goal was not drawn, or could not be read. */
  readonly notes: readonly string[];
}

const COMPARATORS: Readonly<Record<string, GoalComparator>> = { "<": "<", "<=": "<=", ">": ">", ">=": ">=" };
const SHOWN: Readonly<Record<GoalComparator, string>> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥" };

/** `Goal < 8.0 % — patient's goal`, `Goal 6.5–7.5 % — patient's goal`, `Goal < 7.0 % — default (…)`, in `unit`. */
export function goalLabel(line: GoalLine, unit: LabUnit, locale?: string): string {
  const bound = line.kind === "range" ? `${formatIn(line.low, unit, locale)}–${formatIn(line.high, unit, locale)}` : `${line.comparator ? `${SHOWN[line.comparator]} ` : ""}${formatIn(line.value, unit, locale)}`;
  const basis = line.basis === undefined || line.basis === DEPLOYMENT_BASIS ? t("set by this deployment") : line.basis === ADA_BASIS ? t("ADA: many non-pregnant adults") : line.basis;
  return t("Goal {bound} {unit} — {source}", { bound, unit: unit.label, source: line.source === "patient" ? t("patient's goal") : t("default ({basis})", { basis }) });
}

/** The default line from the lab (after the deployment's settings). */
export function defaultGoal(lab: LabDefinition): GoalLine | undefined {
  const target = lab.target;
  return target && { kind: "limit", comparator: target.comparator, value: target.value, source: "default", basis: target.basis };
}

function codesLab(lab: LabDefinition, measure: fhir4.CodeableConcept | undefined): boolean {
  return list(record(measure)?.coding).some((c) => lab.codes.some((code) => code.code === text(c?.code) && code.system === text(c?.system)));
}

type Reading = { readonly bound: GoalBound } | { readonly problem: string };

/** A quantity in the lab's canonical unit, or why not. */
function canonical(lab: LabDefinition, q: fhir4.Quantity | undefined): number | string | undefined {
  const value = finite(record(q)?.value);
  if (value === undefined) return undefined;
  // A number without a unit is not guessed at: HbA1c 53 may be % or mmol/mol.
  const recorded = recordedUnit(q!);
  if (recorded === undefined) return t("has no unit");
  const unit = findUnit(lab, recorded);
  return unit ? toCanonical(value, unit) : t("is in {unit}, which cannot be converted to {to}", { unit: recorded, to: lab.units[0].label });
}

function readTarget(lab: LabDefinition, target: fhir4.GoalTarget): Reading {
  const none = { problem: t("has no number to draw") };
  if (record(target.detailQuantity)) {
    const value = canonical(lab, target.detailQuantity);
    if (typeof value !== "number") return value === undefined ? none : { problem: value };
    const raw = text(target.detailQuantity!.comparator);
    const comparator = raw === undefined ? undefined : COMPARATORS[raw];
    if (raw !== undefined && !comparator) return { problem: t('has the comparator "{comparator}", which is not a bound', { comparator: raw }) };
    return { bound: { kind: "limit", ...(comparator && { comparator }), value } };
  }
  const range = record(target.detailRange);
  if (range) {
    const low = canonical(lab, range.low);
    const high = canonical(lab, range.high);
    const problem = [low, high].find((v) => typeof v === "string");
    if (typeof problem === "string") return { problem };
    if (typeof low === "number" && typeof high === "number") return { bound: { kind: "range", low, high } };
    if (typeof high === "number") return { bound: { kind: "limit", comparator: "<=", value: high } };
    if (typeof low === "number") return { bound: { kind: "limit", comparator: ">=", value: low } };
  }
  return none;
}

const sinceOf = (g: fhir4.Goal) => text(g.startDate) ?? text(record(g.meta)?.lastUpdated);

/**
 * The goal line for `lab`: the most recent (startDate, else meta.lastUpdated) of the patient's active Goals
 * whose target measure is one of the lab's codes, else the default. `read` undefined: not read (yet).
 */
export function chooseGoal(lab: LabDefinition, read: GoalRead | undefined): GoalChoice {
  const notes: string[] = [];
  const lines: GoalLine[] = [];
  if (read?.status === "failed") notes.push(t("The patient's goals could not be read ({message}); the default goal is shown.", { message: read.message }));
  // Servers may ignore lifecycle-status: only active Goals count, whatever the search returned.
  const goals = read?.status === "read" ? read.goals.filter((g) => record(g)?.resourceType === "Goal" && g.lifecycleStatus === "active") : [];
  for (const goal of goals) {
    const target = list(goal.target).find((g) => codesLab(lab, record(g)?.measure));
    if (!target) continue;
    const reading = readTarget(lab, target);
    const since = sinceOf(goal);
    if ("problem" in reading) notes.push(t("A goal in the record ({goal}) {problem}; it is not drawn.", { goal: text(record(goal.description)?.text) ?? `Goal/${goal.id ?? "?"}`, problem: reading.problem }));
    else lines.push({ ...reading.bound, source: "patient", ...(since && { since }) });
  }
  // Most recent first; undated last. Dates compare as instants (a date alone is its day's start).
  const time = (l: GoalLine) => (l.since ? Date.parse(l.since) : Number.NaN);
  lines.sort((a, b) => (Number.isNaN(time(b)) ? -Infinity : time(b)) - (Number.isNaN(time(a)) ? -Infinity : time(a)) || 0);
  const [line = defaultGoal(lab), ...others] = lines;
  return { line, others, notes };
}

/** A set of values: from `lo` to `hi`, each end included or not (an infinite end is never included). */
interface Span {
  readonly lo: number;
  readonly loIn: boolean;
  readonly hi: number;
  readonly hiIn: boolean;
}

/** The values a result may be: one value, or a limit's open side (`<5.0`: below 5.0). */
function resultSpan(r: LabResult): Span | undefined {
  const v = r.value;
  if (v === undefined) return undefined;
  if (r.comparator === "<" || r.comparator === "<=") return { lo: -Infinity, loIn: false, hi: v, hiIn: r.comparator === "<=" };
  if (r.comparator === ">" || r.comparator === ">=") return { lo: v, loIn: r.comparator === ">=", hi: Infinity, hiIn: false };
  return { lo: v, loIn: true, hi: v, hiIn: true };
}

function goalSpan(line: GoalLine): Span {
  if (line.kind === "range") return { lo: line.low, loIn: true, hi: line.high, hiIn: true };
  const v = line.value;
  switch (line.comparator) {
    case "<":
    case "<=":
      return { lo: -Infinity, loIn: false, hi: v, hiIn: line.comparator === "<=" };
    case ">":
    case ">=":
      return { lo: v, loIn: line.comparator === ">=", hi: Infinity, hiIn: false };
    default:
      return { lo: v, loIn: true, hi: v, hiIn: true };
  }
}

/**
 * Whether the result meets the goal: true when every value it may be does, false when none does, undefined
 * when it cannot be told (no value, or a limit such as `>6` against `< 7`).
 */
export function atGoal(r: LabResult, line: GoalLine): boolean | undefined {
  const a = resultSpan(r);
  if (!a) return undefined;
  const g = goalSpan(line);
  const startsInside = a.lo > g.lo || (a.lo === g.lo && (g.loIn || !a.loIn));
  const endsInside = a.hi < g.hi || (a.hi === g.hi && (g.hiIn || !a.hiIn));
  if (startsInside && endsInside) return true;
  const below = a.hi < g.lo || (a.hi === g.lo && !(a.hiIn && g.loIn));
  const above = a.lo > g.hi || (a.lo === g.hi && !(a.loIn && g.hiIn));
  return below || above ? false : undefined;
}
