/**
 * Paged Observation search. The app pages itself instead of letting fhirclient follow `next` links
 * (which it does to any origin, with the token): every link is checked first (paging.ts).
 */
import type { Session } from "./session";
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
}

export interface ObservationPage extends NextStep {
  readonly url: string;
  readonly observations: readonly fhir4.Observation[];
  /** The server's `total`, when it sends one. */
  readonly total: number | undefined;
  /** The server had forgotten the search (410 Gone): this is its first page, read again. */
  readonly restarted: boolean;
}

/** The first page's URL, relative to the FHIR base, with every value encoded. */
export function firstPageUrl(search: ObservationSearch): string {
  const params = new URLSearchParams({ patient: search.patientId, code: search.codes.join(",") });
  if (search.category) params.set("category", search.category);
  params.set("_sort", "-date");
  params.set("_count", String(search.pageSize));
  return `Observation?${params.toString()}`;
}

/** The page at `cursor` from its body: its Observations, and what follows it. */
export function readSearchPage(cursor: PageCursor & { readonly runStartedAt: number }, body: unknown, serverUrl: string, limits: PagingLimits, now: number): ObservationPage {
  const bundle = body as Partial<fhir4.Bundle> | null;
  if (!bundle || typeof bundle !== "object" || bundle.resourceType !== "Bundle") {
    throw new FhirRequestError("The FHIR server answered the search with something other than a Bundle of results.", 200, cursor.url);
  }
  const observations = (Array.isArray(bundle.entry) ? bundle.entry : [])
    .map((e) => (e && typeof e === "object" ? e.resource : undefined))
    .filter((r): r is fhir4.Observation => r?.resourceType === "Observation");
  const linked = (relation: string) => {
    const url = Array.isArray(bundle.link) ? bundle.link.find((l) => l?.relation === relation)?.url : undefined;
    return typeof url === "string" ? url : undefined;
  };
  return {
    url: cursor.url,
    observations,
    total: typeof bundle.total === "number" ? bundle.total : undefined,
    restarted: cursor.restarted && cursor.seen.length === 0,
    ...nextStep(linked("next"), cursor, serverUrl, limits, now, linked("self")),
  };
}

/**
 * Fetches one page: the first (`cursor` undefined) or one `nextStep` allowed. A later page the server has
 * forgotten (410 Gone, as HAPI answers for an expired search) restarts the search from its first page, once.
 */
export async function fetchObservationPage(session: Session, search: ObservationSearch, cursor: PageCursor | undefined, signal?: AbortSignal, now: () => number = Date.now): Promise<ObservationPage> {
  const first = resolveOnServer(firstPageUrl(search), session.serverUrl) ?? "";
  const at = cursor ?? firstCursor(first);
  const started = { ...at, runStartedAt: at.runStartedAt ?? now() };
  try {
    return readSearchPage(started, await session.get<unknown>(at.url, signal), session.serverUrl, session.paging, now());
  } catch (error) {
    if (!(error instanceof FhirRequestError) || error.status !== 410 || at.url === first) throw error;
    if (at.restarted) throw new FhirRequestError(`${describeStatus(410)} The app ran the search again once, and the server discarded it again.`, 410, at.url);
    const again = { ...firstCursor(first), runPages: started.runPages, runStartedAt: started.runStartedAt, restarted: true };
    return readSearchPage(again, await session.get<unknown>(first, signal), session.serverUrl, session.paging, now());
  }
}
