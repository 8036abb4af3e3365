/**
 * The query restriction of granular SMART v2 scopes (`patient/Observation.rs?category=laboratory`,
 * `patient/Condition.rs?category=…|problem-list-item`): which resources a restricted scope covers.
 */

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
