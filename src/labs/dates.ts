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
  if (!raw) return undefined;
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

/** Formats a date for people, in their locale; date-only values are never shifted by the time zone. */
export function formatFhirDate(instant: FhirInstant, locale?: string, timeZone?: string): string {
  switch (instant.precision) {
    case "year":
      return instant.raw.slice(0, 4);
    case "month":
      return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(instant.time);
    case "day":
      return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(instant.time);
    case "time":
      return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(instant.time);
  }
}
