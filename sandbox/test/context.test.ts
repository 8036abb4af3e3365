/**
 * Condition, MedicationRequest, MedicationStatement and Medication over HTTP, on the scenario data: read,
 * search and its parameters, paging, `_include`, and the same scope and patient-compartment rules as Observation.
 */
import { describe, expect, it } from "vitest";
import { bearer, ehrLaunch, mintToken } from "./client.ts";
import { useSandbox } from "./useSandbox.ts";

const sandbox = useSandbox();

function tokenFor(scope: string, patient = "hba1c-long", username = "prac-1"): Promise<string> {
  return mintToken(sandbox.origin, { scope, patient, username });
}

/** A searchset Bundle, a resource or an OperationOutcome, as the API answers. */
type Answer = Partial<Omit<fhir4.Bundle, "resourceType">> & { resourceType: string; id?: string; issue?: fhir4.OperationOutcomeIssue[] };

async function get(path: string, token: string): Promise<{ status: number; body: Answer }> {
  const response = await fetch(path.startsWith("http") ? path : `${sandbox.fhirBase}${path}`, bearer(token));
  return { status: response.status, body: (await response.json()) as Answer };
}

const ids = (bundle: Answer, mode = "match") => (bundle.entry ?? []).filter((e) => e.search?.mode === mode).map((e) => e.resource?.id);
const next = (bundle: Answer) => bundle.link?.find((l) => l.relation === "next")?.url;

describe("MedicationRequest", () => {
  it("searches the launch patient's prescriptions, by status, intent, category and authoredon", async () => {
    const token = await tokenFor("patient/MedicationRequest.rs");
    const all = await get("/MedicationRequest?patient=hba1c-long", token);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(5);
    expect(ids(all.body)).toEqual([
      "hba1c-long-rx-metformin",
      "hba1c-long-rx-metformin-er",
      "hba1c-long-rx-metformin-er-duplicate",
      "hba1c-long-rx-sitagliptin",
      "hba1c-long-rx-insulin-glargine",
    ]);
    expect(ids((await get("/MedicationRequest?patient=hba1c-long&status=active", token)).body)).toEqual(["hba1c-long-rx-metformin-er", "hba1c-long-rx-insulin-glargine"]);
    expect(ids((await get("/MedicationRequest?patient=Patient/hba1c-long&status=stopped,completed", token)).body)).toEqual(["hba1c-long-rx-metformin", "hba1c-long-rx-sitagliptin"]);
    expect((await get("/MedicationRequest?patient=hba1c-long&intent=order", token)).body.total).toBe(5);
    expect((await get("/MedicationRequest?patient=hba1c-long&intent=plan", token)).body.total).toBe(0);
    const community = "http://terminology.hl7.org/CodeSystem/medicationrequest-category|community";
    expect((await get(`/MedicationRequest?patient=hba1c-long&category=${encodeURIComponent(community)}`, token)).body.total).toBe(5);
    expect((await get("/MedicationRequest?patient=hba1c-long&category=inpatient", token)).body.total).toBe(0);
    expect(ids((await get("/MedicationRequest?patient=hba1c-long&authoredon=ge2014-09&authoredon=lt2021", token)).body)).toEqual(["hba1c-long-rx-sitagliptin"]);
    // Repeated parameters are ANDed.
    expect((await get("/MedicationRequest?patient=hba1c-long&status=active&status=stopped", token)).body.total).toBe(0);
  });

  it("reads one, with its contained Medication as stored", async () => {
    const token = await tokenFor("patient/MedicationRequest.read");
    const read = await get("/MedicationRequest/hba1c-long-rx-insulin-glargine", token);
    expect(read.status).toBe(200);
    const request = read.body as unknown as fhir4.MedicationRequest;
    expect(request.medicationReference?.reference).toBe("#glargine");
    expect(request.contained?.[0]).toMatchObject({ resourceType: "Medication", id: "glargine" });
    expect((await get("/MedicationRequest/no-such-request", token)).status).toBe(404);
  });

  it("pages with _count, through opaque links that carry the search", async () => {
    const token = await tokenFor("patient/MedicationRequest.rs");
    const first = await get("/MedicationRequest?patient=hba1c-long&_count=2", token);
    expect(ids(first.body)).toHaveLength(2);
    const seen = [...ids(first.body)];
    let url = next(first.body);
    while (url) {
      expect(url).toMatch(/_cursor=/);
      const page = await get(url, token);
      expect(page.status).toBe(200);
      seen.push(...ids(page.body));
      url = next(page.body);
    }
    expect(seen).toEqual(ids((await get("/MedicationRequest?patient=hba1c-long", token)).body));
    expect((await get("/MedicationRequest?patient=hba1c-long&_count=0", token)).body).toMatchObject({ total: 5, entry: [] });
  });

  it("_include=MedicationRequest:medication brings the referenced Medication, once, when the token may read it", async () => {
    const both = await tokenFor("patient/MedicationRequest.rs patient/Medication.rs");
    const included = await get("/MedicationRequest?patient=hba1c-long&_include=MedicationRequest:medication", both);
    expect(ids(included.body)).toHaveLength(5);
    expect(ids(included.body, "include")).toEqual(["hba1c-long-med-metformin-er"]);
    expect(included.body.total).toBe(5);
    const withoutMedication = await tokenFor("patient/MedicationRequest.rs");
    expect(ids((await get("/MedicationRequest?patient=hba1c-long&_include=MedicationRequest:medication", withoutMedication)).body, "include")).toEqual([]);
    expect((await get("/MedicationRequest?patient=hba1c-long&_include=MedicationRequest:requester", both)).status).toBe(400);
  });

  it("refuses unknown parameters and malformed values with 400", async () => {
    const token = await tokenFor("patient/MedicationRequest.rs");
    for (const query of ["colour=blue", "code=860975", "_sort=-authoredon", "authoredon=sometime", "status=", "_count=-1"]) {
      const answer = await get(`/MedicationRequest?patient=hba1c-long&${query}`, token);
      expect(answer.status, query).toBe(400);
      expect(answer.body.resourceType).toBe("OperationOutcome");
    }
  });
});

