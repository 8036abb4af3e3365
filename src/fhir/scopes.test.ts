import { describe, expect, it } from "vitest";
import { grantsRefresh, scopeAllows } from "./scopes";

describe("scopeAllows", () => {
  it("reads v2 permission letters", () => {
    expect(scopeAllows("launch patient/Observation.rs", "Observation", "s")).toBe(true);
    expect(scopeAllows("patient/Observation.r", "Observation", "s")).toBe(false);
    expect(scopeAllows("patient/Observation.cud", "Observation", "r")).toBe(false);
  });

  it("reads v1 permissions: read and * cover search, write does not", () => {
    expect(scopeAllows("patient/Observation.read", "Observation", "s")).toBe(true);
    expect(scopeAllows("user/*.*", "Observation", "s")).toBe(true);
    expect(scopeAllows("patient/Observation.write", "Observation", "s")).toBe(false);
  });

  it("matches the type or the * wildcard, and nothing else", () => {
    expect(scopeAllows("patient/*.rs", "Observation", "s")).toBe(true);
    expect(scopeAllows("patient/Patient.rs", "Observation", "s")).toBe(false);
    expect(scopeAllows("patient/ObservationX.rs", "Observation", "s")).toBe(false);
    expect(scopeAllows("", "Observation", "s")).toBe(false);
  });

  it("counts a v2 scope with a query restriction (the app searches laboratory results)", () => {
    expect(scopeAllows("patient/Observation.rs?category=laboratory", "Observation", "s")).toBe(true);
  });

  it("limits the contexts when asked", () => {
    expect(scopeAllows("patient/Practitioner.rs", "Practitioner", "r", ["user", "system"])).toBe(false);
    expect(scopeAllows("user/Practitioner.read", "Practitioner", "r", ["user", "system"])).toBe(true);
  });

  it("ignores scopes that are not resource scopes", () => {
    expect(scopeAllows("openid fhirUser launch/patient offline_access", "Patient", "r")).toBe(false);
  });
});

describe("grantsRefresh", () => {
  it.each([
    ["openid offline_access patient/*.rs", true],
    ["online_access", true],
    ["openid patient/*.rs", false],
    ["my_offline_access", false],
  ])("%s → %s", (scope, expected) => {
    expect(grantsRefresh(scope)).toBe(expected);
  });
});
