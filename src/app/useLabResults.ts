/**
 * One lab's results for the patient, loaded page by page: each page is drawn as it arrives, while the next is
 * already being read (PageReader). The reader can stop (and resume), retry a failed page, go on after the app
 * paused at its page or time limit, and refresh; the status line says where it is.
 */
import { useEffect, useMemo, useState } from "react";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import type { AppSession } from "./appSession";
import { serverMessages, type ObservationPage, type ServerMessage } from "../fhir/observations";
import type { LabDefinition } from "../labs/catalog";
import type { PatientContext } from "../labs/ranges";
import { combinePages, mapObservations, type LabResults, type MappedPage } from "../labs/results";
import { isPause } from "../fhir/paging";
import { memoizeByObject } from "../labs/memo";
import { progressText } from "./progress";
import { useAfterChart } from "./useAfterChart";
import { observationsQuery } from "./queries";
import { observationSearch, pageReader } from "./searches";

export interface LabResultsState extends LabResults {
  readonly pending: boolean;
  /** More pages are coming (or would, unless stopped). */
  readonly loading: boolean;
  readonly stopped: boolean;
  readonly refreshing: boolean;
  readonly error: Error | null;
  /** The text of the one status region. */
  readonly progress: string;
  /** What the server said about the search (OperationOutcome entries), each once across pages. */
  readonly serverMessages: readonly ServerMessage[];
  readonly updatedAt: number;
  stop(): void;
  resume(): void;
  retry(): void;
  refresh(): void;
}

/** Maps each page once, however many pages follow; a new lab or patient context starts afresh. */
function useMappedPages(pages: readonly ObservationPage[], lab: LabDefinition, patient: PatientContext): LabResults {
  // A new cache per lab and patient context: mapping depends on both.
  const mapPage = useMemo(() => memoizeByObject((page: ObservationPage): MappedPage => mapObservations(page.observations, lab, patient)), [lab, patient]);
  return useMemo(() => combinePages(pages.map(mapPage)), [pages, mapPage]);
}

export function useLabResults(session: AppSession, patientId: string, lab: LabDefinition, category: string | null, patient: PatientContext): LabResultsState {
  const { paging } = session;
  const search = useMemo(() => observationSearch(patientId, lab, category, paging), [patientId, lab, category, paging]);
  const options = observationsQuery(session, search);
  const reader = pageReader(session, search);
  const query = useInfiniteQuery(options);
  const queryClient = useQueryClient();
  const { data, hasNextPage, isFetchingNextPage, isError, isRefetching, fetchNextPage } = query;
  const searchKey = JSON.stringify(options.queryKey);
  const [stoppedKey, setStoppedKey] = useState<string | undefined>();
  const stoppedByYou = stoppedKey === searchKey && hasNextPage;
  const stop = data?.pages.at(-1)?.stop;
  const paused = isPause(stop) && !isFetchingNextPage;

  // Nothing is read ahead for a search no longer shown.
  useEffect(() => reader.hold(), [reader]);

  // Each page that arrives asks for the next one (usually read ahead already). The page count is a dependency
  // because a fast page can arrive without a render that ever saw isFetchingNextPage true.
  const pageCount = data?.pages.length ?? 0;
  useEffect(() => {
    if (hasNextPage && !stoppedByYou && !isPause(stop) && !isFetchingNextPage && !isError && !isRefetching) void fetchNextPage();
  }, [hasNextPage, stoppedByYou, stop, isFetchingNextPage, isError, isRefetching, fetchNextPage, pageCount]);

  const pages = useMemo(() => data?.pages ?? [], [data]);
  const { results, excluded } = useMappedPages(pages, lab, patient);
  const messages = useMemo(() => serverMessages(pages), [pages]);

  const n = results.length;
  // Each result once, however often pages repeat it (duplicates, a restarted search).
  const fetched = n + excluded;
  const total = pages[0]?.total;
  const loading = query.isPending || (Boolean(hasNextPage) && !paused) || isFetchingNextPage;

  // "Loaded N results" promises the table too (the DOM contract): until the parts that follow the first chart are
  // in (afterChart.later.ts), the line still reads as loading.
  const { parts, error: partsError } = useAfterChart();
  const tablePending = !query.isPending && !parts && !partsError;
  const progress = progressText({ labName: lab.name, pending: query.isPending, failed: isError, refreshing: isRefetching, stoppedByYou: Boolean(stoppedByYou), loading: loading || tablePending, stop, shown: n, fetched, total });

  return {
    results,
    excluded,
    pending: query.isPending,
    loading: loading && !stoppedByYou && !isError,
    stopped: Boolean(stoppedByYou) || paused,
    refreshing: isRefetching,
    error: query.error,
    progress,
    serverMessages: messages,
    updatedAt: query.dataUpdatedAt,
    stop: () => {
      setStoppedKey(searchKey);
      reader.stop();
      void queryClient.cancelQueries({ queryKey: options.queryKey });
    },
    resume: () => {
      setStoppedKey(undefined);
      if (paused) void fetchNextPage();
    },
    retry: () => void (pages.length ? fetchNextPage() : query.refetch()),
    refresh: () => {
      setStoppedKey(undefined);
      reader.stop();
      void query.refetch();
    },
  };
}
