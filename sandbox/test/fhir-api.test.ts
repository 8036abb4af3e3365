/** The FHIR API's refusals and searches, with tokens minted for exact scopes (POST /auth/debug/token). */
import { describe, expect, it } from "vitest";
import { useSandbox } from "./useSandbox.ts";
import { bearer, mintToken } from "./client.ts";

const sandbox = useSandbox();


function tokenFor(scope: string, patient = "hba1c-mixed", username = "prac-1"): Promise<string> {
  return mintToken(sandbox.origin, { scope, patient, username });
}

/** A searchset Bundle or an OperationOutcome, as the API answers. */
interface Answer {
  readonly resourceType: string;
  readonly total?: number;
  readonly entry?: fhir4.BundleEntry[];
  readonly link?: fhir4.BundleLink[];
  readonly issue?: fhir4.OperationOutcomeIssue[];
}

async function get(path: string, token: string): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${sandbox.fhirBase}${path}`, bearer(token));
  return { status: response.status, body: (await response.json()) as Answer };
}

const encounterOf = (patient: string) => sandbox.store.encountersOf(patient).at(-1)!.resource.id!;
const observationOf = (patient: string) => sandbox.store.observationsOf(patient, []).at(0)!.resource.id!;

describe("scopes decide the interaction", () => {
  it.each([
    ["patient/Observation.r", 200, 403],
    ["patient/Observation.s", 403, 200],
    ["patient/Observation.rs", 200, 200],
    ["patient/Observation.cruds", 200, 200],
    ["patient/Observation.read", 200, 200],
    ["patient/*.rs", 200, 200],
    ["patient/*.read", 200, 200],
    ["patient/*.*", 200, 200],
    ["patient/Patient.rs", 403, 403],
    ["patient/Observation.c", 403, 403],
    ["patient/Observation.write", 403, 403],
  ])("%s: read %i, search %i", async (scope, read, search) => {
    const token = await tokenFor(scope);
    const readResult = await get(`/Observation/${observationOf("hba1c-mixed")}`, token);
    expect(readResult.status).toBe(read);
    expect((await get("/Observation?code=4548-4", token)).status).toBe(search);
    if (read === 403) expect(readResult.body.resourceType).toBe("OperationOutcome");
  });

  it("a wildcard covers every served type", async () => {
    const token = await tokenFor("patient/*.rs");
    expect((await get(`/Encounter/${encounterOf("hba1c-mixed")}`, token)).status).toBe(200);
    expect((await get("/Patient/hba1c-mixed", token)).status).toBe(200);
    expect((await get("/Practitioner/prac-1", token)).status).toBe(200);
  });

  it("a category-restricted scope covers only that category", async () => {
    const lab = await tokenFor("patient/Observation.rs?category=laboratory");
    expect((await get(`/Observation/${observationOf("hba1c-mixed")}`, lab)).status).toBe(200);
    const vitals = await tokenFor("patient/Observation.rs?category=vital-signs");
    expect((await get(`/Observation/${observationOf("hba1c-mixed")}`, vitals)).status).toBe(403);
    expect((await get("/Observation?code=4548-4", vitals)).body.total).toBe(0);
  });
});

describe("patient/ scopes confine to the launch patient", () => {
  it("another patient's Observation, Encounter and Patient are 403, by read and by search", async () => {
    const token = await tokenFor("patient/*.rs", "hba1c-mixed");
    expect((await get(`/Observation/${observationOf("other-labs")}`, token)).status).toBe(403);
    expect((await get(`/Encounter/${encounterOf("other-labs")}`, token)).status).toBe(403);
    expect((await get("/Patient/other-labs", token)).status).toBe(403);
    expect((await get("/Observation?patient=other-labs", token)).status).toBe(403);
    expect((await get("/Encounter?patient=other-labs", token)).status).toBe(403);
  });

  it("a Patient search sees only the launch patient", async () => {
    const token = await tokenFor("patient/*.rs", "hba1c-mixed");
    const bundle = (await get("/Patient?_id=hba1c-mixed,other-labs,no-labs", token)).body;
    expect(bundle.entry?.map((e) => e.resource?.id)).toEqual(["hba1c-mixed"]);
  });

  it("a token with patient scopes but no patient is refused", async () => {
    const token = await tokenFor("patient/*.rs", "");
    expect((await get("/Observation?code=4548-4", token)).status).toBe(403);
  });
});

describe("Encounter and Patient searches", () => {
  it("Encounter: by patient and date, newest first, paged with opaque links", async () => {
    const token = await tokenFor("user/*.rs");
    const all = sandbox.store.encountersOf("other-labs");
    const first = (await get("/Encounter?patient=other-labs&_sort=-date&_count=5", token)).body;
    expect(first.total).toBe(all.length);
    expect(first.entry?.[0]?.resource?.id).toBe(all.at(-1)?.resource.id);
    const next = first.link?.find((l) => l.relation === "next")?.url ?? "";
    expect(next).toMatch(new RegExp(`^${sandbox.fhirBase}/Encounter\\?_cursor=`));
    const second = (await (await fetch(next, bearer(token))).json()) as fhir4.Bundle;
    expect(second.entry?.[0]?.resource?.id).toBe(all.at(-6)?.resource.id);
    const dated = (await get("/Encounter?patient=other-labs&date=ge2024-01-01&date=lt2025-01-01", token)).body;
    expect(dated.entry?.every((e) => ((e.resource as fhir4.Encounter).period?.start ?? "").startsWith("2024"))).toBe(true);
    expect(dated.total).toBeGreaterThan(0);
    expect((await fetch(`${next.slice(0, -4)}AAAA`, bearer(token))).status).toBe(400);
  });

  it("Patient: by name prefix, by _id, with _count paging", async () => {
    const token = await tokenFor("user/Patient.rs");
    const byName = (await get("/Patient?name=amel", token)).body;
    expect(byName.entry?.map((e) => e.resource?.id)).toEqual(["hba1c-long"]);
    const paged = (await get("/Patient?_count=2", token)).body;
    expect(paged.entry).toHaveLength(2);
    // prac-1 sees the patients they care for and those with no recorded care team.
    const visible = [...sandbox.store.all<fhir4.Patient>("Patient")].filter((p) => sandbox.store.practitionerMaySee("prac-1", p.id!));
    expect(visible.length).toBeLessThan(sandbox.store.count("Patient"));
    expect(paged.total).toBe(visible.length);
    expect(paged.link?.some((l) => l.relation === "next")).toBe(true);
  });

  it("a page cursor of one search type cannot be used for another", async () => {
    const token = await tokenFor("user/*.rs");
    const next = (await get("/Patient?_count=1", token)).body.link?.find((l) => l.relation === "next")?.url ?? "";
    const cursor = new URL(next).searchParams.get("_cursor") ?? "";
    expect((await get(`/Encounter?_cursor=${cursor}`, token)).status).toBe(400);
  });
});

describe("search by POST (FHIR R4 http.html#search)", () => {
  const post = (path: string, token: string | undefined, body: string, type = "application/x-www-form-urlencoded") =>
    fetch(`${sandbox.fhirBase}${path}`, { method: "POST", headers: { "content-type": type, ...(token ? bearer(token).headers : {}) }, body });

  it("answers POST [type]/_search with a form body as the same GET search, URL and body parameters together", async () => {
    const token = await tokenFor("patient/Observation.rs");
    const query = "patient=hba1c-mixed&code=http%3A%2F%2Floinc.org%7C4548-4&_sort=-date&_count=3";
    const byGet = await get(`/Observation?${query}`, token);
    const byPost = await post("/Observation/_search?_count=3", token, "patient=hba1c-mixed&code=http%3A%2F%2Floinc.org%7C4548-4&_sort=-date");
    expect(byPost.status).toBe(200);
    const body = (await byPost.json()) as Answer;
    expect(body.resourceType).toBe("Bundle");
    expect(body.entry?.length).toBe(3);
    expect(body.entry?.map((e) => e.resource?.id)).toEqual(byGet.body.entry?.map((e) => e.resource?.id));
    expect(body.total).toBe(byGet.body.total);
    expect(body.link?.find((l) => l.relation === "next")?.url).toEqual(expect.stringContaining(`${sandbox.fhirBase}/Observation?`));
  });

  it("checks the token and the scopes as a GET search does", async () => {
    const form = "patient=hba1c-mixed&code=4548-4";
    expect((await post("/Observation/_search", undefined, form)).status).toBe(401);
    expect((await post("/Observation/_search", "not-a-token", form)).status).toBe(401);
    expect((await post("/Observation/_search", await tokenFor("patient/Patient.rs"), form)).status).toBe(403);
    // Another patient than the launch's: refused, as the same GET search is.
    const token = await tokenFor("patient/Observation.rs");
    expect((await post("/Observation/_search", token, "patient=hba1c-long&code=4548-4")).status).toBe(403);
    expect((await get("/Observation?patient=hba1c-long&code=4548-4", token)).status).toBe(403);
  });

  it("refuses a body that is not a form, a bad parameter, and POST anywhere else, each with an OperationOutcome", async () => {
    const token = await tokenFor("patient/Observation.rs");
    for (const [answer, status] of [
      [await post("/Observation/_search", token, '{"patient":"hba1c-mixed"}', "application/json"), 415],
      [await post("/Observation/_search", token, "patient=hba1c-mixed&colour=blue"), 400],
      [await post("/Observation", token, "patient=hba1c-mixed"), 405],
    ] as const) {
      expect(answer.status).toBe(status);
      expect(((await answer.json()) as Answer).resourceType).toBe("OperationOutcome");
    }
  });
});

describe("bad requests", () => {
  it.each([
    ["/Medication/abc", 404],
    ["/observation?patient=x", 404],
    ["/Observation/..%2F..%2Fetc", 400],
    ["/Observation/a/b", 400],
    ["/Observation?foo=bar", 400],
    ["/Observation?date=yesterday", 400],
    ["/Encounter?patient=hba1c-mixed&colour=blue", 400],
    ["/Patient/nobody-here", 404],
    ["/", 400],
  ])("%s → %i OperationOutcome", async (path, status) => {
    const token = await tokenFor("user/*.rs");
    const result = await get(path, token);
    expect(result.status).toBe(status);
    expect(result.body.resourceType).toBe("OperationOutcome");
    expect(result.body.issue?.[0]?.diagnostics).toEqual(expect.any(String));
  });
});

describe("security headers", () => {
  it("every response says nosniff and no-referrer; pages carry a CSP without inline script", async () => {
    for (const path of ["/", "/fhir/metadata", "/fhir/Patient/x", "/auth/.well-known/openid-configuration", "/nothing"]) {
      const response = await fetch(`${sandbox.origin}${path}`);
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
    const refused = await fetch(`${sandbox.fhirBase}/Patient/hba1c-long`);
    expect(refused.status).toBe(401);
    // Browsers cache some errors (404, 410) unless told not to.
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const pages = ["/", "/debug", "/ehr?patient=hba1c-long", "/launch?patient=nobody", "/auth/authorize?client_id=nobody&response_type=code"];
    for (const path of pages) {
      const response = await fetch(`${sandbox.origin}${path}`, { headers: { accept: "text/html" }, redirect: "manual" });
      expect(response.headers.get("content-type"), path).toContain("text/html");
      const directives = (response.headers.get("content-security-policy") ?? "").split(";").map((d) => d.trim());
      expect(directives, path).toEqual(expect.arrayContaining(["script-src 'self'", "object-src 'none'", "base-uri 'none'"]));
    }
  });
});
