/** The chart's legend: what each marker drawn means, in the lab's words, and the band and goal line. */
import { MarkerIcon } from "./markers";
import type { LegendEntry } from "./present";

export interface ChartLegendProps {
  /** One per kind of point drawn (`legendEntries`). */
  readonly entries: readonly LegendEntry[];
  readonly preliminary: boolean;
  readonly band: boolean;
  readonly target: string | undefined;
}

/** What each shape and line means, listing only what the chart shows. */
export function ChartLegend({ entries, preliminary, band, target }: ChartLegendProps) {
  return (
    <ul className="legend" aria-label="Chart legend">
      {entries.map((e) => (
        <li key={`${e.marker}|${e.critical}|${e.flagged}|${e.text}`}>
          <MarkerIcon kind={e.marker} critical={e.critical} flagged={e.flagged} />
          {e.text}
        </li>
      ))}
      {preliminary && (
        <li>
          <MarkerIcon kind="none" hollow />
          Preliminary (hollow)
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
