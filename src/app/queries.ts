/** Query factories: the single source of query keys and fetchers for the graph page. */
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import { fetchObservationPage, type ObservationPage, type ObservationSearch } from "../fhir/observations";
import { searchCodes, type LabDefinition } from "../labs/catalog";
import { loadConfig } from "../config/config";
import { readSmartStyle } from "./smartStyle";

export const PAGE_SIZE = 50;
/** A server whose next links never end (each one new) would keep the app reading forever: 50 000 results at most. */
export const MAX_PAGES = 1000;

export function patientQuery(session: Session, patientId: string) {
  return queryOptions({
    queryKey: ["patient", session.serverUrl, patientId],
    queryFn: ({ signal }) => session.get<fhir4.Patient>(`Patient/${encodeURIComponent(patientId)}`, signal),
    staleTime: Infinity,
  });
}

export function observationSearch(patientId: string, lab: LabDefinition, category: string | null): ObservationSearch {
  return { patientId, codes: searchCodes(lab), category, pageSize: PAGE_SIZE };
}

/** Every page of a lab's Observations; `next` links are followed until the last page, a loop, or a refused link. */
export function observationsQuery(session: Session, search: ObservationSearch) {
  return infiniteQueryOptions({
    queryKey: ["observations", session.serverUrl, search.patientId, search.codes, search.category, search.pageSize],
    queryFn: ({ pageParam, signal }) => fetchObservationPage(session, search, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: ObservationPage, pages: ObservationPage[]) => {
      if (!last.next || pages.length >= MAX_PAGES) return undefined;
      // A link back to a page already read would loop forever: stop there.
      return pages.some((p) => p.url === last.next) ? undefined : last.next;
    },
    staleTime: Infinity,
    // Pages only ever get appended: comparing every result of every page again on each arrival is wasted work.
    structuralSharing: false,
  });
}

/** A style document is small; anything bigger is not one. */
const MAX_STYLE_BYTES = 32_768;

/**
 * The EHR's `smart_style_url` document, fetched without credentials or token (it is public by design) and
 * validated field by field. Callers check the URL's origin first (styleUrlAllowed).
 */
export function smartStyleQuery(url: string) {
  return queryOptions({
    queryKey: ["smart-style", url],
    queryFn: async ({ signal }) => {
      const response = await fetch(url, { credentials: "omit", referrerPolicy: "no-referrer", signal });
      if (!response.ok) throw new Error(`The EHR's style (${url}) could not be loaded: HTTP ${response.status}.`);
      const text = await response.text();
      if (text.length > MAX_STYLE_BYTES) throw new Error(`The EHR's style (${url}) is too large to be a style.`);
      return readSmartStyle(JSON.parse(text));
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** config.json, on the graph page only when a setting there is needed (a style from another origin). */
export function appConfigQuery() {
  return queryOptions({ queryKey: ["config"], queryFn: ({ signal }) => loadConfig(signal), staleTime: Infinity, retry: false });
}
