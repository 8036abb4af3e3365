/** Query factories: the single source of query keys and fetchers for the graph page. */
import { infiniteQueryOptions, queryOptions, skipToken } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import type { ObservationPage, ObservationSearch } from "../fhir/observations";
import type { PageCursor } from "../fhir/paging";
import { pageReader, patientPath } from "./searches";

/**
 * The root of every query key of one session's FHIR reads: the server and the launch patient. What one session
 * read is never another's, and `removeQueries({ queryKey: sessionKey(session) })` forgets all of it.
 */
export function sessionKey(session: Pick<Session, "serverUrl" | "patientId">) {
  return ["fhir", session.serverUrl, session.patientId ?? null] as const;
}

/** The launch patient's Patient resource; waits (skipToken) while there is no id. */
export function patientQuery(session: Session, patientId: string | undefined) {
  return queryOptions({
    queryKey: [...sessionKey(session), "patient", patientId],
    queryFn: patientId === undefined ? skipToken : ({ signal }) => session.get<fhir4.Patient>(patientPath(patientId), signal),
    staleTime: Infinity,
  });
}

/**
 * Every page of a lab's Observations, read ahead of the drawing. `next` is where the search goes on; when the
 * page's `stop` paused it (page cap, time budget) the reader decides whether to go on.
 */
export function observationsQuery(session: Session, search: ObservationSearch) {
  const reader = pageReader(session, search);
  return infiniteQueryOptions({
    queryKey: [...sessionKey(session), "observations", search.patientId, search.codes, search.category, search.pageSize],
    queryFn: ({ pageParam, signal }) => reader.page(pageParam, signal),
    initialPageParam: undefined as PageCursor | undefined,
    getNextPageParam: (last: ObservationPage) => last.next,
    staleTime: Infinity,
    // Pages only ever get appended: comparing every result of every page again on each arrival is wasted work.
    structuralSharing: false,
  });
}

/**
 * The patient's active Goals, for the goal line. Its reader loads on first use, after the lab search has
 * started (seedQueries.ts), so it adds nothing before the first FHIR request. Never fails: see fhir/goals.ts.
 */
export function goalsQuery(session: Session, patientId: string) {
  return queryOptions({
    queryKey: [...sessionKey(session), "goals", patientId],
    queryFn: async ({ signal }) => (await import("../fhir/goals.later")).readGoals(session, patientId, signal),
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * The EHR's `smart_style_url` document, fetched without credentials or token (it is public by design) and
 * validated field by field. Callers check the URL's origin first (styleUrlAllowed).
 */
export function smartStyleQuery(url: string | undefined) {
  return queryOptions({
    queryKey: ["smart-style", url],
    queryFn: url === undefined ? skipToken : async ({ signal }) => {
      // The checks (smartStyle.later.ts) download beside the style document, not after it: the first chart
      // never waits for them, and the style waits for nothing but itself.
      const response = fetch(url, { credentials: "omit", referrerPolicy: "no-referrer", signal });
      response.catch(() => undefined);
      const { readStyleResponse } = await import("./smartStyle.later");
      return readStyleResponse(url, await response);
    },
    staleTime: Infinity,
    retry: false,
  });
}

