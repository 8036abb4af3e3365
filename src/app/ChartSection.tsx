import { memo, useCallback, useMemo, useState } from "react";
import type { LabDefinition, LabUnit } from "../labs/catalog";
import { downsample } from "../labs/downsample";
import { plotTime } from "../labs/dates";
import { memoizeByObject } from "../labs/memo";
import { rangeSegments } from "../labs/ranges";
import type { LabResult } from "../labs/results";
import type { TimeWindow } from "../labs/timeRange";
import { formatIn, fromCanonical } from "../labs/units";
import { ChartLegend } from "../graph/ChartLegend";
import { LabChart, type ChartBand, type ChartPoint, type Step } from "../graph/LabChart";
import type { MarkerKind } from "../graph/markers";
import { chartPoint, dateText, describeChart, valueText } from "../graph/present";
import { ResultDetails } from "../graph/ResultDetails";

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
}

/** About one bucket per three or four pixels of a wide chart: 10 000 results draw as at most ~600 points. */
const BUCKETS = 300;
const DAY = 86_400_000;

/** The chart, its legend and its spoken feedback, for the results it is given. */
export const ChartSection = memo(function ChartSection({ lab, unit, shown, span, activeId, onActivate, onZoom, loading = false }: ChartSectionProps) {
  const [announcement, setAnnouncement] = useState("");
  const drawn = useMemo(() => shown.filter((r) => r.plotted).reverse(), [shown]);
  const byId = useMemo(() => new Map(drawn.map((r) => [r.id, r])), [drawn]);

  // Points are made once per result and unit: zooming and new pages reuse them.
  const pointOf = useMemo(() => memoizeByObject((r: LabResult): ChartPoint => chartPoint(r, unit)), [unit]);
  const points = useMemo(() => {
    const all = drawn.map(pointOf);
    const kept = downsample(all, BUCKETS, (p) => p.time, (p) => p.value);
    // The selected result is drawn even where downsampling left it out.
    const active = activeId && kept.length < all.length && !kept.some((p) => p.id === activeId) ? all.find((p) => p.id === activeId) : undefined;
    return active ? [...kept, active].sort((a, b) => a.time - b.time) : kept;
  }, [drawn, pointOf, activeId]);
  const bands = useMemo<ChartBand[]>(
    () =>
      rangeSegments(drawn.map((r) => ({ time: plotTime(r.when!), range: r.range }))).map((s) => ({
        from: s.from,
        to: s.to,
        ...(s.low !== undefined ? { low: fromCanonical(s.low, unit) } : {}),
        ...(s.high !== undefined ? { high: fromCanonical(s.high, unit) } : {}),
      })),
    [drawn, unit],
  );
  const markers = useMemo(() => new Set<MarkerKind>(points.map((p) => p.marker)), [points]);
  // Where the chart places the first and last results (a date on its day in the table's time zone).
  const first = drawn[0]?.when && plotTime(drawn[0].when);
  const last = drawn.at(-1)?.when && plotTime(drawn.at(-1)!.when!);
  const domain = useMemo<[number, number]>(() => {
    if (span) return [span.from, span.to];
    if (first === undefined || last === undefined) return [Date.now() - 365 * DAY, Date.now()];
    const pad = Math.max((last - first) * 0.02, 15 * DAY);
    return [first - pad, last + pad];
  }, [span, first, last]);
  const target = useMemo(
    () => (lab.target ? { value: fromCanonical(lab.target.value, unit), label: `${lab.target.label} ${formatIn(lab.target.value, unit)} ${unit.label}` } : undefined),
    [lab, unit],
  );
  const description = useMemo(() => (loading ? `Loading ${lab.name} results…` : describeChart(lab, shown, unit)), [loading, lab, shown, unit]);

  const tooltip = useCallback(
    (id: string) => {
      const r = byId.get(id);
      return r && <ResultDetails result={r} unit={unit} />;
    },
    [byId, unit],
  );

  const step = useCallback((s: Step) => {
    if (drawn.length === 0) return;
    const index = drawn.findIndex((r) => r.id === activeId);
    const next = s === "first" ? 0 : s === "last" ? drawn.length - 1 : index < 0 ? drawn.length - 1 : Math.max(0, Math.min(drawn.length - 1, index + s));
    const r = drawn[next]!;
    onActivate(r.id);
    setAnnouncement(`${dateText(r)}: ${valueText(r, unit)} ${unit.label}${r.flag ? `, ${r.flag.label}` : ""}. Result ${next + 1} of ${drawn.length}.`);
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
      />
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {!loading && <ChartLegend markers={markers} preliminary={points.some((p) => p.preliminary)} imprecise={points.some((p) => p.periodEnd !== undefined)} band={bands.length > 0} target={target?.label} />}
    </>
  );
});
