import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { fetchObservationPage, firstPageUrl, preflightSearch, readSearchPage, serverMessages } from "./observations";
import { DEFAULT_PAGING, firstCursor } from "./paging";
import { isOnFhirServer } from "./urls";
import { a1c, fakeSession, httpError, searchBundle, TEST_BASE } from "../test/fakeSession";

const BASE = "http://127.0.0.1:4400/fhir";

function bundle(next?: string): fhir4.Bundle {
  return { resourceType: "Bundle", type: "searchset", link: next ? [{ relation: "next", url: next }] : [] };
}

describe("firstPageUrl", () => {
  it("encodes every search value, newest first, one code parameter for all codes", () => {
    const url = firstPageUrl({ patientId: "a b&c", codes: ["http://loinc.org|4548-4", "http://loinc.org|17856-6"], category: "laboratory", pageSize: 50, limits: DEFAULT_PAGING });
    expect(url).toBe(
      "Observation?patient=a+b%26c&code=http%3A%2F%2Floinc.org%7C4548-4%2Chttp%3A%2F%2Floinc.org%7C17856-6&category=laboratory&_sort=-date&_count=50",
    );
  });
});

const LIMITS = { maxPages: 100, timeBudgetMs: 60_000 };
const cursor = { ...firstCursor(`${BASE}/Observation?p=1`), runStartedAt: 0 };

describe("readSearchPage", () => {
  it("refuses a body that is not a Bundle", () => {
    for (const body of [{ resourceType: "Patient" }, "<html>", null, 42, [], { resourceType: "OperationOutcome", issue: [] }]) {
      expect(() => readSearchPage(cursor, body, BASE, LIMITS, 0), JSON.stringify(body)).toThrow("something other than a Bundle");
    }
  });

  it("keeps only Observations and the server's total, and says what follows", () => {
    const page = readSearchPage(
      cursor,
      { ...bundle(`${BASE}/Observation?p=2`), total: 3, entry: [{ resource: { resourceType: "Observation", id: "1", status: "final", code: {} } }, { resource: { resourceType: "OperationOutcome", issue: [] } }, {}, null] },
      BASE,
      LIMITS,
      0,
    );
    expect(page.observations.map((o) => o.id)).toEqual(["1"]);
    expect(page.total).toBe(3);
    expect(page.next?.url).toBe(`${BASE}/Observation?p=2`);
    expect(page.stop).toBeUndefined();
  });

  it("reads any Bundle-shaped body without throwing", () => {
    const junk = fc.oneof(fc.jsonValue(), fc.constant(undefined));
    fc.assert(
      fc.property(fc.record({ resourceType: fc.constant("Bundle"), total: junk, link: junk, entry: fc.oneof(junk, fc.array(fc.record({ resource: junk }, { requiredKeys: [] }))) }, { requiredKeys: ["resourceType"] }), (body) => {
        const page = readSearchPage(cursor, body, BASE, LIMITS, 0);
        expect(page.observations.every((o) => o.resourceType === "Observation")).toBe(true);
        expect(page.total === undefined || typeof page.total === "number").toBe(true);
        expect(page.messages.every((m) => typeof m.text === "string" && m.text.length > 0)).toBe(true);
      }),
    );
  });
});

/** An OperationOutcome entry as a server puts it into a searchset (FHIR R4 Bundle.entry.search.mode `outcome`). */
function outcome(issue: unknown[], mode: string | undefined = "outcome"): unknown {
  return { resource: { resourceType: "OperationOutcome", issue }, ...(mode ? { search: { mode } } : {}) };
}
const observation = (id: string) => ({ resource: { resourceType: "Observation", id, status: "final", code: {} }, search: { mode: "match" } });
const EPIC_4119 = "This response includes information available to the authorized user at the time of the request. It may not contain the entire record available in the system.";

