/**
 * One lab's results for the patient, loaded page by page: each page is drawn as it arrives and asks for the
 * next. The reader can stop (and resume), retry a failed page, and refresh; the status line says where it is.
 */
import { useEffect, useMemo, useState } from "react";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import type { ObservationPage } from "../fhir/observations";
import type { LabDefinition } from "../labs/catalog";
import type { PatientContext } from "../labs/ranges";
import { combinePages, mapObservations, type LabResults, type MappedPage } from "../labs/results";
import { MAX_PAGES, observationSearch, observationsQuery } from "./queries";

export interface LabResultsState extends LabResults {
  readonly pending: boolean;
  /** More pages are coming (or would, unless stopped). */
  readonly loading: boolean;
  readonly stopped: boolean;
  readonly refreshing: boolean;
  readonly error: Error | null;
  /** The text of the one status region. */
  readonly progress: string;
  readonly updatedAt: number;
  stop(): void;
  resume(): void;
  retry(): void;
  refresh(): void;
}

/** Maps each page once, however many pages follow; a new lab or patient context starts afresh. */
function useMappedPages(pages: readonly ObservationPage[], lab: LabDefinition, patient: PatientContext): LabResults {
  // A new cache per lab and patient context: mapping depends on both.
  const mapped = useMemo(() => new WeakMap<ObservationPage, MappedPage>(), [lab, patient]);
  return useMemo(
    () =>
      combinePages(
        pages.map((page) => {
          let m = mapped.get(page);
          if (!m) mapped.set(page, (m = mapObservations(page.observations, lab, patient)));
          return m;
        }),
      ),
    [pages, lab, patient, mapped],
  );
}

export function useLabResults(session: Session, patientId: string, lab: LabDefinition, category: string | null, patient: PatientContext): LabResultsState {
  const search = useMemo(() => observationSearch(patientId, lab, category), [patientId, lab, category]);
  const options = observationsQuery(session, search);
  const query = useInfiniteQuery(options);
  const queryClient = useQueryClient();
  const { data, hasNextPage, isFetchingNextPage, isError, isRefetching, fetchNextPage } = query;
  const searchKey = JSON.stringify(options.queryKey);
  const [stoppedKey, setStoppedKey] = useState<string | undefined>();
  const stopped = stoppedKey === searchKey && hasNextPage;

  // Each page that arrives asks for the next one. The page count is a dependency because a fast page can
  // arrive without a render that ever saw isFetchingNextPage true.
  const pageCount = data?.pages.length ?? 0;
  useEffect(() => {
    if (hasNextPage && !stopped && !isFetchingNextPage && !isError && !isRefetching) void fetchNextPage();
  }, [hasNextPage, stopped, isFetchingNextPage, isError, isRefetching, fetchNextPage, pageCount]);

  const pages = useMemo(() => data?.pages ?? [], [data]);
  const { results, excluded } = useMappedPages(pages, lab, patient);

  const fetched = pages.reduce((n, p) => n + p.observations.length, 0);
  const total = pages[0]?.total;
  const stop = pages.at(-1)?.stop;
  const capped = pages.length >= MAX_PAGES && pages.at(-1)?.next !== undefined;
  const loop = !capped && pages.length > 0 && !hasNextPage && pages.at(-1)?.next !== undefined;
  const loading = query.isPending || Boolean(hasNextPage) || isFetchingNextPage;
  const n = results.length;

  let progress: string;
  if (query.isPending) progress = `Loading ${lab.name} results…`;
  else if (isError) progress = `Stopped after ${n} results: a page failed to load.`;
  else if (isRefetching) progress = `Refreshing ${lab.name} results…`;
  else if (stopped) progress = `Stopped at your request${total !== undefined ? ` (${total - fetched} more on the server)` : ""}. Loaded ${n} results`;
  else if (loading) progress = total !== undefined ? `Loaded ${fetched} of ${total} results…` : `Loaded ${fetched} results…`;
  else if (stop?.reason === "foreign-link") progress = `Stopped after ${n} results: the next page is on another server, which the app does not send your sign-in to. Loaded ${n} results`;
  else if (stop?.reason === "bad-link") progress = `Stopped after ${n} results: the server's next page link is not a valid address. Loaded ${n} results`;
  else if (loop) progress = `Stopped: the server's next page link loops back. Loaded ${n} results`;
  else if (capped) progress = `Stopped after ${MAX_PAGES} pages, the most the app reads for one lab. Loaded ${n} results`;
  else progress = `Loaded ${n} results`;

  return {
    results,
    excluded,
    pending: query.isPending,
    loading: loading && !stopped && !isError,
    stopped: Boolean(stopped),
    refreshing: isRefetching,
    error: query.error,
    progress,
    updatedAt: query.dataUpdatedAt,
    stop: () => {
      setStoppedKey(searchKey);
      void queryClient.cancelQueries({ queryKey: options.queryKey });
    },
    resume: () => setStoppedKey(undefined),
    retry: () => void (pages.length ? fetchNextPage() : query.refetch()),
    refresh: () => {
      setStoppedKey(undefined);
      void query.refetch();
    },
  };
}
