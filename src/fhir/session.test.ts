import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readLaunchRecord, saveLaunchRecord } from "./launchRecord";

// fhirclient's ready() is replaced: these tests are about what the app does around it.
const ready = vi.hoisted(() => vi.fn());
const settings = vi.hoisted(() => ({}) as Record<string, unknown>);
vi.mock("fhirclient", () => ({ default: { oauth2: { ready, settings } } }));

const { bannerFlag, parseFhirUser, startSession } = await import("./session");
const { SessionError } = await import("./sessionErrors");

const RECORD = { launchUrl: `${location.origin}/launch.html?iss=https%3A%2F%2Fehr.test%2Ffhir&launch=L`, kind: "ehr", settings: { observationCategory: "laboratory" } } as const;

interface FakeState {
  serverUrl: string;
  key: string;
  clientId: string;
  scope: string;
  tokenResponse: Record<string, unknown>;
}

/** fhirclient's Client as session.ts uses it, over the real sessionStorage. */
function fakeClient(tokenResponse: Record<string, unknown>, fhirUser: string | null = "https://ehr.test/fhir/Practitioner/prac-1") {
  const state: FakeState = { serverUrl: "https://ehr.test/fhir", key: "key-1", clientId: "lab-graph", scope: "openid fhirUser offline_access launch patient/*.rs", tokenResponse };
  sessionStorage.setItem(state.key, JSON.stringify(state));
  sessionStorage.setItem("SMART_KEY", JSON.stringify(state.key));
  return {
    state,
    getIdToken: () => (fhirUser ? { fhirUser } : null),
    refresh: vi.fn(),
    environment: {
      getStorage: () => ({
        get: async (key: string) => JSON.parse(sessionStorage.getItem(key) ?? "null"),
        set: async (key: string, value: unknown) => sessionStorage.setItem(key, JSON.stringify(value)),
        unset: async (key: string) => sessionStorage.removeItem(key),
      }),
    },
  };
}

function openAt(query: string, historyState: unknown = null): void {
  window.history.replaceState(historyState, "", `/index.html${query}`);
}

beforeEach(() => {
  sessionStorage.clear();
  ready.mockReset();
  openAt("");
});
afterEach(() => vi.restoreAllMocks());

