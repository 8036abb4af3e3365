import type { SVGProps } from "react";
import { DRAG_MIN } from "./ChartLayers";

/** A drag across a plot, in pixels from the plot's left edge. */
export interface Drag {
  readonly start: number;
  readonly end: number;
}

/** The band a drag is selecting, once it is wide enough to zoom to (the full chart and the Overview's small ones). */
function ZoomSelection({ drag, top, height }: { readonly drag: Drag | undefined; readonly top: number; readonly height: number }) {
  if (!drag || Math.abs(drag.end - drag.start) < DRAG_MIN) return null;
  return <rect className="zoom-selection" x={Math.min(drag.start, drag.end)} y={top} width={Math.abs(drag.end - drag.start)} height={height} />;
}

type PointerHandlers = Pick<SVGProps<SVGRectElement>, "onPointerDown" | "onPointerMove" | "onPointerUp" | "onPointerLeave" | "onPointerCancel">;

interface SurfaceProps extends PointerHandlers {
  /** The drag under way, drawn as the band it selects. */
  readonly drag: Drag | undefined;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The transparent rect over the plot that takes the pointer (hover, click, drag-to-zoom), under the drag's band. */
export function PointerSurface({ drag, left, top, width, height, ...handlers }: SurfaceProps) {
  return (
    <>
      <ZoomSelection drag={drag} top={top} height={height} />
      <rect className="pointer-surface" x={left} y={top} width={width} height={height} {...handlers} />
    </>
  );
}
