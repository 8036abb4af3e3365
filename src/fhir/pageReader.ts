/**
 * Reads a search's pages ahead of the reader: as soon as a page arrives, the request for the next one goes
 * out (when paging.ts allows it), so drawing a page is never on the path of the network. The page the reader
 * asks for next is then usually there already, or on its way.
 */
import type { Session } from "./session";
import { fetchObservationPage, firstPageUrl, type ObservationPage, type ObservationSearch } from "./observations";
import type { PageCursor } from "./paging";
import { resolveOnServer } from "./urls";

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

export class PageReader {
  /** Pages on their way or read ahead, by URL, until a reader takes them. */
  readonly #pages = new Map<string, Promise<ObservationPage>>();
  #generation = new AbortController();
  #holders = 0;

  constructor(
    private readonly session: Session,
    private readonly search: ObservationSearch,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The page at `cursor` (undefined: the first): the one read ahead or already on its way if there is one (two
   * readers asking at once share one request), else fetched now. The request is not the reader's to cancel
   * (another may share it); React Query stops waiting on its own when a query is cancelled.
   */
  async page(cursor: PageCursor | undefined, signal?: AbortSignal): Promise<ObservationPage> {
    const key = cursor?.url ?? this.#firstUrl();
    const pending = this.#pages.get(key) ?? this.#fetch(cursor, key);
    try {
      return await pending;
    } catch (error) {
      // Dropped by stop() while this reader still wants it: ask again.
      if (isAbort(error) && !signal?.aborted) return this.page(cursor, signal);
      throw error;
    } finally {
      if (this.#pages.get(key) === pending) this.#pages.delete(key);
    }
  }

  /**
   * Starts reading the first page (and, as pages arrive, the ones after it) before anyone asks: the graph page's
   * first script calls it the moment the token arrives. The first `page()` for it takes the page, arrived or not.
   */
  start(): void {
    const key = this.#firstUrl();
    if (!this.#pages.has(key)) this.#fetch(undefined, key).catch(() => undefined);
  }

  /**
   * Says that someone shows this search; the returned function says they stopped. Reading ahead stops once
   * nobody has shown it for a moment (a component mounted again at once, as React's StrictMode does, keeps it).
   */
  hold(): () => void {
    this.#holders++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holders--;
      setTimeout(() => {
        if (this.#holders === 0) this.stop();
      }, 0);
    };
  }

  /** Cancels what is on its way and drops what was read ahead; nothing more is read ahead until asked. */
  stop(): void {
    this.#generation.abort();
    this.#generation = new AbortController();
    this.#pages.clear();
  }

  #firstUrl(): string {
    return resolveOnServer(firstPageUrl(this.search), this.session.serverUrl) ?? "";
  }

  /** Fetches a page and, as soon as it arrives, the next one the paging rules allow. */
  #fetch(cursor: PageCursor | undefined, key: string): Promise<ObservationPage> {
    const generation = this.#generation;
    const fetched = fetchObservationPage(this.session, this.search, cursor, generation.signal, this.now);
    this.#pages.set(key, fetched);
    fetched.then(
      (page) => {
        if (generation.signal.aborted || !page.next || page.stop || this.#pages.has(page.next.url)) return;
        this.#fetch(page.next, page.next.url).catch(() => undefined);
      },
      () => undefined,
    );
    return fetched;
  }
}
