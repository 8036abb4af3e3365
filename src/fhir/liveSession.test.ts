import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLiveSession, RedirectRefusedError, SessionEndedError, type LiveSessionOptions, type SmartClient } from "./liveSession";
import { tokenEndpointAllowed } from "./urls";

const BASE = "https://ehr.test/fhir";
const REVOKE = "https://ehr.test/auth/revoke";
const NOW = 1_700_000_000_000;

interface Call {
  readonly url: string;
  readonly authorization: string | undefined;
  readonly body: string | undefined;
}

/** The FHIR server and revocation endpoint: `valid` tokens get a Patient, others a 401. */
function server(valid: Set<string>, revokeStatus = 200) {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    const authorization = headers.get("authorization") ?? undefined;
    calls.push({ url, authorization, body: init.body?.toString() });
    if (url === REVOKE) return new Response(null, { status: revokeStatus });
    if (url.endsWith("/Broken")) return Response.json({ resourceType: "OperationOutcome", issue: [{ diagnostics: "disk on fire" }] }, { status: 500 });
    if (authorization && valid.has(authorization.slice("Bearer ".length))) return Response.json({ resourceType: "Patient", id: "p1" });
    return Response.json({ resourceType: "OperationOutcome", issue: [{ diagnostics: "token expired" }] }, { status: 401 });
  });
  return calls;
}

/** fhirclient's Client as the session sees it: tokens, expiry, and a refresh that mints `access-<n>`. */
function fakeClient(initial: { access?: string; refresh?: string; expiresAt?: number }, refreshes: (n: number) => string | Error = (n) => `access-${n}`) {
  const state = { ...initial, forgotten: "" as "" | "tokens" | "everything", refreshCount: 0 };
  const client: SmartClient = {
    accessToken: () => state.access,
    refreshToken: () => state.refresh,
    expiresAt: () => state.expiresAt,
    refresh: async () => {
      state.refreshCount++;
      const next = refreshes(state.refreshCount);
      if (next instanceof Error) {
        state.refresh = undefined;
        throw next;
      }
      state.access = next;
      state.expiresAt = NOW / 1000 + 3600;
    },
    forget: async (everything) => {
      state.forgotten = everything ? "everything" : "tokens";
    },
  };
  return { client, state };
}

const OPTIONS: LiveSessionOptions = {
  serverUrl: BASE,
  clientId: "lab-graph",
  grantedScope: "openid fhirUser offline_access patient/*.rs",
  launchKind: "ehr",
  revocationEndpoint: REVOKE,
};

/** Retries without the real backoff's waits. */
const FAST_RETRY = { attempts: 3, baseDelayMs: 1, maxWaitMs: 10_000 };

function session(client: SmartClient, options: Partial<LiveSessionOptions> = {}) {
  return createLiveSession(client, { ...OPTIONS, retry: FAST_RETRY, ...options }, () => NOW);
}

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => vi.unstubAllGlobals());