describe("readSearchPage: messages in the results (OperationOutcome entries)", () => {
  it("an outcome entry is never a result and never a failure; its text goes with the page", () => {
    const page = readSearchPage(
      cursor,
      { ...bundle(), total: 1, entry: [observation("1"), outcome([{ severity: "information", code: "informational", details: { text: "Results before 1990 are archived." } }])] },
      BASE,
      LIMITS,
      0,
    );
    expect(page.observations.map((o) => o.id)).toEqual(["1"]);
    expect(page.messages).toEqual([{ severity: "information", text: "Results before 1990 are archived." }]);
  });

  it.each([
    ["details.text (Epic)", { severity: "warning", code: "processing", details: { coding: [{ code: "4119", display: EPIC_4119 }], text: EPIC_4119 } }, { severity: "warning", text: EPIC_4119 }],
    ["diagnostics", { severity: "warning", code: "not-supported", diagnostics: "Parameter _elements ignored." }, { severity: "warning", text: "Parameter _elements ignored." }],
    ["a coding's display when there is no text", { severity: "information", code: "informational", details: { coding: [{ code: "X", display: "Partial record." }] } }, { severity: "information", text: "Partial record." }],
    ["an error, shown as a warning's text, not a failure", { severity: "error", code: "processing", diagnostics: "Some results could not be read." }, { severity: "error", text: "Some results could not be read." }],
    ["fatal, as an error", { severity: "fatal", code: "exception", diagnostics: "Index offline." }, { severity: "error", text: "Index offline." }],
  ])("reads the issue's %s", (_, issue, message) => {
    const page = readSearchPage(cursor, { ...bundle(), entry: [outcome([issue])] }, BASE, LIMITS, 0);
    expect(page.observations).toEqual([]);
    expect(page.messages).toEqual([message]);
  });

  it("an OperationOutcome without search.mode is a message too; an entry marked outcome is never a result, whatever it holds", () => {
    const page = readSearchPage(
      cursor,
      { ...bundle(), entry: [outcome([{ severity: "information", code: "informational", diagnostics: "No mode." }], undefined), { ...observation("2"), search: { mode: "outcome" } }, observation("3")] },
      BASE,
      LIMITS,
      0,
    );
    expect(page.observations.map((o) => o.id)).toEqual(["3"]);
    expect(page.messages).toEqual([{ severity: "information", text: "No mode." }]);
  });

  it("issues with no text, odd shapes and repeats give nothing twice and never throw; long text is cut", () => {
    const long = "x".repeat(2000);
    const page = readSearchPage(
      cursor,
      {
        ...bundle(),
        entry: [
          outcome([{ severity: "information" }, { severity: "information", details: { text: "  " } }, null, 42, { severity: "warning", diagnostics: 7 }]),
          outcome("not a list" as unknown as unknown[]),
          outcome([{ severity: "warning", diagnostics: " Same. " }, { severity: "warning", details: { text: "Same." } }, { severity: "teapot", diagnostics: long }]),
        ],
      },
      BASE,
      LIMITS,
      0,
    );
    expect(page.messages).toEqual([
      { severity: "warning", text: "Same." },
      { severity: "information", text: `${"x".repeat(499)}…` },
    ]);
  });

  it("serverMessages: each message once across pages, in the order first seen", () => {
    const info = { severity: "information", text: "Archived before 1990." } as const;
    const warning = { severity: "warning", text: "Partial record." } as const;
    expect(serverMessages([{ messages: [info] }, { messages: [info, warning] }, { messages: [] }, { messages: [warning] }])).toEqual([info, warning]);
    expect(serverMessages([])).toEqual([]);
  });
});

/** `session`, but any search by POST (a `form`) fails with `status`; GETs are answered as before. */
function answeringPostWith(session: ReturnType<typeof fakeSession>, status: number): ReturnType<typeof fakeSession> {
  return { ...session, get: <T>(url: string, signal?: AbortSignal, form?: URLSearchParams): Promise<T> => (form ? Promise.reject(httpError(status, url)) : session.get<T>(url, signal)) };
}

