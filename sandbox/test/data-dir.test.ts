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
import { startSandbox } from "../src/server.ts";
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
    expect(sandbox.store.report).toEqual({ files: 3, resources: 9, duplicates: 1 });
    const open = (await (await fetch(`${sandbox.openFhirBase}/Observation?subject=Patient/${MARIA}&code=4548-4&_sort=-date`)).json()) as fhir4.Bundle;
    expect(open.entry?.map((e) => (e.resource as fhir4.Observation).valueQuantity?.value)).toEqual([5.8, 6.1]);
    expect((open.entry?.[0]?.resource as fhir4.Observation).subject?.reference).toBe(`Patient/${MARIA}`);
    const encounters = (await (await fetch(`${sandbox.openFhirBase}/Encounter?patient=${MARIA}`)).json()) as fhir4.Bundle;
    expect(encounters.total).toBe(1);
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
