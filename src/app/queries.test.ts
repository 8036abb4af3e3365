import { describe, expect, it, vi } from "vitest";
import type { ObservationPage } from "../fhir/observations";
import { DEFAULT_PAGING, firstCursor } from "../fhir/paging";
import { HBA1C } from "../labs/catalog";
import { fakeSession } from "../test/fakeSession";
import { observationSearch, observationsQuery, PAGE_SIZE, pageReader } from "./queries";

describe("observationsQuery paging", () => {
  const session = fakeSession(() => ({}));
  const options = observationsQuery(session, observationSearch("p1", HBA1C, null));
  const page = (more: Partial<ObservationPage>): ObservationPage => ({ url: "https://ehr.test/fhir/p1", observations: [], messages: [], total: undefined, next: undefined, stop: undefined, restarted: false, ...more });

  it("goes on where the page says, paused or not, and nowhere after a stop without a next", () => {
    const next = firstCursor("https://ehr.test/fhir/p2");
    expect(options.getNextPageParam(page({ next }), [], undefined, [])).toBe(next);
    expect(options.getNextPageParam(page({ next, stop: { reason: "page-cap", pages: 1000 } }), [], undefined, [])).toBe(next);
    expect(options.getNextPageParam(page({ stop: { reason: "loop", url: "https://ehr.test/fhir/p1" } }), [], undefined, [])).toBeUndefined();
  });

  it("one query key per server, patient and lab; one page reader per search", () => {
    expect(options.queryKey).toEqual(["observations", "https://ehr.test/fhir", "p1", HBA1C.codes.map((c) => `${c.system}|${c.code}`), null, 50]);
    expect(pageReader(session, observationSearch("p1", HBA1C, null))).toBe(pageReader(session, observationSearch("p1", HBA1C, null)));
    expect(pageReader(session, observationSearch("p2", HBA1C, null))).not.toBe(pageReader(session, observationSearch("p1", HBA1C, null)));
  });
});

describe("page size", () => {
  it("lets the largest history the app is built for (10 000 results) load without a pause at the default page cap", () => {
    expect(DEFAULT_PAGING.maxPages * PAGE_SIZE).toBeGreaterThanOrEqual(10_000);
  });
});

describe("the first reads", () => {
  it("start the Goal read right after the lab search, never before it, and never when the scope is missing", async () => {
    const { QueryClient } = await import("@tanstack/react-query");
    const { startFirstReads } = await import("./firstReads");
    const respond = (url: string) => (url.includes("/Patient/") ? { resourceType: "Patient", id: "p1" } : { resourceType: "Bundle", type: "searchset", entry: [] });
    const session = fakeSession(respond, { grantedScope: "launch patient/Observation.rs patient/Patient.rs patient/Goal.rs" });
    const client = new QueryClient();
    startFirstReads(client, session);
    await vi.waitFor(() => expect(session.calls.some((u) => u.includes("/Goal?"))).toBe(true));
    const types = session.calls.map((u) => new URL(u).pathname.split("/")[2]);
    expect(types.indexOf("Goal")).toBeGreaterThan(types.indexOf("Observation"));
    expect(types.indexOf("Observation")).toBeGreaterThanOrEqual(0);

    const without = fakeSession(respond);
    startFirstReads(new QueryClient(), without);
    await vi.waitFor(() => expect(without.calls.some((u) => u.includes("/Observation?"))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(without.calls.some((u) => u.includes("/Goal"))).toBe(false);
  });
});
