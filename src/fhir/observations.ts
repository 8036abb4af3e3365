/**
 * Paged Observation search. The app pages itself instead of letting fhirclient follow `next` links
 * (which it does to any origin, with the token): every link is checked first (paging.ts). A server's
 * messages in the results (OperationOutcome entries, docs/clinical-rules.md §10) go with the page, never as
 * results and never as a failure.
 */
import type { Session } from "./session";
import { t } from "../i18n/i18n";
import { FhirRequestError, describeStatus } from "./errors";
import { firstCursor, nextStep, type NextStep, type PageCursor, type PagingLimits } from "./paging";
import { resolveOnServer } from "./urls";

export interface ObservationSearch {
  readonly patientId: string;
  /** Codes as `system|code`, ORed in one `code` parameter. */
  readonly codes: readonly string[];
  /** A category to add (servers such as Epic require one), or null. */
  readonly category: string | null;
  readonly pageSize: number;
  /** When reading its pages pauses (config.json `paging`). */
  readonly limits: PagingLimits;
}

/** A message the server put into the results (an OperationOutcome entry's issue); `fatal` is read as `error`. */
export interface ServerMessage {
  readonly severity: "information" | "warning" | "error";
  readonly text: string;
}

export interface ObservationPage extends NextStep {
  readonly url: string;
  readonly observations: readonly fhir4.Observation[];
  /** The server's messages on this page, each once. */
  readonly messages: readonly ServerMessage[];
  /** The server's `total`, when it sends one. */
  readonly total: number | undefined;
  /** The server had forgotten the search (410 Gone): this is its first page, read again. */
  readonly restarted: boolean;
}

/** The first page's parameters, every value encoded: a search by POST sends them as its body, a GET as its query. */
export function firstPageQuery(search: ObservationSearch): URLSearchParams {
  const params = new URLSearchParams({ patient: search.patientId, code: search.codes.join(",") });
  if (search.category) params.set("category", search.category);
  params.set("_sort", "-date");
  params.set("_count", String(search.pageSize));
  return params;
}

/** The first page's URL as a GET, relative to the FHIR base: what names the page, whichever way it was asked for. */
export function firstPageUrl(search: ObservationSearch): string {
  return `Observation?${firstPageQuery(search)}`;
}

/**
 * Where the first page is asked for, by POST with its parameters as a form (FHIR R4 http.html#search), relative to
 * the FHIR base. Its URL names no patient, so the CORS preflight that the `Authorization` header needs can be made
 * before the token arrives (preflightSearch), and not after it: a round trip less before the first results.
 */
export const SEARCH_BY_POST = "Observation/_search";

/**
 * Has the browser make the CORS preflight of SEARCH_BY_POST during the token's round trip: a HEAD with an
 * `Authorization` header that holds no token (the server refuses it with a 401 that nobody reads). Browsers keep a
 * preflight's answer for its URL (`Access-Control-Max-Age`, 5 s when the server does not say), so the search sent
 * the moment the token arrives needs none. Nothing is lost where they do not: that search is preflighted as before.
 */
export function preflightSearch(serverUrl: string): void {
  const url = resolveOnServer(SEARCH_BY_POST, serverUrl);
  if (url) fetch(url, { method: "HEAD", headers: { authorization: "Bearer" } }).catch(() => undefined);
}

/** The page at `cursor` from its body: its Observations, and what follows it. */
export function readSearchPage(cursor: PageCursor & { readonly runStartedAt: number }, body: unknown, serverUrl: string, limits: PagingLimits, now: number): ObservationPage {
  const bundle = body as Partial<fhir4.Bundle> | null;
  if (!bundle || typeof bundle !== "object" || bundle.resourceType !== "Bundle") {
    throw new FhirRequestError(t("The FHIR server answered the search with something other than a Bundle of results."), 200, cursor.url);
  }
  const observations: fhir4.Observation[] = [];
  const outcomes: unknown[] = [];
  for (const e of Array.isArray(bundle.entry) ? bundle.entry : []) {
    const resource = e && typeof e === "object" ? e.resource : undefined;
    // FHIR R4 Bundle.entry.search.mode `outcome`: information about the search, never a result.
    const isOutcome = resource?.resourceType === "OperationOutcome" || e?.search?.mode === "outcome";
    if (isOutcome) outcomes.push(resource);
    else if (resource?.resourceType === "Observation") observations.push(resource as fhir4.Observation);
  }
  const linked = (relation: string) => {
    const url = Array.isArray(bundle.link) ? bundle.link.find((l) => l?.relation === relation)?.url : undefined;
    return typeof url === "string" ? url : undefined;
  };
  return {
    url: cursor.url,
    observations,
    messages: serverMessages(outcomes.map((o) => ({ messages: messagesOf(o) }))),
    total: typeof bundle.total === "number" ? bundle.total : undefined,
    restarted: cursor.restarted && cursor.seen.length === 0,
    ...nextStep(linked("next"), cursor, serverUrl, limits, now, linked("self")),
  };
}

