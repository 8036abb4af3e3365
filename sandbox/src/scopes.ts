/**
 * SMART on FHIR scopes: parsing (v1 `.read`/`.write`/`.*` and v2 `.cruds`), the permission check the FHIR
 * API applies to every request, which resources a granular v2 scope's query restriction
 * (`patient/Observation.rs?category=laboratory`, `patient/Condition.rs?category=…|problem-list-item`) covers,
 * and the scope strings a server grants. Pure functions, the one module both the authorization server
 * (auth/) and the FHIR API (fhir/) read scopes with.
 */

export type ScopeContext = "patient" | "user" | "system";
export type Interaction = "c" | "r" | "u" | "d" | "s";

export interface ResourceScope {
  readonly raw: string;
  readonly context: ScopeContext;
  /** A resource type, or `*`. */
  readonly resourceType: string;
  readonly interactions: ReadonlySet<Interaction>;
  /** v2 query restriction (`patient/Observation.rs?category=laboratory`): each parameter must match. */
  readonly restriction: ReadonlyMap<string, string>;
}

const V1 = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(read|write|\*)$/;
const V2 = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(c?r?u?d?s?)(\?.+)?$/;

const V1_INTERACTIONS: Record<string, readonly Interaction[]> = {
  read: ["r", "s"],
  write: ["c", "u", "d"],
  "*": ["c", "r", "u", "d", "s"],
};

export function parseResourceScope(raw: string): ResourceScope | undefined {
  const v1 = V1.exec(raw);
  if (v1) {
    const [, context, resourceType, permission] = v1 as unknown as [string, ScopeContext, string, string];
    return { raw, context, resourceType, interactions: new Set(V1_INTERACTIONS[permission]), restriction: new Map() };
  }
  const v2 = V2.exec(raw);
  if (!v2 || v2[3] === "") return undefined;
  const [, context, resourceType, letters, query] = v2 as unknown as [string, ScopeContext, string, string, string?];
  const restriction = new Map<string, string>();
  if (query) {
    for (const [key, value] of new URLSearchParams(query.slice(1))) restriction.set(key, value);
  }
  return { raw, context, resourceType, interactions: new Set(letters.split("") as Interaction[]), restriction };
}

export function parseScopes(scope: string | undefined): ResourceScope[] {
  return (scope ?? "")
    .split(" ")
    .map(parseResourceScope)
    .filter((s): s is ResourceScope => s !== undefined);
}

/** The scopes that allow `interaction` on `resourceType` (empty when none does). */
export function scopesAllowing(
  scopes: readonly ResourceScope[],
  resourceType: string,
  interaction: Interaction,
): ResourceScope[] {
  return scopes.filter(
    (s) => (s.resourceType === "*" || s.resourceType === resourceType) && s.interactions.has(interaction),
  );
}

export const SERVED_RESOURCE_TYPES = [
  "Patient",
  "Practitioner",
  "Encounter",
  "Observation",
  "Goal",
  "Condition",
  "MedicationRequest",
  "MedicationStatement",
  "Medication",
] as const;

/** Ordered, non-empty subsets of "cruds": the v2 permission strings. */
function v2Permissions(): string[] {
  const letters = ["c", "r", "u", "d", "s"];
  const out: string[] = [];
  for (let mask = 1; mask < 1 << letters.length; mask++) {
    out.push(letters.filter((_, i) => mask & (1 << i)).join(""));
  }
  return out;
}

/** Granular scopes' category restrictions, per type (US Core 6+ asks servers for the Observation and Condition ones). */
const CATEGORY_RESTRICTIONS: Readonly<Record<string, readonly string[]>> = {
  Observation: [
    "category=laboratory",
    "category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory",
    "category=vital-signs",
    "category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs",
  ],
  Condition: [
    "category=problem-list-item",
    "category=http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item",
    "category=encounter-diagnosis",
    "category=http://terminology.hl7.org/CodeSystem/condition-category|encounter-diagnosis",
    "category=http://hl7.org/fhir/us/core/CodeSystem/condition-category|health-concern",
  ],
};

export type ScopeVersion = "v1" | "v2";

/**
 * Every resource scope string a server grants. oidc-provider matches requested scopes against an explicit
 * list (wildcards are plain strings to it), so the list is enumerated: contexts × served types and `*` ×
 * permissions — v1 `read`/`write`/`*`, v2 every ordered subset of `cruds` plus the common Observation and
 * Condition category restrictions.
 */
export function supportedResourceScopes(versions: readonly ScopeVersion[] = ["v1", "v2"]): string[] {
  const permissions = [...(versions.includes("v1") ? ["read", "write", "*"] : []), ...(versions.includes("v2") ? v2Permissions() : [])];
  const out: string[] = [];
  for (const context of ["patient", "user", "system"]) {
    for (const type of ["*", ...SERVED_RESOURCE_TYPES]) {
      for (const p of permissions) out.push(`${context}/${type}.${p}`);
    }
    if (!versions.includes("v2")) continue;
    for (const [type, restrictions] of Object.entries(CATEGORY_RESTRICTIONS)) {
      for (const p of ["rs", "r", "s"]) {
        for (const r of restrictions) out.push(`${context}/${type}.${p}?${r}`);
      }
    }
  }
  return out;
}

/** Whether a granted (or registered) scope covers a requested one: same context, type and restriction or wider. */
export function scopeCovers(wide: ResourceScope, narrow: ResourceScope): boolean {
  return (
    wide.context === narrow.context &&
    (wide.resourceType === "*" || wide.resourceType === narrow.resourceType) &&
    [...narrow.interactions].every((i) => wide.interactions.has(i)) &&
    [...wide.restriction].every(([k, v]) => narrow.restriction.get(k) === v)
  );
}

/** Scopes that are not about FHIR resources: identity, refresh and launch context. */
export const NON_RESOURCE_SCOPES = [
  "openid",
  "fhirUser",
  "profile",
  "offline_access",
  "online_access",
  "launch",
  "launch/patient",
  "launch/encounter",
] as const;

/** A resource's categories (Observation, Condition and MedicationRequest have a list, MedicationStatement one). */
function categoriesOf(resource: fhir4.Resource): readonly fhir4.CodeableConcept[] {
  switch (resource.resourceType) {
    case "Observation":
      return (resource as fhir4.Observation).category ?? [];
    case "Condition":
      return (resource as fhir4.Condition).category ?? [];
    case "MedicationRequest":
      return (resource as fhir4.MedicationRequest).category ?? [];
    case "MedicationStatement": {
      const category = (resource as fhir4.MedicationStatement).category;
      return category ? [category] : [];
    }
    default:
      return [];
  }
}

/** Whether a resource is covered by any of the restrictions (none: every resource is). */
export function matchesRestrictions(resource: fhir4.Resource, restrictions: readonly ReadonlyMap<string, string>[]): boolean {
  if (restrictions.length === 0) return true;
  const categories = categoriesOf(resource);
  return restrictions.some((r) =>
    [...r].every(([param, value]) => {
      if (param !== "category") return false;
      const [system, code] = value.includes("|") ? value.split("|") : [undefined, value];
      return categories.some((c) => (c.coding ?? []).some((cd) => cd.code === code && (!system || cd.system === system)));
    }),
  );
}
