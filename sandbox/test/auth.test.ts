/** The authorization servers over HTTP: client authentication, authorize by GET and POST, refresh, context. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { SignJWT, exportJWK, generateKeyPair, importJWK, decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSandbox } from "./useSandbox.ts";
import { SEED_000_PRIVATE_D, SEED_000_PUBLIC_JWK, SEED_001_SECRET, SEED_CLIENT_ID, SEED_REDIRECT_URI } from "../src/auth/clients.ts";
import { TEST_REDIRECT, authorize, bearer, choosePatient, ehrAuthorizationRequest, ehrLaunch, pkcePair, postForm } from "./client.ts";

const sandbox = useSandbox();


/** A standalone `launch/patient` authorization at `authPath` through the patient picker. */
async function standalone(authPath: string, fhirPath: string, client: string, redirect: string, scope: string, post = false) {
  const { verifier, challenge } = pkcePair();
  const result = await authorize({
    authorizeUrl: `${sandbox.origin}${authPath}/authorize`,
    redirectUri: redirect,
    answerPage: choosePatient("hba1c-long"),
    post,
    params: { response_type: "code", client_id: client, scope, redirect_uri: redirect, aud: `${sandbox.origin}${fhirPath}`, state: "st", code_challenge: challenge, code_challenge_method: "S256" },
  });
  return { code: result.code ?? "", verifier, result };
}

type SigningKey = Parameters<SignJWT["sign"]>[0];

async function assertion(tokenEndpoint: string, key: SigningKey, alg: string, kid: string, client = SEED_CLIENT_ID, jti: string = randomUUID()): Promise<Record<string, string>> {
  const jwt = await new SignJWT({}).setProtectedHeader({ alg, kid }).setIssuer(client).setSubject(client).setAudience(tokenEndpoint).setJti(jti).setExpirationTime("5m").sign(key);
  return { client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: jwt };
}

describe("seed 000: private_key_jwt", () => {
  const token = () => `${sandbox.origin}/seeds/000/auth/token`;
  const seedKey = () => importJWK({ ...SEED_000_PUBLIC_JWK, d: SEED_000_PRIVATE_D }, "ES384");

  it("accepts an ES384 assertion signed with the seed's key, refuses another key and a replayed jti", async () => {
    const first = await standalone("/seeds/000/auth", "/seeds/000/fhir", SEED_CLIENT_ID, SEED_REDIRECT_URI, "launch/patient patient/Observation.rs");
    const { privateKey } = await generateKeyPair("ES384");
    const wrongKey = await postForm(token(), { grant_type: "authorization_code", code: first.code, redirect_uri: SEED_REDIRECT_URI, code_verifier: first.verifier, ...(await assertion(token(), privateKey, "ES384", SEED_000_PUBLIC_JWK.kid)) });
    expect(wrongKey.body.error).toBe("invalid_client");
    const jti = randomUUID();
    const ok = await postForm(token(), { grant_type: "authorization_code", code: first.code, redirect_uri: SEED_REDIRECT_URI, code_verifier: first.verifier, ...(await assertion(token(), await seedKey(), "ES384", SEED_000_PUBLIC_JWK.kid, SEED_CLIENT_ID, jti)) });
    expect(ok.status).toBe(200);
    const second = await standalone("/seeds/000/auth", "/seeds/000/fhir", SEED_CLIENT_ID, SEED_REDIRECT_URI, "launch/patient patient/Observation.rs");
    const replayed = await postForm(token(), { grant_type: "authorization_code", code: second.code, redirect_uri: SEED_REDIRECT_URI, code_verifier: second.verifier, ...(await assertion(token(), await seedKey(), "ES384", SEED_000_PUBLIC_JWK.kid, SEED_CLIENT_ID, jti)) });
    expect(replayed.body.error).toBe("invalid_client");
  });

  it("the same client id at seed 001's server authenticates with the secret, Basic or in the body", async () => {
    const tokenUrl = `${sandbox.origin}/seeds/001/auth/token`;
    const basic = await standalone("/seeds/001/auth", "/seeds/001/fhir", SEED_CLIENT_ID, SEED_REDIRECT_URI, "launch/patient patient/Observation.rs");
    const wrong = await postForm(tokenUrl, { grant_type: "authorization_code", code: basic.code, redirect_uri: SEED_REDIRECT_URI, code_verifier: basic.verifier }, { authorization: `Basic ${Buffer.from(`${SEED_CLIENT_ID}:nope`).toString("base64")}` });
    expect(wrong.body.error).toBe("invalid_client");
    const post = await standalone("/seeds/001/auth", "/seeds/001/fhir", SEED_CLIENT_ID, SEED_REDIRECT_URI, "launch/patient patient/Observation.rs");
    const ok = await postForm(tokenUrl, { grant_type: "authorization_code", code: post.code, redirect_uri: SEED_REDIRECT_URI, code_verifier: post.verifier, client_id: SEED_CLIENT_ID, client_secret: SEED_001_SECRET });
    expect(ok.status).toBe(200);
    expect(ok.body.patient).toBe("hba1c-long");
  });
});

