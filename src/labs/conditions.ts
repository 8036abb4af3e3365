/**
 * Condition → the active problems the summary names beside a lab, with their onset: "Type 2 diabetes since 2011"
 * (docs/clinical-rules.md §11). Pure.
 */
import { ICD10, ICD10CM, PROBLEMS, SNOMED, type Problem } from "./contextCatalog";
import { parseFhirDate } from "./dates";
import { t } from "../i18n/i18n";
import { list, record, text } from "./json";
import type { LabId } from "./settings";

export interface ProblemMatch {
  /** Catalog id: "type-2-diabetes". */
  readonly problem: string;
  /** "Type 2 diabetes" */
  readonly label: string;
  /** onsetDateTime or onsetPeriod.start as recorded (FHIR date text), else the year written in onsetString. */
  readonly onset: string | undefined;
  /** "Condition/123" */
  readonly key: string;
  /** verificationStatus unconfirmed, provisional or differential: not a confirmed diagnosis. */
  readonly unconfirmed?: true;
}

/** clinicalStatus codes of a problem the patient has now (R4 condition-clinical: active and its two children). */
const ACTIVE = new Set(["active", "recurrence", "relapse"]);
const NEVER = new Set(["entered-in-error", "refuted"]);
const UNCONFIRMED = new Set(["unconfirmed", "provisional", "differential"]);
const CLINICAL = ["http://terminology.hl7.org/CodeSystem/condition-clinical", "http://hl7.org/fhir/condition-clinical"];
const VERIFICATION = ["http://terminology.hl7.org/CodeSystem/condition-ver-status", "http://hl7.org/fhir/condition-ver-status"];

/** The status codes of a concept in the given code systems (or with none); an STU2-style plain string is its own code. */
function statusCodes(value: unknown, systems: readonly string[]): string[] {
  if (typeof value === "string") return [value];
  return list(record(value as fhir4.CodeableConcept)?.coding)
    .map((c) => record(c))
    .filter((c) => c && (c.system === undefined || systems.includes(c.system)))
    .map((c) => text(c?.code))
    .filter((c): c is string => c !== undefined);
}

/** Has the problem now: an active clinicalStatus, or none at all with no abatement (FHIR R4 invariant con-4). */
function isActive(c: fhir4.Condition): boolean {
  const codes = statusCodes(c.clinicalStatus, CLINICAL);
  if (codes.length) return codes.some((code) => ACTIVE.has(code));
  return [c.abatementDateTime, c.abatementAge, c.abatementPeriod, c.abatementRange, c.abatementString].every((a) => a === undefined);
}

const icd = (code: string) => code.toUpperCase().replace(/\./g, "").trim();

function matches(problem: Problem, coding: fhir4.Coding): boolean {
  const code = text(coding.code);
  if (!code) return false;
  if (coding.system === SNOMED) return problem.snomed.includes(code.trim());
  if (coding.system === ICD10CM || coding.system === ICD10) return problem.icd10.some((prefix) => icd(code).startsWith(icd(prefix)));
  return false;
}

/** The onset as recorded: onsetDateTime, onsetPeriod.start, or the year written in onsetString ("since 2011" → "2011"). */
function onsetOf(c: fhir4.Condition): string | undefined {
  const dated = [text(c.onsetDateTime), text(record(c.onsetPeriod)?.start)].find((d) => parseFhirDate(d));
  if (dated) return dated;
  return /\b(1[89]\d\d|2\d\d\d)\b/.exec(text(c.onsetString) ?? "")?.[1];
}

interface Candidate {
  readonly match: ProblemMatch;
  /** The onset's time; undated: Infinity, so a dated record wins. */
  readonly time: number;
}

/**
 * The active problems relevant to a lab, one per problem (its earliest onset; undated after dated), in catalog
 * order. Never one entered in error or refuted; a diabetes whose type is known is not named again untyped.
 */
export function relevantProblems(conditions: readonly fhir4.Condition[], lab: LabId): ProblemMatch[] {
  const best = new Map<string, Candidate>();
  list(conditions).forEach((raw, order) => {
    const c = record(raw);
    if (!c || c.resourceType !== "Condition" || !isActive(c)) return;
    const verification = statusCodes(c.verificationStatus, VERIFICATION);
    if (verification.some((v) => NEVER.has(v))) return;
    const codings = list(record(c.code)?.coding).map((x) => record(x)).filter((x): x is fhir4.Coding => x !== undefined);
    const onset = onsetOf(c);
    for (const problem of PROBLEMS) {
      if (!problem.labs.includes(lab) || !codings.some((coding) => matches(problem, coding))) continue;
      const match: ProblemMatch = {
        problem: problem.id,
        label: problem.label,
        onset,
        key: `Condition/${text(c.id) ?? `#${order}`}`,
        ...(verification.some((v) => UNCONFIRMED.has(v)) && { unconfirmed: true as const }),
      };
      const candidate = { match, time: parseFhirDate(onset)?.time ?? Infinity };
      const held = best.get(problem.id);
      if (!held || candidate.time < held.time) best.set(problem.id, candidate);
    }
  });
  return PROBLEMS.filter((p) => best.has(p.id) && !(p.supersededBy ?? []).some((id) => best.has(id))).map((p) => best.get(p.id)!.match);
}

/** "Type 2 diabetes since 2011"; without a year, the label alone; "(unconfirmed)" when it is not a confirmed diagnosis. */
export function problemText(match: ProblemMatch): string {
  const year = /^\d{4}/.exec(match.onset ?? "")?.[0];
  const labels: Record<string, string> = {
    "type-1-diabetes": t("Type 1 diabetes"),
    "type-2-diabetes": t("Type 2 diabetes"),
    diabetes: t("Diabetes"),
    prediabetes: t("Prediabetes"),
    "chronic-kidney-disease": t("Chronic kidney disease"),
    hyperlipidaemia: t("Hyperlipidaemia"),
  };
  const label = labels[match.problem] ?? match.label;
  return `${year ? t("{problem} since {year}", { problem: label, year }) : label}${match.unconfirmed ? t(" (unconfirmed)") : ""}`;
}
