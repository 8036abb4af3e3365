import { describe, expect, it } from "vitest";
import { canReadUser } from "./signedInUser";
import { roleOf } from "./userRole";

describe("canReadUser", () => {
  const practitioner = { resourceType: "Practitioner", id: "prac-1" };
  const patient = { resourceType: "Patient", id: "p1" };

  it("a practitioner needs a user or system scope for Practitioner", () => {
    expect(canReadUser({ grantedScope: "user/Practitioner.rs", patientId: "p1" }, practitioner)).toBe(true);
    expect(canReadUser({ grantedScope: "user/*.read", patientId: "p1" }, practitioner)).toBe(true);
    expect(canReadUser({ grantedScope: "patient/*.rs openid fhirUser", patientId: "p1" }, practitioner)).toBe(false);
  });

  it("a patient may read their own record through the patient scope, not someone else's", () => {
    expect(canReadUser({ grantedScope: "patient/Patient.rs", patientId: "p1" }, patient)).toBe(true);
    expect(canReadUser({ grantedScope: "patient/Patient.rs", patientId: "p2" }, patient)).toBe(false);
    expect(canReadUser({ grantedScope: "patient/Observation.rs", patientId: "p1" }, patient)).toBe(false);
  });
});

describe("roleOf", () => {
  it("names the kind of user", () => {
    expect(roleOf({ resourceType: "Practitioner", id: "x" })).toBe("a clinician");
    expect(roleOf({ resourceType: "Patient", id: "x" })).toBe("a patient");
    expect(roleOf({ resourceType: "Device", id: "x" })).toBe("an EHR user");
  });
});
