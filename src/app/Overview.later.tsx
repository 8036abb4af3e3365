/**
 * The Overview: every catalog lab the patient has results for, as small charts stacked on one time axis (the
 * union of their spans, or the chosen preset or window), zoomed and hovered together. Each lab reads through the
 * same query as its own panel (useLabResults), so opening a lab from here, or coming back, reads nothing again.
 * It loads with the parts that follow a first chart (afterChart.later.ts), at once when the Overview is chosen.
 */
import "./overview.css";
import { memo, useCallback, useEffect, useMemo, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import { LABS, withSettings, type LabDefinition } from "../labs/catalog";
import { downsample } from "../labs/downsample";
import { chooseGoal } from "../labs/goals";
import { drawnSpan, latestCaption, overviewDomain, overviewStatus, type OverviewLabState } from "../labs/overview";
import type { LabId } from "../labs/settings";
import type { TimeWindow } from "../labs/timeRange";
import { formatNumber } from "../labs/units";
import { ChartControls } from "../graph/ChartControls";
import { LabSelector } from "../graph/LabSelector";
import { chartBands, chartPoint, goalLevels } from "../graph/present";
import { SmallChart, type SmallChartProps } from "../graph/SmallChart";
import type { ChartPoint } from "../graph/LabChart";
import { goalsQuery } from "./queries";
import { useLabResults } from "./useLabResults";
import type { LabPanelProps } from "./LabPanel";
import { withLab } from "./viewState";
import { ViewSwitch } from "./PatientView.later";

/** What the lab panel is given, less its clock: the Overview reads every lab the same way. */
export type OverviewProps = Omit<LabPanelProps, "now">;

/** A small chart draws at most this many points (each flag's extremes kept; see ChartSection). */
const MAX_POINTS = 300;

interface Reported {
  readonly state: OverviewLabState;
  readonly span: TimeWindow | undefined;
}

interface LabFigureProps extends Pick<OverviewProps, "session" | "patientId" | "patient" | "category"> {
  readonly lab: LabDefinition;
  readonly domain: readonly [number, number];
  readonly hover: number | undefined;
  readonly onHover: (time: number | undefined) => void;
  readonly onZoom: (from: number, to: number) => void;
  readonly onOpen: (lab: LabDefinition) => void;
  readonly onState: (lab: LabId, reported: Reported) => void;
}

/** One lab: reads its results, tells the Overview where it is, and shows its figure once it has results (or failed). */
const LabFigure = memo(function LabFigure({ session, patientId, patient, category, lab, domain, hover, onHover, onZoom, onOpen, onState }: LabFigureProps) {
  const shown = useLanguage();
  const data = useLabResults(session, patientId, lab, category, patient);
  const { results, error } = data;
  const settled = useMemo(() => withSettings(lab, session.labSettings[lab.id]), [lab, session.labSettings]);
  const unit = lab.units[0];
  const goals = useQuery(goalsQuery(session, patientId)).data;
  const goal = useMemo(() => chooseGoal(settled, goals).line, [settled, goals]);

  const kind = error ? "failed" : data.loading || data.pending ? "loading" : "done";
  const span = useMemo(() => drawnSpan(results), [results]);
  const count = results.length;
  useEffect(() => {
    onState(lab.id, { state: kind === "done" ? { state: kind, count } : { state: kind }, span });
  }, [onState, lab.id, kind, count, span]);

  const drawn = useMemo(() => results.filter((r) => r.plotted).reverse(), [results]);
  const points = useMemo(
    () =>
      downsample(
        drawn.map((r) => chartPoint(r, unit)),
        MAX_POINTS,
        { x: (p) => p.time, y: (p) => p.value, key: (p) => p.marker, keep: (p) => p.critical || p.marker === "above" || p.marker === "below" },
      ),
    [drawn, unit],
  );
  const bands = useMemo(() => chartBands(drawn, unit), [drawn, unit]);
  const target = useMemo<SmallChartProps["target"]>(
    () => (goal ? goalLevels(goal, unit) : undefined),
    [goal, unit],
  );
  const valueText = useCallback((p: ChartPoint) => p.limit ?? `${formatNumber(p.value, unit.decimals, shown)} ${unit.label}`, [unit, shown]);

  if (!error && count === 0) return null;
  return (
    <figure className="overview-lab" aria-label={lab.name}>
      <figcaption>
        <h3>
          <button type="button" className="overview-open" onClick={() => onOpen(lab)}>
            {lab.name}
          </button>
        </h3>
        {count > 0 && <span className="overview-latest">{latestCaption(results, unit, shown)}</span>}
        <span className="overview-unit">{unit.label}</span>
      </figcaption>
      {error && (
        <p className="overview-error">
          {t("{name} could not be read: {message}", { name: lab.name, message: error.message })}{" "}
          <button type="button" onClick={data.retry}>
            {t("Retry")}
          </button>
        </p>
      )}
      {count > 0 && <SmallChart points={points} bands={bands} target={target} domain={domain} hover={hover} onHover={onHover} onZoom={onZoom} valueText={valueText} />}
    </figure>
  );
});

const LOADING: Reported = { state: { state: "loading" }, span: undefined };

export function Overview({ session, patientId, patient, view, onView, category }: OverviewProps) {
  useLanguage();
  const [reported, setReported] = useState<Partial<Record<LabId, Reported>>>({});
  const [hover, setHover] = useState<number>();
  const onState = useCallback((lab: LabId, next: Reported) => setReported((all) => ({ ...all, [lab]: next })), []);
  // Changes as the labs report, not on hover.
  const labs = useMemo(() => LABS.map((lab) => reported[lab.id] ?? LOADING), [reported]);
  const domain = useMemo(() => overviewDomain(view.range, labs.map((l) => l.span)), [view.range, labs]);
  const status = overviewStatus(labs.map((l) => l.state));
  const charted = labs.some((l) => l.state.state === "done" && l.state.count > 0);
  const empty = labs.every((l) => l.state.state === "done" && l.state.count === 0);

  const onZoom = useCallback((from: number, to: number) => onView({ ...view, range: { kind: "window", from, to } }, { transition: true }), [view, onView]);
  const onOpen = useCallback((lab: LabDefinition) => onView(withLab(view, lab)), [view, onView]);

  return (
    <section className="lab overview" aria-label={t("Overview")}>
      <div className="lab-header">
        <h2>{t("Overview")}</h2>
        <LabSelector labs={LABS} value={view.lab} onChange={onOpen} onOverview={() => undefined} overview />
        <ViewSwitch view={view} onView={onView} patientFacing={session.patientFacing} />
      </div>
      <div className="load-state">
        <p role="status" className="progress">
          {status}
        </p>
      </div>
      {empty && <p className="empty">{t("No lab results are on record for this patient.")}</p>}
      {charted && (
        <ChartControls lab={view.lab} unit={view.lab.units[0]} range={view.range} onRange={(range, transition) => onView({ ...view, range }, { transition })} shown={{ from: domain[0], to: domain[1] }} />
      )}
      <div className="overview-charts" onPointerLeave={() => setHover(undefined)}>
        {LABS.map((lab) => (
          <LabFigure key={lab.id} session={session} patientId={patientId} patient={patient} category={category} lab={lab} domain={domain} hover={hover} onHover={setHover} onZoom={onZoom} onOpen={onOpen} onState={onState} />
        ))}
      </div>
    </section>
  );
}
