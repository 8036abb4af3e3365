/** Which results the chart and table show: a preset span up to the latest result, or a zoomed window. */

export const PRESETS = ["1y", "3y", "5y", "all"] as const;
export type Preset = (typeof PRESETS)[number];

export type RangeSelection = { readonly kind: "preset"; readonly preset: Preset } | { readonly kind: "window"; readonly from: number; readonly to: number };

export const ALL: RangeSelection = { kind: "preset", preset: "all" };

export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

const YEARS: Readonly<Record<Exclude<Preset, "all">, number>> = { "1y": 1, "3y": 3, "5y": 5 };

/**
 * The window to show, or undefined for everything. Presets end at the latest result, not today: a history that
 * ended two years ago still shows its last year instead of an empty chart (the summary says how old it is).
 */
export function windowOf(selection: RangeSelection, latest: number | undefined): TimeWindow | undefined {
  if (selection.kind === "window") return { from: selection.from, to: selection.to };
  if (selection.preset === "all" || latest === undefined) return undefined;
  const start = new Date(latest);
  start.setUTCFullYear(start.getUTCFullYear() - YEARS[selection.preset]);
  return { from: start.getTime(), to: latest };
}

/** Whether a result at `time` is in the window; undated results show only when everything does. */
export function inWindow(time: number | undefined, window: TimeWindow | undefined): boolean {
  if (!window) return true;
  return time !== undefined && time >= window.from && time <= window.to;
}

const DAY = 86_400_000;

/**
 * The time span a chart of `times` (oldest first) draws: the window when one is chosen, else the results with 2 %
 * (at least 15 days) of room on each side, else the last year. Everything drawn on the lab's time axis (the chart,
 * the medication bars under it) uses this one span, so that they line up.
 */
export function chartDomain(span: TimeWindow | undefined, first: number | undefined, last: number | undefined, now = Date.now()): [number, number] {
  if (span) return [span.from, span.to];
  if (first === undefined || last === undefined) return [now - 365 * DAY, now];
  const pad = Math.max((last - first) * 0.02, 15 * DAY);
  return [first - pad, last + pad];
}
