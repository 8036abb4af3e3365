/** The words of the lab panel's one status line: where reading a lab's pages is. Pure. */
import type { PagingStop } from "../fhir/paging";

export interface ProgressState {
  readonly labName: string;
  /** No page yet. */
  readonly pending: boolean;
  /** A page failed to load. */
  readonly failed: boolean;
  readonly refreshing: boolean;
  /** The reader pressed Stop loading. */
  readonly stoppedByYou: boolean;
  /** More pages are coming. */
  readonly loading: boolean;
  /** Why the last page read stopped the search, if it did. */
  readonly stop: PagingStop | undefined;
  /** Results shown (each once). */
  readonly shown: number;
  /** Results read, those left out on purpose included. */
  readonly fetched: number;
  /** The server's `total`, when it sent one. */
  readonly total: number | undefined;
}

/** The status line; once reading ends it reads "Loaded N results", after why it stopped early if it did. */
export function progressText(s: ProgressState): string {
  const { shown: n, fetched, total, stop } = s;
  if (s.pending) return `Loading ${s.labName} results…`;
  if (s.failed) return `Stopped after ${n} results: a page failed to load.`;
  if (s.refreshing) return `Refreshing ${s.labName} results…`;
  if (s.stoppedByYou) return `Stopped at your request${total !== undefined ? ` (${Math.max(0, total - fetched)} more on the server)` : ""}. Loaded ${n} results`;
  if (s.loading) return total !== undefined ? `Loaded ${fetched} of ${total} results…` : `Loaded ${fetched} results…`;
  switch (stop?.reason) {
    case "foreign-link":
      return `Stopped after ${n} results: the next page is on another server, which the app does not send your sign-in to. Loaded ${n} results`;
    case "bad-link":
      return `Stopped after ${n} results: the server's next page link is not a valid address. Loaded ${n} results`;
    case "loop":
      return `Stopped: the server's next page link loops back. Loaded ${n} results`;
    case "page-cap":
      return `Paused after ${stop.pages} pages, the most the app reads at a stretch for one lab. Loaded ${n} results`;
    case "time-budget":
      return `Paused after ${stop.seconds} seconds of loading, the longest the app reads at a stretch for one lab. Loaded ${n} results`;
    case undefined:
      return `Loaded ${n} results`;
  }
}
