/**
 * The sandbox refuses what a careless or hostile client sends, each with its precise error: PKCE and code
 * misuse, client authentication, forged tokens, malformed and oversized bodies, path tricks. (Missing PKCE,
 * `plain`, scope escalation at refresh, wrong secret, wrong key and replayed jti are in sandbox.test.ts and
 * auth.test.ts; scopes and patients in fhir-api.test.ts.)
 */
import { randomUUID } from "node:crypto";
import { SignJWT, importJWK } from "jose";
import { describe, expect, it } from "vitest";
import { useSandbox } from "./useSandbox.ts";
import { BODY_LIMIT } from "../src/http.ts";
import { SEED_000_PRIVATE_D, SEED_000_PUBLIC_JWK, SEED_CLIENT_ID, SEED_REDIRECT_URI } from "../src/auth/clients.ts";
import { TEST_REDIRECT, authorize, bearer, choosePatient, ehrLaunch, launchAndAuthorize, pkcePair, postForm } from "./client.ts";

const sandbox = useSandbox();
const tokenUrl = () => `${sandbox.origin}/auth/token`;


/** An EHR launch's code and verifier, not yet exchanged. */
async function freshCode(): Promise<{ code: string; verifier: string }> {
  const { result, verifier } = await launchAndAuthorize(sandbox.origin, { patient: "hba1c-long" });
  return { code: result.code ?? "", verifier };
}

const exchange = (code: string, verifier: string, extra: Record<string, string> = {}) =>
  postForm(tokenUrl(), { grant_type: "authorization_code", code, redirect_uri: TEST_REDIRECT, client_id: "lab-graph", code_verifier: verifier, ...extra });

const INVALID_GRANT = { status: 400, body: { error: "invalid_grant", error_description: expect.any(String) } };

describe("the authorization code", () => {
  it("a wrong PKCE verifier, or none, is invalid_grant; the client holding the right one still gets its tokens", async () => {
    const { code, verifier } = await freshCode();
    expect(await exchange(code, pkcePair().verifier)).toEqual(INVALID_GRANT);
    expect(await postForm(tokenUrl(), { grant_type: "authorization_code", code, redirect_uri: TEST_REDIRECT, client_id: "lab-graph" })).toEqual({ status: 400, body: { error: "invalid_grant", error_description: expect.any(String) } });
    expect((await exchange(code, verifier)).status).toBe(200);
  });

  it("used twice: invalid_grant, and the tokens of the first use are revoked", async () => {
    const { code, verifier } = await freshCode();
    const first = await exchange(code, verifier);
    expect(first.status).toBe(200);
    expect(await exchange(code, verifier)).toEqual(INVALID_GRANT);
    const read = await fetch(`${sandbox.fhirBase}/Patient/hba1c-long`, bearer(first.body.access_token));
    expect(read.status).toBe(401);
    expect(read.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const refreshed = await postForm(tokenUrl(), { grant_type: "refresh_token", refresh_token: String(first.body.refresh_token), client_id: "lab-graph" });
    expect(refreshed).toEqual(INVALID_GRANT);
  });

  it("exchanged with another redirect_uri than it was issued for: invalid_grant", async () => {
    const { code, verifier } = await freshCode();
    expect(await exchange(code, verifier, { redirect_uri: "http://localhost:5173/other.html" })).toEqual(INVALID_GRANT);
  });

  it("exchanged by another client: invalid_client for an unknown one", async () => {
    const { code, verifier } = await freshCode();
    expect(await exchange(code, verifier, { client_id: "nobody" })).toEqual({ status: 401, body: { error: "invalid_client", error_description: expect.any(String) } });
  });
});

describe("authorization requests a client cannot make", () => {
  const ask = (params: Record<string, string>) =>
    fetch(`${sandbox.origin}/auth/authorize?${new URLSearchParams({ response_type: "code", scope: "launch/patient", state: "s", aud: sandbox.fhirBase, code_challenge: pkcePair().challenge, code_challenge_method: "S256", ...params })}`, {
      redirect: "manual",
      headers: { accept: "application/json" },
    });

  it("an unknown client: invalid_client, never a redirect", async () => {
    const response = await ask({ client_id: "nobody", redirect_uri: TEST_REDIRECT });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });

  it("a redirect_uri the client did not register: invalid_redirect_uri, never a redirect there", async () => {
    const response = await ask({ client_id: "lab-graph", redirect_uri: "https://evil.example/cb" });
    expect(response.status).toBe(400);
    expect(response.headers.get("location")).toBeNull();
    expect(await response.json()).toMatchObject({ error: "invalid_redirect_uri" });
  });
});

describe("client assertions (private_key_jwt, seed 000)", () => {
  const seedToken = () => `${sandbox.origin}/seeds/000/auth/token`;

  async function seedCode(): Promise<{ code: string; verifier: string }> {
    const { verifier, challenge } = pkcePair();
    const result = await authorize({
      authorizeUrl: `${sandbox.origin}/seeds/000/auth/authorize`,
      redirectUri: SEED_REDIRECT_URI,
      answerPage: choosePatient("hba1c-long"),
      params: { response_type: "code", client_id: SEED_CLIENT_ID, scope: "launch/patient patient/Observation.rs", redirect_uri: SEED_REDIRECT_URI, aud: `${sandbox.origin}/seeds/000/fhir`, state: "s", code_challenge: challenge, code_challenge_method: "S256" },
    });
    return { code: result.code ?? "", verifier };
  }

  async function assertion(claims: { aud?: string; exp?: number }): Promise<Record<string, string>> {
    const key = await importJWK({ ...SEED_000_PUBLIC_JWK, d: SEED_000_PRIVATE_D }, "ES384");
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({})
      .setProtectedHeader({ alg: "ES384", kid: SEED_000_PUBLIC_JWK.kid })
      .setIssuer(SEED_CLIENT_ID)
      .setSubject(SEED_CLIENT_ID)
      .setAudience(claims.aud ?? seedToken())
      .setJti(randomUUID())
      .setIssuedAt(now - 600)
      .setExpirationTime(claims.exp ?? now + 300)
      .sign(key);
    return { client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: jwt };
  }

  it.each([
    ["expired", { exp: Math.floor(Date.now() / 1000) - 60 }],
    ["for another audience", { aud: "https://evil.example/token" }],
  ])("an assertion %s is invalid_client", async (_, claims) => {
    const { code, verifier } = await seedCode();
    const response = await postForm(seedToken(), { grant_type: "authorization_code", code, redirect_uri: SEED_REDIRECT_URI, code_verifier: verifier, ...(await assertion(claims)) });
    expect(response).toEqual({ status: 401, body: { error: "invalid_client", error_description: expect.any(String) } });
    const good = await postForm(seedToken(), { grant_type: "authorization_code", code, redirect_uri: SEED_REDIRECT_URI, code_verifier: verifier, ...(await assertion({})) });
    expect(good.status).toBe(200);
  });
});

describe("tokens the FHIR API refuses", () => {
  it("a real token with altered characters, or one of another shape: 401 invalid_token", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long" });
    const real = String(token.access_token);
    const altered = `${real.slice(0, -2)}${real.endsWith("AA") ? "BB" : "AA"}`;
    const jwtLike = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"sub":"prac-1","patient":"no-labs"}').toString("base64url")}.`;
    for (const forged of [altered, jwtLike, real.toUpperCase()]) {
      const response = await fetch(`${sandbox.fhirBase}/Patient/hba1c-long`, bearer(forged));
      expect(response.status, forged).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(((await response.json()) as fhir4.OperationOutcome).issue[0]?.code).toBe("login");
    }
    expect((await fetch(`${sandbox.fhirBase}/Patient/hba1c-long`, bearer(real))).status).toBe(200);
  });
});

