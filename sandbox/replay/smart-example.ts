/**
 * Seeds 000 and 001, the SMART App Launch worked examples, as their client sends them: discovery, a standalone
 * authorization request for `launch/patient`, the token request with the seed's client authentication (seed
 * 000: a `private_key_jwt` assertion re-signed with the seed's published ES384 key, since its examples expired
 * and name another server; seed 001: HTTP Basic with the seed's secret), the Observation search in the seed's
 * own form (`code=4548-4` without a system, `_sort:desc=date`) with paging, and a refresh
 * (`grant_type=refresh_token`).
 */
import { randomUUID } from "node:crypto";
import { SignJWT, importJWK } from "jose";
import { SEED_000_PRIVATE_D, SEED_000_PUBLIC_JWK, SEED_001_SECRET, SEED_CLIENT_ID, SEED_REDIRECT_URI } from "../src/auth/clients.ts";
import { authorize, choosePatient, pkcePair, postForm } from "./oauth.ts";
import { basicHeader, bearerHeader, expectThat, getJson, type Replay } from "./steps.ts";

export const SEED_PATIENT = "hba1c-long";

type ClientAuth = "private_key_jwt" | "client_secret_basic";

async function clientAssertion(tokenEndpoint: string): Promise<Record<string, string>> {
  const key = await importJWK({ ...SEED_000_PUBLIC_JWK, d: SEED_000_PRIVATE_D }, "ES384");
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: "ES384", kid: SEED_000_PUBLIC_JWK.kid, typ: "JWT" })
    .setIssuer(SEED_CLIENT_ID)
    .setSubject(SEED_CLIENT_ID)
    .setAudience(tokenEndpoint)
    .setJti(randomUUID())
    .setExpirationTime("5m")
    .sign(key);
  return { client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: assertion };
}

async function tokenRequest(tokenEndpoint: string, auth: ClientAuth, form: Record<string, string>) {
  if (auth === "private_key_jwt") return postForm(tokenEndpoint, { ...form, ...(await clientAssertion(tokenEndpoint)) });
  return postForm(tokenEndpoint, form, basicHeader(SEED_CLIENT_ID, SEED_001_SECRET));
}

export async function replaySmartExample(origin: string, seedPath: "/seeds/000" | "/seeds/001", replay: Replay): Promise<void> {
  const fhirBase = `${origin}${seedPath}/fhir`;
  const auth: ClientAuth = seedPath === "/seeds/000" ? "private_key_jwt" : "client_secret_basic";

  const discovery = await replay.step("discovery: .well-known/smart-configuration", async () => {
    const { status, body } = await getJson(`${fhirBase}/.well-known/smart-configuration`);
    expectThat(status === 200, `discovery answered ${status}`);
    const methods = body.token_endpoint_auth_methods_supported as string[];
    expectThat(methods.includes(auth), `${auth} is not advertised`);
    expectThat((body.code_challenge_methods_supported as string[]).join() === "S256", "S256 is not the only PKCE method");
    return [body as { authorization_endpoint: string; token_endpoint: string }, `token endpoint ${String(body.token_endpoint)}; ${auth}; PKCE S256`];
  });

  const { verifier, challenge } = pkcePair();
  const code = await replay.step("authorize: launch/patient with PKCE, patient chosen in the picker", async () => {
    const result = await authorize({
      authorizeUrl: discovery.authorization_endpoint,
      redirectUri: SEED_REDIRECT_URI,
      answerPage: choosePatient(SEED_PATIENT),
      params: {
        response_type: "code",
        client_id: SEED_CLIENT_ID,
        scope: "launch/patient patient/Observation.rs patient/Patient.rs offline_access",
        redirect_uri: SEED_REDIRECT_URI,
        aud: fhirBase,
        state: "0hJc1S9O4oW54XuY",
        code_challenge: challenge,
        code_challenge_method: "S256",
      },
    });
    expectThat(result.code && result.state === "0hJc1S9O4oW54XuY", `no code: ${result.error} ${result.errorDescription}`);
    return [result.code, `code received at ${SEED_REDIRECT_URI} with the same state`];
  });

  const token = await replay.step(`token: authorization_code with ${auth === "private_key_jwt" ? "an ES384 client assertion" : "HTTP Basic"}`, async () => {
    const { status, body } = await tokenRequest(discovery.token_endpoint, auth, { code, grant_type: "authorization_code", redirect_uri: SEED_REDIRECT_URI, code_verifier: verifier });
    expectThat(status === 200, `token endpoint answered ${status}: ${JSON.stringify(body)}`);
    expectThat(body.patient === SEED_PATIENT && body.need_patient_banner === true, "the launch context is missing");
    expectThat(String(body.scope).split(" ").includes("offline_access") && typeof body.refresh_token === "string", "no refresh token for offline_access");
    return [body, `patient ${String(body.patient)}, scope "${String(body.scope)}", expires_in ${String(body.expires_in)}, refresh token issued`];
  });

  await replay.step("FHIR: Observation?code=4548-4&_sort:desc=date&_count=10, then the next page", async () => {
    const first = await getJson(`${fhirBase}/Observation?code=4548-4&_sort%3Adesc=date&_count=10&patient=${SEED_PATIENT}`, bearerHeader(token.access_token));
    expectThat(first.status === 200, `search answered ${first.status}: ${JSON.stringify(first.body)}`);
    const bundle = first.body as unknown as fhir4.Bundle;
    const dates = (bundle.entry ?? []).map((e) => (e.resource as fhir4.Observation).effectiveDateTime ?? "");
    expectThat(dates.length === 10 && dates.every((d, i) => i === 0 || d <= dates[i - 1]!), "the page is not 10 results, newest first");
    const next = bundle.link?.find((l) => l.relation === "next")?.url;
    expectThat(next !== undefined && next.startsWith(fhirBase), "no next link on the FHIR base");
    const second = await getJson(next, bearerHeader(token.access_token));
    const secondBundle = second.body as unknown as fhir4.Bundle;
    expectThat(second.status === 200 && secondBundle.entry?.length === 10, "the next page did not answer 10 results");
    return [undefined, `total ${String(bundle.total)}; page 1 newest ${dates[0]}; page 2 starts ${(secondBundle.entry?.[0]?.resource as fhir4.Observation).effectiveDateTime}`];
  });

  await replay.step("token: grant_type=refresh_token", async () => {
    const { status, body } = await tokenRequest(discovery.token_endpoint, auth, { grant_type: "refresh_token", refresh_token: String(token.refresh_token) });
    expectThat(status === 200, `refresh answered ${status}: ${JSON.stringify(body)}`);
    expectThat(body.patient === SEED_PATIENT && String(body.scope).includes("offline_access"), "the refresh lost the launch context or scope");
    const read = await getJson(`${fhirBase}/Patient/${SEED_PATIENT}`, bearerHeader(body.access_token));
    expectThat(read.status === 200, `the refreshed token was refused: ${read.status}`);
    return [undefined, `new access token works; scope "${String(body.scope)}"`];
  });
}
