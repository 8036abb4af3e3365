/**
 * FHIR dates at the precision they were recorded: `2021-03-04` is that calendar day wherever the reader is,
 * while a dateTime with a time is shown in the reader's time zone. A time written without a UTC offset (FHIR says
 * it SHALL have one) is taken as the wall-clock time written, never shifted (docs/clinical-rules.md §8). The
 * chart's axis and the table use the same zone: the reader's, unless one is given.
 */
import { language } from "../i18n/i18n";
import { memoizeByKey } from "./memo";

export type DatePrecision = "year" | "month" | "day" | "time";

export interface FhirInstant {
  /** Milliseconds since the epoch; for partial dates, the start of the period in UTC. */
  readonly time: number;
  readonly precision: DatePrecision;
  readonly raw: string;
  /** A time with no UTC offset: `time` holds its wall-clock reading as if it were UTC, like a date-only value. */
  readonly zoneless?: true;
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parseFhirDate(raw: string | undefined): FhirInstant | undefined {
  if (!raw || typeof raw !== "string") return undefined;
  const partial = PARTIAL.exec(raw);
  if (partial) {
    const [, y, m, d] = partial;
    const time = Date.UTC(Number(y), m ? Number(m) - 1 : 0, d ? Number(d) : 1);
    if (Number.isNaN(time)) return undefined;
    return { time, precision: d ? "day" : m ? "month" : "year", raw };
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw)) return undefined;
  const zoneless = !/(Z|[+-]\d{2}:?\d{2})$/.test(raw);
  // ECMAScript reads a date-time without an offset as local time: with "Z" it is read as written.
  const time = Date.parse(zoneless ? `${raw}Z` : raw);
  if (Number.isNaN(time)) return undefined;
  return zoneless ? { time, precision: "time", raw, zoneless } : { time, precision: "time", raw };
}

/** For a year-only or month-only date, the start (UTC) of the next year or month: the end of the period it covers. */
export function periodEnd(instant: FhirInstant): number | undefined {
  const d = new Date(instant.time);
  if (instant.precision === "year") return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  if (instant.precision === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return undefined;
}

// Read as numbers, never shown: a fixed locale keeps its digits and fields parseable.
const offsetFormat = memoizeByKey(
  (timeZone) => new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }),
);

/** How far `timeZone`'s wall clock is ahead of UTC at `time`, in ms; the reader's own zone when none is given. */
function zoneOffset(time: number, timeZone: string | undefined): number {
  if (timeZone === undefined) return -new Date(time).getTimezoneOffset() * 60_000;
  const p = Object.fromEntries(offsetFormat(timeZone).formatToParts(time).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second) - Math.floor(time / 1000) * 1000;
}

/** The wall-clock reading of `time` in `timeZone`, written as the UTC instant that reads the same. */
export function timeToWallClock(time: number, timeZone?: string): number {
  return time + zoneOffset(time, timeZone);
}

/** The instant at which `timeZone`'s wall clock reads `wall` (a wall-clock reading written as UTC). */
export function wallClockToTime(wall: number, timeZone?: string): number {
  const guess = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(guess, timeZone);
}

/**
 * Where the chart places a date, in `timeZone` (the reader's by default): an instant where it happened; a date,
 * a month, a year or a time without an offset at its wall-clock reading in that zone, so a day sits on its tick.
 */
export function plotTime(instant: FhirInstant, timeZone?: string): number {
  return instant.precision === "time" && !instant.zoneless ? instant.time : wallClockToTime(instant.time, timeZone);
}

/** For a year-only or month-only date, where the chart ends the period it covers. */
export function plotPeriodEnd(instant: FhirInstant, timeZone?: string): number | undefined {
  const end = periodEnd(instant);
  return end === undefined ? undefined : wallClockToTime(end, timeZone);
}

const formats = memoizeByKey((key) => {
  const [locale, options] = JSON.parse(key) as [string, Intl.DateTimeFormatOptions];
  return new Intl.DateTimeFormat(locale, options);
});

/** Intl formatters are slow to create and a table formats thousands of dates: each is made once (per language). */
export function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return formats(JSON.stringify([locale ?? language(), options]));
}

/** Formats a date for people, in their locale; date-only values are never shifted by the time zone. */
export function formatFhirDate(instant: FhirInstant, locale?: string, timeZone?: string): string {
  switch (instant.precision) {
    case "year":
      return instant.raw.slice(0, 4);
    case "month":
      return dateFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(instant.time);
    case "day":
      return dateFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(instant.time);
    case "time":
      return dateFormat(locale, { dateStyle: "medium", timeZone: instant.zoneless ? "UTC" : timeZone }).format(instant.time);
  }
}
