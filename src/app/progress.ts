/** The words of the lab panel's one status line: where reading a lab's pages is. Pure. */
import type { PagingStop } from "../fhir/paging";
import { t, tn } from "../i18n/i18n";

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
  const lab = { lab: s.labName };
  // English keeps "Loaded 1 results" (the DOM contract): both English forms are the same.
  const loaded = tn(n, "Loaded {count} results", "Loaded {count} results");
  if (s.pending) return t("Loading {lab} results…", lab);
  if (s.failed) return tn(n, "Stopped after {count} results: a page failed to load.", "Stopped after {count} results: a page failed to load.");
  if (s.refreshing) return t("Refreshing {lab} results…", lab);
  if (s.stoppedByYou) return `${total !== undefined ? tn(Math.max(0, total - fetched), "Stopped at your request ({count} more on the server).", "Stopped at your request ({count} more on the server).") : t("Stopped at your request.")} ${loaded}`;
  if (s.loading) return total !== undefined ? tn(total, "Loaded {fetched} of {count} results…", "Loaded {fetched} of {count} results…", { fetched }) : tn(fetched, "Loaded {count} results…", "Loaded {count} results…");
  switch (stop?.reason) {
    case "foreign-link":
      return `${tn(n, "Stopped after {count} results: the next page is on another server, which the app does not send your sign-in to.", "Stopped after {count} results: the next page is on another server, which the app does not send your sign-in to.")} ${loaded}`;
    case "bad-link":
      return `${tn(n, "Stopped after {count} results: the server's next page link is not a valid address.", "Stopped after {count} results: the server's next page link is not a valid address.")} ${loaded}`;
    case "loop":
      return `${t("Stopped: the server's next page link loops back.")} ${loaded}`;
    case "page-cap":
      return `${tn(stop.pages, "Paused after {count} pages, the most the app reads at a stretch for one lab.", "Paused after {count} pages, the most the app reads at a stretch for one lab.")} ${loaded}`;
    case "time-budget":
      return `${tn(stop.seconds, "Paused after {count} seconds of loading, the longest the app reads at a stretch for one lab.", "Paused after {count} seconds of loading, the longest the app reads at a stretch for one lab.")} ${loaded}`;
    case undefined:
      return loaded;
  }
}
