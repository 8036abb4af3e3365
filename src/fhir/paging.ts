/**
 * Following a search's `next` links: which link the app may follow, and when it stops. Decided once per page,
 * as the page arrives (so a page read ahead obeys the same rules as one the reader asked for). Pure.
 *
 * The app never follows a link off the FHIR server (the token would go with it), nor one back to a page of this
 * search already read (a loop). It pauses — the reader can go on — after `maxPages` pages or `timeBudgetMs` of
 * reading, which bound a server whose links never end or a search slower than anyone waits for.
 */
import { isOnFhirServer, resolveOnServer } from "./urls";

export interface PagingLimits {
  readonly maxPages: number;
  readonly timeBudgetMs: number;
}

/** 1 000 pages: 50 000 results even at a server's page of 50, five times the largest history the app is built for. */
export const DEFAULT_PAGING: PagingLimits = { maxPages: 1000, timeBudgetMs: 5 * 60_000 };

/** Where a page sits in its search: what the decision about the next page needs. */
export interface PageCursor {
  readonly url: string;
  /** URLs of this search already read, this page's excluded: a link back to one of them is a loop. */
  readonly seen: readonly string[];
  /** Pages read in this run (since the search started, or the reader asked for more) before this one. */
  readonly runPages: number;
  /** When this run started; undefined: it starts with this page. */
  readonly runStartedAt: number | undefined;
  /** The server forgot the search once (410 Gone) and the app ran it again from the first page. */
  readonly restarted: boolean;
}

export type PagingStop =
  | { readonly reason: "foreign-link"; readonly url: string }
  | { readonly reason: "bad-link"; readonly url: string }
  | { readonly reason: "loop"; readonly url: string }
  | { readonly reason: "page-cap"; readonly pages: number }
  | { readonly reason: "time-budget"; readonly seconds: number };

/** What follows a page: `next` to go on with (at once, or when the reader asks if `stop` paused it), `stop` why not. */
export interface NextStep {
  readonly next: PageCursor | undefined;
  readonly stop: PagingStop | undefined;
}

export function firstCursor(url: string): PageCursor {
  return { url, seen: [], runPages: 0, runStartedAt: undefined, restarted: false };
}

/** Whether the stop leaves the rest of the search for the reader to ask for. */
export function isPause(stop: PagingStop | undefined): boolean {
  return stop?.reason === "page-cap" || stop?.reason === "time-budget";
}

/**
 * The step after the page at `cursor` (its run's start already known), whose Bundle links `rawNext` (absolute, or
 * relative to the FHIR base as Aidbox sends it) and names itself `rawSelf`, at time `now`.
 */
export function nextStep(rawNext: string | undefined, cursor: PageCursor & { readonly runStartedAt: number }, serverUrl: string, limits: PagingLimits, now: number, rawSelf?: string): NextStep {
  if (!rawNext) return { next: undefined, stop: undefined };
  const url = resolveOnServer(rawNext, serverUrl);
  if (!url) return { next: undefined, stop: { reason: "bad-link", url: rawNext } };
  if (!isOnFhirServer(url, serverUrl)) return { next: undefined, stop: { reason: "foreign-link", url } };
  // The page's own `self` URL names it too: the first page is often asked for by query and linked back to by cursor.
  const self = rawSelf === undefined ? undefined : resolveOnServer(rawSelf, serverUrl);
  const seen = [...cursor.seen, cursor.url, ...(self && self !== cursor.url ? [self] : [])];
  if (seen.includes(url)) return { next: undefined, stop: { reason: "loop", url } };
  const runPages = cursor.runPages + 1;
  const next: PageCursor = { url, seen, runPages, runStartedAt: cursor.runStartedAt, restarted: cursor.restarted };
  // A pause starts a new run when the reader asks for more.
  const fresh: PageCursor = { ...next, runPages: 0, runStartedAt: undefined };
  if (runPages >= limits.maxPages) return { next: fresh, stop: { reason: "page-cap", pages: runPages } };
  if (now - cursor.runStartedAt >= limits.timeBudgetMs) return { next: fresh, stop: { reason: "time-budget", seconds: limits.timeBudgetMs / 1000 } };
  return { next, stop: undefined };
}
