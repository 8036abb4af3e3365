import { describe, expect, it, vi } from "vitest";
import type { ObservationPage } from "../fhir/observations";
import { DEFAULT_PAGING, firstCursor } from "../fhir/paging";
import { HBA1C } from "../labs/catalog";
import { fakeSession } from "../test/fakeSession";
import { goalsQuery, observationsQuery, patientQuery, sessionKey } from "./queries";
import { signedInUserQuery } from "./sessionQueries";
import { observationSearch, PAGE_SIZE, pageReader } from "./searches";
import { startFirstReads } from "./firstReads";

describe("observationsQuery paging", () => {
  const session = fakeSession(() => ({}));
  const options = observationsQuery(session, observationSearch("p1", HBA1C, null, DEFAULT_PAGING));
  const page = (more: Partial<ObservationPage>): ObservationPage => ({ url: "https://ehr.test/fhir/p1", observations: [], messages: [], total: undefined, next: undefined, stop: undefined, restarted: false, ...more });

  it("goes on where the page says, paused or not, and nowhere after a stop without a next", () => {
    const next = firstCursor("https://ehr.test/fhir/p2");
    expect(options.getNextPageParam(page({ next }), [], undefined, [])).toBe(next);
    expect(options.getNextPageParam(page({ next, stop: { reason: "page-cap", pages: 1000 } }), [], undefined, [])).toBe(next);
    expect(options.getNextPageParam(page({ stop: { reason: "loop", url: "https://ehr.test/fhir/p1" } }), [], undefined, [])).toBeUndefined();
  });

  it("one query key per server, patient and lab, under the session's root; one page reader per search", () => {
    expect(options.queryKey).toEqual(["fhir", "https://ehr.test/fhir", "p1", "observations", "p1", HBA1C.codes.map((c) => `${c.system}|${c.code}`), null, PAGE_SIZE]);
    for (const key of [patientQuery(session, "p1").queryKey, goalsQuery(session, "p1").queryKey, signedInUserQuery(session, { resourceType: "Practitioner", id: "x" }).queryKey]) {
      expect(key.slice(0, 3)).toEqual(sessionKey(session));
    }
    expect(sessionKey(fakeSession(() => ({}), { patientId: "p2" }))).not.toEqual(sessionKey(session));
    expect(pageReader(session, observationSearch("p1", HBA1C, null, DEFAULT_PAGING))).toBe(pageReader(session, observationSearch("p1", HBA1C, null, DEFAULT_PAGING)));
    expect(pageReader(session, observationSearch("p2", HBA1C, null, DEFAULT_PAGING))).not.toBe(pageReader(session, observationSearch("p1", HBA1C, null, DEFAULT_PAGING)));
  });
});

describe("page size", () => {
  it("lets the largest history the app is built for (10 000 results) load without a pause at the default page cap", () => {
    expect(DEFAULT_PAGING.maxPages * PAGE_SIZE).toBeGreaterThanOrEqual(10_000);
  });
});

describe("the first reads", () => {
  const respond = (url: string) => (url.includes("/Patient/") ? { resourceType: "Patient", id: "p1" } : { resourceType: "Bundle", type: "searchset", entry: [] });
  const types = (calls: readonly string[]) => calls.map((u) => new URL(u).pathname.split("/")[2]);

  it("the first script sends the lab search, then the Patient read, and nothing else; nothing without the Observation scope", () => {
    const session = fakeSession(respond, { grantedScope: "launch patient/Observation.rs patient/Patient.rs patient/Goal.rs", user: { resourceType: "Practitioner", id: "prac-1" } });
    const first = startFirstReads(session);
    expect(types(session.calls)).toEqual(["Observation", "Patient"]);
    expect(new URL(session.calls[0]!).searchParams.get("_count")).toBe(String(PAGE_SIZE));
    expect(first.search?.patientId).toBe("p1");

    const denied = fakeSession(respond, { grantedScope: "launch patient/Patient.rs" });
    expect(startFirstReads(denied)).toEqual({ session: denied });
    expect(denied.calls).toEqual([]);
  });

  it("React Query takes over the reads in flight without asking again; the Goals follow the lab search, the signed-in user its first page", async () => {
    const { QueryClient } = await import("@tanstack/react-query");
    const { seedQueries } = await import("./seedQueries");
    let answerLabs: (value: unknown) => void = () => undefined;
    const labsAnswered = new Promise((resolve) => (answerLabs = resolve));
    const slowLabs = async (url: string) => {
      if (url.includes("/Observation?")) await labsAnswered;
      return respond(url);
    };
    const session = fakeSession(slowLabs, { grantedScope: "launch user/Practitioner.rs patient/Observation.rs patient/Patient.rs patient/Goal.rs", user: { resourceType: "Practitioner", id: "prac-1" } });
    const client = new QueryClient();
    const first = startFirstReads(session);
    seedQueries(client, first);
    await vi.waitFor(() => expect(types(session.calls)).toContain("Goal"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(types(session.calls)).not.toContain("Practitioner");
    answerLabs(null);
    await vi.waitFor(() => expect(types(session.calls)).toEqual(expect.arrayContaining(["Goal", "Practitioner"])));
    expect(types(session.calls).slice(0, 2)).toEqual(["Observation", "Patient"]);
    expect(types(session.calls)).toHaveLength(4);
    const search = first.search!;
    const pages = await client.fetchInfiniteQuery(observationsQuery(session, search));
    const patient = await client.fetchQuery(patientQuery(session, "p1"));
    expect(pages.pages).toHaveLength(1);
    expect(patient.id).toBe("p1");
    expect(types(session.calls).filter((t) => t !== "Goal")).toEqual(["Observation", "Patient", "Practitioner"]);

    const without = fakeSession(respond);
    seedQueries(new QueryClient(), startFirstReads(without));
    await vi.waitFor(() => expect(without.calls.some((u) => u.includes("/Observation?"))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(without.calls.some((u) => u.includes("/Goal"))).toBe(false);
  });
});
