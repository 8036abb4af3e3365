/**
 * Another data folder (Synthea R4 style: transaction Bundles, `urn:uuid:` references, practitioners repeated
 * across files), and what `user/` scopes let a practitioner see.
 */
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { startSandbox } from "../src/sandbox.ts";
import { useSandbox } from "./useSandbox.ts";
import { bearer, mintToken } from "./client.ts";

const MARIA = "1b2c3d4e-0000-4000-8000-00000000000a";
const PAUL = "9f8e7d6c-0000-4000-8000-00000000000b";
const ORTIZ = "0000016d-3a85-4cca-0000-000000000001";
const sandbox = useSandbox({ dataDir: fileURLToPath(new URL("fixtures/synthea", import.meta.url)) });


function mint(user: string, scope: string, patient?: string): Promise<string> {
  return mintToken(sandbox.origin, { scope, username: user, patient });
}

describe("a Synthea-style data folder", () => {
  it("loads every Bundle, resolves urn:uuid references and keeps repeated resources once", async () => {
    expect(sandbox.store.report).toEqual({ files: 3, resources: 16, duplicates: 1 });
    const open = (await (await fetch(`${sandbox.openFhirBase}/Observation?subject=Patient/${MARIA}&code=4548-4&_sort=-date`)).json()) as fhir4.Bundle;
    expect(open.entry?.map((e) => (e.resource as fhir4.Observation).valueQuantity?.value)).toEqual([5.8, 6.1]);
    expect((open.entry?.[0]?.resource as fhir4.Observation).subject?.reference).toBe(`Patient/${MARIA}`);
    const encounters = (await (await fetch(`${sandbox.openFhirBase}/Encounter?patient=${MARIA}`)).json()) as fhir4.Bundle;
    expect(encounters.total).toBe(1);
  });

  it("serves Synthea's Conditions, MedicationRequests and Medications, their urn:uuid references resolved", async () => {
    const requests = (await (await fetch(`${sandbox.openFhirBase}/MedicationRequest?patient=${PAUL}&_include=MedicationRequest:medication`)).json()) as fhir4.Bundle;
    const matched = requests.entry?.filter((e) => e.search?.mode === "match").map((e) => e.resource as fhir4.MedicationRequest) ?? [];
    expect(matched.map((r) => [r.status, r.medicationCodeableConcept?.coding?.[0]?.code ?? r.medicationReference?.reference])).toEqual([
      ["active", "860975"],
      ["stopped", "Medication/d0000000-0000-4000-8000-000000000001"],
    ]);
    expect(matched[0]).toMatchObject({
      subject: { reference: `Patient/${PAUL}` },
      encounter: { reference: "Encounter/e0000000-0000-4000-8000-000000000002" },
      requester: { reference: "Practitioner/prac-2" },
      reasonReference: [{ reference: "Condition/c0000000-0000-4000-8000-000000000003" }],
    });
    const included = requests.entry?.filter((e) => e.search?.mode === "include").map((e) => e.resource as fhir4.Medication);
    expect(included?.map((m) => m.code?.coding?.[0]?.display)).toEqual(["canagliflozin 100 MG Oral Tablet"]);

    const conditions = (await (await fetch(`${sandbox.openFhirBase}/Condition?patient=${MARIA}`)).json()) as fhir4.Bundle;
    expect(conditions.entry?.map((e) => [(e.resource as fhir4.Condition).code?.text, (e.resource as fhir4.Condition).clinicalStatus?.coding?.[0]?.code])).toEqual([
      ["Prediabetes", "resolved"],
      ["Hyperlipidemia", "active"],
    ]);
    const active = (await (await fetch(`${sandbox.openFhirBase}/Condition?patient=${MARIA}&clinical-status=active`)).json()) as fhir4.Bundle;
    expect(active.total).toBe(1);
    expect((await (await fetch(`${sandbox.openFhirBase}/MedicationRequest?patient=${MARIA}`)).json()) as fhir4.Bundle).toMatchObject({ total: 0 });
  });

  it("a patient-scoped token reads the Medication its patient's request references, not another's", async () => {
    const paul = await mint("prac-2", "patient/Medication.rs patient/MedicationRequest.rs patient/Condition.rs", PAUL);
    expect((await fetch(`${sandbox.fhirBase}/Medication/d0000000-0000-4000-8000-000000000001`, bearer(paul))).status).toBe(200);
    expect((await fetch(`${sandbox.fhirBase}/Condition?patient=${PAUL}&code=44054006`, bearer(paul))).status).toBe(200);
    const maria = await mint(`Practitioner/${ORTIZ}`, "patient/Medication.rs", MARIA);
    expect((await fetch(`${sandbox.fhirBase}/Medication/d0000000-0000-4000-8000-000000000001`, bearer(maria))).status).toBe(403);
  });

  it("launches as the data's first practitioner when there is no prac-1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sandbox-data-"));
    for (const file of ["Maria_Lopez_1b2c.json", "practitionerInformation1.json"]) await copyFile(fileURLToPath(new URL(`fixtures/synthea/${file}`, import.meta.url)), join(dir, file));
    const other = await startSandbox({ port: 0, dataDir: dir });
    try {
      const response = await fetch(`${other.origin}/launch?patient=${MARIA}`, { redirect: "manual" });
      expect(response.status).toBe(302);
      const launch = new URL(response.headers.get("location") ?? "").searchParams.get("launch") ?? "";
      expect(decodeJwt(launch).user).toBe(`Practitioner/${ORTIZ}`);
    } finally {
      await other.close();
      await rm(dir, { recursive: true });
    }
  });

  it("the EHR page lists its patients", async () => {
    const page = await (await fetch(`${sandbox.origin}/`)).text();
    expect(page).toContain("María López");
    expect(page).toContain("Paul Keane");
  });
});