describe("request bodies", () => {
  const send = (path: string, body: string, type = "application/json", method = "POST") =>
    fetch(`${sandbox.origin}${path}`, { method, headers: { "content-type": type }, body });
  const oauth = (error: string) => ({ error, error_description: expect.any(String) });

  it.each([
    ["/auth/token", 400, oauth("invalid_request")],
    ["/auth/register", 400, oauth("invalid_request")],
    ["/auth/debug/token", 400, oauth("invalid_request")],
    ["/rpc", 400, { error: { message: expect.stringContaining("JSON") } }],
  ])("malformed JSON to %s: %i with the reason", async (path, status, body) => {
    const response = await send(path, '{"grant_type": "authorization_code",');
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
  });

  it("malformed JSON to PUT /Client: a 400 OperationOutcome", async () => {
    const response = await send("/Client/broken", "{nope", "application/json", "PUT");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "invalid" }] });
  });

  it("a JSON token request that is not an object, or holds a non-string parameter: invalid_request", async () => {
    for (const body of ["[1]", '"code"', '{"grant_type": ["authorization_code"]}']) {
      const response = await send("/auth/token", body);
      expect(response.status, body).toBe(400);
      expect(await response.json()).toEqual(oauth("invalid_request"));
    }
  });

  const big = "x".repeat(BODY_LIMIT + 1);
  it.each([
    ["/auth/token", "application/x-www-form-urlencoded", `grant_type=authorization_code&code=${big}`, oauth("invalid_request")],
    ["/auth/token", "application/json", JSON.stringify({ grant_type: "authorization_code", code: big }), oauth("invalid_request")],
    ["/auth/register", "application/json", JSON.stringify({ redirect_uris: [SEED_REDIRECT_URI], client_name: big }), oauth("invalid_request")],
    ["/auth/revoke", "application/x-www-form-urlencoded", `token=${big}`, oauth("invalid_request")],
    ["/auth/introspect", "application/x-www-form-urlencoded", `token=${big}`, oauth("invalid_request")],
    ["/auth/debug/token", "application/json", JSON.stringify({ scope: big }), oauth("invalid_request")],
    ["/rpc", "application/json", JSON.stringify({ method: big }), { error: { message: expect.stringContaining("too large") } }],
  ])("an oversized body to %s (%s): 413 with the reason", async (path, type, body, expected) => {
    const response = await send(path, body, type);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(expected);
  });

  it("an oversized PUT /Client: a 413 OperationOutcome", async () => {
    const response = await send("/Client/huge", JSON.stringify({ resourceType: "Client", secret: big }), "application/json", "PUT");
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "too-costly" }] });
  });
});

describe("resource ids that try to leave their path", () => {
  it.each([
    "/Patient/..%2FPractitioner%2Fprac-1",
    "/Patient/..%2F..%2Fauth%2Ftoken",
    "/Observation/..%5C..%5Cetc%5Cpasswd",
    "/Patient/hba1c-long%00.json",
    "/Patient/%2e%2e%2fno-labs",
    "/Patient/no-labs%3F_id%3Dhba1c-long",
  ])("%s: a 400 OperationOutcome", async (path) => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long" });
    const response = await fetch(`${sandbox.fhirBase}${path}`, bearer(token.access_token));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "invalid" }] });
  });

  it("dot segments are resolved before routing, so they reach only what the token may read", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long" });
    const response = await fetch(`${sandbox.fhirBase}/Patient/hba1c-long/../no-labs`, bearer(token.access_token));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "forbidden" }] });
  });
});
