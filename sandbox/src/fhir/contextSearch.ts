/**
 * Search parameters of the clinical-context types (Condition, MedicationRequest, MedicationStatement): the ones
 * real servers support (US Core's, Epic's and Oracle Health's common set), parsed strictly — an unknown
 * parameter is a 400, as for Observation. Repeated parameters are ANDed, comma-separated values ORed.
 */
import { DEFAULT_COUNT, MAX_COUNT, matchesDate, matchesToken, parseDate, patientFromReference, splitOr } from "./search.ts";
import { badRequest } from "./outcome.ts";

export type ContextType = "Condition" | "MedicationRequest" | "MedicationStatement";
type ContextResource = fhir4.Condition | fhir4.MedicationRequest | fhir4.MedicationStatement;

export interface ContextQuery {
  readonly patient: string | undefined;
  readonly count: number;
  /** `_include=<Type>:medication`: the referenced Medications come along in the page. */
  readonly includeMedication: boolean;
  matches(resource: ContextResource): boolean;
}

type Test<T> = (resource: T, anyOf: readonly string[]) => boolean;

const token = (concepts: readonly (fhir4.CodeableConcept | undefined)[], anyOf: readonly string[]) =>
  anyOf.some((t) => concepts.some((c) => matchesToken(c?.coding, t)));

/** Token and code parameters per type; dates are handled apart (a date value is never comma-separated). */
const TOKENS: { readonly [K in ContextType]: Readonly<Record<string, Test<Extract<ContextResource, { resourceType: K }>>>> } = {
  Condition: {
    "clinical-status": (c, anyOf) => token([c.clinicalStatus], anyOf),
    "verification-status": (c, anyOf) => token([c.verificationStatus], anyOf),
    category: (c, anyOf) => token(c.category ?? [], anyOf),
    code: (c, anyOf) => token([c.code], anyOf),
  },
  MedicationRequest: {
    status: (r, anyOf) => anyOf.includes(r.status),
    intent: (r, anyOf) => anyOf.includes(r.intent),
    category: (r, anyOf) => token(r.category ?? [], anyOf),
  },
  MedicationStatement: {
    status: (s, anyOf) => anyOf.includes(s.status),
    category: (s, anyOf) => token([s.category], anyOf),
  },
};

/** Date parameters: the element each is matched on. */
const DATES: { readonly [K in ContextType]: Readonly<Record<string, (resource: Extract<ContextResource, { resourceType: K }>) => string | undefined>> } = {
  Condition: {},
  MedicationRequest: { authoredon: (r) => r.authoredOn },
  MedicationStatement: {},
};

const IGNORED = new Set(["_format", "_pretty"]);

export const CONTEXT_SEARCH_PARAMS: { readonly [K in ContextType]: readonly string[] } = {
  Condition: ["patient", "subject", ...Object.keys(TOKENS.Condition)],
  MedicationRequest: ["patient", "subject", ...Object.keys(TOKENS.MedicationRequest), ...Object.keys(DATES.MedicationRequest)],
  MedicationStatement: ["patient", "subject", ...Object.keys(TOKENS.MedicationStatement)],
};

export function parseContextQuery(type: ContextType, params: URLSearchParams): ContextQuery {
  const tokens = TOKENS[type] as Readonly<Record<string, Test<ContextResource>>>;
  const dates = DATES[type] as Readonly<Record<string, (resource: ContextResource) => string | undefined>>;
  const tests: ((resource: ContextResource) => boolean)[] = [];
  let patient: string | undefined;
  let count = DEFAULT_COUNT;
  let includeMedication = false;
  for (const [name, value] of params) {
    const test = tokens[name];
    const date = dates[name];
    if (name === "patient" || name === "subject") {
      const id = patientFromReference(value);
      if (patient !== undefined && patient !== id) throw badRequest("Only one patient may be searched at a time.");
      patient = id;
    } else if (test) {
      const anyOf = splitOr(value, name);
      tests.push((resource) => test(resource, anyOf));
    } else if (date) {
      const filter = parseDate(value);
      tests.push((resource) => {
        const raw = date(resource);
        return raw !== undefined && matchesDate(Date.parse(raw), filter);
      });
    } else if (name === "_count") {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw badRequest(`_count must be a non-negative integer, not '${value}'.`);
      count = Math.min(n, MAX_COUNT);
    } else if (name === "_include" && type !== "Condition") {
      if (value !== `${type}:medication`) throw badRequest(`_include=${value} is not supported; use _include=${type}:medication.`);
      includeMedication = true;
    } else if (!IGNORED.has(name)) {
      throw badRequest(`Unknown search parameter '${name}' for ${type}.`);
    }
  }
  return { patient, count, includeMedication, matches: (resource) => tests.every((t) => t(resource)) };
}