describe("user/ scopes: what the signed-in practitioner may see", () => {
  it("a practitioner sees the patients they care for, and gets 403 for the others", async () => {
    const ortiz = await mint(`Practitioner/${ORTIZ}`, "user/*.rs");
    expect((await fetch(`${sandbox.fhirBase}/Patient/${MARIA}`, bearer(ortiz))).status).toBe(200);
    expect((await fetch(`${sandbox.fhirBase}/Observation?patient=${MARIA}`, bearer(ortiz))).status).toBe(200);
    const refused = await fetch(`${sandbox.fhirBase}/Observation?patient=${PAUL}`, bearer(ortiz));
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain(`may not see the records of Patient/${PAUL}`);
    const okafor = await mint("prac-2", "user/*.rs");
    expect((await fetch(`${sandbox.fhirBase}/Patient/${PAUL}`, bearer(okafor))).status).toBe(200);
    expect((await fetch(`${sandbox.fhirBase}/Patient/${MARIA}`, bearer(okafor))).status).toBe(403);
  });

  it("a patient search lists only the patients the user may see", async () => {
    const okafor = await mint("prac-2", "user/Patient.rs");
    const bundle = (await (await fetch(`${sandbox.fhirBase}/Patient`, bearer(okafor))).json()) as fhir4.Bundle;
    expect(bundle.entry?.map((e) => e.resource?.id)).toEqual([PAUL]);
  });

  it("a patient signed in with user/ scopes sees only their own records", async () => {
    const paul = await mint(`Patient/${PAUL}`, "user/*.rs");
    expect((await fetch(`${sandbox.fhirBase}/Observation?patient=${PAUL}`, bearer(paul))).status).toBe(200);
    expect((await fetch(`${sandbox.fhirBase}/Observation?patient=${MARIA}`, bearer(paul))).status).toBe(403);
  });

  it("a user/ search without a patient is a 400, not everyone's data", async () => {
    const okafor = await mint("prac-2", "user/*.rs");
    expect((await fetch(`${sandbox.fhirBase}/Observation?code=4548-4`, bearer(okafor))).status).toBe(400);
  });
});
