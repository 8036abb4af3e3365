/**
 * The FHIR R4 API: read and search over the store, every request checked against the bearer token's scopes,
 * launch patient and user (access.ts). Errors are OperationOutcomes with the right status. Here: the routing,
 * reads and the Observation search; the other types' searches are in listSearches.ts, Bundles and page links
 * in bundles.ts.
 */
import type { FhirStore } from "./store.ts";
import { subjectPatientId } from "./store.ts";
import { CursorCodec } from "./cursors.ts";
import { parseObservationQuery, searchObservations, type ObservationQuery } from "./search.ts";
import { FhirError, badRequest, forbidden, notFound } from "./outcome.ts";
import { patientSearchOutcome, withOutcome, type SearchOutcome } from "./searchOutcome.ts";
import { mayUseMedication, notVisible, permitFor, searchedPatient, type Access } from "./access.ts";
import { Bundles } from "./bundles.ts";
import { ListSearches } from "./listSearches.ts";
import { matchesRestrictions } from "../scopes.ts";

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

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** Resources in the patient compartment, read by id and checked against their `subject`. */
type PatientRecord = fhir4.Observation | fhir4.Encounter | fhir4.Goal | fhir4.Condition | fhir4.MedicationRequest | fhir4.MedicationStatement;

export interface FhirApiOptions {
  readonly cursors?: CursorCodec;
  /**
   * The message an Observation search page carries as an OperationOutcome entry (`search.mode: "outcome"`),
   * or none. Default: the searched patient's own, from its scenario data (searchOutcome.ts).
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
  readonly #bundles: Bundles;
  readonly #lists: ListSearches;
  readonly #searchOutcome: SearchOutcome;
  readonly #rules: ObservationRules | undefined;

  constructor(
    private readonly store: FhirStore,
    private readonly base: string,
    options: FhirApiOptions = {},
  ) {
    this.#bundles = new Bundles(base, options.cursors ?? new CursorCodec());
    this.#lists = new ListSearches(store, this.#bundles);
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
        return { status: 200, body: await this.#lists.patient(params, access) };
      case "Encounter":
        return { status: 200, body: await this.#lists.encounter(params, access) };
      case "Goal":
        return { status: 200, body: await this.#lists.goal(params, access) };
      case "Condition":
      case "MedicationRequest":
      case "MedicationStatement":
        return { status: 200, body: await this.#lists.context(type, params, access) };
      case "Medication":
        return { status: 200, body: await this.#lists.medication(params, access) };
      default:
        throw this.unknownType(type, "search");
    }
  }

  read(type: string, id: string, access: Access): fhir4.Resource {
    switch (type) {
      case "Patient": {
        const permit = permitFor(this.store, access, "Patient", "r");
        if (!permit.maySee(id)) throw notVisible(access, permit, "Patient", id);
        return this.#found(this.store.read<fhir4.Patient>("Patient", id), type, id);
      }
      case "Observation":
      case "Encounter":
      case "Goal":
      case "Condition":
      case "MedicationRequest":
      case "MedicationStatement": {
        const permit = permitFor(this.store, access, type, "r");
        const resource = this.#found(this.store.read<PatientRecord>(type, id), type, id);
        const owner = subjectPatientId(resource);
        if (!permit.maySee(owner)) throw notVisible(access, permit, type, owner);
        if (!matchesRestrictions(resource, permit.restrictions)) throw forbidden(`The token's scopes do not cover this ${type}'s category.`);
        return resource;
      }
      case "Medication": {
        const permit = permitFor(this.store, access, "Medication", "r");
        const medication = this.#found(this.store.read<fhir4.Medication>("Medication", id), type, id);
        if (!mayUseMedication(this.store, permit, id)) throw notVisible(access, permit, type, undefined);
        return medication;
      }
      case "Practitioner":
        permitFor(this.store, access, "Practitioner", "r");
        return this.#found(this.store.read<fhir4.Practitioner>("Practitioner", id), type, id);
      default:
        throw this.unknownType(type, "read");
    }
  }

  async observationPage(params: URLSearchParams, access: Access): Promise<ObservationPage> {
    const permit = permitFor(this.store, access, "Observation", "s");
    let query: ObservationQuery;
    let offset = 0;
    const cursor = await this.#bundles.observationCursor(params);
    if (cursor) ({ q: query, o: offset } = cursor);
    else query = this.#observationQuery(params);
    const patient = searchedPatient(query.patient, permit, access, "Observation");
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
      entry: result.page.map(({ resource }) => this.#bundles.entry(resource)),
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
    return searchObservations(this.store, query.patient ?? "", { ...query, count, summaryCount: false }, offset).page.map(({ resource }) => this.#bundles.entry(resource));
  }

  pageUrl(query: ObservationQuery, offset: number): Promise<string> {
    return this.#bundles.observationPageUrl(query, offset);
  }

  unknownType(type: string, interaction: string): FhirError {
    if (/^[A-Z][A-Za-z]+$/.test(type)) return new FhirError(404, "not-supported", `This server does not support ${interaction} of ${type}.`);
    return notFound(`'${type}' is not a resource type.`);
  }

  #found<T extends fhir4.Resource>(resource: T | undefined, type: string, id: string): T {
    if (!resource) throw notFound(`${type}/${id} is not known to this server.`);
    return resource;
  }
}
