import { t, tn } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
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
  useLanguage();
  return (
    <>
      {charted && <p className="hint no-print">{t("Drag across the chart to zoom. On the chart, arrow keys move between results; in the table, arrow keys move between rows.")}</p>}
      <div className="table-summary">
        <p className="summary">
          {ranged
            ? t("{shown} of {total} results in this time range", { shown: groupDigits(shown), total: groupDigits(total) })
            : tn(total, "{total} result", "{total} results", { total: groupDigits(total) })}
          {t(", {drawn} on the chart", { drawn: groupDigits(drawn) })}
          {excluded > 0 && t(". {excluded} entered in error or cancelled, not shown", { excluded })}.
        </p>
        {onDownload && (
          <button type="button" className="no-print" onClick={onDownload}>
            {t("Download CSV")}
          </button>
        )}
      </div>
    </>
  );
}
