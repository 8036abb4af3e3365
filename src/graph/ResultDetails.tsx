import type { LabUnit } from "../labs/catalog";
import { flagText } from "../labs/flagText";
import type { LabResult } from "../labs/results";
import { dateText } from "./dateText";
import { valueText } from "./present";
import { notesOf, rangeText } from "./rows";

/** Everything known about one result: the chart's tooltip. */
export function ResultDetails({ result: r, unit, showMethod = false }: { readonly result: LabResult; readonly unit: LabUnit; readonly showMethod?: boolean }) {
  const range = rangeText(r, unit);
  return (
    <div className="details">
      <p className="details-value">
        <strong>
          {valueText(r, unit)} {r.value !== undefined && unit.label}
        </strong>
        {` — ${flagText(r.flag)}`}
      </p>
      <p>{dateText(r)}</p>
      {range && <p>Range: {range}</p>}
      {r.test && <p>{r.test}</p>}
      {/* When the chart has several methods (docs/clinical-rules.md §7). */}
      {showMethod && <p>Method: {r.method ?? "not identified"}</p>}
      {r.performer && <p>By {r.performer}</p>}
      {notesOf(r, unit).map((note, i) => (
        <p key={i}>{note}</p>
      ))}
    </div>
  );
}