describe("MedicationStatement", () => {
  it("searches by patient, status and category; reads one", async () => {
    const token = await tokenFor("patient/MedicationStatement.rs", "meds-statements-only");
    const all = await get("/MedicationStatement", token);
    expect(all.body.total).toBe(5);
    expect(ids((await get("/MedicationStatement?patient=meds-statements-only&status=active", token)).body)).toEqual([
      "meds-statements-only-ms-metformin",
      "meds-statements-only-ms-omeprazole",
      "meds-statements-only-ms-semaglutide",
    ]);
    expect(ids((await get("/MedicationStatement?patient=meds-statements-only&category=patientspecified", token)).body)).toEqual(["meds-statements-only-ms-omeprazole"]);
    const read = await get("/MedicationStatement/meds-statements-only-ms-liraglutide", token);
    expect(read.status).toBe(200);
    expect((read.body as unknown as fhir4.MedicationStatement).effectivePeriod).toEqual({ start: "2018-04-02", end: "2020-01-20" });
    expect((await get("/MedicationStatement?patient=meds-statements-only&effective=ge2020", token)).status).toBe(400);
  });

  it("is an empty searchset for a patient with prescriptions only, and the other way round", async () => {
    const statements = await tokenFor("patient/MedicationStatement.rs patient/MedicationRequest.rs");
    expect((await get("/MedicationStatement?patient=hba1c-long", statements)).body).toMatchObject({ resourceType: "Bundle", total: 0 });
    const other = await tokenFor("patient/MedicationRequest.rs", "meds-statements-only");
    expect((await get("/MedicationRequest?patient=meds-statements-only", other)).body).toMatchObject({ resourceType: "Bundle", total: 0 });
  });
});

describe("Condition", () => {
  it("searches by clinical-status, verification-status, category and code (SNOMED CT or ICD-10-CM)", async () => {
    const token = await tokenFor("patient/Condition.rs", "other-labs");
    expect((await get("/Condition?patient=other-labs", token)).body.total).toBe(4);
    expect(ids((await get("/Condition?patient=other-labs&clinical-status=active", token)).body)).toEqual([
      "other-labs-condition-prediabetes",
      "other-labs-condition-hyperlipidemia",
      "other-labs-condition-ckd-3a",
    ]);
    const clinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    expect(ids((await get(`/Condition?patient=other-labs&clinical-status=${encodeURIComponent(`${clinical}|inactive,${clinical}|resolved`)}`, token)).body)).toEqual([
      "other-labs-condition-ckd-2",
    ]);
    expect((await get("/Condition?patient=other-labs&verification-status=confirmed", token)).body.total).toBe(4);
    expect(ids((await get("/Condition?patient=other-labs&category=encounter-diagnosis", token)).body)).toEqual(["other-labs-condition-hyperlipidemia"]);
    expect(ids((await get(`/Condition?patient=other-labs&code=${encodeURIComponent("http://hl7.org/fhir/sid/icd-10-cm|N18.31")}`, token)).body)).toEqual(["other-labs-condition-ckd-3a"]);
    expect(ids((await get("/Condition?patient=other-labs&code=55822004", token)).body)).toEqual(["other-labs-condition-hyperlipidemia"]);
    expect((await get("/Condition?patient=other-labs&_include=Condition:subject", token)).status).toBe(400);
    expect((await get("/Condition?patient=other-labs&onset-date=ge2020", token)).status).toBe(400);
  });

  it("reads hba1c-long's diagnosis, with its onset before the first HbA1c", async () => {
    const token = await tokenFor("patient/Condition.read");
    const read = await get("/Condition/hba1c-long-condition-t2dm", token);
    expect(read.status).toBe(200);
    const diagnosis = read.body as unknown as fhir4.Condition;
    expect(diagnosis.code?.coding?.map((c) => c.code)).toEqual(["44054006", "E11.9"]);
    expect(diagnosis.onsetDateTime).toBe("2013-11-18");
  });

  it("a category-restricted Condition scope covers only that category, by read and by search", async () => {
    const problems = await tokenFor("patient/Condition.rs?category=http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item", "other-labs");
    expect((await get("/Condition?patient=other-labs", problems)).body.total).toBe(3);
    expect((await get("/Condition/other-labs-condition-ckd-3a", problems)).status).toBe(200);
    expect((await get("/Condition/other-labs-condition-hyperlipidemia", problems)).status).toBe(403);
  });
});

