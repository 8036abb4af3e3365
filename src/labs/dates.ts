/**
 * FHIR dates at the precision they were recorded: `2021-03-04` is that calendar day wherever the reader is,
 * while a dateTime with a time is shown in the reader's time zone.
 */

export type DatePrecision = "year" | "month" | "day" | "time";

export interface FhirInstant {
  /** Milliseconds since the epoch; for partial dates, the start of the period in UTC. */
  readonly time: number;
  readonly precision: DatePrecision;
  readonly raw: string;
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
  const time = Date.parse(raw);
  return Number.isNaN(time) ? undefined : { time, precision: "time", raw };
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are slow to create and a table formats thousands of dates: each is made once. */
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
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
      return dateFormat(locale, { dateStyle: "medium", timeZone }).format(instant.time);
  }
}

/** Like formatFhirDate, with the time of day when one was recorded. */
export function formatFhirDateTime(instant: FhirInstant, locale?: string, timeZone?: string): string {
  if (instant.precision !== "time") return formatFhirDate(instant, locale, timeZone);
  return dateFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(instant.time);
}

/** "3 months ago", "2 years ago": how long since `from`, in the reader's language. */
export function formatElapsed(from: number, now: number, locale?: string): string {
  const days = Math.round((now - from) / 86_400_000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (Math.abs(days) < 45) return format.format(-days, "day");
  const months = Math.round(days / 30.44);
  if (Math.abs(months) < 24) return format.format(-months, "month");
  return format.format(-Math.round(days / 365.25), "year");
}
