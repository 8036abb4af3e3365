import { DateSpan } from "./ChartLayers";
import { MARKER_LABELS, Marker, MarkerIcon, type MarkerKind } from "./markers";

const ORDER: readonly MarkerKind[] = ["N", "H", "HH", "L", "LL", "A", "below", "above"];

export interface ChartLegendProps {
  readonly markers: ReadonlySet<MarkerKind>;
  readonly preliminary: boolean;
  /** Some point's date is known only to its month or year. */
  readonly imprecise?: boolean;
  readonly band: boolean;
  readonly target: string | undefined;
}

/** What each shape and line means, listing only what the chart shows. */
export function ChartLegend({ markers, preliminary, imprecise = false, band, target }: ChartLegendProps) {
  return (
    <ul className="legend" aria-label="Chart legend">
      {ORDER.filter((m) => markers.has(m)).map((m) => (
        <li key={m}>
          <MarkerIcon kind={m} />
          {MARKER_LABELS[m]}
        </li>
      ))}
      {preliminary && (
        <li>
          <MarkerIcon kind="N" hollow />
          Preliminary (hollow)
        </li>
      )}
      {imprecise && (
        <li>
          <svg className="marker-icon" width="22" height="16" viewBox="-10 -11 22 22" aria-hidden="true" focusable="false">
            <DateSpan x1={-8} x2={10} y={0} />
            <Marker kind="N" x={-8} y={0} />
          </svg>
          Date known only to the month or year (line: the period)
        </li>
      )}
      {band && (
        <li>
          <span className="legend-band" aria-hidden="true" />
          Reference range
        </li>
      )}
      {target && (
        <li>
          <span className="legend-target" aria-hidden="true" />
          {target}
        </li>
      )}
    </ul>
  );
}