describe("Medication", () => {
  it("a patient/ token reads and finds the Medications its launch patient's records reference, no others", async () => {
    const token = await tokenFor("patient/Medication.rs");
    const read = await get("/Medication/hba1c-long-med-metformin-er", token);
    expect(read.status).toBe(200);
    expect((read.body as unknown as fhir4.Medication).code?.coding?.map((c) => c.code)).toEqual(["860975", "6809"]);
    expect(ids((await get("/Medication", token)).body)).toEqual(["hba1c-long-med-metformin-er"]);
    expect(ids((await get("/Medication?code=860975", token)).body)).toEqual(["hba1c-long-med-metformin-er"]);
    expect((await get("/Medication?code=6809&code=0000", token)).body.total).toBe(0);
    expect(ids((await get("/Medication?_id=hba1c-long-med-metformin-er,no-such", token)).body)).toEqual(["hba1c-long-med-metformin-er"]);
    // A contained Medication is part of its request, not a resource of its own.
    expect((await get("/Medication/glargine", token)).status).toBe(404);
    expect((await get("/Medication?form=tablet", token)).status).toBe(400);
    const otherPatient = await tokenFor("patient/Medication.rs", "other-labs");
    expect((await get("/Medication/hba1c-long-med-metformin-er", otherPatient)).status).toBe(403);
    expect((await get("/Medication", otherPatient)).body.total).toBe(0);
  });

  it("a user/ token sees a Medication of the patients its user may see", async () => {
    const natarajan = await tokenFor("user/Medication.rs", "hba1c-long", "prac-1");
    expect((await get("/Medication/hba1c-long-med-metformin-er", natarajan)).status).toBe(200);
    const okafor = await tokenFor("user/Medication.rs", "hba1c-long", "prac-2");
    expect((await get("/Medication/hba1c-long-med-metformin-er", okafor)).status).toBe(403);
  });
});

describe("scopes and the patient compartment, as for Observation", () => {
  it.each([
    ["Condition", "hba1c-long-condition-t2dm"],
    ["MedicationRequest", "hba1c-long-rx-sitagliptin"],
    ["MedicationStatement", "meds-statements-only-ms-semaglutide"],
    ["Medication", "hba1c-long-med-metformin-er"],
  ])("%s: 403 without its scope; v1 .read, v2 .rs and wildcards allow it", async (type, id) => {
    const patient = id.startsWith("meds-") ? "meds-statements-only" : "hba1c-long";
    const search = type === "Medication" ? `/Medication?_id=${id}` : `/${type}?patient=${patient}`;
    const observationsOnly = await tokenFor("patient/Observation.rs patient/Patient.rs", patient);
    for (const path of [`/${type}/${id}`, search]) {
      const refused = await get(path, observationsOnly);
      expect(refused.status, path).toBe(403);
      expect(refused.body.resourceType).toBe("OperationOutcome");
    }
    for (const scope of [`patient/${type}.read`, `patient/${type}.rs`, "patient/*.rs", "patient/*.read"]) {
      const token = await tokenFor(scope, patient);
      expect((await get(`/${type}/${id}`, token)).status, scope).toBe(200);
      expect((await get(search, token)).body.total, scope).toBe({ Condition: 1, MedicationRequest: 5, MedicationStatement: 5, Medication: 1 }[type]);
    }
    const readOnly = await tokenFor(`patient/${type}.r`, patient);
    expect((await get(search, readOnly)).status).toBe(403);
  });

  it.each(["Condition", "MedicationRequest", "MedicationStatement"])("%s: another patient's is 403 by read and by search; no patient is the launch patient", async (type) => {
    const token = await tokenFor(`patient/${type}.rs`, "other-labs");
    const foreign = { Condition: "hba1c-long-condition-t2dm", MedicationRequest: "hba1c-long-rx-metformin", MedicationStatement: "meds-statements-only-ms-metformin" }[type]!;
    const owner = foreign.startsWith("meds-") ? "meds-statements-only" : "hba1c-long";
    expect((await get(`/${type}/${foreign}`, token)).status).toBe(403);
    expect((await get(`/${type}?patient=${owner}`, token)).status).toBe(403);
    const narrowed = await get(`/${type}`, token);
    expect(narrowed.status).toBe(200);
    expect((narrowed.body.entry ?? []).every((e) => (e.resource as fhir4.Condition).subject.reference === "Patient/other-labs")).toBe(true);
  });

  it("a user/ search needs a patient, and sees only the patients its user may see", async () => {
    const okafor = await tokenFor("user/MedicationRequest.rs user/Condition.rs", "hba1c-long", "prac-2");
    expect((await get("/MedicationRequest", okafor)).status).toBe(400);
    expect((await get("/MedicationRequest?patient=hba1c-long", okafor)).status).toBe(403);
    expect((await get("/MedicationRequest?patient=other-labs", okafor)).body.total).toBe(2);
    expect((await get("/Condition?patient=other-labs", okafor)).body.total).toBe(4);
  });
});

