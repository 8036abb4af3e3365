/** A marker (markers.tsx) at text size, for the legend and the table: loaded with them, after the first chart. */
import { Marker, markerClass, type MarkerKind, type MarkerProps } from "./markers";
import "./markerChips.css";

/** A marker for a legend or a table cell, drawn at text size. */
export function MarkerIcon(props: Omit<MarkerProps, "x" | "y">) {
  return (
    <svg className="marker-icon" width="16" height="16" viewBox="-8 -11 16 22" aria-hidden="true" focusable="false">
      <Marker {...props} x={0} y={0} />
    </svg>
  );
}

export interface MarkerChipProps {
  readonly kind: MarkerKind;
  /** For a limit, as in Marker: the lab's critical or abnormal flag on it. */
  readonly critical?: boolean;
  readonly flagged?: boolean;
}

/**
 * The same marker as one element drawn by CSS (markerChips.css gives each kind its shape), for the table's rows, with
 * Marker's classes: an SVG per row made a page of 200 rows several times slower to lay out, in the frame that answers
 * a zoom.
 */
export function MarkerChip({ kind, critical = false, flagged = false }: MarkerChipProps) {
  return <span className={`${markerClass(kind, critical, flagged)[0]} marker-chip chip-${kind}`} aria-hidden="true" />;
}
