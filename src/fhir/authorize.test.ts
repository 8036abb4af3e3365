import { beforeEach, describe, expect, it, vi } from "vitest";
import { readLaunchRecord, saveLaunchRecord } from "./launchRecord";
import { NEAR_SERVER_KEY } from "./storage";

const authorize = vi.hoisted(() => vi.fn());
const getAndCache = vi.hoisted(() => vi.fn());
vi.mock("fhirclient", () => ({ default: { oauth2: { authorize } } }));
vi.mock("fhirclient/lib/lib", () => ({ getAndCache }));

const { startAuthorization } = await import("./authorize");
const { DiscoveryError, wellKnownUrl } = await import("./discovery");

const ISS = "https://ehr.test/fhir";
const TEMPLATE = "openid fhirUser offline_access patient/Patient.rs patient/Observation.rs";
const V2 = {
  authorization_endpoint: "https://ehr.test/auth/authorize",
  token_endpoint: "https://ehr.test/auth/token",
  revocation_endpoint: "https://ehr.test/auth/revoke",
  code_challenge_methods_supported: ["S256"],
  capabilities: ["launch-ehr", "permission-v2"],
};

function request(overrides: Partial<Parameters<typeof startAuthorization>[0]> = {}) {
  return {
    kind: "ehr" as const,
    iss: ISS,
    launch: "L",
    clientId: "lab-graph",
    scopeTemplate: TEMPLATE,
    pkceMode: "required" as const,
    launchUrl: "http://localhost:3000/launch.html?iss=x&launch=L",
    ...overrides,
  };
}

beforeEach(() => {
  sessionStorage.clear();
  authorize.mockReset();
  getAndCache.mockReset();
});

