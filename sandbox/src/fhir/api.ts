/**
 * The FHIR R4 API: read and search over the store, every request checked against the bearer token's scopes,
 * launch patient and user. Errors are OperationOutcomes with the right status.
 */
import type { FhirStore } from "./store.ts";
import { referencedId, subjectPatientId } from "./store.ts";
import { CursorCodec, DEFAULT_COUNT, MAX_COUNT, matchesDate, matchesToken, parseDate, parseObservationQuery, patientFromReference, searchObservations, splitOr, type DateFilter, type ObservationQuery } from "./search.ts";
import { parseContextQuery, type ContextType } from "./context-search.ts";
import { FhirError, badRequest, forbidden, notFound } from "./outcome.ts";
import { patientSearchOutcome, withOutcome, type SearchOutcome } from "./search-outcome.ts";
import { matchesRestrictions, parseScopes, scopesAllowing, type Interaction, type ResourceScope } from "../scopes.ts";

/** Who is asking: the token's parsed scopes, its launch patient and its user. */
export interface Access {
  readonly scopes: readonly ResourceScope[];
  readonly patient: string | undefined;
  /** `Practitioner/<id>` or `Patient/<id>`: whose view `user/` scopes give. */
  readonly user: string | undefined;
  /** Unrestricted (the clearly marked open endpoint). */
  readonly open?: boolean;
}

export function accessFor(scope: string, patient: string | undefined, user: string | undefined): Access {
  return { scopes: parseScopes(scope), patient, user };
}

export const OPEN_ACCESS: Access = { scopes: [], patient: undefined, user: undefined, open: true };

export interface ObservationPage {
  readonly bundle: fhir4.Bundle;
  readonly query: ObservationQuery;
  readonly offset: number;
}

export interface FhirResponse {
  readonly status: number;
  readonly body: fhir4.Resource;
  /** Set for Observation searches: what the page was computed from. */
  readonly page?: ObservationPage;
}

/** What a request may see of one resource type. */
interface Permit {
  /** `patient/` scopes: the launch patient, the only one. */
  readonly confinedTo?: string;
  readonly restrictions: readonly ReadonlyMap<string, string>[];
  maySee(patientId: string | undefined): boolean;
}

type ListCursor = { t: "Patient" | "Encounter" | "Goal" | "Medication" | ContextType; p: string; o: number };
type ObservationCursor = { t: "Observation"; q: ObservationQuery; o: number };

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const ALL: Permit = { restrictions: [], maySee: () => true };

/** Resources in the patient compartment, read by id and checked against their `subject`. */
type PatientRecord = fhir4.Observation | fhir4.Encounter | fhir4.Goal | fhir4.Condition | fhir4.MedicationRequest | fhir4.MedicationStatement;

function countParam(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`_count must be a non-negative integer, not '${value}'.`);
  return Math.min(n, MAX_COUNT);
}

export interface FhirApiOptions {
  readonly cursors?: CursorCodec;
  /**
   * The message an Observation search page carries as an OperationOutcome entry (`search.mode: "outcome"`),
   * or none. Default: the searched patient's own, from its scenario data (search-outcome.ts).
   */
  readonly searchOutcome?: SearchOutcome;
  /** An EHR profile's Observation search rules (profiles.ts); none: the sandbox's own. */
  readonly observationRules?: ObservationRules;
}

export interface ObservationRules {
  /** A search without `code` or `category` is a 400. */
  readonly needsCodeOrCategory: boolean;
  /** `_sort` is accepted and ignored: results always come in this order. */
  readonly order?: "date" | "-date";
}

export class FhirApi {
  readonly #cursors: CursorCodec;
  readonly #searchOutcome: SearchOutcome;
  readonly #rules: ObservationRules | undefined;