describe("dynamic registration", () => {
  let jwksServer: Server;
  let jwksUrl: string;
  let rsaKey: SigningKey;

  beforeAll(async () => {
    const pair = await generateKeyPair("RS384");
    rsaKey = pair.privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "rs-1", alg: "RS384", use: "sig" }] });
    jwksServer = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(jwks));
    await new Promise<void>((resolve) => jwksServer.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

  it("a client registered with a jwks_uri authenticates with RS384 assertions", async () => {
    const reg = await fetch(`${sandbox.origin}/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_name: "RS384 app", redirect_uris: [SEED_REDIRECT_URI], token_endpoint_auth_method: "private_key_jwt", token_endpoint_auth_signing_alg: "RS384", jwks_uri: jwksUrl }),
    });
    const client = (await reg.json()) as { client_id: string };
    expect(reg.status).toBe(201);
    const { code, verifier } = await standalone("/auth", "/fhir", client.client_id, SEED_REDIRECT_URI, "launch/patient patient/Patient.rs");
    const tokenUrl = `${sandbox.origin}/auth/token`;
    const response = await postForm(tokenUrl, { grant_type: "authorization_code", code, redirect_uri: SEED_REDIRECT_URI, code_verifier: verifier, ...(await assertion(tokenUrl, rsaKey, "RS384", "rs-1", client.client_id)) });
    expect(response.status).toBe(200);
  });

  it("grants a registered client only scopes its registration covers", async () => {
    const reg = await fetch(`${sandbox.origin}/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_name: "narrow", redirect_uris: [SEED_REDIRECT_URI], scope: "launch/patient patient/Observation.read", token_endpoint_auth_method: "none" }),
    });
    const client = (await reg.json()) as { client_id: string; scope: string };
    expect(client.scope).toBe("launch/patient patient/Observation.read");
    const { code, verifier } = await standalone("/auth", "/fhir", client.client_id, SEED_REDIRECT_URI, "launch/patient patient/Observation.rs patient/Patient.rs");
    const token = await postForm(`${sandbox.origin}/auth/token`, { grant_type: "authorization_code", code, redirect_uri: SEED_REDIRECT_URI, code_verifier: verifier, client_id: client.client_id });
    expect(String(token.body.scope).split(" ").sort()).toEqual(["launch/patient", "patient/Observation.rs"]);
  });

  it("refuses scopes the server does not know, and metadata oidc-provider refuses", async () => {
    const badScope = await fetch(`${sandbox.origin}/auth/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ redirect_uris: [SEED_REDIRECT_URI], scope: "patient/Observation.fly" }) });
    expect(badScope.status).toBe(400);
    expect(await badScope.json()).toMatchObject({ error: "invalid_client_metadata" });
    const badUri = await fetch(`${sandbox.origin}/auth/register`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ redirect_uris: ["not a uri"] }) });
    expect(badUri.status).toBe(400);
    expect(await badUri.json()).toMatchObject({ error: "invalid_redirect_uri" });
  });
});

describe("seed 002: clients created with PUT /Client/{id}", () => {
  it("refuses a Client it cannot honour with an OperationOutcome", async () => {
    for (const body of [
      { resourceType: "Client", auth: { authorization_code: { redirect_uri: "not a url" } } },
      { resourceType: "Client", auth: { authorization_code: { redirect_uri: "https://app.example/cb", secret_required: true } } },
      { resourceType: "Client", id: "other", auth: { authorization_code: { redirect_uri: "https://app.example/cb" } } },
      { resourceType: "Client", grant_types: ["password"], auth: { authorization_code: { redirect_uri: "https://app.example/cb" } } },
    ]) {
      const response = await fetch(`${sandbox.origin}/Client/put-test`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as fhir4.OperationOutcome).resourceType).toBe("OperationOutcome");
    }
    const builtIn = await fetch(`${sandbox.origin}/Client/lab-graph`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ auth: { authorization_code: { redirect_uri: "https://evil.example/cb" } } }) });
    expect(builtIn.status).toBe(409);
  });

  it("a created client's access_token_expiration sets its token lifetime; a second PUT replaces it", async () => {
    const put = (expiration: number) =>
      fetch(`${sandbox.origin}/Client/short-lived`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ resourceType: "Client", type: "smart-app", grant_types: ["code"], auth: { authorization_code: { redirect_uri: SEED_REDIRECT_URI, access_token_expiration: expiration, secret_required: false } } }),
      });
    expect((await put(600)).status).toBe(201);
    expect((await put(120)).status).toBe(200);
    const { code, verifier } = await standalone("/auth", "/fhir", "short-lived", SEED_REDIRECT_URI, "launch/patient patient/Patient.rs");
    const token = await postForm(`${sandbox.origin}/auth/token`, { grant_type: "authorization_code", code, redirect_uri: SEED_REDIRECT_URI, code_verifier: verifier, client_id: "short-lived" });
    expect(token.body.expires_in).toBe(120);
  });
});

describe("authorization requests", () => {
  /** The authorization request an app sends for an EHR launch from `/launch` with `options`. */
  async function ehrAuthorizeParams(options: Record<string, string>): Promise<{ params: Record<string, string>; verifier: string }> {
    const { params, verifier } = await ehrAuthorizationRequest(sandbox.origin, options, "launch openid fhirUser patient/Patient.rs");
    return { params: { ...params, state: "one-hop" }, verifier };
  }

  it("an EHR launch is answered in one round trip, by GET and POST: the redirect to the app with its code and the session's cookies", async () => {
    for (const post of [false, true]) {
      const { params, verifier } = await ehrAuthorizeParams({ patient: "hba1c-long" });
      const answer = post
        ? await fetch(`${sandbox.origin}/auth/authorize`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params) })
        : await fetch(`${sandbox.origin}/auth/authorize?${new URLSearchParams(params)}`, { redirect: "manual" });
      expect(answer.status).toBe(303);
      const back = new URL(answer.headers.get("location") ?? "");
      expect(`${back.origin}${back.pathname}`).toBe(TEST_REDIRECT);
      expect(back.searchParams.get("state")).toBe("one-hop");
      const cookies = answer.headers.getSetCookie();
      expect(cookies.some((c) => /^sbx_\w+_session=[^;]+;/.test(c) && /SameSite=None/.test(c) && /Secure/.test(c))).toBe(true);
      const token = await postForm(`${sandbox.origin}/auth/token`, { grant_type: "authorization_code", code: back.searchParams.get("code") ?? "", redirect_uri: TEST_REDIRECT, code_verifier: verifier, client_id: "lab-graph" });
      expect(token.body.patient).toBe("hba1c-long");
      expect(decodeJwt(String(token.body.id_token)).fhirUser).toBe(`${sandbox.fhirBase}/Practitioner/prac-1`);
    }
  });

  it("an EHR launch's refusals come in that one round trip too: an OAuth error to the app, or the error page", async () => {
    const denied = await ehrAuthorizeParams({ patient: "hba1c-long", error: "access_denied" });
    const refusal = await fetch(`${sandbox.origin}/auth/authorize?${new URLSearchParams(denied.params)}`, { redirect: "manual" });
    expect(refusal.status).toBe(303);
    const back = new URL(refusal.headers.get("location") ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(TEST_REDIRECT);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("code")).toBeNull();
    const untrusted = await ehrAuthorizeParams({ patient: "hba1c-long", error: "invalid_redirect" });
    const page = await fetch(`${sandbox.origin}/auth/authorize?${new URLSearchParams(untrusted.params)}`, { redirect: "manual", headers: { accept: "text/html" } });
    expect(page.status).toBe(400);
    expect(page.headers.get("location")).toBeNull();
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("is not registered for this client");
  });

  it("a standalone launch still shows its patient picker at the interaction step", async () => {
    const first = await fetch(`${sandbox.origin}/auth/authorize?${new URLSearchParams({ response_type: "code", client_id: "lab-graph", scope: "launch/patient", redirect_uri: TEST_REDIRECT, aud: sandbox.fhirBase, state: "s", code_challenge: pkcePair().challenge, code_challenge_method: "S256" })}`, { redirect: "manual" });
    expect(first.status).toBe(303);
    expect(new URL(first.headers.get("location") ?? "", sandbox.origin).pathname).toMatch(/^\/auth\/interaction\/[\w-]+$/);
  });

  it("are accepted by POST (authorize-post) as by GET", async () => {
    const { code, verifier, result } = await standalone("/auth", "/fhir", "lab-graph", TEST_REDIRECT, "launch/patient patient/Patient.rs", true);
    expect(result.error).toBeUndefined();
    const token = await postForm(`${sandbox.origin}/auth/token`, { grant_type: "authorization_code", code, redirect_uri: TEST_REDIRECT, code_verifier: verifier, client_id: "lab-graph" });
    expect(token.body.patient).toBe("hba1c-long");
  });

  it("never grant system/ scopes to a user's session", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long" }, "launch system/*.rs patient/Patient.rs");
    expect(token.scope).toBe("launch patient/Patient.rs");
    expect((await fetch(`${sandbox.fhirBase}/Patient/no-labs`, bearer(token.access_token))).status).toBe(403);
  });

  it("refuse PKCE plain", async () => {
    const result = await authorize({
      authorizeUrl: `${sandbox.origin}/auth/authorize`,
      redirectUri: TEST_REDIRECT,
      params: { response_type: "code", client_id: "lab-graph", scope: "launch/patient patient/Patient.rs", redirect_uri: TEST_REDIRECT, aud: sandbox.fhirBase, state: "s", code_challenge: "a".repeat(43), code_challenge_method: "plain" },
    });
    expect(result.error).toBe("invalid_request");
  });

  it("a standalone launch signs in as the chosen patient; launch/encounter picks their latest encounter", async () => {
    const { code, verifier } = await standalone("/auth", "/fhir", "lab-graph", TEST_REDIRECT, "launch/patient launch/encounter openid fhirUser patient/Encounter.rs");
    const token = await postForm(`${sandbox.origin}/auth/token`, { grant_type: "authorization_code", code, redirect_uri: TEST_REDIRECT, code_verifier: verifier, client_id: "lab-graph" });
    expect(decodeJwt(String(token.body.id_token)).fhirUser).toBe(`${sandbox.fhirBase}/Patient/hba1c-long`);
    const latest = sandbox.store.encountersOf("hba1c-long").at(-1)?.resource.id;
    expect(token.body.encounter).toBe(latest);
  });

  it("the patient picker names every patient, and refuses an unknown choice", async () => {
    const first = await fetch(`${sandbox.origin}/auth/authorize?${new URLSearchParams({ response_type: "code", client_id: "lab-graph", scope: "launch/patient", redirect_uri: TEST_REDIRECT, aud: sandbox.fhirBase, state: "s", code_challenge: pkcePair().challenge, code_challenge_method: "S256" })}`, { redirect: "manual" });
    const jar = first.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const interaction = new URL(first.headers.get("location") ?? "", sandbox.origin);
    const page = await (await fetch(interaction, { headers: { cookie: jar } })).text();
    expect(page).toContain(">Amelia Jane Rhodes</button>");
    expect(page).toContain('name="caregiver" value="rp-hba1c-long"');
    expect(page).toContain('>Grace Rhodes</button> <span id="care-rp-hba1c-long">for Amelia Jane Rhodes (daughter)</span>');
    for (const body of ["patient=nobody", "caregiver=nobody"]) {
      const refused = await fetch(interaction, { method: "POST", headers: { cookie: jar, "content-type": "application/x-www-form-urlencoded" }, body });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('There is no patient or caregiver "nobody"');
    }
  });

  it("a caregiver signs in as themself (fhirUser RelatedPerson), with the patient they care for in context", async () => {
    const { verifier, challenge } = pkcePair();
    const result = await authorize({
      authorizeUrl: `${sandbox.origin}/auth/authorize`,
      redirectUri: TEST_REDIRECT,
      answerPage: (html) => {
        const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
        return action && html.includes('value="rp-hba1c-long"') ? { action: action.replace(/&amp;/g, "&"), body: new URLSearchParams({ caregiver: "rp-hba1c-long" }) } : undefined;
      },
      params: { response_type: "code", client_id: "lab-graph", scope: "launch/patient openid fhirUser profile patient/Observation.rs", redirect_uri: TEST_REDIRECT, aud: sandbox.fhirBase, state: "st", code_challenge: challenge, code_challenge_method: "S256" },
    });
    const token = await postForm(`${sandbox.origin}/auth/token`, { grant_type: "authorization_code", code: result.code ?? "", redirect_uri: TEST_REDIRECT, code_verifier: verifier, client_id: "lab-graph" });
    const claims = decodeJwt(String(token.body.id_token));
    expect(claims.fhirUser).toBe(`${sandbox.fhirBase}/RelatedPerson/rp-hba1c-long`);
    expect(claims.name).toBe("Grace Rhodes");
    expect(token.body.patient).toBe("hba1c-long");
    const search = await fetch(`${sandbox.fhirBase}/Observation?patient=hba1c-long&code=http://loinc.org|4548-4`, bearer(token.body.access_token));
    expect(search.status).toBe(200);
  });
});