describe("startSession", () => {
  it("tells fhirclient to name the client when it refreshes (a public client must)", () => {
    expect(settings.refreshTokenWithClientId).toBe(true);
  });

  it("completes the exchange, cleans the address bar and pins the tab to its launch", async () => {
    saveLaunchRecord("key-1", RECORD);
    ready.mockResolvedValue(fakeClient({ access_token: "a", patient: "p1", encounter: "e1", need_patient_banner: "false", scope: "launch patient/*.rs" }));
    openAt("?code=c&state=key-1&iss=https%3A%2F%2Fehr.test%2Fauth&keep=1");
    const session = await startSession();
    expect(ready).toHaveBeenCalledTimes(1);
    expect(ready).toHaveBeenCalledWith(undefined);
    // In the next task, once the first reads (sent as the session resolves) are out.
    expect(window.history.state).toBeNull();
    await new Promise((resolve) => setTimeout(resolve));
    expect(location.search).toBe("?keep=1");
    expect(window.history.state).toEqual({ labGraphLaunch: "key-1" });
    expect(session).toMatchObject({
      serverUrl: "https://ehr.test/fhir",
      patientId: "p1",
      encounterId: "e1",
      needPatientBanner: false,
      grantedScope: "launch patient/*.rs",
      user: { resourceType: "Practitioner", id: "prac-1" },
      launchKind: "ehr",
      patientFacing: false,
      relaunchUrl: RECORD.launchUrl,
      // The app's settings come through unread (src/app/appSession.ts reads them).
      launchSettings: { observationCategory: "laboratory" },
    });
  });

  it("as the code is exchanged, has the browser make the lab search's preflight on the launch's FHIR server; not on a reload", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response(null, { status: 401 }));
    saveLaunchRecord("key-1", RECORD);
    ready.mockResolvedValue(fakeClient({ access_token: "a", patient: "p1" }));
    openAt("?code=c&state=key-1");
    await startSession();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith("https://ehr.test/fhir/Observation/_search", { method: "HEAD", headers: { authorization: "Bearer" } });
    // Sent just before fhirclient sends the token request, so that its answer is there when the token is.
    expect(fetch.mock.invocationCallOrder[0]).toBeLessThan(ready.mock.invocationCallOrder[0]!);

    openAt("", { labGraphLaunch: "key-1" });
    await startSession();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("fhirclient's state unreadable or gone: no preflight, and fhirclient's own failure is what is said", async () => {
    const fetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response(null, { status: 401 }));
    ready.mockRejectedValue(new Error("No state found using the given state key"));
    for (const state of ["not json", null]) {
      sessionStorage.clear();
      if (state !== null) sessionStorage.setItem("key-1", state);
      openAt("?code=c&state=key-1");
      await expect(startSession()).rejects.toMatchObject({ kind: "unknown-state" });
    }
    expect(fetch).not.toHaveBeenCalled();
  });

  it("a reload resumes the launch this page was pinned to, not the tab's latest", async () => {
    ready.mockResolvedValue(fakeClient({ access_token: "a", patient: "p1" }));
    openAt("", { labGraphLaunch: "key-1" });
    await startSession();
    expect(ready).toHaveBeenCalledWith({ stateKey: "key-1" });
  });

  it("no scope in the token response means the requested scope was granted (RFC 6749 §5.1)", async () => {
    const client = fakeClient({ access_token: "a", patient: "p1" });
    ready.mockResolvedValue(client);
    const session = await startSession();
    expect(session.grantedScope).toBe(client.state.scope);
    expect(client.state.tokenResponse.scope).toBe(client.state.scope);
  });

  it("a patient signed in as themselves is spoken to as the patient", async () => {
    saveLaunchRecord("key-1", { ...RECORD, kind: "standalone" });
    ready.mockResolvedValue(fakeClient({ access_token: "a", patient: "p1" }, "Patient/p1"));
    expect(await startSession()).toMatchObject({ patientFacing: true, launchKind: "standalone", user: { resourceType: "Patient", id: "p1" } });
  });

  it("who gets the patient's view by default (patientFacing): a Patient or RelatedPerson user, or a standalone launch naming no user", async () => {
    const cases: [kind: "ehr" | "standalone", fhirUser: string | null, patientFacing: boolean][] = [
      ["ehr", "Patient/p1", true],
      ["standalone", "RelatedPerson/rp1", true],
      ["ehr", "RelatedPerson/rp1", true],
      ["standalone", null, true],
      ["ehr", null, false],
      ["ehr", "Practitioner/prac-1", false],
      ["ehr", "PractitionerRole/role-1", false],
      ["standalone", "Practitioner/prac-1", false],
      ["ehr", "Device/d1", false],
    ];
    for (const [kind, fhirUser, patientFacing] of cases) {
      sessionStorage.clear();
      saveLaunchRecord("key-1", { ...RECORD, kind });
      ready.mockResolvedValue(fakeClient({ access_token: "a", patient: "p1" }, fhirUser));
      expect((await startSession()).patientFacing, `${kind} ${fhirUser ?? "no user"}`).toBe(patientFacing);
    }
  });

  it("a fhirUser on another server is not shown as the signed-in user", async () => {
    ready.mockResolvedValue(fakeClient({ access_token: "a", patient: "p1" }, "https://elsewhere.test/fhir/Practitioner/prac-1"));
    expect((await startSession()).user).toBeUndefined();
  });

  it("a client without an access token (reload after a failed exchange): session ended, with relaunch", async () => {
    saveLaunchRecord("key-1", RECORD);
    ready.mockResolvedValue(fakeClient({}));
    const failure = await startSession().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SessionError);
    expect(failure).toMatchObject({ kind: "no-token", options: { relaunchUrl: RECORD.launchUrl } });
  });

  it("an authorization error whose state this tab never issued is not believed", async () => {
    openAt("?error=access_denied&error_description=Forged&state=someone-else");
    const failure = await startSession().catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: "unknown-state" });
    expect(ready).not.toHaveBeenCalled();
    expect(location.search).toBe("");
  });

  it("an authorization error whose state names an item this app did not write for a launch (SMART_KEY) is not believed", async () => {
    sessionStorage.setItem("key-1", "{}");
    sessionStorage.setItem("SMART_KEY", JSON.stringify("key-1"));
    openAt("?error=access_denied&error_description=Your%20account%20is%20locked%3A%20call%20555-0100&state=SMART_KEY");
    const failure = await startSession().catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: "unknown-state" });
    expect(String((failure as Error).message)).not.toContain("555-0100");
    expect(ready).not.toHaveBeenCalled();
  });

  it("an authorization error for a state with fhirclient's state but no launch record is not believed", async () => {
    sessionStorage.setItem("key-1", "{}");
    openAt("?error=access_denied&error_description=Forged&state=key-1");
    await expect(startSession()).rejects.toMatchObject({ kind: "unknown-state" });
    expect(ready).not.toHaveBeenCalled();
  });

  it("an authorization error for this tab's launch: its own message, with relaunch", async () => {
    sessionStorage.setItem("key-1", "{}");
    saveLaunchRecord("key-1", RECORD);
    ready.mockRejectedValue(new Error("access_denied: Nope"));
    openAt("?error=access_denied&error_description=Nope&state=key-1");
    const failure = await startSession().catch((e: unknown) => e);
    expect(failure).toMatchObject({ kind: "authorization-denied", options: { serverSaid: "Nope", relaunchUrl: RECORD.launchUrl } });
    expect(location.search).toBe("");
  });

  it("storage denied: says so before fhirclient touches it", async () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    });
    await expect(startSession()).rejects.toMatchObject({ kind: "storage-blocked" });
    expect(ready).not.toHaveBeenCalled();
  });

  it("sign-out forgets the launch: fhirclient's state, the record, SMART_KEY and the pin", async () => {
    saveLaunchRecord("key-1", RECORD);
    ready.mockResolvedValue(fakeClient({ access_token: "a", patient: "p1" }));
    const session = await startSession();
    await session.signOut();
    expect(sessionStorage.getItem("key-1")).toBeNull();
    expect(sessionStorage.getItem("SMART_KEY")).toBeNull();
    expect(readLaunchRecord("key-1")).toBeUndefined();
    expect(window.history.state).toBeNull();
  });

  it("signed out before the address bar was cleaned: it is cleaned, and the tab is not pinned to the ended launch", async () => {
    saveLaunchRecord("key-1", RECORD);
    ready.mockResolvedValue(fakeClient({ access_token: "a", patient: "p1" }));
    openAt("?code=c&state=key-1");
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const session = await startSession();
      await session.signOut();
      expect(location.search).toBe("?code=c&state=key-1");
      vi.runAllTimers();
      expect(location.search).toBe("");
      expect(window.history.state).not.toHaveProperty("labGraphLaunch");
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("token response quirks", () => {
  it.each([
    [true, true],
    ["true", true],
    [undefined, true],
    [false, false],
    ["false", false],
  ])("need_patient_banner %j → %s", (value, expected) => {
    expect(bannerFlag(value)).toBe(expected);
  });

  it.each([
    ["Practitioner/prac-1", { resourceType: "Practitioner", id: "prac-1" }],
    ["Patient/p.1", { resourceType: "Patient", id: "p.1" }],
    ["prac-1", undefined],
    ["Practitioner/../../x", undefined],
    [null, undefined],
  ])("fhirUser %j", (value, expected) => {
    expect(parseFhirUser(value)).toEqual(expected);
  });
});
