/**
 * The FHIR R4 API: read and search over the store, every request checked against the bearer token's scopes
 * and launch patient. Errors are OperationOutcomes with the right status.
 */
import type { FhirStore } from "./store.ts";
import { subjectPatientId } from "./store.ts";
import { CursorCodec, parseObservationQuery, searchObservations, type ObservationQuery } from "./search.ts";
import { FhirError, badRequest, forbidden, notFound } from "./outcome.ts";
import { parseScopes, scopesAllowing, type Interaction, type ResourceScope } from "../auth/scopes.ts";

/** Who is asking: the parsed scopes of the token and the patient its launch was for. */
export interface Access {
  readonly scopes: readonly ResourceScope[];
  readonly patient: string | undefined;
  /** Unrestricted (the clearly marked open endpoint). */
  readonly open?: boolean;
}

export function accessFor(scope: string, patient: string | undefined): Access {
  return { scopes: parseScopes(scope), patient };
}

export const OPEN_ACCESS: Access = { scopes: [], patient: undefined, open: true };

export interface FhirResponse {
  readonly status: number;
  readonly body: fhir4.Resource;
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * What a request may do for `resourceType`: `all` (user/system scope or open), the launch `patient` only,
 * or nothing (403). `restrictions` lists the v2 query restrictions of the allowing scopes, if all have one.
 */
function authorize(access: Access, resourceType: string, interaction: Interaction): { patient?: string; restrictions: ReadonlyMap<string, string>[] } {
  if (access.open) return { restrictions: [] };
  const allowing = scopesAllowing(access.scopes, resourceType, interaction);
  const verb = interaction === "s" ? "search" : "read";
  if (allowing.length === 0) {
    throw forbidden(`The access token's scopes do not allow ${verb} of ${resourceType}.`);
  }
  const broad = allowing.filter((s) => s.context !== "patient");
  const chosen = broad.length > 0 ? broad : allowing;
  const restrictions = chosen.every((s) => s.restriction.size > 0) ? chosen.map((s) => s.restriction) : [];
  if (broad.length > 0) return { restrictions };
  if (!access.patient) throw forbidden("The token has patient scopes but no patient in its launch context.");
  return { patient: access.patient, restrictions };
}

function matchesRestrictions(o: fhir4.Observation, restrictions: readonly ReadonlyMap<string, string>[]): boolean {
  if (restrictions.length === 0) return true;
  return restrictions.some((r) =>
    [...r].every(([param, value]) => {
      if (param !== "category") return false;
      const [system, code] = value.includes("|") ? value.split("|") : [undefined, value];
      return (o.category ?? []).some((c) => (c.coding ?? []).some((cd) => cd.code === code && (!system || cd.system === system)));
    }),
  );
}

export class FhirApi {
  readonly #cursors = new CursorCodec();

  constructor(
    private readonly store: FhirStore,
    private readonly base: string,
  ) {}

  /** Serves GET `path` (relative to the FHIR base, e.g. `/Observation`) with its query. */
  get(path: string, params: URLSearchParams, access: Access): FhirResponse {
    const segments = path.split("/").filter(Boolean);
    const [type, id, ...rest] = segments;
    if (!type) throw badRequest("A resource type is required, e.g. /Observation?patient=…");
    if (rest.length > 0 || (id !== undefined && !ID.test(id))) throw badRequest(`'${path}' is not a valid FHIR path.`);
    if (id !== undefined) {
      if ([...params.keys()].some((k) => !k.startsWith("_"))) throw badRequest("A read takes no search parameters.");
      return { status: 200, body: this.read(type, id, access) };
    }
    if (type === "Observation") return { status: 200, body: this.searchObservation(params, access) };
    if (type === "Patient") return { status: 200, body: this.searchPatient(params, access) };
    throw this.unknownType(type, "search");
  }

