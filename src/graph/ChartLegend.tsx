import { MARKER_LABELS, MarkerIcon, type MarkerKind } from "./markers";
import { MAX_MARKED_CHANGES, MethodIcon } from "./methods";

const ORDER: readonly MarkerKind[] = ["N", "H", "HH", "L", "LL", "A", "below", "above"];

export interface ChartLegendProps {
  readonly markers: ReadonlySet<MarkerKind>;
  readonly preliminary: boolean;
  readonly band: boolean;
  readonly target: string | undefined;
  /** The methods drawn, in the chart's order; listed when there is more than one. */
  readonly methods?: readonly (string | undefined)[];
  /** How many times the method changes. */
  readonly methodChanges?: number;
}

/** What each shape and line means, listing only what the chart shows. */
export function ChartLegend({ markers, preliminary, band, target, methods = [], methodChanges = 0 }: ChartLegendProps) {
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
      {band && (
        <li>
          <span className="legend-band" aria-hidden="true" />
          Reference range
        </li>
      )}
      {methods.length > 1 &&
        methods.map((m, i) => (
          <li key={m ?? ""}>
            <MethodIcon index={i} />
            {m ? `Method: ${m}` : "Method not identified"}
          </li>
        ))}
      {methods.length > 1 && methodChanges > 0 && (
        <li>
          <span className="legend-method-change" aria-hidden="true" />
          {methodChanges <= MAX_MARKED_CHANGES ? "Method changed (dotted vertical line)" : `Methods alternate (${methodChanges} changes, not marked): told apart by line and frame`}
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
