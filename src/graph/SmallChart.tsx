/**
 * One lab's small chart in the Overview: its points, reference band and goal line on a time span it is given (the
 * one every small chart shares), and a hover time it is given too, so that hovering one chart marks the same time
 * on all. Dragging across it zooms every chart. Draws what it is given; knows nothing of FHIR or queries.
 */
import { memo, useId, useMemo, useRef, useState, type PointerEvent } from "react";
import { ComposedChart, ResponsiveContainer, XAxis, YAxis, usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale, ZIndexLayer } from "recharts";
import { AxisTick } from "./AxisTick";
import { DRAG_MIN, linePath, plotEdges, type ChartBand, type ChartPoint } from "./ChartLayers";
import { PointerSurface, type Drag } from "./PointerSurface";
import { Marker } from "./markers";
import { PLOT_INSET } from "./plotInset";
import { useLanguage } from "../i18n/useLanguage";
import { maxTimeTicks, niceTicks, tickFormatter, timeTicks } from "./ticks";

export interface SmallChartProps {
  /** Oldest first; values in the unit shown. */
  readonly points: readonly ChartPoint[];
  readonly bands: readonly ChartBand[];
  /** The goal line's value (and a range goal's other end), in the unit shown. */
  readonly target?: { readonly value: number; readonly other?: number } | undefined;
  /** The time span drawn: the same for every small chart. */
  readonly domain: readonly [number, number];
  /** The time hovered on any of the charts. */
  readonly hover: number | undefined;
  readonly onHover: (time: number | undefined) => void;
  readonly onZoom: (from: number, to: number) => void;
  /** The hovered point's value in words ("8.2 %"). */
  readonly valueText: (p: ChartPoint) => string;
}

const HEIGHT = 150;
const INITIAL_WIDTH = 720;
const MARGIN = { top: 10, right: PLOT_INSET.right, bottom: 2, left: 0 };
/** How near (in pixels) the hovered time a point must be for its value to be shown. */
const NEAR = 24;

function valueAxis(points: readonly ChartPoint[], bands: readonly ChartBand[], target: SmallChartProps["target"]) {
  const values = [...points.map((p) => p.value), ...bands.flatMap((b) => [b.low, b.high]), target?.value, target?.other].filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (values.length === 0) return niceTicks(0, 1);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.1 || 1;
  const { domain, ticks } = niceTicks(lo >= 0 && lo - pad < 0 ? 0 : lo - pad, hi + pad);
  // A small chart has room for three or four value labels: every other one when there are more.
  return { domain, ticks: ticks.length > 5 ? ticks.filter((_, i) => i % 2 === 0) : ticks };
}

