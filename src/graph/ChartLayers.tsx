/**
 * What the chart draws besides its axes, with recharts' scales: the reference band as it changes over time, the
 * target line, the line and the markers, and (once it has loaded, ChartPointer.tsx) one pointer surface that
 * gives hover, click and drag-to-zoom.
 */
import { memo, useCallback, useId, useMemo, type ComponentType, type ReactNode } from "react";
import { usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from "recharts";
import type { ChartPointerProps } from "./ChartPointer";
import { Marker, type MarkerKind } from "./markers";
import { methodName, type MethodChange } from "../labs/methods";
import { MAX_MARKED_CHANGES, MethodFrame, methodChangeLabel, methodDash } from "./methods";

export interface ChartPoint {
  readonly id: string;
  readonly time: number;
  /** In the unit shown. */
  readonly value: number;
  readonly marker: MarkerKind;
  /** Flagged critical by the lab (HH, LL, AA): drawn in critical styling, even as a limit, and never left out. */
  readonly critical: boolean;
  /** Flagged by the lab as outside the normal range (critical included). */
  readonly flagged: boolean;
  /** The lab's flag in words, for the legend; none when not flagged. */
  readonly flag?: string;
  readonly preliminary: boolean;
  /** A limit (`<4.0`) is drawn at its bound and labelled. */
  readonly limit?: string;
  /** The method of the result (docs/clinical-rules.md §7); undefined when it is not identified. */
  readonly method?: string | undefined;
  /** A date known only to its month or year: the point sits at the period's start, a line runs to its end. */
  readonly periodEnd?: number;
}

export interface ChartBand {
  readonly from: number;
  readonly to: number;
  readonly low?: number;
  readonly high?: number;
  /** Absent for a normal (reference) range; a recommended range is drawn in a style of its own. */
  readonly meaning?: "recommended";
}

interface LayerProps {
  readonly points: readonly ChartPoint[];
  readonly bands: readonly ChartBand[];
  readonly target: { readonly value: number; readonly label: string; readonly other?: number } | undefined;
  readonly activeId: string | undefined;
  readonly onActivate: (id: string) => void;
  readonly onZoom: (from: number, to: number) => void;
  readonly tooltip: (id: string) => ReactNode;
  readonly tooltipHost: HTMLDivElement | null;
  /** The methods drawn, in order: with more than one, each point gets its method's frame. */
  readonly methods?: readonly (string | undefined)[];
  /** Where the method changes, oldest first (marked when there are a few, not when methods alternate). */
  readonly methodChanges?: readonly MethodChange[];
  /** Hover, click and drag-to-zoom (ChartPointer, loaded after the first chart); without it the chart only draws. */
  readonly pointer?: ComponentType<ChartPointerProps> | undefined;
}

interface MarkersProps {
  readonly points: readonly ChartPoint[];
  readonly activeId: string | undefined;
  readonly methods: readonly (string | undefined)[];
  readonly px: (p: ChartPoint) => number;
  readonly py: (p: ChartPoint) => number;
  /** The plot area's right edge: a date's period is cut there. */
  readonly right: number;
}

/** The period a month-only or year-only date covers: a line from its start with a bar at its end. */
export function DateSpan({ x1, x2, y }: { readonly x1: number; readonly x2: number; readonly y: number }) {
  return <path className="date-span" d={`M${x1},${y}H${x2}M${x2},${y - 5}V${y + 5}`} />;
}

/** The points; redrawn only when they, the scales or the selection change (not on hover or drag). */
const Markers = memo(function Markers({ points, activeId, methods, px, py, right }: MarkersProps) {
  return (
    <g className="markers">
      {points.map((p) => (
        <g key={p.id} className={p.id === activeId ? "point active" : "point"} data-id={p.id}>
          {p.id === activeId && <circle className="active-ring" cx={px(p)} cy={py(p)} r={10} />}
          {methods.length > 1 && <MethodFrame index={methods.indexOf(p.method)} x={px(p)} y={py(p)} />}
          {p.periodEnd !== undefined && <DateSpan x1={px(p)} x2={Math.min(px({ ...p, time: p.periodEnd }), right)} y={py(p)} />}
          <Marker kind={p.marker} x={px(p)} y={py(p)} hollow={p.preliminary} critical={p.critical} flagged={p.flagged} />
          {p.limit && (
            <text className="limit-label" x={px(p) + 8} y={py(p) + (p.marker === "above" ? -6 : 14)}>
              {p.limit}
            </text>
          )}
        </g>
      ))}
    </g>
  );
});

/**
 * The path through `points` in order: a limit (`<4.0`) is not a measured value, so the line breaks there, as it
 * does at a point that cannot be placed.
 */
export function linePath(points: readonly ChartPoint[], px: (p: ChartPoint) => number, py: (p: ChartPoint) => number): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    const [x, y] = [px(p), py(p)];
    if (p.limit || !Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

/**
 * The line, drawn here rather than by recharts' `<Line>` (which measures its path's length on every render, a
 * forced layout, even without animation): one per method, since results of different methods are not joined
 * (docs/clinical-rules.md §7), clipped to the plot area.
 */
const Lines = memo(function Lines({ points, methods, px, py, clip }: Pick<MarkersProps, "points" | "methods" | "px" | "py"> & { readonly clip: string }) {
  const groups = methods.length > 1 ? methods.map((m) => points.filter((p) => p.method === m)) : [points];
  return (
    <g clipPath={`url(#${clip})`} fill="none" stroke="var(--series)" strokeWidth={1.5}>
      {groups.map((group, i) => (
        <path key={i} className="line" d={linePath(group, px, py)} strokeDasharray={groups.length > 1 ? methodDash(i) : undefined} />
      ))}
    </g>
  );
});

const NO_METHODS: readonly (string | undefined)[] = [];
/** Whether a method-change label (11 px text, about 6.2 px a character) fits in `room` pixels. */
const fits = (label: string, room: number) => label.length * 6.2 + 8 <= room;

/** The plot area's edges, and a pixel clamped into it: what every layer drawn on recharts' scales places by. */
export function plotEdges(area: { readonly x: number; readonly y: number; readonly width: number; readonly height: number }) {
  const [left, right, top, bottom] = [area.x, area.x + area.width, area.y, area.y + area.height];
  return {
    left,
    right,
    top,
    bottom,
    clampX: (v: number) => Math.min(right, Math.max(left, v)),
    clampY: (v: number) => Math.min(bottom, Math.max(top, v)),
  };
}

/** A drag shorter than this many pixels is a click. */
export const DRAG_MIN = 8;

export function ChartLayers(props: LayerProps) {
  const area = usePlotArea();
  const x = useXAxisScale();
  const y = useYAxisScale();
  const clip = useId();
  const px = useCallback((p: ChartPoint) => x?.(p.time) ?? Number.NaN, [x]);
  const py = useCallback((p: ChartPoint) => y?.(p.value) ?? Number.NaN, [y]);
  const visible = useMemo(() => (area ? props.points.filter((p) => px(p) >= area.x - 1 && px(p) <= area.x + area.width + 1) : []), [props.points, px, area]);
  if (!area || !x || !y) return null;

  const { left, right, top, bottom, clampX, clampY } = plotEdges(area);

  const Pointer = props.pointer;

  return (
    <>
      <ZIndexLayer zIndex={-50}>
        <g className="bands">
          {props.bands.map((b, i) => {
            const x1 = clampX(x(b.from) ?? left);
            const x2 = clampX(x(b.to) ?? right);
            if (x2 < left || x1 > right) return null;
            const y1 = clampY(b.high === undefined ? top : (y(b.high) ?? top));
            const y2 = clampY(b.low === undefined ? bottom : (y(b.low) ?? bottom));
            // A range seen on a single result still gets a visible sliver.
            const width = Math.max(x2 - x1, 6);
            return <rect key={i} className={b.meaning ? `band band-${b.meaning}` : "band"} x={x2 - x1 < 6 ? x1 - 3 : x1} y={y1} width={width} height={Math.max(0, y2 - y1)} />;
          })}
        </g>
        {props.target && (y(props.target.value) ?? -1) >= top && (y(props.target.value) ?? -1) <= bottom && (
          <g className="target">
            <line x1={left} x2={right} y1={y(props.target.value)} y2={y(props.target.value)} />
            {props.target.other !== undefined && (y(props.target.other) ?? -1) >= top && (y(props.target.other) ?? -1) <= bottom && (
              <line x1={left} x2={right} y1={y(props.target.other)} y2={y(props.target.other)} />
            )}
            <text x={right - 4} y={(y(props.target.value) ?? 0) - 5} textAnchor="end">
              {props.target.label}
            </text>
          </g>
        )}
        {props.methodChanges && props.methodChanges.length <= MAX_MARKED_CHANGES && (
          <g className="method-changes">
            {props.methodChanges.map((c, i) => {
              // Between the last result of one method and the first of the next.
              const at = x((c.after + c.time) / 2);
              if (at === undefined || at < left || at > right) return null;
              return (
                <g key={c.time} className="method-change">
                  <line x1={at} x2={at} y1={top} y2={bottom} />
                  {/* On the side with more room; where the whole label does not fit, only the new method. */}
                  <text x={at - left > right - at ? at - 4 : at + 4} y={top + 12 + (i % 3) * 14} textAnchor={at - left > right - at ? "end" : "start"}>
                    {fits(methodChangeLabel(c), Math.max(at - left, right - at)) ? methodChangeLabel(c) : `→ ${methodName(c.to)}`}
                  </text>
                </g>
              );
            })}
          </g>
        )}
      </ZIndexLayer>
      <ZIndexLayer zIndex={1000}>
        <clipPath id={clip}>
          <rect x={left} y={top} width={area.width} height={area.height} />
        </clipPath>
        <Lines points={props.points} methods={props.methods ?? NO_METHODS} px={px} py={py} clip={clip} />
        <Markers points={visible} activeId={props.activeId} methods={props.methods ?? NO_METHODS} px={px} py={py} right={right} />
        {Pointer && (
          <Pointer points={visible} px={px} py={py} area={area} activeId={props.activeId} onActivate={props.onActivate} onZoom={props.onZoom} tooltip={props.tooltip} tooltipHost={props.tooltipHost} />
        )}
      </ZIndexLayer>
    </>
  );
}
