import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { AppSession } from "./appSession";
import { t } from "../i18n/i18n";
import { dateFormat } from "../labs/dates";
import { LABS, withSettings } from "../labs/catalog";
import type { PatientContext } from "../labs/ranges";
import { inWindow, windowOf } from "../labs/timeRange";
import { LabSelector } from "../graph/LabSelector";
import { ChartSection } from "./ChartSection";
import { goalsQuery } from "./queries";
import { useAfterChart } from "./useAfterChart";
import { useLabResults } from "./useLabResults";
import type { SetView } from "./useViewState";
import { withLab, type ViewState } from "./viewState";

export interface LabPanelProps {
  readonly session: AppSession;
  readonly patientId: string;
  /** Age and sex choose among reference ranges; until the Patient arrives, general ranges are used. */
  readonly patient: PatientContext;
  readonly view: ViewState;
  readonly onView: SetView;
  readonly category: string | null;
  /** The patient's view: the lab in plain words above the chart (PatientView.later.tsx). */
  readonly plain?: boolean;
  readonly now?: number;
}

/** One lab for the patient: status, summary, chart and table, all following the chosen unit and time range. */
export function LabPanel(props: LabPanelProps) {
  const { session, patientId, patient, view, onView, category } = props;
  const data = useLabResults(session, patientId, view.lab, category, patient);
  const { excluded } = data;
  // Pages can arrive faster than 10 000 results redraw: while they stream, React may skip drawings in between.
  // The lab and unit go with the results they were drawn for, so a caption never labels another lab's rows.
  // The catalog's lab with the deployment's default goal and retest intervals (config.json `labs`).
  const settled = useMemo(() => withSettings(view.lab, session.labSettings[view.lab.id]), [view.lab, session.labSettings]);
  const current = useMemo(() => ({ lab: settled, unit: view.unit, results: data.results }), [settled, view.unit, data.results]);
  const deferred = useDeferredValue(current);
  // The first page draws at once: deferring it would first draw the panel with no results, then again.
  const { lab, unit, results } = data.loading && deferred.results.length > 0 ? deferred : current;
  const { range } = view;
  const [activeId, setActiveId] = useState<string>();
  const [now] = useState(() => props.now ?? Date.now());

  const latest = results.find((r) => r.when)?.when?.time;
  const span = useMemo(() => windowOf(range, latest), [range, latest]);
  const shown = useMemo(() => results.filter((r) => inWindow(r.when?.time, span)), [results, span]);
  // The patient's Goals, read beside the results (firstReads.ts starts it after the lab search): until they
  // are in, no goal line; they never hold up the chart.
  const goals = useQuery(goalsQuery(session, patientId)).data;
  // The first page is in (or failed): from here on the panel shows results, or says why there are none.
  const ready = !data.pending;
  // The summary, goal, controls and table load once the first chart is drawn (afterChart.later.ts).
  const after = useAfterChart(ready);
  const { parts } = after;
  const goal = useMemo(() => (goals && parts ? parts.chooseGoal(lab, goals) : undefined), [lab, goals, parts]);
  const summary = useMemo(() => parts?.summarize(results, lab, now, goal?.line), [parts, results, lab, now, goal]);
  const onZoom = useCallback((from: number, to: number) => onView({ ...view, range: { kind: "window", from, to } }, { transition: true }), [view, onView]);
  const dated = shown.filter((r) => r.when);
  const fit = dated.length ? { from: dated.at(-1)!.when!.time, to: dated[0]!.when!.time } : undefined;

  const empty = results.length === 0 && !data.loading && !data.error;
  const charted = ready && !empty;
  return (
    <section className="lab" aria-label={t("Lab results")}>
      <div className="lab-header">
        <h2>{view.lab.name}</h2>
        <LabSelector labs={LABS} value={view.lab} onChange={(next) => onView(withLab(view, next))} onOverview={() => onView({ ...view, overview: true })} />
        {parts && <parts.ViewSwitch view={view} onView={onView} patientFacing={session.patientFacing} />}
      </div>
      <div className="load-state">
        <p role="status" className="progress">
          {data.progress}
        </p>
        {data.loading && ready && (
          <button type="button" className="no-print" onClick={data.stop}>
            {t("Stop loading")}
          </button>
        )}
        {data.stopped && (
          <button type="button" className="no-print" onClick={data.resume}>
            {t("Load the rest")}
          </button>
        )}
        {ready && !data.loading && !data.error && (
          <p className="as-of">
            {t("Data as of {date}", { date: dateFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(data.updatedAt) })}{" "}
            <button type="button" className="no-print" onClick={data.refresh} disabled={data.refreshing}>
              {t("Refresh")}
            </button>
          </p>
        )}
      </div>
      {data.serverMessages.length > 0 && (
        <div className="server-messages">
          {data.serverMessages.map((m) => (
            <p key={`${m.severity}\n${m.text}`} className={`server-message server-${m.severity}`}>
              {m.severity === "information" ? t("The server says: {words}", { words: m.text }) : t("The server warns: {words}", { words: m.text })}
            </p>
          ))}
        </div>
      )}
      {data.error && (
        <div role="alert" className="alert">
          <p>{data.error.message}</p>
          <button type="button" onClick={data.retry}>
            {t("Retry")}
          </button>
        </div>
      )}
      {after.error && (
        <div role="alert" className="alert">
          <p>{t("The summary, controls and table of results could not be loaded ({message}). The chart above still shows every result loaded.", { message: after.error.message })}</p>
          <button type="button" onClick={after.retry}>
            {t("Retry")}
          </button>
        </div>
      )}
      {ready && parts && summary && <parts.SummaryWithProblems session={session} patientId={patientId} lab={lab} unit={unit} goal={goal} summary={summary} now={now} />}
      {ready && parts && props.plain && <parts.PlainWords session={session} patientId={patientId} lab={lab} unit={unit} results={results} shown={shown} goal={goal} />}
      {ready && empty && <p className="empty">{t("No {lab} results are on record for this patient.", { lab: lab.name })}</p>}
      {charted && parts && (
        <parts.ChartControls lab={lab} unit={unit} onUnit={(u) => onView({ ...view, unit: u })} range={range} onRange={(r, transition) => onView({ ...view, range: r }, { transition })} shown={span ?? fit} />
      )}
      {charted && shown.length === 0 && <p className="empty">{t("No {lab} results in this time range.", { lab: lab.name })}</p>}
      {/* The chart is laid out while the first page is read (shown as an empty place), so that its arrival only fills it in. */}
      {!empty && !(data.pending && data.error) && (
        <ChartSection lab={lab} unit={unit} shown={shown} span={span} activeId={activeId} onActivate={setActiveId} onZoom={onZoom} loading={data.pending} goal={goal?.line} />
      )}
      {charted && parts && <parts.Medications session={session} patientId={patientId} lab={lab} shown={shown} span={span} />}
      {ready && parts && (
        <parts.TableSection
          name={lab.name}
          unit={unit}
          results={results}
          shown={shown}
          ranged={span !== undefined}
          charted={charted}
          excluded={excluded}
          activeId={activeId}
          onActivate={setActiveId}
          onDownload={(rows) => void parts.exportCsv(rows, lab, unit, patientId)}
        />
      )}
    </section>
  );
}
