/** Every simulated error, chosen per launch, over HTTP against a sandbox on a free port. */
import { describe, expect, it } from "vitest";
import { useSandbox } from "./useSandbox.ts";
import { FAULT_NAMES, MARKUP, REQUESTS_BEFORE_REVOKE, RETRY_AFTER_SECONDS, SHORT_TOKEN_SECONDS, type FaultName } from "../src/faultCatalog.ts";
import { HOSTILE_KEPT } from "../src/ehr/styles.ts";
import { bearer, ehrLaunch, launchAndAuthorize, postForm } from "./client.ts";

const SLOW_MS = 300;
const sandbox = useSandbox({ slowMs: SLOW_MS });

const HBA1C = `code=${encodeURIComponent("http://loinc.org|4548-4")}&_sort=-date&_count=50`;

async function launchWith(error: FaultName, patient = "hba1c-long") {
  const { token, tokenEndpoint } = await ehrLaunch(sandbox.origin, { patient, error });
  return { access: String(token.access_token), refresh: String(token.refresh_token), tokenEndpoint, token };
}

async function getJson(url: string, access: string): Promise<{ status: number; headers: Headers; body: Record<string, unknown> & fhir4.Bundle }> {
  const response = await fetch(url, bearer(access));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> & fhir4.Bundle };
}

const next = (bundle: fhir4.Bundle) => bundle.link?.find((l) => l.relation === "next")?.url;

