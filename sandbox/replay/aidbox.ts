/**
 * Seed 002, Aidbox's SMART App Launch guide, as its clients do it: `PUT /Client/{id}` for a public and a
 * confidential client, the get-launch-uri call, the EHR launch, token requests with JSON bodies, the FHIR
 * search of the guide, a refresh, the id_token's and userinfo's `fhirUser`; the confidential client with a
 * standalone launch and its secret.
 */
import { decodeJwt } from "jose";
import { authorize, choosePatient, pkcePair } from "./oauth.ts";
import { basicHeader, bearerHeader, expectThat, getJson, sendJson, type Replay } from "./steps.ts";

const PUBLIC_ID = "my-public-smart-app-client-id";
const CONFIDENTIAL_ID = "my-confidential-smart-app-client-id";
const CONFIDENTIAL_SECRET = "quOfCRS7ty1RMUQq";
const REDIRECT = "http://smart-app-uri.com/redirect";
const LAUNCH_URI = "http://smart-app-launch-endpoint/launch.html";
const PATIENT = "hba1c-mixed";

function client(id: string, confidential: boolean) {
  return {
    resourceType: "Client",
    id,
    active: true,
    auth: {
      authorization_code: { redirect_uri: REDIRECT, refresh_token: true, token_format: "jwt", access_token_expiration: 3600000, secret_required: confidential, pkce: true },
    },
    ...(confidential ? { secret: CONFIDENTIAL_SECRET } : {}),
    smart: { launch_uri: LAUNCH_URI },
    type: "smart-app",
    grant_types: ["code"],
  };
}

