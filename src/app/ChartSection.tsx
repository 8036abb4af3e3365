import { memo, useCallback, useMemo, useState } from "react";
import type { LabDefinition, LabUnit } from "../labs/catalog";
import { downsample } from "../labs/downsample";
import type { GoalLine } from "../labs/goals";
import { plotTime } from "../labs/dates";
import { memoizeByObject } from "../labs/memo";
import { methodChanges, methodsOf } from "../labs/methods";
import type { RangeMeaning } from "../labs/ranges";
import type { LabResult } from "../labs/results";
import { chartDomain, type TimeWindow } from "../labs/timeRange";
import { LabChart, type ChartPoint, type Step } from "../graph/LabChart";
import { describeMethods } from "../graph/methods";
import { chartBands, chartPoint, describeChart, goalLevels } from "../graph/present";
import { afterChartParts, useAfterChart } from "./useAfterChart";
import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";

export interface ChartSectionProps {
  readonly lab: LabDefinition;
  readonly unit: LabUnit;
  /** The results in the time range shown, newest first. */
  readonly shown: readonly LabResult[];
  /** The zoomed or preset window; undefined fits the results. */
  readonly span: TimeWindow | undefined;
  readonly activeId: string | undefined;
  readonly onActivate: (id: string) => void;
  readonly onZoom: (from: number, to: number) => void;
  /** No results have arrived yet: the chart laid out but empty (see LabChart's `busy`). */
  readonly loading?: boolean;
  /** The goal line: the patient's Goal or the default (labs/goals.ts); undefined: none. */
  readonly goal?: GoalLine | undefined;
}

/**
 * At most ~600 points, about one per one or two pixels of a wide chart, for the extremes of each flag (and
 * method) per time bucket, plus every critical, off-scale, preliminary and selected result (see downsample):
 * more kinds of point make wider buckets, so zooming 10 000 results costs the same whatever their flags.
 */
const MAX_POINTS = 600;

/** The chart, its legend and its spoken feedback, for the results it is given. */
export const ChartSection = memo(function ChartSection({ lab, unit, shown, span, activeId, onActivate, onZoom, loading = false, goal }: ChartSectionProps) {
  const [announcement, setAnnouncement] = useState("");
  // Memoized words follow the language shown.
  const shownLanguage = useLanguage();
  const drawn = useMemo(() => shown.filter((r) => r.plotted).reverse(), [shown]);
  const byId = useMemo(() => new Map(drawn.map((r) => [r.id, r])), [drawn]);

  // Points are made once per result and unit: zooming and new pages reuse them.
  const pointOf = useMemo(() => memoizeByObject((r: LabResult): ChartPoint => chartPoint(r, unit)), [unit]);
  const points = useMemo(
    () =>
      downsample(drawn.map(pointOf), MAX_POINTS, {
        x: (p) => p.time,
        y: (p) => p.value,
        // Each flag class of each method keeps its extremes in every bucket, so no class or method vanishes.
        key: (p) => `${p.marker}|${p.method ?? ""}`,
        // Critical, off-scale (a limit, or the lab's `<`/`>` code) and preliminary results, and the one selected
        // in the table, are always drawn.
        keep: (p) => p.critical || p.marker === "above" || p.marker === "below" || p.preliminary || p.id === activeId,
      }),
    [drawn, pointOf, activeId],
  );
  const bands = useMemo(() => chartBands(drawn, unit), [drawn, unit]);
  const bandKinds = useMemo(() => new Set<RangeMeaning>(bands.map((b) => b.meaning ?? "normal")), [bands]);
  // Where the chart places the first and last results (a date on its day in the table's time zone).
  const first = drawn[0]?.when && plotTime(drawn[0].when);
  const last = drawn.at(-1)?.when && plotTime(drawn.at(-1)!.when!);
  const domain = useMemo(() => chartDomain(span, first, last), [span, first, last]);
  // The legend, the tooltip's details and the goal line's words load after the first chart (afterChart.later.ts).
  const { parts } = useAfterChart();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the entries' words follow the language shown
  const legend = useMemo(() => parts?.legendEntries(points), [parts, points, shownLanguage]);
  // A range goal is two lines, labelled at its upper end.
  const target = useMemo(() => {
    if (!goal || !parts) return undefined;
    const label = parts.goalLabel(goal, unit, shownLanguage);
    return { ...goalLevels(goal, unit), label };
  }, [goal, unit, parts, shownLanguage]);
  // Methods are told apart and their changes marked over every drawn result, not only the downsampled points.
  const methods = useMemo(() => methodsOf(lab, drawn.map((r) => r.method)), [lab, drawn]);
  const changes = useMemo(() => (methods.length > 1 ? methodChanges(drawn.map((r) => ({ time: r.when!.time, method: r.method }))) : []), [methods, drawn]);
  const description = useMemo(
    () => (loading ? t("Loading {lab} results…", { lab: lab.name }) : [describeChart(lab, shown, unit, shownLanguage, target?.label), describeMethods(methods, changes)].filter(Boolean).join(" ")),
    [loading, lab, shown, unit, target, methods, changes, shownLanguage],
  );

  const tooltip = useCallback(
    (id: string) => {
      const r = byId.get(id);
      // Read when shown, so that the parts' arrival does not redraw the chart.
      const Details = afterChartParts()?.ResultDetails;
      return r && Details && <Details result={r} unit={unit} showMethod={methods.length > 1} />;
    },
    [byId, unit, methods],
  );

  const step = useCallback((s: Step) => {
    // The keys move through the results once the later parts are in (read at the moment of use, as the tooltip's).
    const move = afterChartParts()?.chartStep(drawn, activeId, s, unit);
    if (!move) return;
    onActivate(move.id);
    setAnnouncement(move.announcement);
  }, [drawn, activeId, onActivate, unit]);

  return (
    <>
      <LabChart
        name={lab.name}
        unit={unit.label}
        points={points}
        bands={bands}
        target={target}
        domain={domain}
        activeId={activeId}
        onActivate={onActivate}
        onStep={step}
        onZoom={onZoom}
        description={description}
        tooltip={tooltip}
        busy={loading}
        methods={methods}
        methodChanges={changes}
        pointer={parts?.ChartPointer}
      />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {!loading && parts && legend && <parts.ChartLegend entries={legend} preliminary={points.some((p) => p.preliminary)} imprecise={points.some((p) => p.periodEnd !== undefined)} band={bandKinds} target={target?.label} methods={methods} methodChanges={changes.length} />}
    </>
  );
});
