import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import type { LabUnit } from "../labs/catalog";
import { flagWords } from "../labs/flagText";
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
  return `${notes.length ? ` (${notes.join("; ")})` : ""}${r.status === "preliminary" ? t(" — preliminary") : ""}`;
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
  useLanguage();
  if (count === 0) return null;
  // A difference converts without the offset: Δ(display) = Δ(canonical) ÷ factor.
  const signed = (delta: number) => `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${formatNumber(Math.abs(delta), unit.decimals)}`;
  return (
    <dl className="lab-summary">
      {latest && (
        <div>
          <dt>{t("Latest")}</dt>
          <dd>
            <strong>
              {valueText(latest, unit)} {unit.label}
            </strong>
            {latest.flag && ` (${flagWords(latest.flag.label)})`}
            {t(" on {date}", { date: formatFhirDate(latest.when!) })}
            {latestNotes(latest)}
          </dd>
        </div>
      )}
      {latest && (previous || otherMethodBefore) && (
        <div>
          <dt>{t("Change")}</dt>
          <dd>
            {previous ? (
              <>
                {change === undefined ? t("not computed: a limit is not an exact value") : `${signed(change / unit.factor)} ${unit.label}`}
                {t(" since {date}", { date: formatFhirDate(previous.when!) })}
                {/* A result of another method lies between: say which results were compared (clinical-rules §7). */}
                {otherMethodBefore && (latest.method ? t(", the previous {method} result", { method: methodName(latest.method) }) : t(", the previous result by the same method"))}
              </>
            ) : (
              t("not computed: the previous result used another method ({method})", { method: methodName(otherMethodBefore!.method) })
            )}
          </dd>
        </div>
      )}
      {goal && (goal.line || goal.notes.length > 0) && (
        <div className="goal">
          <dt>{t("Goal")}</dt>
          <dd>
            {goal.line ? goalLabel(goal.line, unit) : t("none drawn")}
            {goal.others.length > 0 &&
              t(". Also in the record, not drawn: {goals}", { goals: goal.others.map((o) => `${goalLabel(o, unit)}${o.since ? t(" (from {date})", { date: o.since.slice(0, 10) }) : ""}`).join("; ") })}
            {goal.notes.map((note) => (
              <span key={note} className="goal-note">{` ${note}`}</span>
            ))}
          </dd>
        </div>
      )}
      {lastTested && (
        <div className={overdue ? "overdue" : undefined}>
          <dt>{t("Last test")}</dt>
          <dd>
            {formatElapsed(lastTested.time, now)}
            {overdue && <strong>{` — ${overdueText(overdue)}`}</strong>}
          </dd>
        </div>
      )}
      <div>
        <dt>{t("Results")}</dt>
        <dd>{count}</dd>
      </div>
      {problems && (
        <div className="problems">
          <dt>{t("Problems")}</dt>
          <dd>{problems}</dd>
        </div>
      )}
    </dl>
  );
}
