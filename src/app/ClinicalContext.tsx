/**
 * The clinical context beside a lab (loaded after the first chart, with afterChart.later.ts): the patient's
 * problems that bear on the lab, named in its summary, and the medications under its chart on the same time
 * axis. Each part reads on its own and says in one line when it is not available; the chart never waits for it.
 */
import { useMemo, useState } from "react";
import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import { readConditions, readMedications, type ContextRead } from "../fhir/context.later";
import { sessionKey } from "./queries";
import type { LabDefinition, LabUnit } from "../labs/catalog";
import { problemText, relevantProblems } from "../labs/conditions";
import { dateFormat, formatFhirDate, plotTime } from "../labs/dates";
import type { GoalChoice } from "../labs/goals";
import { isRelevant, medicationPeriods, medicationRows } from "../labs/medications";
import type { LabResult } from "../labs/results";
import type { LabSummary as Summary } from "../labs/summary";
import { chartDomain, type TimeWindow } from "../labs/timeRange";
import { LabSummary } from "../graph/LabSummary";
import { MedicationTimeline } from "../graph/MedicationTimeline";

export function medicationsQuery(session: Session, patientId: string) {
  return queryOptions({
    queryKey: [...sessionKey(session), "medications", patientId],
    queryFn: ({ signal }) => readMedications(session, patientId, signal),
    staleTime: Infinity,
    retry: false,
  });
}

export function conditionsQuery(session: Session, patientId: string) {
  return queryOptions({
    queryKey: [...sessionKey(session), "conditions", patientId],
    queryFn: ({ signal }) => readConditions(session, patientId, signal),
    staleTime: Infinity,
    retry: false,
  });
}

const items = <T,>(read: ContextRead<T>): readonly T[] => (read.status === "read" ? read.items : []);
const formatDate = (time: number) => dateFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(time);

/** The problems line of the summary: the relevant active problems, or why there are none to name. */
export function problemsLine(read: ContextRead<fhir4.Condition> | undefined, lab: LabDefinition): string | undefined {
  if (!read) return undefined;
  if (read.status === "unavailable") return t("not available from this EHR");
  if (read.status === "failed") return t("could not be read ({message})", { message: read.message });
  const matches = relevantProblems(read.items, lab.id);
  return matches.length ? matches.map(problemText).join("; ") : t("none on record that bear on {lab}", { lab: lab.name });
}

export interface ContextProps {
  readonly session: Session;
  readonly patientId: string;
  readonly lab: LabDefinition;
}

/** The lab's summary with the patient's relevant problems (read beside it). */
export function SummaryWithProblems(props: ContextProps & { readonly unit: LabUnit; readonly goal: GoalChoice | undefined; readonly summary: Summary; readonly now: number }) {
  const { session, patientId, lab, ...summary } = props;
  const conditions = useQuery(conditionsQuery(session, patientId));
  const problems = conditions.isError ? t("could not be read ({message})", { message: conditions.error.message }) : problemsLine(conditions.data, lab);
  return <LabSummary {...summary} problems={problems} />;
}

/** The span the chart draws for these results (ChartSection draws the same). */
function domainOf(shown: readonly LabResult[], span: TimeWindow | undefined): [number, number] {
  const plotted = shown.filter((r) => r.plotted && r.when);
  return chartDomain(span, plotted.length ? plotTime(plotted.at(-1)!.when!) : undefined, plotted.length ? plotTime(plotted[0]!.when!) : undefined);
}

/** One line on a part of the medications that could not be read: the prescriptions or the medication statements. */
function partNote(read: ContextRead<unknown>, prescriptions: boolean): string | undefined {
  const message = read.status === "failed" ? read.message.replace(/\.?$/, ".") : "";
  if (read.status === "failed") return prescriptions ? t("Prescriptions could not be read: {message}", { message }) : t("Medication statements could not be read: {message}", { message });
  if (read.status === "unavailable") return prescriptions ? t("Prescriptions are not available from this EHR.") : t("Medication statements are not available from this EHR.");
  return undefined;
}

/** The medications under the chart: the ones that bear on the lab (or every one, on request) as bars on its time axis. */
export function Medications({ session, patientId, lab, shown, span }: ContextProps & { readonly shown: readonly LabResult[]; readonly span: TimeWindow | undefined }) {
  const query = useQuery(medicationsQuery(session, patientId));
  const [every, setEvery] = useState(false);
  const shownLanguage = useLanguage();
  const periods = useMemo(() => (query.data ? medicationPeriods([...items(query.data.requests), ...items(query.data.statements)], query.data.medications) : []), [query.data]);
  const relevant = useMemo(() => periods.filter((p) => isRelevant(p, lab.id)), [periods, lab.id]);
  const lines = useMemo(
    () =>
      medicationRows(every ? periods : relevant).map((row) => ({
        name: row.name,
        periods: row.periods.map((p) => ({ ...p, startText: p.startDate && formatFhirDate(p.startDate, shownLanguage), endText: p.endDate && formatFhirDate(p.endDate, shownLanguage) })),
      })),
    [every, periods, relevant, shownLanguage],
  );
  const domain = useMemo(() => domainOf(shown, span), [shown, span]);

  let body;
  if (query.isPending) body = <p className="context-note">{t("Reading medications…")}</p>;
  else if (query.isError) body = <p className="context-note">{t("Medications could not be read: {message}", { message: query.error.message })}</p>;
  else {
    const { requests, statements } = query.data;
    const nothing = requests.status !== "read" && statements.status !== "read";
    const notes = nothing && requests.status === "unavailable" && statements.status === "unavailable" ? [t("Medications are not available from this EHR.")] : [partNote(requests, true), statements.status === "failed" ? partNote(statements, false) : undefined];
    body = (
      <>
        {notes.filter(Boolean).map((n) => (
          <p key={n} className="context-note">
            {n}
          </p>
        ))}
        {!nothing && periods.length > relevant.length && (
          <label className="med-every">
            <input type="checkbox" checked={every} onChange={(e) => setEvery(e.target.checked)} /> {t("Show every medication ({count})", { count: periods.length })}
          </label>
        )}
        {!nothing && lines.length === 0 && (periods.length > 0 || notes.every((n) => !n)) && (
          <p className="context-note">{periods.length === 0 ? t("No medications are on record.") : t("No medications that bear on {lab} are on record.", { lab: lab.name })}</p>
        )}
        {lines.length > 0 && <MedicationTimeline lines={lines} domain={domain} formatDate={formatDate} />}
      </>
    );
  }
  return (
    <section aria-label={t("Medications")} className="medications">
      <h3>{t("Medications")}</h3>
      {body}
    </section>
  );
}