describe("the list of simulated errors", () => {
  it("every name is a launch option, offered on the EHR page", async () => {
    const page = await (await fetch(`${sandbox.origin}/`)).text();
    for (const name of FAULT_NAMES) {
      const response = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&error=${name}`, { redirect: "manual" });
      expect(response.status, name).toBe(302);
      expect(page).toContain(`<option value="${name}">`);
    }
    const unknown = await fetch(`${sandbox.origin}/launch?patient=hba1c-long&error=teapot`, { redirect: "manual" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("is not one of");
  });
});

describe("at authorize", () => {
  it.each(["invalid_client", "invalid_redirect"] as const)("%s: an error page, never a redirect to the app", async (error) => {
    await expect(launchAndAuthorize(sandbox.origin, { patient: "hba1c-long", error })).rejects.toThrow(/stopped at .*\/auth\/authorize\?.* \(400\).*simulated error/);
  });

  it.each([
    ["invalid_scope", "invalid_scope"],
    ["access_denied", "access_denied"],
  ] as const)("%s: back to the app with that error and a description", async (error, code) => {
    const { result } = await launchAndAuthorize(sandbox.origin, { patient: "hba1c-long", error });
    expect(result.code).toBeUndefined();
    expect(result.error).toBe(code);
    expect(result.state).toBe("state-1");
    expect(result.errorDescription).toContain(`simulated error ${error}`);
  });

  it("access_denied_markup: access_denied, with markup and script in the error_description", async () => {
    const { result } = await launchAndAuthorize(sandbox.origin, { patient: "hba1c-long", error: "access_denied_markup" });
    expect(result.error).toBe("access_denied");
    expect(result.errorDescription).toContain(MARKUP);
  });
});

describe("on the FHIR API, every request", () => {
  it("invalid_token: 401 with an OperationOutcome and WWW-Authenticate", async () => {
    const { access } = await launchWith("invalid_token");
    const { status, headers, body } = await getJson(`${sandbox.fhirBase}/Patient/hba1c-long`, access);
    expect(status).toBe(401);
    expect(body.resourceType).toBe("OperationOutcome");
    expect(headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("fhir_500: 500 with an OperationOutcome", async () => {
    const { access } = await launchWith("fhir_500");
    const { status, body } = await getJson(`${sandbox.fhirBase}/Patient/hba1c-long`, access);
    expect(status).toBe(500);
    expect(JSON.stringify(body)).toContain("simulated error fhir_500");
  });

  it("fhir_slow: answers late, but answers", async () => {
    const { access } = await launchWith("fhir_slow");
    const started = performance.now();
    const { status } = await getJson(`${sandbox.fhirBase}/Patient/hba1c-long`, access);
    expect(status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(SLOW_MS - 5);
  });

  it("fhir_markup: markup in the Patient's names and every Observation's texts, the store untouched", async () => {
    const { access } = await launchWith("fhir_markup");
    const patient = (await getJson(`${sandbox.fhirBase}/Patient/hba1c-long`, access)).body as unknown as fhir4.Patient;
    expect(patient.name?.[0]?.family).toContain(MARKUP);
    expect(patient.name?.[0]?.given?.[0]).toContain(MARKUP);
    const page = (await getJson(`${sandbox.fhirBase}/Observation?${HBA1C}`, access)).body;
    expect(page.entry).toHaveLength(50);
    for (const entry of page.entry ?? []) {
      const o = entry.resource as fhir4.Observation;
      expect(o.code.text).toContain(MARKUP);
      expect(o.note?.at(-1)?.text).toBe(MARKUP);
    }
    expect(JSON.stringify(sandbox.store.read("Patient", "hba1c-long"))).not.toContain(MARKUP);
    const plain = await launchWith("fhir_500_once");
    expect(JSON.stringify((await getJson(`${sandbox.fhirBase}/Patient/hba1c-long`, plain.access)).body)).not.toContain(MARKUP);
  });

  it("medication_request_forbidden: MedicationRequest searches and reads answer 403; the rest of the launch works", async () => {
    const scope = "launch openid fhirUser patient/Patient.rs patient/Observation.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Condition.rs patient/Medication.rs";
    const launch = async (error?: FaultName) => String((await ehrLaunch(sandbox.origin, { patient: "hba1c-long", ...(error ? { error } : {}) }, scope)).token.access_token);
    const access = await launch("medication_request_forbidden");
    for (const path of ["/MedicationRequest?patient=hba1c-long", "/MedicationRequest", "/MedicationRequest/hba1c-long-rx-sitagliptin", "/MedicationRequest?_cursor=anything"]) {
      const { status, body } = await getJson(`${sandbox.fhirBase}${path}`, access);
      expect(status, path).toBe(403);
      expect(body.resourceType).toBe("OperationOutcome");
      expect(JSON.stringify(body)).toContain("simulated error medication_request_forbidden");
    }
    for (const path of ["/Patient/hba1c-long", `/Observation?${HBA1C}`, "/MedicationStatement?patient=hba1c-long", "/Condition?patient=hba1c-long", "/Medication/hba1c-long-med-metformin-er"]) {
      expect((await getJson(`${sandbox.fhirBase}${path}`, access)).status, path).toBe(200);
    }
    // Only that launch: another launch of the same patient reads the prescriptions.
    expect((await getJson(`${sandbox.fhirBase}/MedicationRequest?patient=hba1c-long`, await launch())).body.total).toBe(5);
  });

  it(`fhir_401_later: ${REQUESTS_BEFORE_REVOKE} requests succeed, then 401 and the refresh is refused`, async () => {
    const { access, refresh, tokenEndpoint } = await launchWith("fhir_401_later");
    const statuses = [];
    for (let i = 0; i < REQUESTS_BEFORE_REVOKE + 2; i++) statuses.push((await getJson(`${sandbox.fhirBase}/Patient/hba1c-long`, access)).status);
    expect(statuses).toEqual([...Array<number>(REQUESTS_BEFORE_REVOKE).fill(200), 401, 401]);
    const refreshed = await postForm(tokenEndpoint, { grant_type: "refresh_token", refresh_token: refresh, client_id: "lab-graph" });
    expect(refreshed.body.error).toBe("invalid_grant");
  });
});

describe("token lifetimes", () => {
  it("expired_access_token: the access token dies after a few seconds; a refresh gives a working one", async () => {
    const { access, refresh, tokenEndpoint, token } = await launchWith("expired_access_token");
    expect(token.expires_in).toBe(SHORT_TOKEN_SECONDS);
    expect((await getJson(`${sandbox.fhirBase}/Patient/hba1c-long`, access)).status).toBe(200);
    await new Promise((r) => setTimeout(r, SHORT_TOKEN_SECONDS * 1000 + 100));
    expect((await getJson(`${sandbox.fhirBase}/Patient/hba1c-long`, access)).status).toBe(401);
    const refreshed = await postForm(tokenEndpoint, { grant_type: "refresh_token", refresh_token: refresh, client_id: "lab-graph" });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.patient).toBe("hba1c-long");
    expect((await getJson(`${sandbox.fhirBase}/Patient/hba1c-long`, String(refreshed.body.access_token))).status).toBe(200);
  });

  it("expired_refresh_token: the refresh is refused with invalid_grant", async () => {
    const { refresh, tokenEndpoint, token } = await launchWith("expired_refresh_token");
    expect(token.expires_in).toBe(SHORT_TOKEN_SECONDS);
    const origin = "http://localhost:5173";
    const refreshed = await fetch(tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refresh, client_id: "lab-graph" }),
    });
    expect(refreshed.status).toBe(400);
    // A browser app must be able to read the refusal, as it can read oidc-provider's own errors.
    expect(refreshed.headers.get("access-control-allow-origin")).toBe(origin);
    expect(await refreshed.json()).toMatchObject({ error: "invalid_grant", error_description: expect.stringContaining("expired") });
  });
});

describe("on Observation search pages", () => {
  it.each([
    ["fhir_500_once", 500, null],
    ["fhir_503_retry_after", 503, String(RETRY_AFTER_SECONDS)],
    ["fhir_429_retry_after", 429, String(RETRY_AFTER_SECONDS)],
  ] as const)("%s: each page fails once (%i), then succeeds", async (error, status, retryAfter) => {
    const { access } = await launchWith(error);
    const url = `${sandbox.fhirBase}/Observation?${HBA1C}`;
    const first = await getJson(url, access);
    expect(first.status).toBe(status);
    expect(first.headers.get("retry-after")).toBe(retryAfter);
    expect(first.body.resourceType).toBe("OperationOutcome");
    const second = await getJson(url, access);
    expect(second.status).toBe(200);
    expect((await getJson(next(second.body)!, access)).status).toBe(status);
    expect((await getJson(`${sandbox.fhirBase}/Patient/hba1c-long`, access)).status).toBe(200);
  });

  it("fhir_truncated_json: the body stops in the middle", async () => {
    const { access } = await launchWith("fhir_truncated_json");
    const response = await fetch(`${sandbox.fhirBase}/Observation?${HBA1C}`, bearer(access));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith('{"resourceType":"Bundle"')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
  });

  it("fhir_not_bundle: 200 with another resource type", async () => {
    const { access } = await launchWith("fhir_not_bundle");
    const { status, body } = await getJson(`${sandbox.fhirBase}/Observation?${HBA1C}`, access);
    expect(status).toBe(200);
    expect(body.resourceType).toBe("Basic");
  });

  it("fhir_next_loop: the second page links back to the first", async () => {
    const { access } = await launchWith("fhir_next_loop");
    const first = await getJson(`${sandbox.fhirBase}/Observation?${HBA1C}`, access);
    const second = await getJson(next(first.body)!, access);
    const self = first.body.link?.find((l) => l.relation === "self")?.url;
    expect(next(second.body)).toBe(self);
    const again = await getJson(self!, access);
    expect(again.body.entry?.[0]?.resource?.id).toBe(first.body.entry?.[0]?.resource?.id);
  });

  it("fhir_next_foreign: the next link leaves for the recording listener", async () => {
    const { access } = await launchWith("fhir_next_foreign");
    const first = await getJson(`${sandbox.fhirBase}/Observation?${HBA1C}`, access);
    const link = new URL(next(first.body)!);
    expect(link.origin).toBe(sandbox.foreign.origin);
    expect(link.origin).not.toBe(sandbox.origin);
    await fetch(link, bearer(access));
    const { requests } = (await (await fetch(`${sandbox.origin}/debug/foreign-requests`)).json()) as { requests: { url: string; authorization: boolean }[] };
    expect(requests.find((r) => link.href.endsWith(r.url))).toMatchObject({ authorization: true });
  });

  it("fhir_gone_later_page: every later page is 410 Gone", async () => {
    const { access } = await launchWith("fhir_gone_later_page");
    const first = await getJson(`${sandbox.fhirBase}/Observation?${HBA1C}`, access);
    expect(first.status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const later = await getJson(next(first.body)!, access);
      expect(later.status).toBe(410);
      expect(later.body.resourceType).toBe("OperationOutcome");
    }
  });

  it("fhir_gone_once: the first later page is 410 Gone, a restarted search goes through", async () => {
    const { access } = await launchWith("fhir_gone_once");
    const first = await getJson(`${sandbox.fhirBase}/Observation?${HBA1C}`, access);
    expect((await getJson(next(first.body)!, access)).status).toBe(410);
    const restarted = await getJson(`${sandbox.fhirBase}/Observation?${HBA1C}`, access);
    expect((await getJson(next(restarted.body)!, access)).status).toBe(200);
  });

  it("fhir_empty_page: the second page is empty but links on", async () => {
    const { access } = await launchWith("fhir_empty_page");
    const first = await getJson(`${sandbox.fhirBase}/Observation?${HBA1C}`, access);
    const second = await getJson(next(first.body)!, access);
    expect(second.body.entry).toEqual([]);
    const third = await getJson(next(second.body)!, access);
    expect(third.body.entry).toHaveLength(40);
  });

  it("fhir_duplicates: each later page starts with the previous page's last entry", async () => {
    const { access } = await launchWith("fhir_duplicates");
    const first = await getJson(`${sandbox.fhirBase}/Observation?${HBA1C}`, access);
    const second = await getJson(next(first.body)!, access);
    expect(second.body.entry).toHaveLength(51);
    expect(second.body.entry?.[0]?.resource?.id).toBe(first.body.entry?.at(-1)?.resource?.id);
  });

  it("fhir_next_endless: every page links to a further, distinct one, past the end of the results", async () => {
    const { access } = await launchWith("fhir_next_endless");
    let url: string | undefined = `${sandbox.fhirBase}/Observation?${HBA1C}`;
    const seen = new Set<string>();
    const sizes: number[] = [];
    for (let i = 0; i < 6 && url; i++) {
      seen.add(url);
      const page = await getJson(url, access);
      expect(page.status).toBe(200);
      sizes.push(page.body.entry?.length ?? 0);
      url = next(page.body);
    }
    expect(sizes).toEqual([50, 50, 40, 0, 0, 0]);
    expect(seen.size).toBe(6);
    expect(url).toBeDefined();
  });
});

describe("hostile smart_style_url documents", () => {
  const style = async (name: string) => {
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", style: name });
    expect(token.smart_style_url).toBe(`${sandbox.origin}/styles/${name}.json`);
    return fetch(String(token.smart_style_url));
  };

  it("hostile-css: JSON whose values try to leave CSS, but for one valid field", async () => {
    const body = (await (await style("hostile-css")).json()) as Record<string, string>;
    expect(body.color_background).toContain("</style><script>");
    expect(body).toMatchObject(HOSTILE_KEPT);
  });

  it("hostile-huge: a document of more than a megabyte; hostile-not-json: HTML sent as JSON", async () => {
    expect((await (await style("hostile-huge")).text()).length).toBeGreaterThan(1024 * 1024);
    const notJson = await style("hostile-not-json");
    expect(notJson.headers.get("content-type")).toContain("application/json");
    await expect(notJson.json()).rejects.toThrow();
  });
});
