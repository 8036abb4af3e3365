/**
 * The graph page's lab searches, without React: which search shows a lab, and the one page reader per search
 * and session. The first script (main.ts) starts a reader before React has loaded; the query that later shows
 * the search (queries.ts) reads through the same reader and finds its pages on their way.
 */
import type { Session } from "../fhir/session";
import type { ObservationSearch } from "../fhir/observations";
import type { PagingLimits } from "../fhir/paging";
import { PageReader } from "../fhir/pageReader";
import { searchCodes, type LabDefinition } from "../labs/catalog";

/**
 * Results asked for per page: a typical history (a few hundred results) comes in one response. Servers that
 * allow fewer send fewer, with a `next` link (HAPI and Oracle Health allow 200); one that refuses the number
 * outright is asked again at 50 (fhir/observations.ts).
 */
export const PAGE_SIZE = 200;

export function observationSearch(patientId: string, lab: LabDefinition, category: string | null, limits: PagingLimits): ObservationSearch {
  return { patientId, codes: searchCodes(lab), category, pageSize: PAGE_SIZE, limits };
}

/** The launch patient's read, relative to the FHIR base: the first script sends it, the Patient query reads it again on refetch. */
export function patientPath(patientId: string): string {
  return `Patient/${encodeURIComponent(patientId)}`;
}

const readers = new WeakMap<Session, Map<string, PageReader>>();

/** The one reader of a search's pages for this session: the first reads start it, the query reads through it, the hook stops it. */
export function pageReader(session: Session, search: ObservationSearch): PageReader {
  let bySearch = readers.get(session);
  if (!bySearch) readers.set(session, (bySearch = new Map()));
  const key = JSON.stringify(search);
  let reader = bySearch.get(key);
  if (!reader) bySearch.set(key, (reader = new PageReader(session, search)));
  return reader;
}
