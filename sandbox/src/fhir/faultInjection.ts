/**
 * The FHIR side of the simulated errors (see ../faultCatalog.ts): applied to every request of a launch whose grant
 * carries one. State (how many requests, which pages already failed) is kept per grant.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { MARKUP, REQUESTS_BEFORE_REVOKE, RETRY_AFTER_SECONDS, SLOW_MS, type FaultName } from "../faultCatalog.ts";
import type { FhirApi, FhirResponse } from "./api.ts";
import { FhirError, forbidden, unauthorized } from "./outcome.ts";
import { EPIC_PARTIAL_RECORD_NOTICE, outcomeEntry } from "./searchOutcome.ts";

/** What to send: a JSON body, or raw text (a truncated body). */
export type Served = { readonly status: number; readonly body: unknown } | { readonly status: number; readonly raw: string };

interface GrantState {
  requests: number;
  readonly failedPages: Set<string>;
  goneServed: boolean;
}

export interface FaultTarget {
  readonly grantId: string;
  /** The request's path and query, which identifies a page. */
  readonly key: string;
  readonly isObservationSearch: boolean;
}

const MAX_STATES = 10_000;

export class FaultInjector {
  readonly #states = new Map<string, GrantState>();

  constructor(
    private readonly api: FhirApi,
    /** Origin of the listener that `fhir_next_foreign` links to. */
    private readonly foreignOrigin: () => string,
    private readonly revokeGrant: (grantId: string) => Promise<void>,
    private readonly slowMs = SLOW_MS,
  ) {}

  /** Runs before the request is served: may wait, or throw the simulated failure. */
  async before(fault: FaultName, target: FaultTarget): Promise<void> {
    const state = this.#state(target.grantId);
    const simulated = `(simulated error ${fault})`;
    switch (fault) {
      case "invalid_token":
        throw unauthorized(`The access token is not valid ${simulated}.`);
      case "fhir_500":
        throw new FhirError(500, "exception", `The server failed to process the request ${simulated}.`);
      case "fhir_slow":
        return void (await sleep(this.slowMs));
      case "fhir_401_later":
        if (++state.requests <= REQUESTS_BEFORE_REVOKE) return;
        await this.revokeGrant(target.grantId);
        throw unauthorized(`The authorization behind this token was revoked ${simulated}.`);
      case "medication_request_forbidden":
        if (requestedType(target.key) === "MedicationRequest") throw forbidden(`This server does not share MedicationRequest resources with this app ${simulated}.`);
        return;
    }
    if (!target.isObservationSearch || state.failedPages.has(target.key)) return;
    const retryAfter = { "Retry-After": String(RETRY_AFTER_SECONDS) };
    switch (fault) {
      case "fhir_500_once":
        state.failedPages.add(target.key);
        throw new FhirError(500, "exception", `The server failed once ${simulated}; try again.`);
      case "fhir_503_retry_after":
        state.failedPages.add(target.key);
        throw new FhirError(503, "transient", `The server is busy ${simulated}; retry after ${RETRY_AFTER_SECONDS} s.`, retryAfter);
      case "fhir_429_retry_after":
        state.failedPages.add(target.key);
        throw new FhirError(429, "throttled", `Too many requests ${simulated}; retry after ${RETRY_AFTER_SECONDS} s.`, retryAfter);
    }
  }

