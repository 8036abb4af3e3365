import type { LabResult } from "../labs/results";
import { formatFhirDate } from "../labs/dates";

export interface ResultsTableProps {
  /** The lab's catalog name: the table's caption (the DOM contract relies on it). */
  readonly name: string;
  readonly unit: string;
  /** Newest first. */
  readonly results: readonly LabResult[];
}

const STATUS: Partial<Record<LabResult["status"], string>> = {
  preliminary: "Preliminary",
  amended: "Amended",
  corrected: "Corrected",
  registered: "Registered",
  unknown: "Unknown",
};

/** One row per result shown, newest first; a row that is not drawn says why. */
export function ResultsTable({ name, unit, results }: ResultsTableProps) {
  return (
    <div className="table-wrap">
      <table className="results">
        <caption>{name}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Value</th>
            <th scope="col">Unit</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.id} className={r.plotted ? undefined : "not-plotted"}>
              <td>{r.when ? formatFhirDate(r.when) : "No date"}</td>
              <td className="num">{r.valueText}</td>
              <td>{r.unit ?? (r.value === undefined ? "" : unit)}</td>
              <td>{[STATUS[r.status], r.reason ? `Not on chart: ${r.reason}` : undefined].filter(Boolean).join(". ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
