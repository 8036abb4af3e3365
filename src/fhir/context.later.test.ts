import { describe, expect, it } from "vitest";
import { fakeSession, httpError, TEST_BASE } from "../test/fakeSession";
import { readConditions, readMedications } from "./context.later";

const ALL = { grantedScope: "launch patient/Observation.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Medication.rs patient/Condition.rs" };
const bundle = (resources: fhir4.Resource[], next?: string, mode?: "include"): fhir4.Bundle => ({
  resourceType: "Bundle",
  type: "searchset",
  entry: resources.map((resource) => ({ resource, ...(mode && resource.resourceType === "Medication" ? { search: { mode } } : {}) })),
  ...(next ? { link: [{ relation: "next", url: next }] } : {}),
});
const request = (id: string, medication: Partial<fhir4.MedicationRequest> = { medicationCodeableConcept: { text: "metformin" } }): fhir4.MedicationRequest => ({
  resourceType: "MedicationRequest",
  id,
  status: "active",
  intent: "order",
  subject: { reference: "Patient/p1" },
  ...medication,
});
const statement: fhir4.MedicationStatement = { resourceType: "MedicationStatement", id: "s1", status: "active", subject: { reference: "Patient/p1" }, medicationCodeableConcept: { text: "atorvastatin" } };
const condition: fhir4.Condition = { resourceType: "Condition", id: "c1", subject: { reference: "Patient/p1" }, code: { text: "Type 2 diabetes" } };

describe("reading the patient's medications", () => {
  it("searches requests and statements side by side, follows next links on the server, and reads referenced Medications", async () => {
    const insulin: fhir4.Medication = { resourceType: "Medication", id: "m1", code: { text: "insulin glargine" } };
    const session = fakeSession((url) => {
      if (url.endsWith("page=2")) return bundle([request("r2", { medicationReference: { reference: "Medication/m1" } })]);
      if (url.includes("MedicationRequest?")) return bundle([request("r1")], `${TEST_BASE}/MedicationRequest?page=2`);
      if (url.includes("MedicationStatement?")) return bundle([statement]);
      if (url.endsWith("/Medication/m1")) return insulin;
      throw httpError(404);
    }, ALL);
    const read = await readMedications(session, "p 1");
    expect(read.requests).toEqual({ status: "read", items: [request("r1"), request("r2", { medicationReference: { reference: "Medication/m1" } })] });
    expect(read.statements).toEqual({ status: "read", items: [statement] });
    expect(read.medications.get("Medication/m1")).toEqual(insulin);
    expect(session.calls).toEqual([
      `${TEST_BASE}/MedicationRequest?patient=p+1&_count=100`,
      `${TEST_BASE}/MedicationStatement?patient=p+1&_count=100`,
      `${TEST_BASE}/MedicationRequest?page=2`,
      `${TEST_BASE}/Medication/m1`,
    ]);
  });

  it("a next link back to a page already read ends the search", async () => {
    const session = fakeSession((url) => (url.includes("MedicationRequest") ? bundle([request("r1")], `${TEST_BASE}/MedicationRequest?patient=p1&_count=100`) : bundle([])), ALL);
    const read = await readMedications(session, "p1");
    expect(read.requests).toMatchObject({ status: "read", items: [request("r1")] });
    expect(session.calls.filter((c) => c.includes("MedicationRequest"))).toHaveLength(1);
  });

  it("a Medication the search included is used without a read; a failed Medication read loses only that name", async () => {
    const included: fhir4.Medication = { resourceType: "Medication", id: "m1", code: { text: "empagliflozin" } };
    const session = fakeSession((url) => {
      if (url.includes("MedicationRequest?")) return bundle([request("r1", { medicationReference: { reference: "Medication/m1" } }), request("r2", { medicationReference: { reference: "Medication/m2" } }), included], undefined, "include");
      if (url.includes("MedicationStatement?")) return bundle([]);
      throw httpError(500);
    }, ALL);
    const read = await readMedications(session, "p1");
    expect(read.requests).toMatchObject({ status: "read" });
    expect([...read.medications.keys()]).toEqual(["Medication/m1"]);
    expect(session.calls.filter((c) => c.includes("/Medication/"))).toEqual([`${TEST_BASE}/Medication/m2`]);
  });

  it("a part refused (403) or not granted is unavailable, and the other part still reads", async () => {
    const session = fakeSession((url) => {
      if (url.includes("MedicationRequest")) throw httpError(403);
      return bundle([statement]);
    }, ALL);
    const read = await readMedications(session, "p1");
    expect(read.requests).toEqual({ status: "unavailable", why: "refused" });
    expect(read.statements).toEqual({ status: "read", items: [statement] });
    const noScope = fakeSession(() => bundle([statement]), { grantedScope: "patient/Observation.rs patient/MedicationStatement.rs" });
    expect((await readMedications(noScope, "p1")).requests).toEqual({ status: "unavailable", why: "scope" });
    expect(noScope.calls.some((c) => c.includes("MedicationRequest"))).toBe(false);
  });

  it("any other failure is said", async () => {
    const session = fakeSession(() => {
      throw httpError(500);
    }, ALL);
    expect((await readMedications(session, "p1")).statements).toEqual({ status: "failed", message: "The FHIR server had an error (500)." });
  });
});

describe("reading the patient's problems", () => {
  it("searches the patient's Conditions", async () => {
    const session = fakeSession(() => bundle([condition]), ALL);
    await expect(readConditions(session, "p1")).resolves.toEqual({ status: "read", items: [condition] });
    expect(session.calls).toEqual([`${TEST_BASE}/Condition?patient=p1&_count=100`]);
  });

  it("a server that wants a category (400 without one) is asked for the problem list", async () => {
    const session = fakeSession((url) => {
      if (!url.includes("category=")) throw httpError(400);
      return bundle([condition]);
    }, ALL);
    await expect(readConditions(session, "p1")).resolves.toEqual({ status: "read", items: [condition] });
    expect(session.calls.at(-1)).toBe(`${TEST_BASE}/Condition?patient=p1&_count=100&category=problem-list-item`);
  });

  it("without the scope: unavailable, nothing asked", async () => {
    const session = fakeSession(() => bundle([condition]), { grantedScope: "patient/Observation.rs" });
    await expect(readConditions(session, "p1")).resolves.toEqual({ status: "unavailable", why: "scope" });
    expect(session.calls).toEqual([]);
  });
});
