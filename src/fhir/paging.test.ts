import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstCursor, nextStep, type PageCursor, type PagingLimits } from "./paging";
import { isOnFhirServer } from "./urls";

const BASE = "http://127.0.0.1:4400/fhir";
const T0 = 1_700_000_000_000;
const LIMITS: PagingLimits = { maxPages: 5, timeBudgetMs: 60_000 };
const at = (url = `${BASE}/Observation?p=1`, more: Partial<PageCursor> = {}) => ({ ...firstCursor(url), runStartedAt: T0, ...more });

describe("nextStep", () => {
  it("follows absolute links on the FHIR server, and relative ones (Aidbox) resolved against its base", () => {
    expect(nextStep(`${BASE}/Observation?_cursor=abc`, at(), BASE, LIMITS, T0)).toEqual({
      next: { url: `${BASE}/Observation?_cursor=abc`, seen: [`${BASE}/Observation?p=1`], runPages: 1, runStartedAt: T0, restarted: false },
      stop: undefined,
    });
    expect(nextStep("Observation?page=2", at(), BASE, LIMITS, T0).next?.url).toBe(`${BASE}/Observation?page=2`);
  });

  it("never follows a link to another origin, or outside the FHIR base", () => {
    for (const url of ["https://evil.example/fhir/Observation?page=2", "http://127.0.0.1:4401/fhir/Observation", "http://127.0.0.1:4400/admin", "http://127.0.0.1:4400/fhirx/Observation", "http://u:p@127.0.0.1:4400/fhir/x", "//evil.example/fhir"]) {
      expect(nextStep(url, at(), BASE, LIMITS, T0), url).toEqual({ next: undefined, stop: { reason: "foreign-link", url: expect.any(String) } });
    }
  });

  it("stops at a link that is not a URL, and on the last page", () => {
    expect(nextStep("http://[::1", at(), BASE, LIMITS, T0)).toEqual({ next: undefined, stop: { reason: "bad-link", url: "http://[::1" } });
    expect(nextStep(undefined, at(), BASE, LIMITS, T0)).toEqual({ next: undefined, stop: undefined });
  });

  it("stops at a link back to this page or any page of the search already read", () => {
    const third = at(`${BASE}/Observation?p=3`, { seen: [`${BASE}/Observation?p=1`, `${BASE}/Observation?p=2`], runPages: 2 });
    for (const back of ["p=1", "p=2", "p=3"]) {
      expect(nextStep(`${BASE}/Observation?${back}`, third, BASE, LIMITS, T0)).toEqual({ next: undefined, stop: { reason: "loop", url: `${BASE}/Observation?${back}` } });
    }
  });

  it("counts the page's own self link as read: a link back to it by another name is a loop too", () => {
    const self = `${BASE}/Observation?_cursor=0`;
    expect(nextStep(self, at(), BASE, LIMITS, T0, self).stop).toEqual({ reason: "loop", url: self });
    expect(nextStep(`${BASE}/Observation?p=2`, at(), BASE, LIMITS, T0, "Observation?_cursor=0").next?.seen).toEqual([`${BASE}/Observation?p=1`, self]);
  });

  it("pauses after maxPages pages of a run; going on starts a new run", () => {
    const step = nextStep(`${BASE}/Observation?p=6`, at(`${BASE}/Observation?p=5`, { runPages: 4 }), BASE, LIMITS, T0);
    expect(step.stop).toEqual({ reason: "page-cap", pages: 5 });
    expect(step.next).toMatchObject({ url: `${BASE}/Observation?p=6`, runPages: 0, runStartedAt: undefined });
  });

  it("pauses once a run has read for the time budget", () => {
    expect(nextStep(`${BASE}/Observation?p=2`, at(), BASE, LIMITS, T0 + 59_999).stop).toBeUndefined();
    const step = nextStep(`${BASE}/Observation?p=2`, at(), BASE, LIMITS, T0 + 60_000);
    expect(step.stop).toEqual({ reason: "time-budget", seconds: 60 });
    expect(step.next).toMatchObject({ runPages: 0, runStartedAt: undefined });
  });
});

/** A server's `next` links as an arbitrary graph: absolute, relative, foreign, garbage; with cycles. */
const linkGraph = fc.array(
  fc.oneof(
    fc.constant(undefined),
    fc.nat({ max: 30 }).map((n) => `${BASE}/Observation?p=${n}`),
    fc.nat({ max: 30 }).map((n) => `Observation?p=${n}`),
    fc.constantFrom("https://evil.example/fhir/Observation?p=2", "http://127.0.0.1:4400/other", "::not a url::", ""),
    fc.webUrl(),
  ),
  { minLength: 1, maxLength: 30 },
);

describe("following any server's links", () => {
  it("never leaves the FHIR server, never reads a page twice, pauses within maxPages, and always ends", () => {
    fc.assert(
      fc.property(linkGraph, fc.integer({ min: 1, max: 8 }), (links, maxPages) => {
        const limits = { maxPages, timeBudgetMs: 60_000 };
        const linkOf = (url: string) => links[Number(new URL(url).searchParams.get("p") ?? 0) % links.length];
        let cursor: PageCursor & { runStartedAt: number } = at(`${BASE}/Observation?p=0`);
        const read = [cursor.url];
        for (let i = 0; i < 100; i++) {
          const step = nextStep(linkOf(cursor.url), cursor, BASE, limits, T0);
          if (!step.next || step.stop) {
            if (step.stop?.reason === "page-cap") expect(read.length % maxPages).toBe(0);
            return;
          }
          expect(isOnFhirServer(step.next.url, BASE)).toBe(true);
          expect(read).not.toContain(step.next.url);
          read.push(step.next.url);
          cursor = { ...step.next, runStartedAt: T0 };
        }
        throw new Error("paging did not end");
      }),
      { numRuns: 500 },
    );
  });
});
