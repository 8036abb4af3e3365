/**
 * The FHIR API's searches other than Observation's (search.ts): Patient, Encounter, Goal, Medication, and the
 * clinical context (Condition, MedicationRequest, MedicationStatement; contextSearch.ts). Each reads its
 * parameters (or its page cursor's), applies the token's permit, and answers a paged searchset Bundle.
 */
import type { FhirStore } from "./store.ts";
import { referencedId } from "./store.ts";
import { DEFAULT_COUNT, MAX_COUNT, matchesDate, matchesToken, parseDate, patientFromReference, splitOr, type DateFilter } from "./search.ts";
import { parseContextQuery, type ContextType } from "./contextSearch.ts";
import { badRequest } from "./outcome.ts";
import { mayUseMedication, permitFor, searchedPatient, type Access, type Permit } from "./access.ts";
import type { Bundles } from "./bundles.ts";
import { matchesRestrictions } from "../scopes.ts";

function countParam(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`_count must be a non-negative integer, not '${value}'.`);
  return Math.min(n, MAX_COUNT);
}

export class ListSearches {
  constructor(
    private readonly store: FhirStore,
    private readonly bundles: Bundles,
  ) {}

  async patient(params: URLSearchParams, access: Access): Promise<fhir4.Bundle> {
    const permit = permitFor(this.store, access, "Patient", "s");
    const { query, offset } = await this.bundles.listQuery(params, "Patient");
    let ids: string[] | undefined;
    let name: string | undefined;
    let count = DEFAULT_COUNT;
    for (const [key, value] of query) {
      if (key === "_id") ids = value.split(",");
      else if (key === "name") name = value.toLowerCase();
      else if (key === "_count") count = countParam(value);
      else if (key !== "_format" && key !== "_pretty") throw badRequest(`Unknown search parameter '${key}' for Patient.`);
    }
    const candidates = ids ? ids.map((id) => this.store.read<fhir4.Patient>("Patient", id)).filter((p) => p !== undefined) : this.store.all<fhir4.Patient>("Patient");
    const matches = [...candidates].filter(
      (p) =>
        permit.maySee(p.id) &&
        (name === undefined || (p.name ?? []).some((n) => [...(n.given ?? []), n.family ?? "", n.text ?? ""].some((part) => part.toLowerCase().startsWith(name!)))),
    );
    return this.bundles.listBundle("Patient", matches, query, offset, count);
  }

  async encounter(params: URLSearchParams, access: Access): Promise<fhir4.Bundle> {
    const permit = permitFor(this.store, access, "Encounter", "s");
    const { query, offset } = await this.bundles.listQuery(params, "Encounter");
    let patient: string | undefined;
    const dates: DateFilter[] = [];
    const statuses: string[] = [];
    let sort = "date";
    let count = DEFAULT_COUNT;
    for (const [key, value] of query) {
      if (key === "patient" || key === "subject") patient = patientFromReference(value);
      else if (key === "date") dates.push(parseDate(value));
      else if (key === "status") statuses.push(...value.split(","));
      else if (key === "_count") count = countParam(value);
      else if (key === "_sort" && (value === "date" || value === "-date")) sort = value;
      else if (key !== "_format" && key !== "_pretty") throw badRequest(`Unknown search parameter or value '${key}' for Encounter.`);
    }
    const searched = searchedPatient(patient, permit, access, "Encounter");
    const matches = this.store
      .encountersOf(searched)
      .filter(({ resource, time }) => (statuses.length === 0 || statuses.includes(resource.status)) && dates.every((f) => matchesDate(time, f)))
      .map(({ resource }) => resource);
    if (sort === "-date") matches.reverse();
    return this.bundles.listBundle("Encounter", matches, query, offset, count);
  }

  async goal(params: URLSearchParams, access: Access): Promise<fhir4.Bundle> {
    const permit = permitFor(this.store, access, "Goal", "s");
    const { query, offset } = await this.bundles.listQuery(params, "Goal");
    let patient: string | undefined;
    const statuses: string[] = [];
    let count = DEFAULT_COUNT;
    for (const [key, value] of query) {
      if (key === "patient" || key === "subject") patient = patientFromReference(value);
      else if (key === "lifecycle-status") statuses.push(...value.split(","));
      else if (key === "_count") count = countParam(value);
      else if (key !== "_format" && key !== "_pretty") throw badRequest(`Unknown search parameter '${key}' for Goal.`);
    }
    const searched = searchedPatient(patient, permit, access, "Goal");
    const matches = this.store.listedOf<fhir4.Goal>("Goal", searched).filter((g) => statuses.length === 0 || statuses.includes(g.lifecycleStatus));
    return this.bundles.listBundle("Goal", matches, query, offset, count);
  }

  /** Condition, MedicationRequest, MedicationStatement: the searched patient's list, filtered (contextSearch.ts). */
  async context(type: ContextType, params: URLSearchParams, access: Access): Promise<fhir4.Bundle> {
    const permit = permitFor(this.store, access, type, "s");
    const { query, offset } = await this.bundles.listQuery(params, type);
    const parsed = parseContextQuery(type, query);
    const searched = searchedPatient(parsed.patient, permit, access, type);
    const matches = this.store
      .listedOf<fhir4.Condition | fhir4.MedicationRequest | fhir4.MedicationStatement>(type, searched)
      .filter((resource) => parsed.matches(resource) && matchesRestrictions(resource, permit.restrictions));
    return this.bundles.listBundle(type, matches, query, offset, parsed.count, parsed.includeMedication ? (page) => this.#medicationsOf(page, access) : undefined);
  }

  /**
   * Medications are not in the patient compartment: a token may see one that a MedicationRequest or
   * MedicationStatement of a patient it may see references (all of them with system scopes).
   */
  async medication(params: URLSearchParams, access: Access): Promise<fhir4.Bundle> {
    const permit = permitFor(this.store, access, "Medication", "s");
    const { query, offset } = await this.bundles.listQuery(params, "Medication");
    let ids: string[] | undefined;
    const codes: string[][] = [];
    let count = DEFAULT_COUNT;
    for (const [key, value] of query) {
      if (key === "_id") ids = splitOr(value, "_id");
      else if (key === "code") codes.push(splitOr(value, "code"));
      else if (key === "_count") count = countParam(value);
      else if (key !== "_format" && key !== "_pretty") throw badRequest(`Unknown search parameter '${key}' for Medication.`);
    }
    const candidates = ids ? ids.map((id) => this.store.read<fhir4.Medication>("Medication", id)).filter((m) => m !== undefined) : this.store.all<fhir4.Medication>("Medication");
    const matches = [...candidates].filter(
      (m) => mayUseMedication(this.store, permit, m.id ?? "") && codes.every((anyOf) => anyOf.some((t) => matchesToken(m.code?.coding, t))),
    );
    return this.bundles.listBundle("Medication", matches, query, offset, count);
  }

  /** The Medications a page's requests or statements reference (`_include`), when the token may read them. */
  #medicationsOf(page: readonly fhir4.Resource[], access: Access): fhir4.Resource[] {
    let permit: Permit;
    try {
      permit = permitFor(this.store, access, "Medication", "r");
    } catch {
      return [];
    }
    const ids = new Set(page.map((r) => referencedId((r as fhir4.MedicationRequest | fhir4.MedicationStatement).medicationReference?.reference, "Medication")));
    return [...ids]
      .map((id) => (id === undefined ? undefined : this.store.read<fhir4.Medication>("Medication", id)))
      .filter((m): m is fhir4.Medication => m !== undefined && mayUseMedication(this.store, permit, m.id ?? ""));
  }
}