describe("startAuthorization", () => {
  it("EHR launch on a v2 server: v2 scopes with launch, PKCE required, a random UUID as state, completing in the same window", async () => {
    getAndCache.mockResolvedValue(V2);
    await startAuthorization(request());
    expect(getAndCache).toHaveBeenCalledTimes(1);
    expect(getAndCache).toHaveBeenCalledWith(wellKnownUrl(ISS));
    expect(authorize).toHaveBeenCalledWith({
      iss: ISS,
      launch: "L",
      clientId: "lab-graph",
      scope: `${TEMPLATE} launch`,
      redirectUri: "./index.html",
      pkceMode: "required",
      stateKey: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      completeInTarget: true,
    });
  });

  it("standalone launch on a v1 server: .read scopes with launch/patient", async () => {
    getAndCache.mockResolvedValue({ ...V2, capabilities: ["launch-standalone", "permission-v1"] });
    await startAuthorization(request({ kind: "standalone", launch: undefined }));
    expect(authorize.mock.calls[0]![0]).toMatchObject({
      launch: undefined,
      scope: "openid fhirUser offline_access patient/Patient.read patient/Observation.read launch/patient",
    });
  });

  it("keeps a launch record under the state key: relaunch URL, kind, revocation endpoint, the app's settings", async () => {
    getAndCache.mockResolvedValue(V2);
    await startAuthorization(request({ settings: { observationCategory: "laboratory", labs: { hba1c: { target: null } } } }));
    const { stateKey } = authorize.mock.calls[0]![0] as { stateKey: string };
    expect(readLaunchRecord(stateKey)).toEqual({
      launchUrl: "http://localhost:3000/launch.html?iss=x&launch=L",
      kind: "ehr",
      revocationEndpoint: "https://ehr.test/auth/revoke",
      // The app's settings, kept as given: the graph page reads them (src/config/launchSettings.ts).
      settings: { observationCategory: "laboratory", labs: { hba1c: { target: null } } },
    });
  });

  it.each([
    ["near: discovery answered within 50 ms", [{ duration: 12 }], "1"],
    ["far: discovery took 50 ms or more", [{ duration: 50 }], null],
    ["unknown: the browser kept no timing of it", [], null],
  ])("keeps for the graph page whether the server is %s", async (_, entries, kept) => {
    // A previous launch's answer in this tab is replaced.
    if (kept === null) sessionStorage.setItem(NEAR_SERVER_KEY, "1");
    const timing = vi.spyOn(performance, "getEntriesByName").mockReturnValue(entries as PerformanceEntry[]);
    try {
      getAndCache.mockResolvedValue(V2);
      await startAuthorization(request());
      expect(timing).toHaveBeenCalledWith(wellKnownUrl(ISS), "resource");
      expect(sessionStorage.getItem(NEAR_SERVER_KEY)).toBe(kept);
    } finally {
      // Restored even when a check fails, so that the tests after this one see the browser's own timings.
      timing.mockRestore();
    }
  });

  it("drops the record of the tab's previous launch, as fhirclient drops its state", async () => {
    saveLaunchRecord("old", { launchUrl: "http://localhost:3000/launch.html", kind: "ehr" });
    sessionStorage.setItem("SMART_KEY", JSON.stringify("old"));
    getAndCache.mockResolvedValue(V2);
    await startAuthorization(request());
    expect(readLaunchRecord("old")).toBeUndefined();
  });

  it("ignores a revocation endpoint that is not an http(s) URL", async () => {
    getAndCache.mockResolvedValue({ ...V2, revocation_endpoint: "javascript:alert(1)" });
    await startAuthorization(request());
    const { stateKey } = authorize.mock.calls[0]![0] as { stateKey: string };
    expect(readLaunchRecord(stateKey)?.revocationEndpoint).toBeUndefined();
  });

  it("refuses a server that does not advertise S256 when PKCE is required", async () => {
    getAndCache.mockResolvedValue({ ...V2, code_challenge_methods_supported: ["plain"] });
    await expect(startAuthorization(request())).rejects.toThrow(DiscoveryError);
    await expect(startAuthorization(request())).rejects.toMatchObject({ problem: { why: "no-s256", iss: ISS } });
    expect(authorize).not.toHaveBeenCalled();
  });

  it("refuses an https FHIR server whose token endpoint is plain http: the code and tokens would travel unencrypted", async () => {
    getAndCache.mockResolvedValue({ ...V2, token_endpoint: "http://ehr.test/auth/token" });
    await expect(startAuthorization(request())).rejects.toMatchObject({ problem: { why: "plain-http-token", origin: "http://ehr.test" } });
    expect(authorize).not.toHaveBeenCalled();
  });

  it("a plain http FHIR server (the local sandbox) may have a plain http token endpoint", async () => {
    const iss = "http://127.0.0.1:4400/fhir";
    getAndCache.mockResolvedValue({ ...V2, token_endpoint: "http://127.0.0.1:4400/auth/token" });
    await startAuthorization(request({ iss }));
    expect(authorize.mock.calls[0]![0]).toMatchObject({ iss });
  });

  it("the page's address carries the base the app checked, since fhirclient reads iss from it before its options", async () => {
    window.history.replaceState(null, "", "/launch.html?iss=HTTPS%3A%2F%2FEHR.test%2Ffhir%2F&launch=L");
    let seen: string | null = null;
    authorize.mockImplementation(() => void (seen = new URL(window.location.href).searchParams.get("iss")));
    getAndCache.mockResolvedValue(V2);
    await startAuthorization(request());
    expect(seen).toBe(ISS);
    expect(getAndCache).toHaveBeenCalledWith(wellKnownUrl(ISS));
    expect(new URL(window.location.href).searchParams.get("launch")).toBe("L");
    window.history.replaceState(null, "", "/");
  });

  it("pkceMode unsafeV1 (one server's quirk) sends S256 anyway", async () => {
    getAndCache.mockResolvedValue({ ...V2, code_challenge_methods_supported: undefined });
    await startAuthorization(request({ pkceMode: "unsafeV1" }));
    expect(authorize.mock.calls[0]![0]).toMatchObject({ pkceMode: "unsafeV1" });
  });
});

describe("discovery failures", () => {
  it("no .well-known (404): says the server publishes no SMART configuration", async () => {
    getAndCache.mockRejectedValue(Object.assign(new Error("404 Not Found"), { status: 404 }));
    await expect(startAuthorization(request())).rejects.toMatchObject({ problem: { why: "no-configuration", iss: ISS, url: `${ISS}/.well-known/smart-configuration`, status: 404 } });
  });

  it("unreachable or refused by CORS", async () => {
    getAndCache.mockRejectedValue(new TypeError("Failed to fetch"));
    await expect(startAuthorization(request())).rejects.toMatchObject({ problem: { why: "unreachable", iss: ISS } });
  });

  it.each([
    ["no endpoints", {}],
    ["a javascript: authorization endpoint", { ...V2, authorization_endpoint: "javascript:alert(1)//" }],
    ["a relative token endpoint", { ...V2, token_endpoint: "/token" }],
    ["not an object", "<html>"],
  ])("refuses %s", async (_, document) => {
    getAndCache.mockResolvedValue(document);
    await expect(startAuthorization(request())).rejects.toMatchObject({ problem: { why: "no-endpoints", iss: ISS } });
    expect(authorize).not.toHaveBeenCalled();
  });
});
