import { describe, expect, it } from "vitest";
import { fakeSession, httpError, TEST_BASE } from "../test/fakeSession";
import { readGoals } from "./goals.later";

const goal: fhir4.Goal = { resourceType: "Goal", id: "g1", lifecycleStatus: "active", description: { text: "A1c" }, subject: { reference: "Patient/p1" } };
const bundle = (resources: fhir4.Resource[]): fhir4.Bundle => ({ resourceType: "Bundle", type: "searchset", entry: resources.map((resource) => ({ resource })) });
const withGoals = { grantedScope: "launch patient/Observation.rs patient/Patient.rs patient/Goal.rs" };

describe("reading the patient's Goals", () => {
  it("searches the patient's active Goals and keeps only Goal entries", async () => {
    const outcome: fhir4.OperationOutcome = { resourceType: "OperationOutcome", issue: [{ severity: "information", code: "informational" }] };
    const session = fakeSession(() => bundle([goal, outcome]), withGoals);
    await expect(readGoals(session, "p 1")).resolves.toEqual({ status: "read", goals: [goal] });
    expect(session.calls).toEqual([`${TEST_BASE}/Goal?patient=p+1&lifecycle-status=active&_count=100`]);
  });

  it("asks nothing when the scope was not granted (v1 and v2 scopes both count)", async () => {
    const session = fakeSession(() => bundle([goal]));
    await expect(readGoals(session, "p1")).resolves.toEqual({ status: "unavailable" });
    expect(session.calls).toEqual([]);
    const v1 = fakeSession(() => bundle([goal]), { grantedScope: "patient/Goal.read" });
    await expect(readGoals(v1, "p1")).resolves.toMatchObject({ status: "read" });
  });

  it.each([400, 403, 404, 405, 501])("HTTP %i means the server has none to give: unavailable, silently", async (status) => {
    const session = fakeSession(() => {
      throw httpError(status);
    }, withGoals);
    await expect(readGoals(session, "p1")).resolves.toEqual({ status: "unavailable" });
  });

  it("any other failure is said, briefly", async () => {
    const failing = fakeSession(() => {
      throw httpError(500);
    }, withGoals);
    await expect(readGoals(failing, "p1")).resolves.toEqual({ status: "failed", message: "The FHIR server had an error (500)." });
    const notABundle = fakeSession(() => ({ resourceType: "Patient" }), withGoals);
    await expect(readGoals(notABundle, "p1")).resolves.toEqual({ status: "failed", message: "the answer was not a search result" });
  });
});
