/**
 * Axis ticks people read easily: round values, and calendar years, months or days. Pure. Calendar ticks fall on
 * midnights in the same time zone as the table's dates (the reader's, unless one is given), so a result dated
 * 4 March sits on the 4 March tick (docs/clinical-rules.md §8).
 */
import { language } from "../i18n/i18n";
import { timeToWallClock, wallClockToTime } from "../labs/dates";

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

/** A value axis covering [lo, hi] in 4 to 8 steps of 1, 2, 2.5 or 5 × 10ⁿ, wasting the least room. */
export function niceTicks(lo: number, hi: number): { domain: [number, number]; ticks: number[] } {
  const width = hi - lo || Math.abs(hi) || 1;
  const magnitude = 10 ** Math.floor(Math.log10(width / 5));
  let best: { start: number; end: number; step: number } | undefined;
  for (const step of [0.5, 1, 2, 2.5, 5, 10, 20].map((m) => m * magnitude)) {
    const start = Math.floor(lo / step) * step;
    const end = Math.max(Math.ceil(hi / step) * step, start + step);
    const count = Math.round((end - start) / step);
    if (count < 3 || count > 8) continue;
    if (!best || end - start < best.end - best.start) best = { start, end, step };
  }
  const { start, end, step } = best ?? { start: lo, end: lo + width, step: width / 4 };
  let decimals = 0;
  while (decimals < 10 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-9) decimals++;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)));
  return { domain: [ticks[0]!, ticks[ticks.length - 1]!], ticks };
}

export type TimeUnit = "year" | "month" | "day";

/** Room for one label and the gap after it, in ems: "2024", "Sep 12", "Sep 2024" (or "sept. 2024"). */
const LABEL_EMS: Readonly<Record<TimeUnit, number>> = { year: 3.5, month: 5.5, day: 4.5 };

/** How many labels of `unit` an axis `width` pixels long holds side by side, for text of `fontPx` pixels: 2 to 8. */
export function maxTimeTicks(unit: TimeUnit, width: number, fontPx: number): number {
  return Math.max(2, Math.min(8, Math.floor(width / (LABEL_EMS[unit] * fontPx))));
}

/**
 * Calendar ticks between `from` and `to`, at midnights in `timeZone` (the reader's by default), and the unit they
 * step by: the finest step that gives at most `max` of them (or `max(unit)`, for labels whose length depends on
 * the unit).
 */
export function timeTicks(from: number, to: number, max: number | ((unit: TimeUnit) => number) = 8, timeZone?: string): { ticks: number[]; unit: TimeUnit } {
  const span = to - from;
  const steps: [TimeUnit, number][] = [
    ["day", 1], ["day", 2], ["day", 7], ["day", 14], ["month", 1], ["month", 2], ["month", 3], ["month", 6],
    ["year", 1], ["year", 2], ["year", 5], ["year", 10], ["year", 20], ["year", 50],
  ];
  const length = (u: TimeUnit, n: number) => n * (u === "year" ? YEAR : u === "month" ? YEAR / 12 : DAY);
  const limit = typeof max === "number" ? () => max : max;
  const [unit, n] = steps.find(([u, k]) => span / length(u, k) <= limit(u)) ?? steps[steps.length - 1]!;
  // Calendar arithmetic on the wall clock (written as UTC), each tick turned back into an instant.
  const start = new Date(timeToWallClock(from, timeZone));
  const ticks: number[] = [];
  let wall: Date;
  if (unit === "year") wall = new Date(Date.UTC(Math.ceil(start.getUTCFullYear() / n) * n, 0, 1));
  else if (unit === "month") wall = new Date(Date.UTC(start.getUTCFullYear(), Math.ceil(start.getUTCMonth() / n) * n, 1));
  else wall = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
  for (let t = wallClockToTime(wall.getTime(), timeZone); t <= to && ticks.length < 200; t = wallClockToTime(wall.getTime(), timeZone)) {
    if (t >= from) ticks.push(t);
    if (unit === "year") wall = new Date(Date.UTC(wall.getUTCFullYear() + n, 0, 1));
    else if (unit === "month") wall = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + n, 1));
    else wall = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + n));
  }
  return { ticks, unit };
}

const FORMATS: Readonly<Record<TimeUnit, Intl.DateTimeFormatOptions>> = {
  year: { year: "numeric" },
  month: { year: "numeric", month: "short" },
  day: { month: "short", day: "numeric" },
};

/** Tick labels in `timeZone` (the reader's by default), the zone `timeTicks` placed them in. */
export function tickFormatter(unit: TimeUnit, locale = language(), timeZone?: string): (t: number) => string {
  const format = new Intl.DateTimeFormat(locale, { ...FORMATS[unit], timeZone });
  return (t) => format.format(t);
}
