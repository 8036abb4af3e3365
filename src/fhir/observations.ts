/**
 * Paged Observation search. The app pages itself instead of letting fhirclient follow `next` links
 * (which it does to any origin, with the token): every link is checked against the FHIR base first.
 */
import type { Session } from "./session";
import { FhirRequestError } from "./errors";
import { isOnFhirServer, resolveOnServer } from "./urls";

export interface ObservationSearch {
  readonly patientId: string;
  /** Codes as `system|code`, ORed in one `code` parameter. */
  readonly codes: readonly string[];
  /** A category to add (servers such as Epic require one), or null. */
  readonly category: string | null;
  readonly pageSize: number;
}

/** Why the app stopped following `next` links before the server's last page. */
export type PagingStop = { readonly reason: "foreign-link"; readonly url: string } | { readonly reason: "bad-link"; readonly url: string };

export interface ObservationPage {
  readonly url: string;
  readonly observations: readonly fhir4.Observation[];
  /** The server's `total`, when it sends one. */
  readonly total: number | undefined;
  readonly next: string | undefined;
  readonly stop: PagingStop | undefined;
}

/** The first page's URL, relative to the FHIR base, with every value encoded. */
export function firstPageUrl(search: ObservationSearch): string {
  const params = new URLSearchParams({ patient: search.patientId, code: search.codes.join(",") });
  if (search.category) params.set("category", search.category);
  params.set("_sort", "-date");
  params.set("_count", String(search.pageSize));
  return `Observation?${params.toString()}`;
}

/** The next page to fetch, or why not: only links on the FHIR server are followed. */
export function nextLink(bundle: fhir4.Bundle, serverUrl: string): Pick<ObservationPage, "next" | "stop"> {
  const raw = bundle.link?.find((l) => l.relation === "next")?.url;
  if (!raw) return { next: undefined, stop: undefined };
  const next = resolveOnServer(raw, serverUrl);
  if (!next) return { next: undefined, stop: { reason: "bad-link", url: raw } };
  if (!isOnFhirServer(next, serverUrl)) return { next: undefined, stop: { reason: "foreign-link", url: next } };
  return { next, stop: undefined };
}

export function readSearchPage(url: string, body: unknown, serverUrl: string): ObservationPage {
  const bundle = body as Partial<fhir4.Bundle> | null;
  if (!bundle || typeof bundle !== "object" || bundle.resourceType !== "Bundle") {
    throw new FhirRequestError("The FHIR server answered the search with something other than a Bundle of results.", 200, url);
  }
  const observations = (bundle.entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is fhir4.Observation => r?.resourceType === "Observation");
  return {
    url,
    observations,
    total: typeof bundle.total === "number" ? bundle.total : undefined,
    ...nextLink(bundle as fhir4.Bundle, serverUrl),
  };
}

/** Fetches one page: the first one (`url` undefined) or a `next` link already checked by `nextLink`. */
export async function fetchObservationPage(session: Session, search: ObservationSearch, url: string | undefined, signal?: AbortSignal): Promise<ObservationPage> {
  const target = url ?? resolveOnServer(firstPageUrl(search), session.serverUrl) ?? "";
  const body = await session.get<unknown>(target, signal);
  return readSearchPage(target, body, session.serverUrl);
}
