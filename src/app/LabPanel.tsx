import { useEffect, useMemo } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import type { LabDefinition } from "../labs/catalog";
import { toLabResults } from "../labs/results";
import { formatFhirDate } from "../labs/dates";
import { observationSearch, observationsQuery } from "./queries";
import { LabChart, type ChartPoint } from "../graph/LabChart";
import { ResultsTable } from "../graph/ResultsTable";

export interface LabPanelProps {
  readonly session: Session;
  readonly patientId: string;
  readonly lab: LabDefinition;
  readonly category: string | null;
}

/** Loads every page of one lab's results for the patient, drawing each page as it arrives. */
export function LabPanel({ session, patientId, lab, category }: LabPanelProps) {
  const search = useMemo(() => observationSearch(patientId, lab, category), [patientId, lab, category]);
  const query = useInfiniteQuery(observationsQuery(session, search));
  const { data, hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;

  // Each page that arrives asks for the next one. The page count is a dependency because a fast page can
  // arrive without a render that ever saw isFetchingNextPage true.
  const pageCount = data?.pages.length ?? 0;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage, pageCount]);

  const pages = useMemo(() => data?.pages ?? [], [data]);
  const { results, excluded } = useMemo(() => toLabResults(pages.flatMap((p) => p.observations), lab), [pages, lab]);
  const points = useMemo<ChartPoint[]>(
    () =>
      results
        .filter((r) => r.plotted)
        .map((r) => ({ time: r.when!.time, value: r.value!, label: formatFhirDate(r.when!) }))
        .reverse(),
    [results],
  );

  const fetched = pages.reduce((n, p) => n + p.observations.length, 0);
  const total = pages[0]?.total;
  const stop = pages.at(-1)?.stop;
  const loop = pages.length > 0 && !hasNextPage && pages.at(-1)?.next !== undefined;
  const loading = query.isPending || hasNextPage || isFetchingNextPage;

  let progress: string;
  if (query.isPending) progress = `Loading ${lab.name} results…`;
  else if (isError) progress = `Stopped after ${results.length} results: a page failed to load.`;
  else if (loading) progress = total !== undefined ? `Loaded ${fetched} of ${total} results…` : `Loaded ${fetched} results…`;
  else if (stop?.reason === "foreign-link") progress = `Stopped after ${results.length} results: the next page is on another server, which the app does not send your sign-in to. Loaded ${results.length} results`;
  else if (loop) progress = `Stopped: the server's next page link loops back. Loaded ${results.length} results`;
  else progress = `Loaded ${results.length} results`;

  return (
    <section className="lab" aria-labelledby="lab-heading">
      <h2 id="lab-heading">{lab.name}</h2>
      <p role="status" className="progress">
        {progress}
      </p>
      {isError && (
        <div role="alert" className="alert">
          <p>{query.error instanceof Error ? query.error.message : String(query.error)}</p>
          <button type="button" onClick={() => void (pages.length ? fetchNextPage() : query.refetch())}>
            Retry
          </button>
        </div>
      )}
      {!query.isPending && (
        <>
          <p className="summary">
            {results.length === 1 ? "1 result" : `${results.length} results`}
            {excluded > 0 && ` (${excluded} entered in error or cancelled, not shown)`}
          </p>
          {results.length === 0 && !loading && !isError ? (
            <p className="empty">No {lab.name} results are on record for this patient.</p>
          ) : (
            <LabChart name={lab.name} unit={lab.unit} points={points} />
          )}
          <ResultsTable name={lab.name} unit={lab.unit} results={results} />
        </>
      )}
    </section>
  );
}
