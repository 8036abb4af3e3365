import { RANGE_LABELS, type RangeMeaning } from "../labs/ranges";
import { MARKER_LABELS, MarkerIcon, type MarkerKind } from "./markers";

const ORDER: readonly MarkerKind[] = ["N", "H", "HH", "L", "LL", "A", "below", "above"];

export interface ChartLegendProps {
  readonly markers: ReadonlySet<MarkerKind>;
  readonly preliminary: boolean;
  /** The kinds of range band drawn. */
  readonly band: ReadonlySet<RangeMeaning>;
  readonly target: string | undefined;
}

/** What each shape and line means, listing only what the chart shows. */
export function ChartLegend({ markers, preliminary, band, target }: ChartLegendProps) {
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
      {(["normal", "recommended"] as const)
        .filter((m) => band.has(m))
        .map((m) => (
          <li key={m}>
            <span className={m === "normal" ? "legend-band" : `legend-band legend-band-${m}`} aria-hidden="true" />
            {RANGE_LABELS[m]}
          </li>
        ))}
      {target && (
        <li>
          <span className="legend-target" aria-hidden="true" />
          {target}
        </li>
      )}
    </ul>
  );
}