function Layers({ points, bands, target, hover, onHover, onZoom, valueText }: Omit<SmallChartProps, "domain">) {
  const area = usePlotArea();
  const x = useXAxisScale();
  const y = useYAxisScale();
  const xInverse = useXAxisInverseScale();
  const [drag, setDrag] = useState<Drag>();
  const svgLeft = useRef(0);
  const clip = useId();
  if (!area || !x || !y || !xInverse) return null;
  const { left, right, top, bottom, clampX, clampY } = plotEdges(area);
  const px = (p: ChartPoint) => x(p.time) ?? Number.NaN;
  const py = (p: ChartPoint) => y(p.value) ?? Number.NaN;
  const visible = points.filter((p) => px(p) >= left - 1 && px(p) <= right + 1);

  const localX = (e: PointerEvent<SVGRectElement>) => {
    svgLeft.current = (e.currentTarget.ownerSVGElement ?? e.currentTarget).getBoundingClientRect().left;
    return clampX(e.clientX - svgLeft.current);
  };
  const timeAt = (pixel: number) => Number(xInverse(pixel));

  const hoverX = hover === undefined ? undefined : x(hover);
  const shownHover = hoverX !== undefined && hoverX >= left && hoverX <= right ? hoverX : undefined;
  let near: ChartPoint | undefined;
  if (shownHover !== undefined) for (const p of visible) if (Math.abs(px(p) - shownHover) < NEAR && (!near || Math.abs(px(p) - shownHover) < Math.abs(px(near) - shownHover))) near = p;
  const targetY = (v: number | undefined) => (v === undefined ? undefined : y(v));

  return (
    <>
      <ZIndexLayer zIndex={-50}>
        <g className="bands">
          {bands.map((b, i) => {
            if ((x(b.to) ?? right) < left || (x(b.from) ?? left) > right) return null;
            const x1 = clampX(x(b.from) ?? left);
            const x2 = clampX(x(b.to) ?? right);
            const y1 = clampY(b.high === undefined ? top : (y(b.high) ?? top));
            const y2 = clampY(b.low === undefined ? bottom : (y(b.low) ?? bottom));
            return <rect key={i} className={b.meaning ? `band band-${b.meaning}` : "band"} x={x2 - x1 < 6 ? x1 - 3 : x1} y={y1} width={Math.max(x2 - x1, 6)} height={Math.max(0, y2 - y1)} />;
          })}
        </g>
        {target && (
          <g className="target">
            {[targetY(target.value), targetY(target.other)].map((ty, i) => ty !== undefined && ty >= top && ty <= bottom && <line key={i} x1={left} x2={right} y1={ty} y2={ty} />)}
          </g>
        )}
      </ZIndexLayer>
      <ZIndexLayer zIndex={1000}>
        {/* The line as the main chart draws it (ChartLayers' linePath), not recharts' Line. */}
        <clipPath id={clip}>
          <rect x={left} y={top} width={area.width} height={area.height} />
        </clipPath>
        <path className="line" clipPath={`url(#${clip})`} d={linePath(points, px, py)} fill="none" stroke="var(--series)" strokeWidth={1.5} />
        <g className="markers">
          {visible.map((p) => (
            <g key={p.id} className="point" data-id={p.id}>
              <Marker kind={p.marker} x={px(p)} y={py(p)} hollow={p.preliminary} critical={p.critical} flagged={p.flagged} />
            </g>
          ))}
        </g>
        {shownHover !== undefined && (
          <g className="hover-time">
            <line className="hover-line" x1={shownHover} x2={shownHover} y1={top} y2={bottom} />
            {near && (
              <>
                <circle className="active-ring" cx={px(near)} cy={py(near)} r={8} />
                <text className="hover-value" x={px(near) + (px(near) > (left + right) / 2 ? -10 : 10)} y={Math.max(top + 12, py(near) - 8)} textAnchor={px(near) > (left + right) / 2 ? "end" : "start"}>
                  {valueText(near)}
                </text>
              </>
            )}
          </g>
        )}
        <PointerSurface
          drag={drag}
          left={left}
          top={top}
          width={area.width}
          height={area.height}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture?.(e.pointerId);
            const at = localX(e);
            setDrag({ start: at, end: at });
          }}
          onPointerMove={(e) => {
            const at = localX(e);
            if (drag) setDrag({ ...drag, end: at });
            onHover(timeAt(at));
          }}
          onPointerUp={(e) => {
            if (!drag) return;
            setDrag(undefined);
            const at = localX(e);
            if (Math.abs(at - drag.start) < DRAG_MIN) return;
            const a = timeAt(Math.min(drag.start, at));
            const b = timeAt(Math.max(drag.start, at));
            if (Number.isFinite(a) && Number.isFinite(b)) onZoom(a, b);
          }}
          onPointerLeave={() => !drag && onHover(undefined)}
          onPointerCancel={() => setDrag(undefined)}
        />
      </ZIndexLayer>
    </>
  );
}

/** The small chart: axes, line and layers. The caller puts it in a figure with a caption that says what it shows. */
export const SmallChart = memo(function SmallChart(props: SmallChartProps) {
  const { points, bands, target, domain } = props;
  const [width, setWidth] = useState(INITIAL_WIDTH);
  const language = useLanguage();
  const yAxis = useMemo(() => valueAxis(points, bands, target), [points, bands, target]);
  const xAxis = useMemo(() => {
    const { ticks, unit } = timeTicks(domain[0], domain[1], (u) => maxTimeTicks(u, width - PLOT_INSET.left - MARGIN.right, 16));
    return { ticks, format: tickFormatter(unit, language) };
  }, [domain, width, language]);
  return (
    <div className="small-plot" aria-hidden="true">
      <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: INITIAL_WIDTH, height: HEIGHT }} onResize={setWidth}>
        <ComposedChart margin={MARGIN} accessibilityLayer={false}>
          <XAxis dataKey="time" type="number" scale="time" domain={domain as [number, number]} allowDataOverflow ticks={xAxis.ticks} tickFormatter={xAxis.format} interval={0} tick={AxisTick} stroke="var(--muted)" />
          <YAxis type="number" domain={yAxis.domain} ticks={yAxis.ticks} interval={0} tick={AxisTick} allowDataOverflow stroke="var(--muted)" width={PLOT_INSET.left} />
          <Layers {...props} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
});
