import { groupDigits } from "./numbers";

export interface TableSummaryProps {
  /** Results are on the chart: the hint on zooming and keys is shown. */
  readonly charted: boolean;
  /** A time range is chosen (the counts say "of"). */
  readonly ranged: boolean;
  readonly shown: number;
  readonly total: number;
  readonly drawn: number;
  /** Entered in error or cancelled, not shown. */
  readonly excluded: number;
  readonly onDownload: (() => void) | undefined;
}

/** Under the chart, above the table: how to use the chart, how many results are where, and the CSV download. */
export function TableSummary({ charted, ranged, shown, total, drawn, excluded, onDownload }: TableSummaryProps) {
  return (
    <>
      {charted && <p className="hint no-print">Drag across the chart to zoom. On the chart, arrow keys move between results; in the table, arrow keys move between rows.</p>}
      <div className="table-summary">
        <p className="summary">
          {ranged ? `${groupDigits(shown)} of ${groupDigits(total)} results in this time range` : total === 1 ? "1 result" : `${groupDigits(total)} results`}
          {`, ${groupDigits(drawn)} on the chart`}
          {excluded > 0 && `. ${excluded} entered in error or cancelled, not shown`}.
        </p>
        {onDownload && (
          <button type="button" className="no-print" onClick={onDownload}>
            Download CSV
          </button>
        )}
      </div>
    </>
  );
}
