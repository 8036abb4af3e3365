import { startTransition, useEffect, useMemo, useState } from "react";
import type { LabUnit } from "../labs/catalog";
import type { LabResult } from "../labs/results";
import { ResultsTable } from "../graph/ResultsTable";
import { TableSummary } from "../graph/TableSummary";

/** A table of up to this many rows follows a new time range in the chart's own frame. */
export const SAME_FRAME_ROWS = 100;

export interface TableSectionProps {
  /** The lab's catalog name: the table's caption. */
  readonly name: string;
  readonly unit: LabUnit;
  /** Every result loaded, newest first. */
  readonly results: readonly LabResult[];
  /** The results in the time range, as the chart shows them. */
  readonly shown: readonly LabResult[];
  /** A time range is chosen. */
  readonly ranged: boolean;
  /** Results are on the chart. */
  readonly charted: boolean;
  /** Entered in error or cancelled, not shown. */
  readonly excluded: number;
  readonly activeId: string | undefined;
  readonly onActivate: (id: string) => void;
  readonly onDownload: (rows: readonly LabResult[]) => void;
}

interface Rows {
  readonly results: readonly LabResult[];
  readonly shown: readonly LabResult[];
  readonly ranged: boolean;
}

/**
 * The rows to show. New results (a page, another lab) show at once. A new time range alone shows at once in a
 * table of up to SAME_FRAME_ROWS rows; a larger table keeps its rows until the chart's new drawing is painted,
 * then takes the new ones in a transition. Laying out a page of 200 rows in the frame that redraws the chart made
 * that frame too long for a zoom to feel smooth; in two frames each stays short.
 */
function useRows(next: Rows): Rows {
  const [current, setCurrent] = useState(next);
  const changed = current.shown !== next.shown || current.ranged !== next.ranged;
  const follows = changed && current.results === next.results && next.shown.length > SAME_FRAME_ROWS;
  // Derived state: the render that sees new rows which need not wait takes them at once.
  if (changed && !follows) setCurrent(next);
  const { results, shown, ranged } = next;
  useEffect(() => {
    if (!follows) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the next frame is painted: requestAnimationFrame runs before it, the timer after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setCurrent({ results, shown, ranged })));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [follows, results, shown, ranged]);
  return follows ? current : next;
}

/** Under the chart: the counts, the CSV download and the table, for the same rows. */
export function TableSection({ name, unit, results, shown, ranged, charted, excluded, activeId, onActivate, onDownload }: TableSectionProps) {
  const rows = useRows({ results, shown, ranged });
  const drawn = useMemo(() => rows.shown.filter((r) => r.plotted).length, [rows.shown]);
  return (
    <>
      <TableSummary
        charted={charted}
        ranged={rows.ranged}
        shown={rows.shown.length}
        total={results.length}
        drawn={drawn}
        excluded={excluded}
        onDownload={rows.shown.length > 0 ? () => onDownload(rows.shown) : undefined}
      />
      <ResultsTable name={name} results={rows.shown} unit={unit} activeId={activeId} onActivate={onActivate} />
    </>
  );
}
