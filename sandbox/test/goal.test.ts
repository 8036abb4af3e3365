/** Goal: read, and search by patient and lifecycle-status, under the same scopes and compartment as the rest. */
import { beforeAll, describe, expect, it } from "vitest";
import { bearer, mintToken } from "./client.ts";
import { useSandbox } from "./useSandbox.ts";

const sandbox = useSandbox();

const goal = (id: string, patient: string, lifecycleStatus: fhir4.Goal["lifecycleStatus"]): fhir4.Goal => ({
  resourceType: "Goal",
  id,
  lifecycleStatus,
  description: { text: "HbA1c below 8 %" },
  subject: { reference: `Patient/${patient}` },
  startDate: "2024-01-10",
  target: [{ measure: { coding: [{ system: "http://loinc.org", code: "4548-4" }] }, detailQuantity: { value: 8, comparator: "<", unit: "%", system: "http://unitsofmeasure.org", code: "%" } }],
});

beforeAll(() => {
  sandbox.store.add(goal("goal-test-active", "hba1c-mixed", "active"));
  sandbox.store.add(goal("goal-test-done", "hba1c-mixed", "completed"));
  sandbox.store.add(goal("goal-test-other", "other-labs", "active"));
});

function tokenFor(scope: string, patient = "hba1c-mixed"): Promise<string> {
  return mintToken(sandbox.origin, { scope, patient });
}

/** A searchset Bundle, a Goal or an OperationOutcome, as the API answers. */
type Answer = Partial<Omit<fhir4.Bundle, "resourceType">> & Partial<Omit<fhir4.Goal, "resourceType">> & { resourceType: string };

async function get(path: string, token: string): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${sandbox.fhirBase}${path}`, bearer(token));
  return { status: response.status, body: (await response.json()) as Answer };
}

const ids = (bundle: Answer) => (bundle.entry ?? []).map((e) => e.resource?.id).sort();

describe("Goal", () => {
  it("searches by patient, and by lifecycle-status", async () => {
    const token = await tokenFor("patient/Goal.rs");
    expect(ids((await get("/Goal?patient=hba1c-mixed", token)).body)).toEqual(["goal-test-active", "goal-test-done"]);
    const active = await get("/Goal?patient=hba1c-mixed&lifecycle-status=active", token);
    expect(active.status).toBe(200);
    expect(ids(active.body)).toEqual(["goal-test-active"]);
    expect(ids((await get("/Goal?patient=Patient/hba1c-mixed&lifecycle-status=active,completed", token)).body)).toEqual(["goal-test-active", "goal-test-done"]);
    // A patient-scoped token without a patient parameter is narrowed to its launch patient.
    expect(ids((await get("/Goal", token)).body)).toEqual(["goal-test-active", "goal-test-done"]);
    expect((await get("/Goal?patient=hba1c-mixed&colour=blue", token)).status).toBe(400);
  });

  it("reads one Goal of the launch patient", async () => {
    const token = await tokenFor("patient/Goal.read");
    const read = await get("/Goal/goal-test-active", token);
    expect(read.status).toBe(200);
    expect(read.body.target?.[0]?.detailQuantity?.comparator).toBe("<");
    expect((await get("/Goal/no-such-goal", token)).status).toBe(404);
  });

  it("is forbidden without a Goal scope, and for another patient", async () => {
    const observationsOnly = await tokenFor("patient/Observation.rs patient/Patient.rs");
    expect((await get("/Goal?patient=hba1c-mixed", observationsOnly)).status).toBe(403);
    expect((await get("/Goal/goal-test-active", observationsOnly)).status).toBe(403);
    const token = await tokenFor("patient/Goal.rs");
    expect((await get("/Goal/goal-test-other", token)).status).toBe(403);
    expect((await get("/Goal?patient=other-labs", token)).status).toBe(403);
  });

  it("is listed in the CapabilityStatement", async () => {
    const response = await fetch(`${sandbox.fhirBase}/metadata`);
    const statement = (await response.json()) as fhir4.CapabilityStatement;
    const resource = statement.rest?.[0]?.resource?.find((r) => r.type === "Goal");
    expect(resource?.searchParam?.map((p) => p.name)).toEqual(["patient", "lifecycle-status"]);
  });
});
