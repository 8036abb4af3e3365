/** The SMART-v1-only server (`/v1/fhir`): same data, its own authorization server, no v2 scopes. */
import { beforeAll, describe, expect, it } from "vitest";
import { useSandbox } from "./useSandbox.ts";
import { TEST_REDIRECT, authorize, bearer, ehrLaunch, pkcePair } from "./client.ts";

const sandbox = useSandbox();
let v1Base: string;

beforeAll(() => {
  v1Base = `${sandbox.origin}/v1/fhir`;
});

describe("the SMART v1 server", () => {
  it("advertises permission-v1, not permission-v2, and its own issuer", async () => {
    const discovery = (await (await fetch(`${v1Base}/.well-known/smart-configuration`)).json()) as Record<string, string[] | string>;
    expect(discovery.capabilities).toContain("permission-v1");
    expect(discovery.capabilities).not.toContain("permission-v2");
    expect(discovery.issuer).toBe(`${sandbox.origin}/v1/auth`);
    expect(discovery.token_endpoint).toBe(`${sandbox.origin}/v1/auth/token`);
    expect((discovery.scopes_supported as string[]).filter((s) => s.endsWith(".rs"))).toEqual([]);
    const main = (await (await fetch(`${sandbox.fhirBase}/.well-known/smart-configuration`)).json()) as { capabilities: string[] };
    expect(main.capabilities).toEqual(expect.arrayContaining(["permission-v1", "permission-v2"]));
  });

  it("each server advertises the client authentication its clients can use", async () => {
    const discovery = async (path: string) => (await (await fetch(`${sandbox.origin}${path}/.well-known/smart-configuration`)).json()) as Record<string, string[] | string | undefined>;
    const main = await discovery("/fhir");
    expect(main.token_endpoint_auth_methods_supported).toEqual(["none", "client_secret_basic", "client_secret_post", "private_key_jwt"]);
    expect(main.registration_endpoint).toBe(`${sandbox.origin}/auth/register`);
    const v1 = await discovery("/v1/fhir");
    expect(v1.token_endpoint_auth_methods_supported).toEqual(["none"]);
    expect(v1.registration_endpoint).toBeUndefined();
    expect(v1.capabilities).not.toContain("client-confidential-symmetric");
    const seed000 = await discovery("/seeds/000/fhir");
    expect(seed000.token_endpoint_auth_methods_supported).toEqual(["none", "private_key_jwt"]);
    expect(seed000.capabilities).toContain("client-confidential-asymmetric");
    expect(seed000.token_endpoint_auth_signing_alg_values_supported).toEqual(["RS384", "ES384"]);
    const seed001 = await discovery("/seeds/001/fhir");
    expect(seed001.token_endpoint_auth_methods_supported).toEqual(["none", "client_secret_basic", "client_secret_post"]);
    expect(seed001.capabilities).toContain("client-confidential-symmetric");
    expect(seed001.capabilities).not.toContain("client-confidential-asymmetric");
  });

  it("`fhir=v1` launches against it", async () => {
    const response = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&fhir=v1`, { redirect: "manual" });
    expect(new URL(response.headers.get("location") ?? "").searchParams.get("iss")).toBe(v1Base);
  });

  it("grants v1 scopes, not v2 ones, and says so in the token response", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", fhir: "v1" }, "launch openid fhirUser offline_access patient/Patient.read patient/Observation.rs");
    expect(String(token.scope).split(" ").sort()).toEqual(["fhirUser", "launch", "offline_access", "openid", "patient/Patient.read"]);
    const access = String(token.access_token);
    expect((await fetch(`${v1Base}/Patient/hba1c-long`, bearer(access))).status).toBe(200);
    expect((await fetch(`${v1Base}/Observation?patient=hba1c-long`, bearer(access))).status).toBe(403);
  });

  it("a v1 token works on the same data and links pages on its own base", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", fhir: "v1" }, "launch patient/Observation.read");
    const bundle = (await (await fetch(`${v1Base}/Observation?code=4548-4`, bearer(token.access_token))).json()) as fhir4.Bundle;
    expect(bundle.total).toBe(140);
    expect(bundle.link?.find((l) => l.relation === "next")?.url).toMatch(new RegExp(`^${v1Base}/Observation\\?_cursor=`));
  });

  it("tokens and launches of one server are refused by another", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", fhir: "v1" }, "launch patient/Patient.read");
    expect((await fetch(`${sandbox.fhirBase}/Patient/hba1c-long`, bearer(token.access_token))).status).toBe(401);
    const mainLaunch = new URL((await fetch(`${sandbox.origin}/launch?patient=hba1c-long`, { redirect: "manual" })).headers.get("location") ?? "");
    const crossed = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&fhir=v1`, { redirect: "manual" });
    const v1Launch = new URL(crossed.headers.get("location") ?? "");
    v1Launch.searchParams.set("launch", mainLaunch.searchParams.get("launch") ?? "");
    const { result } = await launchAndAuthorizeWithLaunch(v1Launch);
    expect(result.error).toBe("invalid_request");
    expect(result.errorDescription).toContain("issued for the FHIR server");
  });
});

/** Authorizes at the v1 server with whatever launch value `launchUrl` carries. */
async function launchAndAuthorizeWithLaunch(launchUrl: URL) {
  const { challenge } = pkcePair();
  const result = await authorize({
    authorizeUrl: `${sandbox.origin}/v1/auth/authorize`,
    redirectUri: TEST_REDIRECT,
    params: {
      response_type: "code",
      client_id: "lab-graph",
      scope: "launch patient/Patient.read",
      redirect_uri: TEST_REDIRECT,
      aud: v1Base,
      state: "s",
      launch: launchUrl.searchParams.get("launch") ?? "",
      code_challenge: challenge,
      code_challenge_method: "S256",
    },
  });
  return { result };
}