  constructor(
    private readonly store: FhirStore,
    private readonly base: string,
    options: FhirApiOptions = {},
  ) {
    this.#cursors = options.cursors ?? new CursorCodec();
    this.#searchOutcome = options.searchOutcome ?? ((query) => patientSearchOutcome(this.store.read<fhir4.Patient>("Patient", query.patient)));
    this.#rules = options.observationRules;
  }

  /** Serves GET `path` (relative to the FHIR base, e.g. `/Observation`) with its query. */
  async get(path: string, params: URLSearchParams, access: Access): Promise<FhirResponse> {
    const [type, id, ...rest] = path.split("/").filter(Boolean);
    if (!type) throw badRequest("A resource type is required, e.g. /Observation?patient=…");
    if (rest.length > 0 || (id !== undefined && !ID.test(id))) throw badRequest(`'${path}' is not a valid FHIR path.`);
    if (id !== undefined) {
      if ([...params.keys()].some((k) => !k.startsWith("_"))) throw badRequest("A read takes no search parameters.");
      return { status: 200, body: this.read(type, id, access) };
    }
    switch (type) {
      case "Observation": {
        const page = await this.observationPage(params, access);
        return { status: 200, body: page.bundle, page };
      }
      case "Patient":
        return { status: 200, body: await this.#searchPatient(params, access) };
      case "Encounter":
        return { status: 200, body: await this.#searchEncounter(params, access) };
      case "Goal":
        return { status: 200, body: await this.#searchGoal(params, access) };
      case "Condition":
      case "MedicationRequest":
      case "MedicationStatement":
        return { status: 200, body: await this.#searchContext(type, params, access) };
      case "Medication":
        return { status: 200, body: await this.#searchMedication(params, access) };
      default:
        throw this.unknownType(type, "search");
    }
  }

  read(type: string, id: string, access: Access): fhir4.Resource {
    switch (type) {
      case "Patient": {
        const permit = this.#permit(access, "Patient", "r");
        if (!permit.maySee(id)) throw this.#notVisible(access, permit, "Patient", id);
        return this.#found(this.store.read<fhir4.Patient>("Patient", id), type, id);
      }
      case "Observation":
      case "Encounter":
      case "Goal":
      case "Condition":
      case "MedicationRequest":
      case "MedicationStatement": {
        const permit = this.#permit(access, type, "r");
        const resource = this.#found(this.store.read<PatientRecord>(type, id), type, id);
        const owner = subjectPatientId(resource);
        if (!permit.maySee(owner)) throw this.#notVisible(access, permit, type, owner);
        if (!matchesRestrictions(resource, permit.restrictions)) throw forbidden(`The token's scopes do not cover this ${type}'s category.`);
        return resource;
      }
      case "Medication": {
        const permit = this.#permit(access, "Medication", "r");
        const medication = this.#found(this.store.read<fhir4.Medication>("Medication", id), type, id);
        if (!this.#mayUseMedication(permit, id)) throw this.#notVisible(access, permit, type, undefined);
        return medication;
      }
      case "Practitioner":
        this.#permit(access, "Practitioner", "r");
        return this.#found(this.store.read<fhir4.Practitioner>("Practitioner", id), type, id);
      default:
        throw this.unknownType(type, "read");
    }
  }

  async observationPage(params: URLSearchParams, access: Access): Promise<ObservationPage> {
    const permit = this.#permit(access, "Observation", "s");
    let query: ObservationQuery;
    let offset = 0;
    const cursor = await this.#cursor(params, "Observation");
    if (cursor) ({ q: query, o: offset } = cursor);
    else query = this.#observationQuery(params);
    const patient = this.#searchedPatient(query.patient, permit, access, "Observation");
    query = { ...query, patient };
    if (permit.restrictions.length > 0 && !cursor) {
      // A scope like patient/Observation.rs?category=laboratory narrows the search to what it covers.
      query = { ...query, categories: [...query.categories, permit.restrictions.map((r) => r.get("category") ?? "")] };
    }
    const result = searchObservations(this.store, patient, query, offset);
    const link: fhir4.BundleLink[] = [{ relation: "self", url: await this.pageUrl(query, offset) }];
    if (result.hasNext) link.push({ relation: "next", url: await this.pageUrl(query, offset + query.count) });
    if (offset > 0 && query.count > 0) link.push({ relation: "previous", url: await this.pageUrl(query, Math.max(0, offset - query.count)) });
    const bundle: fhir4.Bundle = {
      resourceType: "Bundle",
      type: "searchset",
      ...(query.total === "none" ? {} : { total: result.total }),
      link,
      entry: result.page.map(({ resource }) => this.#entry(resource)),
    };
    return { bundle: withOutcome(bundle, this.#searchOutcome({ ...query, patient }, offset)), query, offset };
  }

  /** A first page's parameters under the profile's rules, if any. */
  #observationQuery(params: URLSearchParams): ObservationQuery {
    const rules = this.#rules;
    if (!rules) return parseObservationQuery(params);
    const kept = new URLSearchParams([...params].filter(([name]) => rules.order === undefined || !name.startsWith("_sort")));
    const query = parseObservationQuery(kept);
    if (rules.needsCodeOrCategory && query.codes.length === 0 && query.categories.length === 0) {
      throw badRequest("Observation searches on this server need a code or a category parameter besides the patient (e.g. category=laboratory).");
    }
    return rules.order === undefined ? query : { ...query, sort: rules.order };
  }

  /** The entries of a query's results from `offset` (fault injection repeats entries across pages with it). */
  observationEntries(query: ObservationQuery, offset: number, count: number): fhir4.BundleEntry[] {
    return searchObservations(this.store, query.patient ?? "", { ...query, count, summaryCount: false }, offset).page.map(({ resource }) => this.#entry(resource));
  }

  async pageUrl(query: ObservationQuery, offset: number): Promise<string> {
    return `${this.base}/Observation?_cursor=${await this.#cursors.encode({ t: "Observation", q: query, o: offset } satisfies ObservationCursor)}`;
  }

  unknownType(type: string, interaction: string): FhirError {
    if (/^[A-Z][A-Za-z]+$/.test(type)) return new FhirError(404, "not-supported", `This server does not support ${interaction} of ${type}.`);
    return notFound(`'${type}' is not a resource type.`);
  }

  async #searchPatient(params: URLSearchParams, access: Access): Promise<fhir4.Bundle> {
    const permit = this.#permit(access, "Patient", "s");
    const { query, offset } = await this.#listQuery(params, "Patient");
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
    return this.#listBundle("Patient", matches, query, offset, count);
  }

  async #searchEncounter(params: URLSearchParams, access: Access): Promise<fhir4.Bundle> {
    const permit = this.#permit(access, "Encounter", "s");
    const { query, offset } = await this.#listQuery(params, "Encounter");
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
    const searched = this.#searchedPatient(patient, permit, access, "Encounter");
    const matches = this.store
      .encountersOf(searched)
      .filter(({ resource, time }) => (statuses.length === 0 || statuses.includes(resource.status)) && dates.every((f) => matchesDate(time, f)))
      .map(({ resource }) => resource);
    if (sort === "-date") matches.reverse();
    return this.#listBundle("Encounter", matches, query, offset, count);
  }

  async #searchGoal(params: URLSearchParams, access: Access): Promise<fhir4.Bundle> {
    const permit = this.#permit(access, "Goal", "s");
    const { query, offset } = await this.#listQuery(params, "Goal");
    let patient: string | undefined;
    const statuses: string[] = [];
    let count = DEFAULT_COUNT;
    for (const [key, value] of query) {
      if (key === "patient" || key === "subject") patient = patientFromReference(value);
      else if (key === "lifecycle-status") statuses.push(...value.split(","));
      else if (key === "_count") count = countParam(value);
      else if (key !== "_format" && key !== "_pretty") throw badRequest(`Unknown search parameter '${key}' for Goal.`);
    }
    const searched = this.#searchedPatient(patient, permit, access, "Goal");
    const matches = this.store.listedOf<fhir4.Goal>("Goal", searched).filter((g) => statuses.length === 0 || statuses.includes(g.lifecycleStatus));
    return this.#listBundle("Goal", matches, query, offset, count);
  }

  /** Condition, MedicationRequest, MedicationStatement: the searched patient's list, filtered (context-search.ts). */
  async #searchContext(type: ContextType, params: URLSearchParams, access: Access): Promise<fhir4.Bundle> {
    const permit = this.#permit(access, type, "s");
    const { query, offset } = await this.#listQuery(params, type);
    const parsed = parseContextQuery(type, query);
    const searched = this.#searchedPatient(parsed.patient, permit, access, type);
    const matches = this.store
      .listedOf<fhir4.Condition | fhir4.MedicationRequest | fhir4.MedicationStatement>(type, searched)
      .filter((resource) => parsed.matches(resource) && matchesRestrictions(resource, permit.restrictions));
    return this.#listBundle(type, matches, query, offset, parsed.count, parsed.includeMedication ? (page) => this.#medicationsOf(page, access) : undefined);
  }

  /**
   * Medications are not in the patient compartment: a token may see one that a MedicationRequest or
   * MedicationStatement of a patient it may see references (all of them with system scopes).
   */
  async #searchMedication(params: URLSearchParams, access: Access): Promise<fhir4.Bundle> {
    const permit = this.#permit(access, "Medication", "s");
    const { query, offset } = await this.#listQuery(params, "Medication");
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
      (m) => this.#mayUseMedication(permit, m.id ?? "") && codes.every((anyOf) => anyOf.some((t) => matchesToken(m.code?.coding, t))),
    );
    return this.#listBundle("Medication", matches, query, offset, count);
  }

  #mayUseMedication(permit: Permit, medicationId: string): boolean {
    return permit.maySee(undefined) || this.store.medicationUsers(medicationId).some((patientId) => permit.maySee(patientId));
  }

  /** The Medications a page's requests or statements reference (`_include`), when the token may read them. */
  #medicationsOf(page: readonly fhir4.Resource[], access: Access): fhir4.Resource[] {
    let permit: Permit;
    try {
      permit = this.#permit(access, "Medication", "r");
    } catch {
      return [];
    }
    const ids = new Set(page.map((r) => referencedId((r as fhir4.MedicationRequest | fhir4.MedicationStatement).medicationReference?.reference, "Medication")));
    return [...ids]
      .map((id) => (id === undefined ? undefined : this.store.read<fhir4.Medication>("Medication", id)))
      .filter((m): m is fhir4.Medication => m !== undefined && this.#mayUseMedication(permit, m.id ?? ""));
  }

  /** The patient a search is about: the one named (if the token may see it), else the launch patient. */
  #searchedPatient(named: string | undefined, permit: Permit, access: Access, type: string): string {
    if (named !== undefined) {
      if (!permit.maySee(named)) throw this.#notVisible(access, permit, "Patient", named);
      return named;
    }
    if (permit.confinedTo !== undefined) return permit.confinedTo;
    throw badRequest(`${type} searches need a patient (or subject) parameter.`);
  }

  async #listQuery(params: URLSearchParams, type: ListCursor["t"]): Promise<{ query: URLSearchParams; offset: number }> {
    const cursor = await this.#cursor(params, type);
    return cursor ? { query: new URLSearchParams(cursor.p), offset: cursor.o } : { query: params, offset: 0 };
  }

