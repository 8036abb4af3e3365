import { describe, expect, it, vi } from "vitest";
import { PageReader } from "./pageReader";
import { firstPageUrl } from "./observations";
import { DEFAULT_PAGING } from "./paging";
import { a1c, fakeSession, httpError, searchBundle, TEST_BASE } from "../test/fakeSession";

const search = { patientId: "p1", codes: ["http://loinc.org|4548-4"], category: null, pageSize: 1, limits: DEFAULT_PAGING };
const FIRST = `${TEST_BASE}/${firstPageUrl(search)}`;
const page = (n: number) => `${TEST_BASE}/Observation?p=${n}`;

/** A server of `count` pages, each answered only when the test says so. */
function slowServer(count: number, linkOf: (n: number) => string | undefined = (n) => (n < count ? page(n + 1) : undefined)) {
  const waiting = new Map<string, () => void>();
  const session = fakeSession(async (url) => {
    const n = url === FIRST ? 1 : Number(new URL(url).searchParams.get("p"));
    await new Promise<void>((resolve) => waiting.set(url, resolve));
    return searchBundle([a1c(`o${n}`, `20${10 + n}-01-01`, 6)], linkOf(n));
  });
  const answer = async (url: string) => {
    await vi.waitFor(() => expect(waiting.has(url), `${url} was asked for`).toBe(true));
    waiting.get(url)!();
    waiting.delete(url);
  };
  return { session, answer, asked: () => [...waiting.keys()] };
}

describe("PageReader", () => {
  it("start() sends the first page before anyone asks; the first reader takes it, arrived or not, without asking again", async () => {
    const { session, answer } = slowServer(2);
    const reader = new PageReader(session, search);
    reader.start();
    reader.start();
    expect(session.calls).toEqual([FIRST]);
    await answer(FIRST);
    await vi.waitFor(() => expect(session.calls).toEqual([FIRST, page(2)]));
    const p1 = await reader.page(undefined);
    expect(p1.observations[0]?.id).toBe("o1");
    await answer(page(2));
    expect((await reader.page(p1.next)).observations[0]?.id).toBe("o2");
    expect(session.calls).toEqual([FIRST, page(2)]);
  });

  it("a first page that failed before anyone asked is the first reader's failure, and asking again fetches it again", async () => {
    let fail = true;
    const session = fakeSession(() => {
      if (fail) throw httpError(500);
      return searchBundle([a1c("o1", "2011-01-01", 6)]);
    });
    const reader = new PageReader(session, search);
    reader.start();
    await expect(reader.page(undefined)).rejects.toMatchObject({ status: 500 });
    fail = false;
    expect((await reader.page(undefined)).observations).toHaveLength(1);
    expect(session.calls).toEqual([FIRST, FIRST]);
  });

  it("asks for the next page as soon as a page arrives, before anyone wants it, and hands it over without asking again", async () => {
    const { session, answer } = slowServer(3);
    const reader = new PageReader(session, search);
    const first = reader.page(undefined);
    await answer(FIRST);
    const p1 = await first;
    await vi.waitFor(() => expect(session.calls).toEqual([FIRST, page(2)]));
    await answer(page(2));
    await vi.waitFor(() => expect(session.calls).toEqual([FIRST, page(2), page(3)]));
    const p2 = await reader.page(p1.next);
    expect(p2.observations[0]?.id).toBe("o2");
    await answer(page(3));
    expect((await reader.page(p2.next)).next).toBeUndefined();
    expect(session.calls).toEqual([FIRST, page(2), page(3)]);
  });

  it("two readers asking for a page at once share one request", async () => {
    const { session, answer } = slowServer(1);
    const reader = new PageReader(session, search);
    const first = reader.page(undefined);
    const second = reader.page(undefined);
    await answer(FIRST);
    expect(await first).toBe(await second);
    expect(session.calls).toEqual([FIRST]);
  });

  it("reads nothing ahead past a pause, a loop or a link off the server", async () => {
    for (const [links, limits] of [
      [(n: number) => page(n + 1), { maxPages: 2, timeBudgetMs: 60_000 }],
      [() => FIRST, { maxPages: 10, timeBudgetMs: 60_000 }],
      [() => "https://evil.example/fhir/Observation?p=2", { maxPages: 10, timeBudgetMs: 60_000 }],
    ] as const) {
      const { session, answer } = slowServer(10, links);
      const reader = new PageReader(session, { ...search, limits });
      const first = reader.page(undefined);
      await answer(FIRST);
      const p1 = await first;
      if (p1.next && !p1.stop) {
        await answer(page(2));
        await vi.waitFor(() => expect(session.calls).toHaveLength(2));
      }
      await new Promise((r) => setTimeout(r, 20));
      expect(session.calls.length).toBeLessThanOrEqual(2);
      expect(session.calls.every((url) => url.startsWith(TEST_BASE))).toBe(true);
    }
  });

  it("stop() cancels what is being read ahead; the page is fetched again when wanted", async () => {
    const { session, answer } = slowServer(2);
    const signals: (AbortSignal | undefined)[] = [];
    const get = session.get.bind(session);
    const watched = { ...session, get: <T>(url: string, signal?: AbortSignal, form?: URLSearchParams) => (signals.push(signal), get<T>(url, signal, form)) };
    const reader = new PageReader(watched, search);
    const first = reader.page(undefined);
    await answer(FIRST);
    const p1 = await first;
    await vi.waitFor(() => expect(session.calls).toHaveLength(2));
    reader.stop();
    expect(signals[1]?.aborted).toBe(true);
    const again = reader.page(p1.next);
    await vi.waitFor(() => expect(session.calls).toHaveLength(3));
    await answer(page(2));
    expect((await again).observations[0]?.id).toBe("o2");
    expect(session.calls).toEqual([FIRST, page(2), page(2)]);
  });

  it("a page read ahead that failed fails for the reader; asking again fetches it again", async () => {
    let fail = true;
    const session = fakeSession((url) => {
      if (url === page(2) && fail) throw httpError(500, url);
      return searchBundle([a1c(url, "2020-01-01", 6)], url === FIRST ? page(2) : undefined);
    });
    const reader = new PageReader(session, search);
    const p1 = await reader.page(undefined);
    await vi.waitFor(() => expect(session.calls).toHaveLength(2));
    await expect(reader.page(p1.next)).rejects.toMatchObject({ status: 500 });
    fail = false;
    await expect(reader.page(p1.next)).resolves.toMatchObject({ url: page(2) });
    expect(session.calls).toEqual([FIRST, page(2), page(2)]);
  });

  it("stops reading ahead once nobody shows the search, but not for a remount at once", async () => {
    const reader = new PageReader(fakeSession(() => searchBundle([])), search);
    const stop = vi.spyOn(reader, "stop");
    const first = reader.hold();
    first();
    const again = reader.hold();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(stop).not.toHaveBeenCalled();
    again();
    again();
    await vi.waitFor(() => expect(stop).toHaveBeenCalledTimes(1));
  });
});