describe("the authorization servers grant the new scopes", () => {
  it("v2 .rs on the main server, v1 .read on the v1 server, through a real EHR launch", async () => {
    const types = ["MedicationRequest", "MedicationStatement", "Condition", "Medication"];
    const v2 = types.map((t) => `patient/${t}.rs`);
    const { token } = await ehrLaunch(sandbox.origin, { patient: "hba1c-long" }, `launch openid ${v2.join(" ")}`);
    expect(String(token.scope).split(" ")).toEqual(expect.arrayContaining(v2));
    expect((await get("/MedicationRequest", String(token.access_token))).body.total).toBe(5);
    const v1 = types.map((t) => `patient/${t}.read`);
    const old = await ehrLaunch(sandbox.origin, { patient: "hba1c-long", fhir: "v1" }, `launch openid ${v1.join(" ")}`);
    expect(String(old.token.scope).split(" ")).toEqual(expect.arrayContaining(v1));
    const response = await fetch(`${sandbox.origin}/v1/fhir/Condition?patient=hba1c-long`, bearer(old.token.access_token));
    expect(((await response.json()) as fhir4.Bundle).total).toBe(1);
  });
});

describe("discovery", () => {
  it("the CapabilityStatement lists each type with its search parameters, and _include where it works", async () => {
    const statement = (await (await fetch(`${sandbox.fhirBase}/metadata`)).json()) as fhir4.CapabilityStatement;
    const resource = (type: string) => statement.rest?.[0]?.resource?.find((r) => r.type === type);
    expect(resource("MedicationRequest")?.searchParam?.map((p) => p.name)).toEqual(["patient", "subject", "status", "intent", "category", "authoredon"]);
    expect(resource("MedicationRequest")?.searchInclude).toEqual(["MedicationRequest:medication"]);
    expect(resource("MedicationStatement")?.searchParam?.map((p) => p.name)).toEqual(["patient", "subject", "status", "category"]);
    expect(resource("MedicationStatement")?.searchInclude).toEqual(["MedicationStatement:medication"]);
    expect(resource("Condition")?.searchParam?.map((p) => p.name)).toEqual(["patient", "subject", "clinical-status", "verification-status", "category", "code"]);
    expect(resource("Medication")?.searchParam?.map((p) => p.name)).toEqual(["_id", "code"]);
    expect(resource("MedicationRequest")?.interaction?.map((i) => i.code)).toEqual(["read", "search-type"]);
  });

  it("smart-configuration lists the new scopes, in v1 form only on the v1 server", async () => {
    const main = (await (await fetch(`${sandbox.fhirBase}/.well-known/smart-configuration`)).json()) as { scopes_supported: string[] };
    for (const type of ["MedicationRequest", "MedicationStatement", "Condition", "Medication"]) {
      expect(main.scopes_supported).toEqual(expect.arrayContaining([`patient/${type}.rs`, `patient/${type}.read`]));
    }
    const v1 = (await (await fetch(`${sandbox.origin}/v1/fhir/.well-known/smart-configuration`)).json()) as { scopes_supported: string[] };
    expect(v1.scopes_supported).toContain("patient/MedicationRequest.read");
    expect(v1.scopes_supported).not.toContain("patient/MedicationRequest.rs");
  });
});