/** Longest message shown; a server's text beyond it is cut (it is shown as text, never as markup). */
const MAX_MESSAGE = 500;

const textOf = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/** The messages of an OperationOutcome, read defensively: the issue's details.text, diagnostics, or a coding's display. */
function messagesOf(outcome: unknown): ServerMessage[] {
  const issues = outcome && typeof outcome === "object" && "issue" in outcome && Array.isArray(outcome.issue) ? (outcome.issue as unknown[]) : [];
  return issues.flatMap((raw): ServerMessage[] => {
    if (!raw || typeof raw !== "object") return [];
    const issue = raw as { severity?: unknown; diagnostics?: unknown; details?: { text?: unknown; coding?: unknown } | null };
    const details = issue.details && typeof issue.details === "object" ? issue.details : undefined;
    const codings = Array.isArray(details?.coding) ? (details.coding as unknown[]) : [];
    const display = codings.map((c) => (c && typeof c === "object" && "display" in c ? textOf(c.display) : undefined)).find(Boolean);
    const text = textOf(details?.text) ?? textOf(issue.diagnostics) ?? display;
    if (!text) return [];
    const severity = issue.severity === "warning" ? "warning" : issue.severity === "error" || issue.severity === "fatal" ? "error" : "information";
    return [{ severity, text: text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text }];
  });
}

/** The messages of several pages, each once (same severity and text), in the order first seen. */
export function serverMessages(pages: readonly { readonly messages: readonly ServerMessage[] }[]): ServerMessage[] {
  const seen = new Set<string>();
  const out: ServerMessage[] = [];
  for (const page of pages) {
    for (const message of page.messages) {
      const key = `${message.severity}\n${message.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(message);
    }
  }
  return out;
}

/** The page size every FHIR server accepts (the common default): asked for when a server refuses a larger one. */
export const FALLBACK_PAGE_SIZE = 50;

/**
 * The answers of a server that may not take a search by POST, where a GET of the same search may succeed: 400 (a
 * `_search` read as an id, or a parameter it will not take in a body), 403 (a gateway that lets only GETs through),
 * 404, 405 (the route or method unknown), 415 (no form bodies) and 501. The GET goes once, and says the rest.
 */
const REFUSED_POST = [400, 403, 404, 405, 415, 501];
const refusesPost = (error: unknown) => error instanceof FhirRequestError && REFUSED_POST.includes(error.status);

/**
 * Fetches one page: the first (`cursor` undefined) or one `nextStep` allowed. The first is asked for by POST
 * (SEARCH_BY_POST), and as a GET where the server refuses that. A later page the server has forgotten (410 Gone,
 * as HAPI answers for an expired search) restarts the search from its first page, once. A server that refuses the
 * first page's size (400) is asked once more at FALLBACK_PAGE_SIZE; most servers instead send fewer results per
 * page than asked, with a `next` link, which needs nothing.
 */
export async function fetchObservationPage(session: Session, search: ObservationSearch, cursor: PageCursor | undefined, signal?: AbortSignal, now: () => number = Date.now): Promise<ObservationPage> {
  const first = resolveOnServer(firstPageUrl(search), session.serverUrl) ?? "";
  const at = cursor ?? firstCursor(first);
  const started = { ...at, runStartedAt: at.runStartedAt ?? now() };
  const read = () =>
    cursor
      ? session.get<unknown>(at.url, signal)
      : session.get<unknown>(SEARCH_BY_POST, signal, firstPageQuery(search)).catch((error: unknown) => {
          if (refusesPost(error)) return session.get<unknown>(first, signal);
          throw error;
        });
  try {
    return readSearchPage(started, await read(), session.serverUrl, search.limits, now());
  } catch (error) {
    if (!cursor && error instanceof FhirRequestError && error.status === 400 && search.pageSize > FALLBACK_PAGE_SIZE) {
      return fetchObservationPage(session, { ...search, pageSize: FALLBACK_PAGE_SIZE }, undefined, signal, now);
    }
    if (!(error instanceof FhirRequestError) || error.status !== 410 || at.url === first) throw error;
    if (at.restarted) throw new FhirRequestError(`${describeStatus(410)} ${t("The app ran the search again once, and the server discarded it again.")}`, 410, at.url);
    const again = { ...firstCursor(first), runPages: started.runPages, runStartedAt: started.runStartedAt, restarted: true };
    return readSearchPage(again, await session.get<unknown>(first, signal), session.serverUrl, search.limits, now());
  }
}
