/**
 * Reads a search's pages ahead of the reader: as soon as a page arrives, the request for the next one goes
 * out (when paging.ts allows it), so drawing a page is never on the path of the network. The page the reader
 * asks for next is then usually there already, or on its way.
 */
import type { Session } from "./session";
import { fetchObservationPage, type ObservationPage, type ObservationSearch } from "./observations";
import type { PageCursor } from "./paging";

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/** Resolves as `promise` does, or rejects as soon as `signal` aborts. */
function until<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export class PageReader {
  readonly #ahead = new Map<string, Promise<ObservationPage>>();
  #generation = new AbortController();

  constructor(
    private readonly session: Session,
    private readonly search: ObservationSearch,
    private readonly now: () => number = Date.now,
  ) {}

  /** The page at `cursor` (undefined: the first): the one read ahead if there is one, else fetched now. */
  async page(cursor: PageCursor | undefined, signal?: AbortSignal): Promise<ObservationPage> {
    const ahead = cursor && this.#ahead.get(cursor.url);
    if (ahead) {
      this.#ahead.delete(cursor.url);
      try {
        return await until(ahead, signal);
      } catch (error) {
        // Dropped by stop() while this reader still wants it: fetch it again below.
        if (!isAbort(error) || signal?.aborted) throw error;
      }
    }
    return this.#fetch(cursor, signal);
  }

  /** Drops what was read ahead and cancels what is on its way; nothing more is read ahead until asked. */
  stop(): void {
    this.#generation.abort();
    this.#generation = new AbortController();
    this.#ahead.clear();
  }

  #fetch(cursor: PageCursor | undefined, signal: AbortSignal | undefined): Promise<ObservationPage> {
    const generation = this.#generation;
    const fetched = fetchObservationPage(this.session, this.search, cursor, signal, this.now);
    fetched.then(
      (page) => {
        if (!generation.signal.aborted && page.next && !page.stop) this.#readAhead(page.next, generation);
      },
      () => undefined,
    );
    return fetched;
  }

  #readAhead(cursor: PageCursor, generation: AbortController): void {
    const page = this.#fetch(cursor, generation.signal);
    page.catch(() => undefined);
    this.#ahead.set(cursor.url, page);
  }
}
