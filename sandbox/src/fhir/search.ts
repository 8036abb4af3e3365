/**
 * Observation search over the indexed store: parameter parsing (strict: an unknown parameter is a 400),
 * filtering, sorting and paging (the page cursors are in cursors.ts).
 */
import type { FhirStore, IndexedObservation } from "./store.ts";
import { badRequest } from "./outcome.ts";

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 200;

type Prefix = "eq" | "ne" | "gt" | "lt" | "ge" | "le";

export interface DateFilter {
  readonly prefix: Prefix;
  /** The value as written, for links. */
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** A search, normalized: what a cursor carries and what a page is computed from. */
export interface ObservationQuery {
  readonly patient?: string;
  /** Each inner list is one `code` parameter (its comma-separated values are ORed). */
  readonly codes: readonly (readonly string[])[];
  readonly categories: readonly (readonly string[])[];
  readonly statuses: readonly string[];
  readonly dates: readonly DateFilter[];
  readonly sort: "date" | "-date" | "none";
  readonly count: number;
  readonly summaryCount: boolean;
  readonly total: "accurate" | "none";
}

/** Parameters that are accepted and have no effect on the result (documented in docs/sandbox.md). */
const IGNORED = new Set(["_format", "_pretty", "_elements"]);

/** Parses a date or dateTime search value into the instant range it denotes ([start, end) in ms). */
export function parseDateRange(value: string): { start: number; end: number } | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  const month = mo ? Number(mo) - 1 : 0;
  const day = d ? Number(d) : 1;
  if (month > 11 || day < 1 || day > 31) return undefined;
  const offsetMs = tz && tz !== "Z" ? (tz[0] === "-" ? -1 : 1) * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6))) * 60_000 : 0;
  const base = Date.UTC(year, month, day, h ? Number(h) : 0, mi ? Number(mi) : 0, s ? Number(s) : 0, frac ? Math.round(Number(frac) * 1000) : 0) - offsetMs;
  if (Number.isNaN(base)) return undefined;
  let end: number;
  if (!mo) end = Date.UTC(year + 1, 0, 1);
  else if (!d) end = Date.UTC(year, month + 1, 1);
  else if (!h) end = Date.UTC(year, month, day + 1);
  else if (!s) end = base + 60_000;
  else end = base + (frac ? 1 : 1000);
  return { start: base, end };
}

export function parseDate(raw: string): DateFilter {
  const m = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.*)$/.exec(raw);
  const prefix = (m?.[1] ?? "eq") as Prefix | "sa" | "eb" | "ap";
  if (prefix === "sa" || prefix === "eb" || prefix === "ap") {
    throw badRequest(`The date prefix '${prefix}' is not supported; use eq, ne, gt, lt, ge or le.`);
  }
  const range = parseDateRange(m?.[2] ?? "");
  if (!range) throw badRequest(`'${raw}' is not a valid date search value (expected e.g. ge2020-01-31).`);
  return { prefix, value: raw, ...range };
}

export function splitOr(value: string, name: string): string[] {
  const parts = value.split(",").map((v) => v.trim());
  if (parts.some((p) => p === "")) throw badRequest(`The ${name} parameter has an empty value.`);
  return parts;
}

export function patientFromReference(value: string): string {
  const id = value.replace(/^(?:.*\/)?Patient\//, "");
  if (!/^[A-Za-z0-9\-.]{1,64}$/.test(id)) throw badRequest(`'${value}' is not a valid patient reference.`);
  return id;
}

/** Parses Observation search parameters. Throws FhirError(400) for anything it does not understand. */
export function parseObservationQuery(params: URLSearchParams): ObservationQuery {
  let patient: string | undefined;
  const codes: string[][] = [];
  const categories: string[][] = [];
  const statuses: string[] = [];
  const dates: DateFilter[] = [];
  let sort: ObservationQuery["sort"] = "none";
  let count = DEFAULT_COUNT;
  let summaryCount = false;
  let total: ObservationQuery["total"] = "accurate";

  for (const [name, value] of params) {
    switch (name) {
      case "patient":
      case "subject":
      case "subject:Patient": {
        const id = patientFromReference(value);
        if (patient !== undefined && patient !== id) throw badRequest("Only one patient may be searched at a time.");
        patient = id;
        break;
      }
      case "code":
        codes.push(splitOr(value, "code"));
        break;
      case "category":
        categories.push(splitOr(value, "category"));
        break;
      case "status":
        statuses.push(...splitOr(value, "status"));
        break;
      case "date":
        dates.push(parseDate(value));
        break;
      case "_sort":
        if (value !== "date" && value !== "-date") throw badRequest(`_sort=${value} is not supported; use date or -date.`);
        sort = value;
        break;
      case "_sort:desc":
      case "_sort:asc":
        // DSTU2 syntax, used by the SMART App Launch worked examples: accepted as an alias.
        if (value !== "date") throw badRequest(`${name}=${value} is not supported; use _sort=-date.`);
        sort = name === "_sort:desc" ? "-date" : "date";
        break;
      case "_count": {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0) throw badRequest(`_count must be a non-negative integer, not '${value}'.`);
        count = Math.min(n, MAX_COUNT);
        break;
      }
      case "_summary":
        if (value !== "count" && value !== "false") throw badRequest(`_summary=${value} is not supported; use count.`);
        summaryCount = value === "count";
        break;
      case "_total":
        if (!["none", "estimate", "accurate"].includes(value)) throw badRequest(`_total=${value} is not valid.`);
        total = value === "none" ? "none" : "accurate";
        break;
      default:
        if (!IGNORED.has(name)) throw badRequest(`Unknown search parameter '${name}' for Observation.`);
    }
  }
  return { patient, codes, categories, statuses, dates, sort, count, summaryCount, total };
}