describe("requests", () => {
  it("sends the bearer token to the FHIR server, resolving relative URLs against the base", async () => {
    const calls = server(new Set(["a"]));
    const { client } = fakeClient({ access: "a", refresh: "r", expiresAt: NOW / 1000 + 3600 });
    await expect(session(client).get("Patient/p1")).resolves.toMatchObject({ id: "p1" });
    expect(calls).toEqual([{ url: `${BASE}/Patient/p1`, authorization: "Bearer a", body: undefined }]);
  });

  it("with a form, POSTs it as application/x-www-form-urlencoded with the token, and sends it again after a refresh", async () => {
    const sent: { method: string | undefined; type: string | null; body: string | undefined; authorization: string | null }[] = [];
    const calls = server(new Set(["access-1"]));
    const answer = globalThis.fetch;
    vi.stubGlobal("fetch", async (url: string, init: RequestInit = {}) => {
      const request = new Request(url, init);
      sent.push({ method: request.method, type: request.headers.get("content-type"), body: await request.clone().text(), authorization: request.headers.get("authorization") });
      return answer(url, init);
    });
    const { client } = fakeClient({ access: "old", refresh: "r", expiresAt: NOW / 1000 + 3600 });
    const form = new URLSearchParams({ patient: "p 1", code: "http://loinc.org|4548-4" });
    await expect(session(client).get("Observation/_search", undefined, form)).resolves.toMatchObject({ id: "p1" });
    const post = { method: "POST", type: "application/x-www-form-urlencoded;charset=UTF-8", body: "patient=p+1&code=http%3A%2F%2Floinc.org%7C4548-4" };
    expect(sent).toEqual([
      { ...post, authorization: "Bearer old" },
      { ...post, authorization: "Bearer access-1" },
    ]);
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/Observation/_search`, `${BASE}/Observation/_search`]);
  });

  it("never sends the token to another origin or outside the FHIR base", async () => {
    const calls = server(new Set(["a"]));
    const live = session(fakeClient({ access: "a" }).client);
    await expect(live.get("https://evil.example/fhir/Patient/p1")).rejects.toThrow("refused to send your sign-in to https://evil.example");
    await expect(live.get("https://ehr.test/auth/userinfo")).rejects.toThrow("not the FHIR server");
    expect(calls).toEqual([]);
  });

  it("a server error is a FhirRequestError with the OperationOutcome's words, and the session stays", async () => {
    server(new Set(["a"]));
    const live = session(fakeClient({ access: "a" }).client);
    await expect(live.get("Broken")).rejects.toMatchObject({ status: 500, message: "The FHIR server had an error (500). disk on fire The app tried 3 times." });
    expect(live.status()).toEqual({ state: "active" });
  });

  it("a network failure is status 0", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    await expect(session(fakeClient({ access: "a" }).client).get("Patient/p1")).rejects.toMatchObject({ status: 0 });
  });
});

describe("refresh and expiry", () => {
  it("refreshes before a request when the token is about to expire", async () => {
    const calls = server(new Set(["access-1"]));
    const { client, state } = fakeClient({ access: "old", refresh: "r", expiresAt: NOW / 1000 + 5 });
    await session(client).get("Patient/p1");
    expect(state.refreshCount).toBe(1);
    expect(calls.map((c) => c.authorization)).toEqual(["Bearer access-1"]);
  });

  it("parallel requests share one refresh", async () => {
    server(new Set(["access-1"]));
    const { client, state } = fakeClient({ access: "old", refresh: "r", expiresAt: NOW / 1000 - 1 });
    const live = session(client);
    await Promise.all([live.get("Patient/p1"), live.get("Patient/p1"), live.get("Patient/p1")]);
    expect(state.refreshCount).toBe(1);
  });

  it("on a 401, refreshes once and retries", async () => {
    const calls = server(new Set(["access-1"]));
    const { client, state } = fakeClient({ access: "revoked", refresh: "r", expiresAt: NOW / 1000 + 3600 });
    await expect(session(client).get("Patient/p1")).resolves.toMatchObject({ id: "p1" });
    expect(state.refreshCount).toBe(1);
    expect(calls.map((c) => c.authorization)).toEqual(["Bearer revoked", "Bearer access-1"]);
  });

  it("a 401 after the refresh ends the session: no second refresh, tokens dropped, later requests refused", async () => {
    const calls = server(new Set());
    const { client, state } = fakeClient({ access: "revoked", refresh: "r", expiresAt: NOW / 1000 + 3600 });
    const live = session(client);
    const listener = vi.fn();
    live.subscribe(listener);
    const failure = live.get("Patient/p1");
    await expect(failure).rejects.toBeInstanceOf(SessionEndedError);
    await expect(failure).rejects.toMatchObject({ status: 401 });
    expect(state.refreshCount).toBe(1);
    expect(state.forgotten).toBe("tokens");
    expect(listener).toHaveBeenCalledTimes(1);
    expect(live.status()).toMatchObject({ state: "ended", message: "Your session has ended: the FHIR server no longer accepts the sign-in. Launch the app again from your EHR." });
    await expect(live.get("Patient/p1")).rejects.toBeInstanceOf(SessionEndedError);
    expect(calls).toHaveLength(2);
  });

  it("no refresh token: a 401 says the session ended, without trying to refresh", async () => {
    server(new Set());
    const { client, state } = fakeClient({ access: "expired", expiresAt: NOW / 1000 - 60 });
    const live = session(client, { launchKind: "standalone" });
    await expect(live.get("Patient/p1")).rejects.toBeInstanceOf(SessionEndedError);
    expect(state.refreshCount).toBe(0);
    expect(live.status()).toMatchObject({ state: "ended", message: "Your session has ended: the sign-in expired. Sign in again to continue.", detail: expect.stringContaining("no refresh token") });
  });

  it("a refresh token without offline_access or online_access in the granted scope is not used (fhirclient would refuse)", async () => {
    server(new Set());
    const { client, state } = fakeClient({ access: "expired", refresh: "r", expiresAt: NOW / 1000 - 60 });
    const live = session(client, { grantedScope: "openid patient/*.rs" });
    await expect(live.get("Patient/p1")).rejects.toBeInstanceOf(SessionEndedError);
    expect(state.refreshCount).toBe(0);
    expect(live.status()).toMatchObject({ state: "ended", detail: expect.stringContaining("lists neither offline_access nor online_access") });
  });

  it("a refused refresh ends the session with the server's answer in the details", async () => {
    server(new Set());
    const { client } = fakeClient({ access: "old", refresh: "r", expiresAt: NOW / 1000 + 1 }, () => new Error("400 Bad Request\ninvalid_grant: grant request is invalid"));
    const live = session(client);
    await expect(live.get("Patient/p1")).rejects.toBeInstanceOf(SessionEndedError);
    expect(live.status()).toMatchObject({ state: "ended", message: expect.stringContaining("would not renew the sign-in"), detail: expect.stringContaining("invalid_grant") });
  });

  it("without an expiry from the server, waits for a 401 before refreshing", async () => {
    server(new Set(["a"]));
    const { client, state } = fakeClient({ access: "a", refresh: "r" });
    await session(client).get("Patient/p1");
    expect(state.refreshCount).toBe(0);
  });
});

describe("sign out", () => {
  it("revokes the refresh and access tokens at the revocation endpoint, then forgets everything", async () => {
    const calls = server(new Set(["a"]));
    const { client, state } = fakeClient({ access: "a", refresh: "r" });
    const live = session(client);
    await live.signOut();
    expect(calls.map((c) => [c.url, c.authorization, c.body])).toEqual([
      [REVOKE, undefined, "token=r&token_type_hint=refresh_token&client_id=lab-graph"],
      [REVOKE, undefined, "token=a&token_type_hint=access_token&client_id=lab-graph"],
    ]);
    expect(state.forgotten).toBe("everything");
    expect(live.status()).toEqual({ state: "signed-out", message: expect.stringContaining("The EHR has cancelled the app's sign-in") });
    await expect(live.get("Patient/p1")).rejects.toBeInstanceOf(SessionEndedError);
  });

  it("a server without a revocation endpoint: signed out here, and says the sign-in lasts until it expires", async () => {
    const calls = server(new Set());
    const { client, state } = fakeClient({ access: "a" });
    const live = session(client, { revocationEndpoint: undefined });
    await live.signOut();
    expect(calls).toEqual([]);
    expect(state.forgotten).toBe("everything");
    expect(live.status()).toMatchObject({ state: "signed-out", message: expect.stringContaining("ends when it expires") });
  });

  it("a failed revocation still signs out here, and says so", async () => {
    server(new Set(), 503);
    const { client, state } = fakeClient({ access: "a", refresh: "r" });
    const live = session(client);
    await live.signOut();
    expect(state.forgotten).toBe("everything");
    expect(live.status()).toMatchObject({
      state: "signed-out",
      message: expect.stringContaining("could not be told to cancel all of the sign-in (the refresh token: HTTP 503; the access token: HTTP 503)"),
    });
  });

  it("each token is revoked in its own attempt: a refused refresh token does not spare the access token", async () => {
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit = {}) => {
      const body = new URLSearchParams(init.body?.toString());
      calls.push(body.get("token_type_hint") ?? "");
      return new Response(null, { status: body.get("token_type_hint") === "refresh_token" ? 400 : 200 });
    });
    const { client, state } = fakeClient({ access: "a", refresh: "r" });
    const live = session(client);
    await live.signOut();
    expect(calls).toEqual(["refresh_token", "access_token"]);
    expect(state.forgotten).toBe("everything");
    expect(live.status()).toMatchObject({ message: expect.stringContaining("(the refresh token: HTTP 400)") });
  });

  it("a revocation answered with a redirect is not followed (the POST would carry the token on), and is said", async () => {
    const inits: RequestInit[] = [];
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit = {}) => {
      inits.push(init);
      return new Response(null, { status: 307, headers: { location: "https://elsewhere.test/collect" } });
    });
    const live = session(fakeClient({ access: "a" }).client);
    await live.signOut();
    expect(inits.map((i) => i.redirect)).toEqual(["manual"]);
    expect(live.status()).toMatchObject({ message: expect.stringContaining("answered with a redirect, which the app does not follow with a token") });
  });

  it("a revocation endpoint over plain http, for an https FHIR server, is never sent a token", async () => {
    const calls = server(new Set(["a"]));
    const live = session(fakeClient({ access: "a", refresh: "r" }).client, { revocationEndpoint: "http://ehr.test/auth/revoke" });
    await live.signOut();
    expect(calls).toEqual([]);
    expect(live.status()).toMatchObject({ state: "signed-out", message: expect.stringContaining("(http://ehr.test) is not secure (https)") });
  });

  it("plain http goes to a token endpoint only when the FHIR base is http too (a deployer's loopback sandbox)", () => {
    expect(tokenEndpointAllowed("https://ehr.test/revoke", "https://ehr.test/fhir")).toBe(true);
    expect(tokenEndpointAllowed("http://ehr.test/revoke", "https://ehr.test/fhir")).toBe(false);
    expect(tokenEndpointAllowed("http://127.0.0.1:4400/auth/revoke", "http://127.0.0.1:4400/fhir")).toBe(true);
    expect(tokenEndpointAllowed("https://ehr.test/revoke", "http://127.0.0.1:4400/fhir")).toBe(true);
    expect(tokenEndpointAllowed("javascript:alert(1)", "http://127.0.0.1:4400/fhir")).toBe(false);
  });
});

describe("redirects", () => {
  it("a read answered with a redirect fails, says so, is not retried, and the token never follows it", async () => {
    const inits: RequestInit[] = [];
    vi.stubGlobal("fetch", async (_url: string, init: RequestInit = {}) => {
      inits.push(init);
      return new Response(null, { status: 302, headers: { location: "/other/Patient/p1" } });
    });
    const live = session(fakeClient({ access: "a" }).client);
    const failure = await live.get("Patient/p1").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RedirectRefusedError);
    expect((failure as Error).message).toContain("answered with a redirect");
    expect(inits).toHaveLength(1);
    expect(inits[0]!.redirect).toBe("manual");
  });

  it("a browser's opaque redirect (what fetch gives for redirect: manual) is refused the same way", async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), "type", { value: "opaqueredirect" });
    vi.stubGlobal("fetch", async () => opaque);
    await expect(session(fakeClient({ access: "a" }).client).get("Patient/p1")).rejects.toBeInstanceOf(RedirectRefusedError);
  });
});

describe("retries", () => {
  /** A FHIR server that answers each GET with the next of `answers` (a status and headers, or a network failure). */
  function flaky(answers: ({ status: number; headers?: Record<string, string>; body?: string } | "down")[]) {
    const calls: number[] = [];
    vi.stubGlobal("fetch", async () => {
      calls.push(Date.now());
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)]!;
      if (answer === "down") throw new TypeError("Failed to fetch");
      const body = answer.body ?? JSON.stringify(answer.status < 400 ? { resourceType: "Patient", id: "p1" } : { resourceType: "OperationOutcome", issue: [{ diagnostics: "busy" }] });
      return new Response(body, { status: answer.status, headers: answer.headers });
    });
    return calls;
  }
  const live = (retry = FAST_RETRY, now = () => Date.now()) => createLiveSession(fakeClient({ access: "a" }).client, { ...OPTIONS, retry }, now);

  it.each([0, 408, 429, 500, 502, 503, 504])("a read answered %i is tried again, and succeeds", async (status) => {
    const calls = flaky([status === 0 ? "down" : { status }, { status: 200 }]);
    await expect(live().get("Patient/p1")).resolves.toMatchObject({ id: "p1" });
    expect(calls).toHaveLength(2);
  });

  it.each([400, 403, 404, 410, 422, 501])("a read answered %i is not tried again", async (status) => {
    const calls = flaky([{ status }, { status: 200 }]);
    await expect(live().get("Patient/p1")).rejects.toMatchObject({ status });
    expect(calls).toHaveLength(1);
  });

  it("waits as long as Retry-After says, in seconds or as a date", async () => {
    vi.useFakeTimers({ now: NOW });
    try {
      const calls = flaky([{ status: 503, headers: { "retry-after": "2" } }, { status: 429, headers: { "retry-after": new Date(NOW + 5000).toUTCString() } }, { status: 200 }]);
      const result = live({ attempts: 3, baseDelayMs: 1, maxWaitMs: 10_000 }).get("Patient/p1");
      await vi.advanceTimersByTimeAsync(1999);
      expect(calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(2999);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toMatchObject({ id: "p1" });
      expect(calls.map((t) => t - NOW)).toEqual([0, 2000, 5000]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("backs off exponentially without Retry-After", async () => {
    vi.useFakeTimers({ now: NOW });
    try {
      const calls = flaky(["down", "down", { status: 200 }]);
      const result = createLiveSession(fakeClient({ access: "a" }).client, { ...OPTIONS, retry: { attempts: 3, baseDelayMs: 500, maxWaitMs: 10_000 } }, () => Date.now(), () => 0.5).get("Patient/p1");
      await vi.advanceTimersByTimeAsync(2000);
      await expect(result).resolves.toMatchObject({ id: "p1" });
      expect(calls.map((t) => t - NOW)).toEqual([0, 500, 1500]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not wait for a Retry-After beyond the bound: says how long the server asked for instead", async () => {
    const calls = flaky([{ status: 503, headers: { "retry-after": "120" } }, { status: 200 }]);
    await expect(live().get("Patient/p1")).rejects.toMatchObject({ status: 503, message: expect.stringContaining("asked the app to wait 120 s") });
    expect(calls).toHaveLength(1);
  });

  it("gives up after the last try and says how many there were", async () => {
    const calls = flaky([{ status: 503 }]);
    await expect(live().get("Patient/p1")).rejects.toMatchObject({ status: 503, message: expect.stringContaining("The app tried 3 times.") });
    expect(calls).toHaveLength(3);
  });

  it("stops waiting when the read is cancelled", async () => {
    const calls = flaky([{ status: 503, headers: { "retry-after": "5" } }, { status: 200 }]);
    const controller = new AbortController();
    const result = live().get("Patient/p1", controller.signal);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: "AbortError" });
    expect(calls).toHaveLength(1);
  });

  it("a body cut off or not JSON is an error that says so, not retried", async () => {
    const calls = flaky([{ status: 200, body: '{"resourceType":"Bundle","entry":[{"reso' }]);
    await expect(live().get("Observation")).rejects.toMatchObject({ status: 200, message: expect.stringContaining("not valid JSON") });
    expect(calls).toHaveLength(1);
  });
});
