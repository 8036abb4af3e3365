/**
 * The chart's pointer: hovering shows the nearest result's tooltip, a click selects it, a drag zooms to the span
 * dragged over. One transparent surface over the plot area, drawn with recharts' scales; it comes with the parts
 * that load after the first chart (afterChart.later.ts), since drawing the first points does not need it.
 */
import { useRef, useState, type PointerEvent, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { useXAxisInverseScale } from "recharts";
import { DRAG_MIN, plotEdges, type ChartPoint } from "./ChartLayers";
import { PointerSurface, type Drag } from "./PointerSurface";

export interface ChartPointerProps {
  /** The points drawn inside the plot area. */
  readonly points: readonly ChartPoint[];
  readonly px: (p: ChartPoint) => number;
  readonly py: (p: ChartPoint) => number;
  readonly area: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly activeId: string | undefined;
  readonly onActivate: (id: string) => void;
  readonly onZoom: (from: number, to: number) => void;
  readonly tooltip: (id: string) => ReactNode;
  readonly tooltipHost: HTMLDivElement | null;
}

export function ChartPointer(props: ChartPointerProps) {
  const { points, px, py, area } = props;
  const xInverse = useXAxisInverseScale();
  const [drag, setDrag] = useState<Drag | undefined>();
  // Hover lives here, not in the chart: moving the pointer redraws the tooltip, not the chart.
  const [hoverId, setHoverId] = useState<string>();
  const svgLeft = useRef(0);
  if (!xInverse) return null;

  const { left, right, top, clampX } = plotEdges(area);

  const nearest = (pixel: number): ChartPoint | undefined => {
    let best: ChartPoint | undefined;
    for (const p of points) if (!best || Math.abs(px(p) - pixel) < Math.abs(px(best) - pixel)) best = p;
    return best && Math.abs(px(best) - pixel) < 24 ? best : undefined;
  };
  const localX = (e: PointerEvent<SVGRectElement>) => e.clientX - svgLeft.current;

  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    svgLeft.current = (e.currentTarget.ownerSVGElement ?? e.currentTarget).getBoundingClientRect().left;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const at = localX(e);
    setDrag({ start: at, end: at });
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    svgLeft.current = (e.currentTarget.ownerSVGElement ?? e.currentTarget).getBoundingClientRect().left;
    const at = localX(e);
    if (drag) setDrag({ ...drag, end: clampX(at) });
    else setHoverId(nearest(at)?.id);
  };
  const onPointerUp = (e: PointerEvent<SVGRectElement>) => {
    if (!drag) return;
    setDrag(undefined);
    const at = clampX(localX(e));
    if (Math.abs(at - drag.start) < DRAG_MIN) {
      const hit = nearest(at);
      if (hit) props.onActivate(hit.id);
      return;
    }
    const a = Number(xInverse(Math.min(drag.start, at)));
    const b = Number(xInverse(Math.max(drag.start, at)));
    if (Number.isFinite(a) && Number.isFinite(b)) props.onZoom(a, b);
  };

  const tipId = hoverId ?? props.activeId;
  const tipPoint = tipId ? points.find((p) => p.id === tipId) : undefined;
  const host = props.tooltipHost;

  return (
    <>
      <PointerSurface
        drag={drag}
        left={left}
        top={top}
        width={area.width}
        height={area.height}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => !drag && setHoverId(undefined)}
        onPointerCancel={() => setDrag(undefined)}
      />
      {host &&
        tipPoint &&
        createPortal(
          <div className={`tooltip${px(tipPoint) > (left + right) / 2 ? " tooltip-left" : ""}`} style={{ left: px(tipPoint), top: py(tipPoint) }} aria-hidden="true">
            {props.tooltip(tipPoint.id)}
          </div>,
          host,
        )}
    </>
  );
}
