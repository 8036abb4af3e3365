/** Seed 003's debug tools (token minting, introspection, the debugger page) and the open FHIR endpoint. */
import { describe, expect, it } from "vitest";
import { useSandbox } from "./useSandbox.ts";
import { bearer, ehrLaunch, postForm } from "./client.ts";

const sandbox = useSandbox();


async function mint(body: Record<string, unknown>, authPath = "/auth") {
  const response = await fetch(`${sandbox.origin}${authPath}/debug/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("POST /auth/debug/token", () => {
  it("mints tokens for a client, patient, scope and lifetime (seed 003's request)", async () => {
    const { status, body } = await mint({ client_id: "lab-graph", access_lifetime: 120, scope: "patient/*.read launch/patient offline_access", username: "prac-2", patient_id: "hba1c-long" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: 120, patient: "hba1c-long" });
    const access = String(body.access_token);
    expect((await fetch(`${sandbox.fhirBase}/Observation?code=4548-4&_summary=count`, bearer(access))).status).toBe(200);
    expect((await fetch(`${sandbox.fhirBase}/Patient/no-labs`, bearer(access))).status).toBe(403);
    const refreshed = await postForm(`${sandbox.origin}/auth/token`, { grant_type: "refresh_token", refresh_token: String(body.refresh_token), client_id: "lab-graph" });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.patient).toBe("hba1c-long");
  });

  it("carries a simulated error, and a lifetime of a second expires", async () => {
    const failing = await mint({ client_id: "lab-graph", scope: "patient/*.rs", patient_id: "hba1c-long", error: "fhir_500" });
    expect((await fetch(`${sandbox.fhirBase}/Patient/hba1c-long`, bearer(failing.body.access_token))).status).toBe(500);
    const short = await mint({ client_id: "lab-graph", scope: "patient/*.rs", patient_id: "hba1c-long", access_lifetime: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await fetch(`${sandbox.fhirBase}/Patient/hba1c-long`, bearer(short.body.access_token));
    expect(expired.status).toBe(401);
  });

  it("mints for the server whose issuer path it is called under", async () => {
    const { body } = await mint({ client_id: "lab-graph", scope: "patient/Patient.read", patient_id: "hba1c-long" }, "/v1/auth");
    expect((await fetch(`${sandbox.origin}/v1/fhir/Patient/hba1c-long`, bearer(body.access_token))).status).toBe(200);
    expect((await fetch(`${sandbox.fhirBase}/Patient/hba1c-long`, bearer(body.access_token))).status).toBe(401);
  });

  it.each([
    [{}, "invalid_request"],
    [{ client_id: "nobody", scope: "patient/*.rs" }, "invalid_client"],
    [{ client_id: "lab-graph", scope: "patient/*.rs", patient_id: "nobody" }, "invalid_request"],
    [{ client_id: "lab-graph", scope: "patient/Condition.fly" }, "invalid_scope"],
    [{ client_id: "lab-graph", scope: "patient/*.rs", access_lifetime: -1 }, "invalid_request"],
    [{ client_id: "lab-graph", scope: "patient/*.rs", username: "daniel-adams" }, "invalid_request"],
    [{ client_id: "lab-graph", scope: "patient/*.rs", error: "teapot" }, "invalid_request"],
  ])("refuses %j with %s", async (body, error) => {
    const result = await mint(body);
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error, error_description: expect.any(String) });
  });
});

describe("introspection and the token debugger", () => {
  it("GET /auth/debug/introspect describes a token as seed 003 does", async () => {
    const { body } = await mint({ client_id: "lab-graph", scope: "patient/*.rs offline_access", patient_id: "hba1c-long" });
    const info = (await (await fetch(`${sandbox.origin}/auth/debug/introspect?token=${String(body.access_token)}`)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({ active: true, token_kind: "access_token", client_id: "lab-graph", scope: "patient/*.rs", username: "Practitioner/prac-1", token_type: "Bearer" });
    expect(info.access_expires).toMatch(/GMT$/);
    const refresh = (await (await fetch(`${sandbox.origin}/auth/debug/introspect?token=${String(body.refresh_token)}`)).json()) as Record<string, unknown>;
    expect(refresh).toMatchObject({ active: true, token_kind: "refresh_token" });
    const unknown = (await (await fetch(`${sandbox.origin}/auth/debug/introspect?token=nope`)).json()) as Record<string, unknown>;
    expect(unknown.active).toBe(false);
  });

  it("RFC 7662 introspection at /auth/introspect answers the token's client", async () => {
    const { body } = await mint({ client_id: "lab-graph", scope: "patient/*.rs", patient_id: "hba1c-long" });
    const result = await postForm(`${sandbox.origin}/auth/introspect`, { token: String(body.access_token), client_id: "lab-graph" });
    expect(result.body).toMatchObject({ active: true, client_id: "lab-graph", scope: "patient/*.rs", sub: "Practitioner/prac-1" });
  });

  it("the debugger page shows a JWT's decoded claims and what the servers know of a token", async () => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long" });
    const page = async (value: string) => (await fetch(`${sandbox.origin}/debug`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token: value }) })).text();
    const idToken = await page(String(token.id_token));
    expect(idToken).toContain("<h3>Claims</h3>");
    expect(idToken).toContain("fhirUser");
    const access = await page(String(token.access_token));
    expect(access).toContain("Not a JWT");
    expect(access).toContain("&#34;active&#34;: true");
    expect(access).toContain("hba1c-long");
    const launch = new URL((await fetch(`${sandbox.origin}/launch?patient=no-labs`, { redirect: "manual" })).headers.get("location") ?? "").searchParams.get("launch");
    expect(await page(launch ?? "")).toContain("a launch value signed by this EHR");
  });
});

describe("the open FHIR endpoint", () => {
  it("reads and searches without a token, marked as open in headers and Bundles", async () => {
    const response = await fetch(`${sandbox.openFhirBase}/Observation?patient=hba1c-long&_count=5`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-sandbox-open-endpoint")).toContain("no authorization");
    const bundle = (await response.json()) as fhir4.Bundle;
    expect(bundle.total).toBe(140);
    expect(bundle.meta?.tag?.[0]?.code).toBe("open-endpoint");
    expect(bundle.link?.find((l) => l.relation === "next")?.url).toMatch(new RegExp(`^${sandbox.openFhirBase}/`));
    expect((await fetch(`${sandbox.openFhirBase}/Patient/no-labs`)).status).toBe(200);
  });

  it("is read-only, and says so on the EHR page", async () => {
    const post = await fetch(`${sandbox.openFhirBase}/Patient`, { method: "POST", body: "{}" });
    expect(post.status).toBe(405);
    expect(((await post.json()) as fhir4.OperationOutcome).resourceType).toBe("OperationOutcome");
    expect(await (await fetch(`${sandbox.origin}/`)).text()).toContain("Open FHIR endpoint, no authorization");
  });
});