  read(type: string, id: string, access: Access): fhir4.Resource {
    switch (type) {
      case "Patient": {
        const { patient } = authorize(access, "Patient", "r");
        if (patient !== undefined && patient !== id) throw forbidden("This token may only read its launch patient.");
        return this.#found(this.store.read<fhir4.Patient>("Patient", id), type, id);
      }
      case "Observation":
      case "Encounter": {
        const { patient, restrictions } = authorize(access, type, "r");
        const resource = this.#found(this.store.read<fhir4.Observation>(type as "Observation", id), type, id);
        if (patient !== undefined && subjectPatientId(resource) !== patient) {
          throw forbidden(`This ${type} belongs to another patient than the token's.`);
        }
        if (type === "Observation" && !matchesRestrictions(resource, restrictions)) {
          throw forbidden("The token's scopes do not cover this Observation's category.");
        }
        return resource;
      }
      case "Practitioner":
        authorize(access, "Practitioner", "r");
        return this.#found(this.store.read<fhir4.Practitioner>("Practitioner", id), type, id);
      default:
        throw this.unknownType(type, "read");
    }
  }

  searchObservation(params: URLSearchParams, access: Access): fhir4.Bundle {
    const cursor = params.get("_cursor");
    let query: ObservationQuery;
    let offset = 0;
    if (cursor !== null) {
      if ([...params.keys()].some((k) => k !== "_cursor")) throw badRequest("A page link takes no other parameters.");
      ({ query, offset } = this.#cursors.decode(cursor));
    } else {
      query = parseObservationQuery(params);
    }
    const { patient: confined, restrictions } = authorize(access, "Observation", "s");
    if (confined !== undefined && query.patient !== undefined && query.patient !== confined) {
      throw forbidden("This token may only search its launch patient's Observations.");
    }
    const patient = query.patient ?? confined;
    if (patient === undefined) throw badRequest("Observation searches need a patient (or subject) parameter.");
    if (query.patient === undefined) query = { ...query, patient };
    if (restrictions.length > 0) {
      // A scope like patient/Observation.rs?category=laboratory narrows the search to what it covers.
      query = { ...query, categories: [...query.categories, restrictions.map((r) => r.get("category") ?? "")] };
    }
    const result = searchObservations(this.store, patient, query, offset);
    const link: fhir4.BundleLink[] = [{ relation: "self", url: this.#pageUrl(query, offset) }];
    if (result.hasNext) link.push({ relation: "next", url: this.#pageUrl(query, offset + query.count) });
    if (offset > 0 && query.count > 0) link.push({ relation: "previous", url: this.#pageUrl(query, Math.max(0, offset - query.count)) });
    return {
      resourceType: "Bundle",
      type: "searchset",
      ...(query.total === "none" ? {} : { total: result.total }),
      link,
      entry: result.page.map(({ resource }) => ({
        fullUrl: `${this.base}/Observation/${resource.id}`,
        resource,
        search: { mode: "match" },
      })),
    };
  }

  searchPatient(params: URLSearchParams, access: Access): fhir4.Bundle {
    const { patient: confined } = authorize(access, "Patient", "s");
    let ids: string[] | undefined;
    let name: string | undefined;
    for (const [key, value] of params) {
      if (key === "_id") ids = value.split(",");
      else if (key === "name") name = value.toLowerCase();
      else if (key !== "_count" && key !== "_format") throw badRequest(`Unknown search parameter '${key}' for Patient.`);
    }
    const matches = [...this.store.all<fhir4.Patient>("Patient")].filter(
      (p) =>
        (confined === undefined || p.id === confined) &&
        (ids === undefined || ids.includes(p.id ?? "")) &&
        (name === undefined || (p.name ?? []).some((n) => [...(n.given ?? []), n.family ?? "", n.text ?? ""].some((part) => part.toLowerCase().startsWith(name!)))),
    );
    return {
      resourceType: "Bundle",
      type: "searchset",
      total: matches.length,
      link: [{ relation: "self", url: `${this.base}/Patient?${params.toString()}` }],
      entry: matches.map((resource) => ({ fullUrl: `${this.base}/Patient/${resource.id}`, resource, search: { mode: "match" } })),
    };
  }

  #pageUrl(query: ObservationQuery, offset: number): string {
    return `${this.base}/Observation?_cursor=${this.#cursors.encode(query, offset)}`;
  }

  #found<T extends fhir4.Resource>(resource: T | undefined, type: string, id: string): T {
    if (!resource) throw notFound(`${type}/${id} is not known to this server.`);
    return resource;
  }

  unknownType(type: string, interaction: string): FhirError {
    if (/^[A-Z][A-Za-z]+$/.test(type)) return new FhirError(404, "not-supported", `This server does not support ${interaction} of ${type}.`);
    return notFound(`'${type}' is not a resource type.`);
  }
}
