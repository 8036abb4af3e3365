import type { LabUnit } from "../labs/catalog";
import { formatFhirDate } from "../labs/dates";
import { formatElapsed } from "../labs/elapsed";
import { goalLabel, type GoalChoice } from "../labs/goals";
import { overdueText, type LabSummary as Summary } from "../labs/summary";
import { formatNumber } from "../labs/units";
import { methodName } from "../labs/methods";
import { resultDateNotes } from "./dateText";
import { valueText } from "./present";
import type { LabResult } from "../labs/results";

/** After the latest result's date: what its date is (§8), and that it is preliminary (§9). */
function latestNotes(r: LabResult): string {
  const notes = resultDateNotes(r);
  return `${notes.length ? ` (${notes.join("; ")})` : ""}${r.status === "preliminary" ? " — preliminary" : ""}`;
}

export interface LabSummaryProps {
  readonly unit: LabUnit;
  /** The goal line drawn, the patient's other Goals and why any was not drawn; undefined while Goals are read. */
  readonly goal: GoalChoice | undefined;
  readonly summary: Summary;
  readonly now: number;
  /** The patient's active problems that bear on this lab, in words ("Type 2 diabetes since 2011"), or why none are shown. */
  readonly problems?: string;
}

/** Latest value with its date, change from the previous, goal, time since the last test, count. */
export function LabSummary({ unit, goal, summary, now, problems }: LabSummaryProps) {
  const { latest, previous, change, otherMethodBefore, lastTested, overdue, count } = summary;
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
            {latest.flag && ` (${latest.flag.label})`} on {formatFhirDate(latest.when!)}
            {latestNotes(latest)}
          </dd>
        </div>
      )}
      {latest && (previous || otherMethodBefore) && (
        <div>
          <dt>Change</dt>
          <dd>
            {previous ? (
              <>
                {change === undefined ? "not computed: a limit is not an exact value" : `${signed(change / unit.factor)} ${unit.label}`} since {formatFhirDate(previous.when!)}
                {/* A result of another method lies between: say which results were compared (clinical-rules §7). */}
                {otherMethodBefore && (latest.method ? `, the previous ${latest.method} result` : ", the previous result by the same method")}
              </>
            ) : (
              `not computed: the previous result used another method (${methodName(otherMethodBefore!.method)})`
            )}
          </dd>
        </div>
      )}
      {goal && (goal.line || goal.notes.length > 0) && (
        <div className="goal">
          <dt>Goal</dt>
          <dd>
            {goal.line ? goalLabel(goal.line, unit) : "none drawn"}
            {goal.others.length > 0 &&
              `. Also in the record, not drawn: ${goal.others.map((o) => `${goalLabel(o, unit)}${o.since ? ` (from ${o.since.slice(0, 10)})` : ""}`).join("; ")}`}
            {goal.notes.map((note) => (
              <span key={note} className="goal-note">{` ${note}`}</span>
            ))}
          </dd>
        </div>
      )}
      {lastTested && (
        <div className={overdue ? "overdue" : undefined}>
          <dt>Last test</dt>
          <dd>
            {formatElapsed(lastTested.time, now)}
            {overdue && <strong>{` — ${overdueText(overdue)}`}</strong>}
          </dd>
        </div>
      )}
      <div>
        <dt>Results</dt>
        <dd>{count}</dd>
      </div>
      {problems && (
        <div className="problems">
          <dt>Problems</dt>
          <dd>{problems}</dd>
        </div>
      )}
    </dl>
  );
}
