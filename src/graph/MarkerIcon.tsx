/** A marker (markers.tsx) at text size, for the legend and the table: loaded with them, after the first chart. */
import { Marker, type MarkerProps } from "./markers";

/** A marker for a legend or a table cell, drawn at text size. */
export function MarkerIcon(props: Omit<MarkerProps, "x" | "y">) {
  return (
    <svg className="marker-icon" width="16" height="16" viewBox="-8 -11 16 22" aria-hidden="true" focusable="false">
      <Marker {...props} x={0} y={0} />
    </svg>
  );
}
