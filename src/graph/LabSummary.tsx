import type { LabDefinition, LabUnit } from "../labs/catalog";
import { formatElapsed, formatFhirDate } from "../labs/dates";
import type { LabSummary as Summary } from "../labs/summary";
import { formatNumber } from "../labs/units";
import { resultDateNotes, valueText } from "./present";
import type { LabResult } from "../labs/results";

/** After the latest result's date: what its date is (§8), and that it is preliminary (§9). */
function latestNotes(r: LabResult): string {
  const notes = resultDateNotes(r);
  return `${notes.length ? ` (${notes.join("; ")})` : ""}${r.status === "preliminary" ? " — preliminary" : ""}`;
}

export interface LabSummaryProps {
  readonly lab: LabDefinition;
  readonly unit: LabUnit;
  readonly summary: Summary;
  readonly now: number;
}

/** Latest value with its date, change from the previous, time since the last test, count. */
export function LabSummary({ lab, unit, summary, now }: LabSummaryProps) {
  const { latest, previous, change, lastTested, overdue, count } = summary;
  if (count === 0) return null;
  // A difference converts without the offset: Δ(display) = Δ(canonical) ÷ factor.
  const signed = (delta: number) => `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${formatNumber(Math.abs(delta), unit.decimals)}`;
  return (
    <dl className="lab-summary">
      {latest && (
        <div>
          <dt>Latest</dt>
          <dd>
            <strong>
              {valueText(latest, unit)} {unit.label}
            </strong>
            {latest.flag && latest.flag.code !== "N" && ` (${latest.flag.label})`} on {formatFhirDate(latest.when!)}
            {latestNotes(latest)}
          </dd>
        </div>
      )}
      {latest && previous && (
        <div>
          <dt>Change</dt>
          <dd>
            {change === undefined
              ? "not computed: a limit is not an exact value"
              : `${signed(change / unit.factor)} ${unit.label}`}{" "}
            since {formatFhirDate(previous.when!)}
          </dd>
        </div>
      )}
      {lastTested && (
        <div className={overdue ? "overdue" : undefined}>
          <dt>Last test</dt>
          <dd>
            {formatElapsed(lastTested.time, now)}
            {overdue && <strong>{` — overdue: due every ${lab.overdueAfterMonths} months`}</strong>}
          </dd>
        </div>
      )}
      <div>
        <dt>Results</dt>
        <dd>{count}</dd>
      </div>
    </dl>
  );
}
