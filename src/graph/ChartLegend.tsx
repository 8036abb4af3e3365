/** The chart's legend: what each marker drawn means, in the lab's words, and the band and goal line. */
import type { RangeMeaning } from "../labs/ranges";
import { rangeLabel } from "../labs/rangeText";
import { DateSpan } from "./ChartLayers";
import { Marker } from "./markers";
import { MarkerIcon } from "./MarkerIcon";
import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import { flagWords } from "../labs/flagText";
import { methodName } from "../labs/methods";
import type { ChartPoint } from "./ChartLayers";
import type { MarkerKind } from "./markers";
import type { LegendEntry } from "./present";
import { MAX_MARKED_CHANGES, MethodFrame, methodDash } from "./methods";

const LEGEND_ORDER: readonly MarkerKind[] = ["none", "N", "H", "HH", "L", "LL", "A", "AA", "other", "below", "above"];

/**
 * What each marker drawn means, one line per marker, styling and words: "High", "Significantly high", the lab's
 * own words for an ungraded flag ("Positive"), and for a limit the flag it carries ("… — Critical low").
 */
export function legendEntries(points: readonly ChartPoint[]): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  const limits: Partial<Record<MarkerKind, string>> = { below: t("Limit: the value is below the mark"), above: t("Limit: the value is above the mark") };
  for (const p of points) {
    const limit = limits[p.marker];
    const flag = p.flag && flagWords(p.flag);
    const text = limit ? (flag ? `${limit} — ${flag}` : limit) : (flag ?? t("Not flagged"));
    const key = `${p.marker}|${p.critical}|${p.flagged}|${text}`;
    if (!entries.has(key)) entries.set(key, { marker: p.marker, critical: p.critical, flagged: p.flagged, text });
  }
  return [...entries.values()].sort((a, b) => LEGEND_ORDER.indexOf(a.marker) - LEGEND_ORDER.indexOf(b.marker));
}

/** A method's line and frame for the legend, drawn at text size. */
export function MethodIcon({ index }: { readonly index: number }) {
  return (
    <svg className="method-icon" width="32" height="20" viewBox="-16 -10 32 20" aria-hidden="true" focusable="false">
      <line className="method-line" x1={-16} x2={16} y1={0} y2={0} strokeDasharray={methodDash(index)} />
      <circle className="marker marker-normal" cx={0} cy={0} r={3} />
      <g transform="scale(0.75)">
        <MethodFrame index={index} x={0} y={0} />
      </g>
    </svg>
  );
}

export interface ChartLegendProps {
  /** One per kind of point drawn (`legendEntries`). */
  readonly entries: readonly LegendEntry[];
  readonly preliminary: boolean;
  /** Some point's date is known only to its month or year. */
  readonly imprecise?: boolean;
  /** The kinds of range band drawn. */
  readonly band: ReadonlySet<RangeMeaning>;
  readonly target: string | undefined;
  /** The methods drawn, in the chart's order; listed when there is more than one. */
  readonly methods?: readonly (string | undefined)[];
  /** How many times the method changes. */
  readonly methodChanges?: number;
}

/** What each shape and line means, listing only what the chart shows. */
export function ChartLegend({ entries, preliminary, imprecise = false, band, target, methods = [], methodChanges = 0 }: ChartLegendProps) {
  useLanguage();
  return (
    <ul className="legend" aria-label={t("Chart legend")}>
      {entries.map((e) => (
        <li key={`${e.marker}|${e.critical}|${e.flagged}|${e.text}`}>
          <MarkerIcon kind={e.marker} critical={e.critical} flagged={e.flagged} />
          {e.text}
        </li>
      ))}
      {preliminary && (
        <li>
          <MarkerIcon kind="none" hollow />
          {t("Preliminary (hollow)")}
        </li>
      )}
      {imprecise && (
        <li>
          <svg className="marker-icon" width="22" height="16" viewBox="-10 -11 22 22" aria-hidden="true" focusable="false">
            <DateSpan x1={-8} x2={10} y={0} />
            <Marker kind="N" x={-8} y={0} />
          </svg>
          {t("Date known only to the month or year (line: the period)")}
        </li>
      )}
      {(["normal", "recommended"] as const)
        .filter((m) => band.has(m))
        .map((m) => (
          <li key={m}>
            <span className={m === "normal" ? "legend-band" : `legend-band legend-band-${m}`} aria-hidden="true" />
            {rangeLabel(m)}
          </li>
        ))}
      {methods.length > 1 &&
        methods.map((m, i) => (
          <li key={m ?? ""}>
            <MethodIcon index={i} />
            {m ? t("Method: {method}", { method: methodName(m) }) : t("Method not identified")}
          </li>
        ))}
      {methods.length > 1 && methodChanges > 0 && (
        <li>
          <span className="legend-method-change" aria-hidden="true" />
          {methodChanges <= MAX_MARKED_CHANGES ? t("Method changed (dotted vertical line)") : t("Methods alternate ({count} changes, not marked): told apart by line and frame", { count: methodChanges })}
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