  /** Runs on the computed response (of an Observation search, for search faults): may rewrite or replace it. */
  async after(fault: FaultName, target: FaultTarget, response: FhirResponse): Promise<Served> {
    if (fault === "fhir_markup") return { status: response.status, body: withMarkup(response.body) };
    const page = response.page;
    if (!page) return response;
    const { bundle, query, offset } = page;
    const simulated = `(simulated error ${fault})`;
    const next = () => bundle.link?.find((l) => l.relation === "next");
    const setNext = (url: string) => {
      const link = next();
      if (link) link.url = url;
      else bundle.link = [...(bundle.link ?? []), { relation: "next", url }];
    };
    const isSecondPage = offset > 0 && offset === query.count;
    switch (fault) {
      case "fhir_truncated_json": {
        const text = JSON.stringify(bundle);
        return { status: 200, raw: text.slice(0, Math.max(1, Math.floor(text.length / 2))) };
      }
      case "fhir_not_bundle":
        return { status: 200, body: { resourceType: "Basic", id: "not-a-bundle", code: { text: `This is not a Bundle ${simulated}.` } } };
      case "fhir_next_loop":
        if (isSecondPage) setNext(await this.api.pageUrl(query, 0));
        break;
      case "fhir_next_foreign":
        if (offset === 0) {
          const url = new URL(await this.api.pageUrl(query, query.count));
          setNext(`${this.foreignOrigin()}${url.pathname}${url.search}`);
        }
        break;
      case "fhir_gone_once":
        if (offset === 0) break;
        if (this.#state(target.grantId).goneServed) break;
        this.#state(target.grantId).goneServed = true;
        throw new FhirError(410, "expired", `This search has expired ${simulated}; run it again from the start.`);
      case "fhir_gone_later_page":
        if (offset > 0) throw new FhirError(410, "expired", `This search has expired ${simulated}; run it again from the start.`);
        break;
      case "fhir_empty_page":
        if (isSecondPage && next()) bundle.entry = [];
        break;
      case "fhir_duplicates":
        if (offset > 0) bundle.entry = [...this.api.observationEntries(query, offset - 1, 1), ...(bundle.entry ?? [])];
        break;
      case "fhir_next_endless":
        if (query.count > 0) setNext(await this.api.pageUrl(query, offset + query.count));
        break;
      case "fhir_search_outcome":
        bundle.entry = [...(bundle.entry ?? []), outcomeEntry(EPIC_PARTIAL_RECORD_NOTICE)];
        break;
    }
    return response;
  }

  #state(grantId: string): GrantState {
    let state = this.#states.get(grantId);
    if (!state) {
      if (this.#states.size >= MAX_STATES) this.#states.delete(this.#states.keys().next().value!);
      state = { requests: 0, failedPages: new Set(), goneServed: false };
      this.#states.set(grantId, state);
    }
    return state;
  }
}

/** The resource type a request's path names (`/MedicationRequest/12?…` → `MedicationRequest`). */
function requestedType(key: string): string | undefined {
  return key.split("?")[0]?.split("/").find(Boolean);
}

/** A copy of `resource` (a Patient, an Observation, or a Bundle of them) with markup in every text shown. */
function withMarkup(resource: fhir4.Resource): fhir4.Resource {
  switch (resource.resourceType) {
    case "Bundle": {
      const bundle = resource as fhir4.Bundle;
      const marked: fhir4.Bundle = { ...bundle, entry: bundle.entry?.map((e) => (e.resource ? { ...e, resource: withMarkup(e.resource) } : e)) };
      return marked;
    }
    case "Patient": {
      const patient = structuredClone(resource as fhir4.Patient);
      patient.name = patient.name?.map((n) => ({ ...n, text: undefined, given: n.given?.map((g) => `${MARKUP}${g}`), family: `${n.family ?? ""}${MARKUP}` }));
      return patient;
    }
    case "Observation": {
      const observation = structuredClone(resource as fhir4.Observation);
      observation.code = { ...observation.code, text: `${observation.code.text ?? ""}${MARKUP}` };
      observation.note = [...(observation.note ?? []), { text: MARKUP }];
      observation.performer = observation.performer?.map((p) => ({ ...p, display: `${p.display ?? ""}${MARKUP}` }));
      observation.referenceRange = observation.referenceRange?.map((r) => ({ ...r, text: `${r.text ?? ""}${MARKUP}` }));
      return observation;
    }
    default:
      return resource;
  }
}