export async function replayAidbox(origin: string, replay: Replay): Promise<void> {
  const fhirBase = `${origin}/fhir`;
  for (const [id, confidential] of [[PUBLIC_ID, false], [CONFIDENTIAL_ID, true]] as const) {
    await replay.step(`PUT /Client/${id} (${confidential ? "confidential" : "public"})`, async () => {
      const { status, body } = await sendJson("PUT", `${origin}/Client/${id}`, client(id, confidential));
      expectThat(status === 200 || status === 201, `answered ${status}: ${JSON.stringify(body)}`);
      return [undefined, `${status}, Client ${String(body.id)}`];
    });
  }

  const launch = await replay.step("POST /rpc aidbox.smart/get-launch-uri", async () => {
    const { status, body } = await sendJson("POST", `${origin}/rpc`, {
      method: "aidbox.smart/get-launch-uri",
      params: { user: "prac-1", iss: fhirBase, client: PUBLIC_ID, ctx: { patient: PATIENT } },
    });
    const result = body.result as Record<string, string> | undefined;
    expectThat(status === 200 && result, `answered ${status}: ${JSON.stringify(body)}`);
    expectThat(result["launch-uri"] === LAUNCH_URI && result.iss === fhirBase, "launch-uri or iss differ from the Client's");
    expectThat(result.uri === `${LAUNCH_URI}?iss=${encodeURIComponent(fhirBase)}&launch=${result.launch}`, "uri is not launch-uri?iss&launch");
    const claims = decodeJwt(result.launch!) as { client?: string; user?: string; exp?: number; ctx?: { patient?: string } };
    expectThat(claims.client === PUBLIC_ID && claims.ctx?.patient === PATIENT && typeof claims.exp === "number", "the launch JWT lacks client, exp or ctx.patient");
    return [result.launch!, `uri ${result.uri!.slice(0, 70)}…; launch JWT for ${claims.client}, user ${claims.user}, patient ${claims.ctx?.patient}`];
  });

  const { verifier, challenge } = pkcePair();
  const code = await replay.step("authorize: EHR launch with the launch value", async () => {
    const result = await authorize({
      authorizeUrl: `${origin}/auth/authorize`,
      redirectUri: REDIRECT,
      params: {
        response_type: "code",
        client_id: PUBLIC_ID,
        redirect_uri: REDIRECT,
        scope: "launch openid fhirUser offline_access patient/*.read",
        state: "863c2f71-11e3-4598-913b-930a6aa1593c",
        aud: fhirBase,
        launch,
        code_challenge: challenge,
        code_challenge_method: "S256",
      },
    });
    expectThat(result.code, `no code: ${result.error} ${result.errorDescription}`);
    return [result.code, "approved without a login page; code received"];
  });

  const token = await replay.step("POST /auth/token with a JSON body", async () => {
    const { status, body } = await sendJson("POST", `${origin}/auth/token`, { client_id: PUBLIC_ID, code, code_verifier: verifier, grant_type: "authorization_code", redirect_uri: REDIRECT });
    expectThat(status === 200, `answered ${status}: ${JSON.stringify(body)}`);
    expectThat(body.patient === PATIENT && typeof body.id_token === "string" && typeof body.refresh_token === "string", "patient, id_token or refresh_token missing");
    const idToken = decodeJwt(String(body.id_token));
    expectThat(idToken.fhirUser === `${fhirBase}/Practitioner/prac-1`, `id_token fhirUser is ${String(idToken.fhirUser)}`);
    return [body, `patient ${String(body.patient)}; id_token fhirUser ${String(idToken.fhirUser)}; scope "${String(body.scope)}"`];
  });

  await replay.step("GET /fhir/Observation?code=4548-4&_count=2 (no patient: the launch patient)", async () => {
    const { status, body } = await getJson(`${fhirBase}/Observation?code=4548-4&_count=2`, bearerHeader(token.access_token));
    const bundle = body as unknown as fhir4.Bundle;
    expectThat(status === 200 && bundle.entry?.length === 2, `answered ${status}`);
    expectThat(bundle.entry.every((e) => (e.resource as fhir4.Observation).subject?.reference === `Patient/${PATIENT}`), "results of another patient");
    return [undefined, `total ${String(bundle.total)}, 2 entries of Patient/${PATIENT}`];
  });

  await replay.step("userinfo: fhirUser", async () => {
    const { status, body } = await getJson(`${origin}/auth/userinfo`, bearerHeader(token.access_token));
    expectThat(status === 200 && body.fhirUser === `${fhirBase}/Practitioner/prac-1`, `answered ${status}: ${JSON.stringify(body)}`);
    return [undefined, `sub ${String(body.sub)}, fhirUser ${String(body.fhirUser)}`];
  });

  await replay.step("POST /auth/token refresh_token with a JSON body", async () => {
    const { status, body } = await sendJson("POST", `${origin}/auth/token`, { grant_type: "refresh_token", refresh_token: token.refresh_token, client_id: PUBLIC_ID });
    expectThat(status === 200 && body.patient === PATIENT, `answered ${status}: ${JSON.stringify(body)}`);
    expectThat(body.refresh_token !== token.refresh_token, "the public client's refresh token was not rotated");
    return [undefined, `patient ${String(body.patient)}, expires_in ${String(body.expires_in)}, refresh token rotated`];
  });

  await replay.step("confidential client: standalone launch/patient, token with its secret", async () => {
    const pkce = pkcePair();
    const result = await authorize({
      authorizeUrl: `${origin}/auth/authorize`,
      redirectUri: REDIRECT,
      answerPage: choosePatient(PATIENT),
      params: {
        response_type: "code",
        client_id: CONFIDENTIAL_ID,
        redirect_uri: REDIRECT,
        scope: "launch/patient openid fhirUser offline_access patient/*.read",
        state: "07864ab3-206a-495b-b8e9-2c66b7db6fc2",
        aud: fhirBase,
        code_challenge: pkce.challenge,
        code_challenge_method: "S256",
      },
    });
    expectThat(result.code, `no code: ${result.error} ${result.errorDescription}`);
    const { status, body } = await sendJson("POST", `${origin}/auth/token`, { code: result.code, code_verifier: pkce.verifier, grant_type: "authorization_code", redirect_uri: REDIRECT }, basicHeader(CONFIDENTIAL_ID, CONFIDENTIAL_SECRET));
    expectThat(status === 200 && body.patient === PATIENT, `answered ${status}: ${JSON.stringify(body)}`);
    return [undefined, `patient ${String(body.patient)}; fhirUser ${String(decodeJwt(String(body.id_token)).fhirUser)}`];
  });
}
