import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fetchObservationPage, firstPageUrl, readSearchPage } from "./observations";
import { firstCursor } from "./paging";
import { isOnFhirServer } from "./urls";
import { a1c, fakeSession, httpError, searchBundle, TEST_BASE } from "../test/fakeSession";

const BASE = "http://127.0.0.1:4400/fhir";

function bundle(next?: string): fhir4.Bundle {
  return { resourceType: "Bundle", type: "searchset", link: next ? [{ relation: "next", url: next }] : [] };
}

describe("firstPageUrl", () => {
  it("encodes every search value, newest first, one code parameter for all codes", () => {
    const url = firstPageUrl({ patientId: "a b&c", codes: ["http://loinc.org|4548-4", "http://loinc.org|17856-6"], category: "laboratory", pageSize: 50 });
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
      }),
    );
  });
});

describe("fetchObservationPage", () => {
  const search = { patientId: "p1", codes: ["http://loinc.org|4548-4"], category: null, pageSize: 2 };
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
});

describe("isOnFhirServer", () => {
  it("accepts the base and what is under it", () => {
    expect(isOnFhirServer(BASE, BASE)).toBe(true);
    expect(isOnFhirServer(`${BASE}/Patient/1`, BASE)).toBe(true);
    expect(isOnFhirServer(`${BASE}/Patient/1`, `${BASE}/`)).toBe(true);
  });
});
