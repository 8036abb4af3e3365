import { memo, useCallback, useMemo, useState, type ComponentType, type KeyboardEvent, type ReactNode } from "react";
import { CartesianGrid, ComposedChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { ChartLayers, type ChartBand, type ChartPoint } from "./ChartLayers";
import type { ChartPointerProps } from "./ChartPointer";
import { AxisTick } from "./AxisTick";
import { maxTimeTicks, niceTicks, tickFormatter, timeTicks } from "./ticks";
import type { MethodChange } from "../labs/methods";
import { PLOT_INSET } from "./plotInset";
import { useLanguage } from "../i18n/useLanguage";

export type { ChartBand, ChartPoint } from "./ChartLayers";

export type Step = -1 | 1 | "first" | "last";

export interface LabChartProps {
  /** The lab's catalog name: the chart's accessible label (the DOM contract relies on it). */
  readonly name: string;
  readonly unit: string;
  /** Oldest first, already downsampled; values in the unit shown. */
  readonly points: readonly ChartPoint[];
  readonly bands: readonly ChartBand[];
  /** The goal line, labelled; `other`: a range goal's other end, a second line. */
  readonly target: { readonly value: number; readonly label: string; readonly other?: number } | undefined;
  /** The time span drawn. */
  readonly domain: readonly [number, number];
  readonly activeId: string | undefined;
  readonly onActivate: (id: string) => void;
  readonly onStep: (step: Step) => void;
  readonly onZoom: (from: number, to: number) => void;
  /** What the chart shows, in words, for screen readers. */
  readonly description: string;
  /** The tooltip for a point. */
  readonly tooltip: (id: string) => ReactNode;
  /** The first results are still on their way: the chart is laid out (so they only fill it in), not shown. */
  readonly busy?: boolean;
  /** The methods of the points, in order: with more than one, each is its own line and frame (clinical-rules §7). */
  readonly methods?: readonly (string | undefined)[];
  /** Where the method changes, oldest first. */
  readonly methodChanges?: readonly MethodChange[];
  /** Hover, click and drag-to-zoom (ChartPointer, loaded after the first chart). */
  readonly pointer?: ComponentType<ChartPointerProps> | undefined;
}

const HEIGHT = 320;
const INITIAL_WIDTH = 720;
const MARGIN = { top: 12, right: PLOT_INSET.right, bottom: 4, left: 0 };
const Y_AXIS_WIDTH = PLOT_INSET.left;

/** The value axis: every point, band edge and the target in view, with a little room above and below. */
function valueAxis(points: readonly ChartPoint[], bands: readonly ChartBand[], target: number | undefined, other?: number) {
  const values = [...points.map((p) => p.value), ...bands.flatMap((b) => [b.low, b.high]), target, other].filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (values.length === 0) return niceTicks(0, 1);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.1 || 1;
  lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
  hi += pad;
  return niceTicks(lo, hi);
}

const KEY_STEPS: Readonly<Record<string, Step>> = { ArrowLeft: -1, ArrowDown: -1, ArrowRight: 1, ArrowUp: 1, Home: "first", End: "last" };

/** Draws the points it is given; knows nothing of FHIR or queries. */
export const LabChart = memo(function LabChart(props: LabChartProps) {
  const { name, unit, points, bands, target, domain, description, onStep, busy = false } = props;
  const [tooltipHost, setTooltipHost] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(INITIAL_WIDTH);
  // The chart is first drawn once its place is in the page, at that place's width (as its size observer reports it
  // later): drawn at a guessed width, recharts drew it again at the measured one (a fresh chart of 137 points: about
  // 100 ms of main thread on a slow machine). recharts keeps its own size rounded.
  const plotRef = useCallback((plot: HTMLDivElement | null) => {
    setTooltipHost(plot);
    const measured = plot?.getBoundingClientRect().width;
    if (measured) setWidth(measured);
  }, []);
  const language = useLanguage();
  // The labels' size, read once: the EHR's style may change the page's font size.
  const fontPx = useMemo(() => parseFloat(tooltipHost ? getComputedStyle(tooltipHost).fontSize : "") || 16, [tooltipHost]);
  const y = useMemo(() => valueAxis(points, bands, target?.value, target?.other), [points, bands, target]);
  const x = useMemo(() => {
    const axis = width - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right;
    const { ticks, unit } = timeTicks(domain[0], domain[1], (u) => maxTimeTicks(u, axis, fontPx));
    return { ticks, format: tickFormatter(unit, language) };
  }, [domain, width, fontPx, language]);

  const onKeyDown = (e: KeyboardEvent) => {
    const step = KEY_STEPS[e.key];
    if (step === undefined) return;
    e.preventDefault();
    onStep(step);
  };

  return (
    <figure aria-label={name} aria-describedby="chart-description" aria-busy={busy || undefined} className={busy ? "chart busy" : "chart"} tabIndex={busy ? -1 : 0} onKeyDown={onKeyDown} onFocus={(e) => e.target === e.currentTarget && !props.activeId && onStep("last")}>
      <p id="chart-description" className="visually-hidden">
        {description}
      </p>
      <p className="axis-unit" aria-hidden="true">
        {unit}
      </p>
      <div className="chart-plot" ref={plotRef}>
        {tooltipHost && (
          <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: Math.round(width), height: HEIGHT }} onResize={setWidth}>
            <ComposedChart margin={MARGIN} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
              <XAxis dataKey="time" type="number" scale="time" domain={domain as [number, number]} allowDataOverflow ticks={x.ticks} tickFormatter={x.format} interval={0} tick={AxisTick} stroke="var(--muted)" />
              <YAxis type="number" domain={y.domain} ticks={y.ticks} interval={0} tick={AxisTick} allowDataOverflow stroke="var(--muted)" width={Y_AXIS_WIDTH} />
              <ChartLayers {...props} tooltipHost={tooltipHost} />
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
});