  async #listBundle(
    type: ListCursor["t"],
    matches: readonly fhir4.Resource[],
    query: URLSearchParams,
    offset: number,
    count: number,
    include?: (page: readonly fhir4.Resource[]) => fhir4.Resource[],
  ): Promise<fhir4.Bundle> {
    const url = async (o: number) => `${this.base}/${type}?_cursor=${await this.#cursors.encode({ t: type, p: query.toString(), o } satisfies ListCursor)}`;
    const link: fhir4.BundleLink[] = [{ relation: "self", url: offset === 0 ? `${this.base}/${type}?${query}` : await url(offset) }];
    if (count > 0 && offset + count < matches.length) link.push({ relation: "next", url: await url(offset + count) });
    if (offset > 0 && count > 0) link.push({ relation: "previous", url: await url(Math.max(0, offset - count)) });
    const page = matches.slice(offset, offset + count);
    return {
      resourceType: "Bundle",
      type: "searchset",
      total: matches.length,
      link,
      entry: [...page.map((resource) => this.#entry(resource)), ...(include?.(page) ?? []).map((resource) => this.#entry(resource, "include"))],
    };
  }

  async #cursor<T extends ObservationCursor["t"] | ListCursor["t"]>(params: URLSearchParams, type: T): Promise<(T extends "Observation" ? ObservationCursor : ListCursor) | undefined> {
    const cursor = params.get("_cursor");
    if (cursor === null) return undefined;
    if ([...params.keys()].some((k) => k !== "_cursor")) throw badRequest("A page link takes no other parameters.");
    const payload = (await this.#cursors.decode(cursor)) as { t?: unknown };
    if (payload.t !== type) throw badRequest(`This page cursor belongs to another search than ${type}.`);
    return payload as T extends "Observation" ? ObservationCursor : ListCursor;
  }

  /**
   * What a request may do with `resourceType`: see everything (system scopes, the open endpoint), what the
   * user may see (user scopes), or only the launch patient (patient scopes); 403 when no scope allows it.
   */
  #permit(access: Access, resourceType: string, interaction: Interaction): Permit {
    if (access.open) return ALL;
    const allowing = scopesAllowing(access.scopes, resourceType, interaction);
    if (allowing.length === 0) {
      throw forbidden(`The access token's scopes do not allow ${interaction === "s" ? "search" : "read"} of ${resourceType}.`);
    }
    const broad = allowing.filter((s) => s.context !== "patient");
    const chosen = broad.length > 0 ? broad : allowing;
    const restrictions = chosen.every((s) => s.restriction.size > 0) ? chosen.map((s) => s.restriction) : [];
    if (broad.some((s) => s.context === "system")) return { restrictions, maySee: () => true };
    if (broad.length > 0) return { restrictions, maySee: (patientId) => this.#userMaySee(access.user, patientId) };
    const patient = access.patient;
    if (!patient) throw forbidden("The token has patient scopes but no patient in its launch context.");
    return { confinedTo: patient, restrictions, maySee: (patientId) => patientId === patient };
  }

  #userMaySee(user: string | undefined, patientId: string | undefined): boolean {
    if (!patientId) return false;
    const practitioner = referencedId(user, "Practitioner");
    if (practitioner) return this.store.practitionerMaySee(practitioner, patientId);
    return referencedId(user, "Patient") === patientId;
  }

  #notVisible(access: Access, permit: Permit, type: string, patientId: string | undefined): FhirError {
    if (permit.confinedTo !== undefined) return forbidden(`This token may only access its launch patient's records, not ${type === "Patient" ? `Patient/${patientId}` : `this ${type}`}.`);
    return forbidden(`The signed-in user ${access.user ?? "(none)"} may not see the records of Patient/${patientId ?? "?"}.`);
  }

  #entry(resource: fhir4.Resource, mode: "match" | "include" = "match"): fhir4.BundleEntry {
    return { fullUrl: `${this.base}/${resource.resourceType}/${resource.id}`, resource, search: { mode } };
  }

  #found<T extends fhir4.Resource>(resource: T | undefined, type: string, id: string): T {
    if (!resource) throw notFound(`${type}/${id} is not known to this server.`);
    return resource;
  }
}