export function matchesToken(codings: readonly fhir4.Coding[] | undefined, token: string): boolean {
  const bar = token.indexOf("|");
  if (bar < 0) return (codings ?? []).some((c) => c.code === token);
  const system = token.slice(0, bar);
  const code = token.slice(bar + 1);
  return (codings ?? []).some((c) => (system === "" ? !c.system : c.system === system) && (code === "" || c.code === code));
}

export function matchesDate(time: number, f: DateFilter): boolean {
  if (Number.isNaN(time)) return false;
  switch (f.prefix) {
    case "eq":
      return time >= f.start && time < f.end;
    case "ne":
      return time < f.start || time >= f.end;
    case "gt":
      return time >= f.end;
    case "ge":
      return time >= f.start;
    case "lt":
      return time < f.start;
    case "le":
      return time < f.end;
  }
}

export interface SearchResult {
  readonly total: number;
  readonly page: readonly IndexedObservation[];
  readonly offset: number;
  readonly hasNext: boolean;
}

/** The matches of a query for one patient, sorted as asked, sliced to the page at `offset`. */
export function searchObservations(store: FhirStore, patient: string, q: ObservationQuery, offset: number): SearchResult {
  // One code parameter is served straight from the code index; more are intersected by filtering.
  const [firstCodes, ...otherCodes] = q.codes;
  const indexed = store.observationsOf(patient, firstCodes ?? []);
  // Date ranges cut a window out of the time-sorted index by binary search; only `ne` needs a filter.
  const window = dateWindow(indexed, q.dates);
  const dates = window ? [] : q.dates;
  let list = indexed;
  let [from, to] = window ?? [0, indexed.length];
  if (otherCodes.length > 0 || q.categories.length > 0 || q.statuses.length > 0 || dates.length > 0) {
    list = indexed.slice(from, to).filter(
      ({ resource: o, time }) =>
        otherCodes.every((any) => any.some((t) => matchesToken(o.code.coding, t))) &&
        q.categories.every((any) => any.some((t) => (o.category ?? []).some((c) => matchesToken(c.coding, t)))) &&
        (q.statuses.length === 0 || q.statuses.includes(o.status)) &&
        dates.every((f) => matchesDate(time, f)),
    );
    [from, to] = [0, list.length];
  }
  const total = to - from;
  const count = q.summaryCount ? 0 : q.count;
  // The index is sorted ascending, undated last; -date reads it backwards with undated results still last.
  let dated = total;
  if (q.sort === "-date") while (dated > 0 && Number.isNaN(list[from + dated - 1]!.time)) dated--;
  const at = (i: number) => (q.sort === "-date" && i < dated ? list[from + dated - 1 - i]! : list[from + i]!);
  const page: IndexedObservation[] = [];
  for (let i = offset; i < Math.min(offset + count, total); i++) page.push(at(i));
  return { total, page, offset, hasNext: count > 0 && offset + count < total };
}

/** The [from, to) indexes of a time-sorted list within every date filter, or undefined when one is `ne`. */
function dateWindow(sorted: readonly IndexedObservation[], filters: readonly DateFilter[]): [number, number] | undefined {
  if (filters.length === 0 || filters.some((f) => f.prefix === "ne")) return undefined;
  let low = -Infinity;
  let high = Infinity;
  for (const f of filters) {
    if (f.prefix === "eq" || f.prefix === "ge") low = Math.max(low, f.start);
    if (f.prefix === "gt") low = Math.max(low, f.end);
    if (f.prefix === "eq" || f.prefix === "le") high = Math.min(high, f.end);
    if (f.prefix === "lt") high = Math.min(high, f.start);
  }
  let dated = sorted.length;
  while (dated > 0 && Number.isNaN(sorted[dated - 1]!.time)) dated--;
  const from = firstAtOrAfter(sorted, dated, low);
  return [from, Math.max(from, firstAtOrAfter(sorted, dated, high))];
}

/** Binary search: the first index below `end` whose time is ≥ `time`. */
function firstAtOrAfter(sorted: readonly IndexedObservation[], end: number, time: number): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