describe("refresh tokens and context", () => {
  it("offline_access and online_access give a refresh token; neither gives none", async () => {
    for (const [scope, expected] of [["offline_access", true], ["online_access", true], ["", false]] as const) {
      const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long" }, `launch patient/Patient.rs ${scope}`.trim());
      expect(typeof token.refresh_token === "string", scope).toBe(expected);
      if (scope) expect(String(token.scope).split(" ")).toContain(scope);
    }
  });

  it("refresh refuses a wider scope than granted", async () => {
    const { token, tokenEndpoint } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long" }, "launch offline_access patient/Patient.rs");
    const wider = await postForm(tokenEndpoint, { grant_type: "refresh_token", refresh_token: String(token.refresh_token), client_id: "lab-graph", scope: "patient/Patient.rs patient/Observation.rs" });
    expect(wider.body.error).toBe("invalid_scope");
  });

  it("encounter, fhirContext, intent and tenant come in the token response and after a refresh", async () => {
    const { token, tokenEndpoint } = await ehrLaunch(sandbox.origin, { patient: "hba1c-mixed", encounter: "latest", intent: "reconcile-labs", tenant: "clinic-7" }, "launch launch/encounter offline_access patient/Encounter.rs");
    const encounter = sandbox.store.encountersOf("hba1c-mixed").at(-1)?.resource.id;
    const context = { encounter, fhirContext: [{ reference: `Encounter/${encounter}` }], intent: "reconcile-labs", tenant: "clinic-7" };
    expect(token).toMatchObject(context);
    const refreshed = await postForm(tokenEndpoint, { grant_type: "refresh_token", refresh_token: String(token.refresh_token), client_id: "lab-graph" });
    expect(refreshed.body).toMatchObject(context);
    expect((await fetch(`${sandbox.fhirBase}/Encounter/${encounter}`, bearer(token.access_token))).status).toBe(200);
  });

  it("an encounter of another patient cannot be launched", async () => {
    const other = sandbox.store.encountersOf("hba1c-mixed").at(-1)?.resource.id ?? "";
    const response = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&encounter=${other}`, { redirect: "manual" });
    expect(response.status).toBe(400);
  });
});

describe("userinfo", () => {
  it("answers fhirUser and profile claims for an openid token, 403 without openid, 401 without a token", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", practitioner: "prac-2" }, "launch openid fhirUser profile patient/Patient.rs");
    const info = (await (await fetch(`${sandbox.origin}/auth/userinfo`, bearer(token.access_token))).json()) as Record<string, unknown>;
    expect(info).toEqual({ sub: "Practitioner/prac-2", fhirUser: `${sandbox.fhirBase}/Practitioner/prac-2`, name: "Dr. Samuel Okafor", given_name: "Samuel", family_name: "Okafor" });
    const plain = await ehrLaunch(sandbox.origin, { patient: "hba1c-long" }, "launch patient/Patient.rs");
    expect((await fetch(`${sandbox.origin}/auth/userinfo`, bearer(plain.token.access_token))).status).toBe(403);
    expect((await fetch(`${sandbox.origin}/auth/userinfo`)).status).toBe(401);
  });
});