describe("fetchObservationPage", () => {
  const search = { patientId: "p1", codes: ["http://loinc.org|4548-4"], category: null, pageSize: 2, limits: DEFAULT_PAGING };
  const first = `${TEST_BASE}/${firstPageUrl(search)}`;
  const later = { ...firstCursor(`${TEST_BASE}/Observation?p=2`), seen: [first], runPages: 1, runStartedAt: 0 };

  it("a later page the server has forgotten (410) restarts the search from its first page, once", async () => {
    const session = fakeSession((url) => {
      if (url === first) return searchBundle([a1c("a", "2021-01-01", 6)], `${TEST_BASE}/Observation?p=2`);
      throw httpError(410, url);
    });
    const page = await fetchObservationPage(session, search, later);
    expect(session.calls).toEqual([`${TEST_BASE}/Observation?p=2`, first]);
    expect(page).toMatchObject({ url: first, restarted: true, next: { url: `${TEST_BASE}/Observation?p=2`, restarted: true } });
    await expect(fetchObservationPage(session, search, page.next)).rejects.toMatchObject({ status: 410, message: expect.stringContaining("ran the search again once") });
    expect(session.calls).toHaveLength(3);
  });

  it("a first page that is gone is not restarted", async () => {
    const session = fakeSession((url) => {
      throw httpError(410, url);
    });
    await expect(fetchObservationPage(session, search, undefined)).rejects.toMatchObject({ status: 410 });
    expect(session.calls).toEqual([first]);
  });

  it("a server that refuses the first page's size (400) is asked once more at 50; a second refusal is the search's failure", async () => {
    const big = { ...search, pageSize: 200 };
    const count = (url: string) => new URL(url).searchParams.get("_count");
    const refusesBig = fakeSession((url) => {
      if (count(url) !== "50") throw httpError(400, url);
      return searchBundle([a1c("a", "2021-01-01", 6)]);
    });
    expect((await fetchObservationPage(refusesBig, big, undefined)).observations).toHaveLength(1);
    // By POST, then (a 400 may be a server that takes no search by POST) as a GET; then by POST at 50, taken.
    expect(refusesBig.calls.map(count)).toEqual(["200", "200", "50"]);
    expect(refusesBig.posted).toHaveLength(2);

    const refusesAll = fakeSession((url) => {
      throw httpError(400, url);
    });
    await expect(fetchObservationPage(refusesAll, big, undefined)).rejects.toMatchObject({ status: 400 });
    expect(refusesAll.calls.map(count)).toEqual(["200", "200", "50", "50"]);
    // A later page's 400 is not the page size's fault: it is not asked again.
    await expect(fetchObservationPage(refusesAll, big, later)).rejects.toMatchObject({ status: 400 });
    expect(refusesAll.calls).toHaveLength(5);
  });

  it("asks for the first page by POST to Observation/_search, its parameters as a form; later pages by their links", async () => {
    const session = fakeSession((url) => searchBundle([a1c(url, "2021-01-01", 6)], url === first ? `${TEST_BASE}/Observation?p=2` : undefined));
    const page = await fetchObservationPage(session, search, undefined);
    expect(session.posted).toEqual([`${TEST_BASE}/Observation/_search`]);
    expect(session.calls).toEqual([first]);
    // The page is named by its GET URL, whichever way it was asked for: links back to it are loops.
    expect(page).toMatchObject({ url: first, next: { url: `${TEST_BASE}/Observation?p=2`, seen: [first] } });
    await fetchObservationPage(session, search, page.next);
    expect(session.posted).toHaveLength(1);
    expect(session.calls).toEqual([first, `${TEST_BASE}/Observation?p=2`]);
  });

  it.each([400, 403, 404, 405, 415, 501])("a server that refuses the search by POST (%i) is asked the same search as a GET, once", async (status) => {
    const session = fakeSession((url) => searchBundle([a1c(url, "2021-01-01", 6)]));
    const refusing = answeringPostWith(session, status);
    const page = await fetchObservationPage(refusing, { ...search, pageSize: 50 }, undefined);
    expect(page.observations).toHaveLength(1);
    expect(session.calls).toEqual([`${TEST_BASE}/${firstPageUrl({ ...search, pageSize: 50 })}`]);
  });

  it.each([401, 410, 429, 500, 503, 0])("a failed search by POST (%i) is not asked again as a GET: the failure is the search's", async (status) => {
    const session = fakeSession((url) => searchBundle([a1c(url, "2021-01-01", 6)]));
    const failing = answeringPostWith(session, status);
    await expect(fetchObservationPage(failing, search, undefined)).rejects.toMatchObject({ status });
    expect(session.calls).toEqual([]);
  });
});

describe("preflightSearch", () => {
  it("sends a HEAD to the search by POST's URL with an Authorization header and no token, and ignores its answer", async () => {
    const sent: [string, RequestInit | undefined][] = [];
    const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      sent.push([String(input), init]);
      return new Response(null, { status: 401 });
    });
    try {
      preflightSearch("https://ehr.test/fhir/r4");
      preflightSearch("https://ehr.test/fhir/r4/");
      expect(sent).toEqual([
        ["https://ehr.test/fhir/r4/Observation/_search", { method: "HEAD", headers: { authorization: "Bearer" } }],
        ["https://ehr.test/fhir/r4/Observation/_search", { method: "HEAD", headers: { authorization: "Bearer" } }],
      ]);
      // A server that cannot be reached: nothing thrown, no rejection left unhandled.
      fetch.mockRejectedValueOnce(new TypeError("Failed to fetch"));
      expect(() => preflightSearch(TEST_BASE)).not.toThrow();
      await new Promise((resolve) => setTimeout(resolve));
      expect(fetch).toHaveBeenCalledTimes(3);
      // No server (fhirclient kept none): nothing sent.
      preflightSearch("undefined");
      preflightSearch("");
      expect(fetch).toHaveBeenCalledTimes(3);
    } finally {
      fetch.mockRestore();
    }
  });
});

describe("isOnFhirServer", () => {
  it("accepts the base and what is under it", () => {
    expect(isOnFhirServer(BASE, BASE)).toBe(true);
    expect(isOnFhirServer(`${BASE}/Patient/1`, BASE)).toBe(true);
    expect(isOnFhirServer(`${BASE}/Patient/1`, `${BASE}/`)).toBe(true);
  });
});
