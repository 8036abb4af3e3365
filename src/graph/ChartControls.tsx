import { useId } from "react";
import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import type { LabDefinition, LabUnit } from "../labs/catalog";
import { PRESETS, type Preset, type RangeSelection, type TimeWindow } from "../labs/timeRange";

export interface ChartControlsProps {
  readonly lab: LabDefinition;
  readonly unit: LabUnit;
  /** Without it, no unit toggle (the Overview shows each lab in its own unit). */
  readonly onUnit?: (unit: LabUnit) => void;
  readonly range: RangeSelection;
  /** `transition`: a button press that may redraw much, as opposed to a typed date. */
  readonly onRange: (range: RangeSelection, transition: boolean) => void;
  /** The span shown now (for the zoom fields); undefined without dated results. */
  readonly shown: TimeWindow | undefined;
}


const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayStart = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : Number.NaN);

/** The unit toggle, the time-range presets and the zoom fields (the keyboard's way to zoom). */
export function ChartControls({ lab, unit, onUnit, range, onRange, shown }: ChartControlsProps) {
  const id = useId();
  useLanguage();
  const labels: Readonly<Record<Preset, string>> = { "1y": t("1y"), "3y": t("3y"), "5y": t("5y"), all: t("All") };
  const titles: Readonly<Record<Preset, string>> = {
    "1y": t("Show the last year up to the latest result"),
    "3y": t("Show the last 3 years up to the latest result"),
    "5y": t("Show the last 5 years up to the latest result"),
    all: t("Show all results up to the latest result"),
  };
  const setDay = (edge: "from" | "to", text: string) => {
    const day = dayStart(text);
    if (!shown || Number.isNaN(day)) return;
    const from = edge === "from" ? day : shown.from;
    const to = edge === "to" ? day + 86_399_999 : shown.to;
    if (from <= to) onRange({ kind: "window", from, to }, false);
  };
  return (
    <div className="controls no-print">
      {lab.units.length > 1 && onUnit && (
        <fieldset className="toggle">
          <legend>{t("Unit")}</legend>
          {lab.units.map((u) => (
            <label key={u.code}>
              <input type="radio" name={`${id}-unit`} checked={u === unit} onChange={() => onUnit(u)} />
              {u.label}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="toggle">
        <legend>{t("Time range")}</legend>
        {PRESETS.map((p) => (
          <button key={p} type="button" aria-pressed={range.kind === "preset" && range.preset === p} title={titles[p]} onClick={() => onRange({ kind: "preset", preset: p }, true)}>
            {labels[p]}
          </button>
        ))}
      </fieldset>
      {shown && (
        <fieldset className="zoom">
          <legend>{t("Zoom")}</legend>
          <label>
            {t("From")} <input type="date" value={isoDay(shown.from)} onChange={(e) => setDay("from", e.target.value)} />
          </label>
          <label>
            {t("To")} <input type="date" value={isoDay(shown.to)} onChange={(e) => setDay("to", e.target.value)} />
          </label>
          {range.kind === "window" && (
            <button type="button" onClick={() => onRange({ kind: "preset", preset: "all" }, true)}>
              {t("Reset zoom")}
            </button>
          )}
        </fieldset>
      )}
    </div>
  );
}
