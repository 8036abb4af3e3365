/** The sandbox over HTTP, started on a free port: the OAuth flow, discovery, launch APIs, FHIR enforcement. */
import { describe, expect, it } from "vitest";
import { useSandbox } from "./useSandbox.ts";
import { authorize, pkcePair, postForm } from "./client.ts";

const sandbox = useSandbox();
const APP = "http://localhost:5173";
const REDIRECT = `${APP}/index.html`;


/** An EHR launch for `patient`, through to the token response. */
async function ehrLaunch(patient: string, scope = "openid fhirUser offline_access launch patient/Patient.rs patient/Observation.rs", options: Record<string, string> = {}) {
  const launchResponse = await fetch(`${sandbox.origin}/launch?${new URLSearchParams({ app: `${APP}/launch.html`, patient, ...options })}`, { redirect: "manual" });
  const launchUrl = new URL(launchResponse.headers.get("location") ?? "");
  const { verifier, challenge } = pkcePair();
  const result = await authorize({
    authorizeUrl: `${sandbox.origin}/auth/authorize`,
    redirectUri: REDIRECT,
    params: {
      response_type: "code",
      client_id: "lab-graph",
      scope,
      redirect_uri: REDIRECT,
      aud: launchUrl.searchParams.get("iss") ?? "",
      state: "state-1",
      launch: launchUrl.searchParams.get("launch") ?? "",
      code_challenge: challenge,
      code_challenge_method: "S256",
    },
  });
  expect(result.error, result.errorDescription).toBeUndefined();
  const token = await postForm(`${sandbox.origin}/auth/token`, { grant_type: "authorization_code", code: result.code ?? "", redirect_uri: REDIRECT, client_id: "lab-graph", code_verifier: verifier });
  expect(token.status).toBe(200);
  return { launchUrl, token: token.body as Record<string, string | boolean> };
}

