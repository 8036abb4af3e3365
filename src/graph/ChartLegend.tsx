/** The chart's legend: what each marker drawn means, in the lab's words, and the band and goal line. */
import { RANGE_LABELS, type RangeMeaning } from "../labs/ranges";
import { MarkerIcon } from "./markers";
import type { LegendEntry } from "./present";

export interface ChartLegendProps {
  /** One per kind of point drawn (`legendEntries`). */
  readonly entries: readonly LegendEntry[];
  readonly preliminary: boolean;
  /** The kinds of range band drawn. */
  readonly band: ReadonlySet<RangeMeaning>;
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
