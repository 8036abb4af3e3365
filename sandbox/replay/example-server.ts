/**
 * Seed 003, the SMART Example Server: the open FHIR endpoint, dynamic client registration (RFC 7591) with the
 * seed's request, a debug token for a user and patient, the debug introspection, standard introspection and
 * revocation with the registered secret. The seed's user `daniel-adams` does not exist here: `prac-1` stands in.
 */
import { postForm } from "./oauth.ts";
import { basicHeader, bearerHeader, expectThat, getJson, sendJson, type Replay } from "./steps.ts";

const PATIENT = "hba1c-long";

export async function replayExampleServer(origin: string, replay: Replay): Promise<void> {
  const fhirBase = `${origin}/fhir`;
  await replay.step("open FHIR endpoint: Patient read without a token", async () => {
    const { status, body } = await getJson(`${origin}/open-fhir/Patient/${PATIENT}`);
    expectThat(status === 200 && body.id === PATIENT, `answered ${status}`);
    return [undefined, `Patient/${String(body.id)} read without authorization`];
  });

  const registered = await replay.step("POST /auth/register (RFC 7591)", async () => {
    const request = { client_name: "TESTCLIENT", redirect_uris: ["https://tests.demo.syncfor.science/authorized/"], scope: "launch/patient patient/*.read offline_access" };
    const { status, body } = await sendJson("POST", `${origin}/auth/register`, request);
    expectThat(status === 201, `answered ${status}: ${JSON.stringify(body)}`);
    expectThat(typeof body.client_id === "string" && typeof body.client_secret === "string" && body.client_secret_expires_at === 0, "no client_id/client_secret");
    expectThat(body.client_name === request.client_name && body.scope === request.scope, "client_name or scope not echoed");
    return [body as { client_id: string; client_secret: string }, `client_id ${String(body.client_id)}, scope "${String(body.scope)}"`];
  });

  const tokens = await replay.step("POST /auth/debug/token for a user and patient", async () => {
    const { status, body } = await sendJson("POST", `${origin}/auth/debug/token`, {
      client_id: registered.client_id,
      access_lifetime: 3600,
      approval_expires: Math.floor(Date.now() / 1000) + 7 * 86400,
      scope: "patient/*.read launch/patient offline_access",
      username: "prac-1",
      patient_id: PATIENT,
    });
    expectThat(status === 200 && typeof body.access_token === "string" && typeof body.refresh_token === "string", `answered ${status}: ${JSON.stringify(body)}`);
    return [body, "access_token and refresh_token"];
  });

  await replay.step("FHIR: Observation search with the debug token", async () => {
    const { status, body } = await getJson(`${fhirBase}/Observation?code=4548-4&_summary=count`, bearerHeader(tokens.access_token));
    expectThat(status === 200, `answered ${status}`);
    return [undefined, `${String(body.total)} HbA1c results of ${PATIENT}`];
  });

  await replay.step("GET /auth/debug/introspect?token=", async () => {
    const { status, body } = await getJson(`${origin}/auth/debug/introspect?token=${String(tokens.access_token)}`);
    expectThat(status === 200 && body.active === true && body.client_id === registered.client_id, `answered ${status}: ${JSON.stringify(body)}`);
    return [undefined, `active, client ${String(body.client_id)}, username ${String(body.username)}, expires ${String(body.access_expires)}`];
  });

  await replay.step("POST /auth/introspect (RFC 7662) with the client's secret", async () => {
    const { status, body } = await postForm(`${origin}/auth/introspect`, { token: String(tokens.access_token) }, basicHeader(registered.client_id, registered.client_secret));
    expectThat(status === 200 && body.active === true && body.scope === "patient/*.read", `answered ${status}: ${JSON.stringify(body)}`);
    return [undefined, `active, scope "${String(body.scope)}", sub ${String(body.sub)}`];
  });

  await replay.step("POST /auth/revoke (RFC 7009), then the token is refused", async () => {
    const { status } = await postForm(`${origin}/auth/revoke`, { token: String(tokens.access_token) }, basicHeader(registered.client_id, registered.client_secret));
    expectThat(status === 200, `revocation answered ${status}`);
    const after = await getJson(`${fhirBase}/Patient/${PATIENT}`, bearerHeader(tokens.access_token));
    expectThat(after.status === 401, `the revoked token still works (${after.status})`);
    return [undefined, "revoked; the FHIR API answers 401"];
  });
}