function fhir(path: string, token?: string) {
  return fetch(`${sandbox.fhirBase}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

describe("discovery", () => {
  it("advertises S256 only, the SMART capabilities, and lets browsers cache it", async () => {
    const response = await fetch(`${sandbox.fhirBase}/.well-known/smart-configuration`);
    expect(response.headers.get("cache-control")).toMatch(/max-age=\d+/);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await response.json()) as { code_challenge_methods_supported: string[]; capabilities: string[]; token_endpoint: string };
    expect(body.code_challenge_methods_supported).toEqual(["S256"]);
    expect(body.capabilities).toEqual(expect.arrayContaining(["launch-ehr", "launch-standalone", "client-public", "context-ehr-patient", "permission-v2", "permission-patient"]));
    expect(body.token_endpoint).toBe(`${sandbox.origin}/auth/token`);
  });

  it("serves a CapabilityStatement with the SMART security extension", async () => {
    const body = (await (await fetch(`${sandbox.fhirBase}/metadata`)).json()) as fhir4.CapabilityStatement;
    expect(body.resourceType).toBe("CapabilityStatement");
    expect(JSON.stringify(body.rest?.[0]?.security)).toContain("oauth-uris");
  });
});

describe("EHR launch", () => {
  it("redirects to the app with iss and a launch value", async () => {
    const response = await fetch(`${sandbox.origin}/launch?app=${encodeURIComponent(`${APP}/launch.html`)}&patient=hba1c-long`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe(`${APP}/launch.html`);
    expect(location.searchParams.get("iss")).toBe(sandbox.fhirBase);
    expect(location.searchParams.get("launch")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("refuses an unknown patient or a bad option with a clear page", async () => {
    const unknown = await fetch(`${sandbox.origin}/launch?app=${encodeURIComponent(`${APP}/launch.html`)}&patient=nobody`, { redirect: "manual" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("There is no patient &#34;nobody&#34;");
    const badLifetime = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&lifetime=-5`, { redirect: "manual" });
    expect(badLifetime.status).toBe(400);
    const badPage = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&max_count=201`, { redirect: "manual" });
    expect(badPage.status).toBe(400);
    expect(await badPage.text()).toContain("max_count");
  });

  it("max_count caps the launch's search pages, as a server with smaller pages does: fewer results, a next link", async () => {
    const search = (token: Record<string, unknown>, count: string) =>
      fetch(`${sandbox.fhirBase}/Observation?patient=hba1c-long&code=http://loinc.org|4548-4&_count=${count}`, { headers: { authorization: `Bearer ${String(token.access_token)}` } }).then((r) => r.json() as Promise<fhir4.Bundle>);
    const { token: capped } = await ehrLaunch("hba1c-long", undefined, { max_count: "30" });
    const small = await search(capped, "200");
    expect(small.entry).toHaveLength(30);
    expect(small.link?.some((l) => l.relation === "next")).toBe(true);
    expect((await search(capped, "10")).entry).toHaveLength(10);
    const { token: plain } = await ehrLaunch("hba1c-long");
    expect((await search(plain, "200")).entry?.length).toBeGreaterThan(120);
  });

  it("the token response carries the launch context and the whole granted scope", async () => {
    const { token } = await ehrLaunch("hba1c-long");
    expect(token).toMatchObject({ patient: "hba1c-long", need_patient_banner: true, token_type: "Bearer", smart_style_url: `${sandbox.origin}/styles/light.json` });
    expect(String(token.scope).split(" ").sort()).toEqual(["fhirUser", "launch", "offline_access", "openid", "patient/Observation.rs", "patient/Patient.rs"]);
    expect(token.refresh_token).toEqual(expect.any(String));
    expect(token.id_token).toEqual(expect.any(String));
  });

  it("passes banner and style options through", async () => {
    const { token } = await ehrLaunch("hba1c-long", undefined, { banner: "false", style: "none" });
    expect(token.need_patient_banner).toBe(false);
    expect(token.smart_style_url).toBeUndefined();
  });

  it("a refresh (as seed 002 sends it, a JSON body) keeps the launch context", async () => {
    const { token } = await ehrLaunch("hba1c-long");
    const response = await fetch(`${sandbox.origin}/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "refresh_token", refresh_token: token.refresh_token, client_id: "lab-graph" }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ patient: "hba1c-long", need_patient_banner: true });
    expect(body.refresh_token).not.toBe(token.refresh_token);
  });

  it("seed 002's get-launch-uri call answers in the seed's shape", async () => {
    const response = await fetch(`${sandbox.origin}/rpc`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ method: "aidbox.smart/get-launch-uri", params: { user: "prac-1", iss: sandbox.fhirBase, client: "lab-graph", ctx: { patient: "hba1c-long" } } }),
    });
    const { result } = (await response.json()) as { result: Record<string, string> };
    expect(Object.keys(result).sort()).toEqual(["iss", "launch", "launch-uri", "uri"]);
    expect(result.uri).toBe(`${result["launch-uri"]}?iss=${encodeURIComponent(sandbox.fhirBase)}&launch=${result.launch}`);
  });
});

describe("the FHIR API enforces the token", () => {
  it("401 without a token, with a forged one, or with a malformed header", async () => {
    expect((await fhir("/Patient/hba1c-long")).status).toBe(401);
    expect((await fhir("/Patient/hba1c-long", "forged")).status).toBe(401);
    const malformed = await fetch(`${sandbox.fhirBase}/Patient/hba1c-long`, { headers: { authorization: "Basic abc" } });
    expect(malformed.status).toBe(401);
    expect(((await malformed.json()) as fhir4.OperationOutcome).resourceType).toBe("OperationOutcome");
  });

  it("a patient-scoped token reads its patient, and gets 403 for another", async () => {
    const { token } = await ehrLaunch("hba1c-long");
    const access = String(token.access_token);
    expect((await fhir("/Patient/hba1c-long", access)).status).toBe(200);
    expect((await fhir("/Patient/no-labs", access)).status).toBe(403);
    expect((await fhir("/Observation?patient=no-labs", access)).status).toBe(403);
  });

  it("a search without a patient is narrowed to the launch patient", async () => {
    const { token } = await ehrLaunch("hba1c-long");
    const bundle = (await (await fhir("/Observation?code=4548-4&_count=5", String(token.access_token))).json()) as fhir4.Bundle;
    expect(bundle.total).toBe(140);
  });

  it("a token without Observation scope is refused Observation", async () => {
    const { token } = await ehrLaunch("hba1c-long", "launch patient/Patient.rs");
    expect((await fhir("/Observation?patient=hba1c-long", String(token.access_token))).status).toBe(403);
  });

  it("pages with stable, opaque next links until the last page; a tampered cursor is a 400", async () => {
    const { token } = await ehrLaunch("hba1c-long");
    const access = String(token.access_token);
    let url: string | undefined = `${sandbox.fhirBase}/Observation?patient=hba1c-long&code=${encodeURIComponent("http://loinc.org|4548-4")}&_sort=-date&_count=50`;
    const sizes: number[] = [];
    const seen = new Set<string>();
    let firstNext: string | undefined;
    while (url) {
      const bundle = (await (await fetch(url, { headers: { authorization: `Bearer ${access}` } })).json()) as fhir4.Bundle;
      sizes.push(bundle.entry?.length ?? 0);
      for (const e of bundle.entry ?? []) seen.add(e.resource?.id ?? "");
      url = bundle.link?.find((l) => l.relation === "next")?.url;
      firstNext ??= url;
      expect(url === undefined || url.startsWith(`${sandbox.fhirBase}/Observation?_cursor=`)).toBe(true);
    }
    expect(sizes).toEqual([50, 50, 40]);
    expect(seen.size).toBe(140);
    const again = (await (await fetch(firstNext!, { headers: { authorization: `Bearer ${access}` } })).json()) as fhir4.Bundle;
    expect(again.entry).toHaveLength(50);
    const tampered = await fetch(`${firstNext!.slice(0, -3)}abc`, { headers: { authorization: `Bearer ${access}` } });
    expect(tampered.status).toBe(400);
  });

  it("a revoked token is refused", async () => {
    const { token } = await ehrLaunch("hba1c-long");
    const access = String(token.access_token);
    const revoke = await fetch(`${sandbox.origin}/auth/revoke`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token: access, client_id: "lab-graph" }) });
    expect(revoke.status).toBe(200);
    expect((await fhir("/Patient/hba1c-long", access)).status).toBe(401);
  });
});

describe("authorization refusals", () => {
  it("a launch value that was not issued here is refused at authorize", async () => {
    const { challenge } = pkcePair();
    const result = await authorize({
      authorizeUrl: `${sandbox.origin}/auth/authorize`,
      redirectUri: REDIRECT,
      params: { response_type: "code", client_id: "lab-graph", scope: "launch patient/Observation.rs", redirect_uri: REDIRECT, aud: sandbox.fhirBase, state: "s", launch: "forged", code_challenge: challenge, code_challenge_method: "S256" },
    });
    expect(result.error).toBe("invalid_request");
    expect(result.errorDescription).toContain("launch");
  });

  it("PKCE is required of the public client", async () => {
    const result = await authorize({
      authorizeUrl: `${sandbox.origin}/auth/authorize`,
      redirectUri: REDIRECT,
      params: { response_type: "code", client_id: "lab-graph", scope: "launch/patient patient/Observation.rs", redirect_uri: REDIRECT, aud: sandbox.fhirBase, state: "s" },
    });
    expect(result.error).toBe("invalid_request");
    expect(result.errorDescription).toMatch(/PKCE/);
  });

  it("an aud other than the FHIR base is refused", async () => {
    const { challenge } = pkcePair();
    const result = await authorize({
      authorizeUrl: `${sandbox.origin}/auth/authorize`,
      redirectUri: REDIRECT,
      params: { response_type: "code", client_id: "lab-graph", scope: "launch/patient patient/Observation.rs", redirect_uri: REDIRECT, aud: "https://evil.example/fhir", state: "s", code_challenge: challenge, code_challenge_method: "S256" },
    });
    expect(result.error).toBe("invalid_target");
  });
});
