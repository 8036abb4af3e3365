import { describe, expect, it } from "vitest";
import { parseResourceScope, parseScopes, scopesAllowing, supportedResourceScopes } from "../src/scopes.ts";

describe("SMART scopes", () => {
  it("parses v1 scopes", () => {
    expect(parseResourceScope("patient/Observation.read")).toMatchObject({ context: "patient", resourceType: "Observation", interactions: new Set(["r", "s"]) });
    expect(parseResourceScope("user/*.write")?.interactions).toEqual(new Set(["c", "u", "d"]));
    expect(parseResourceScope("system/*.*")?.interactions).toEqual(new Set(["c", "r", "u", "d", "s"]));
  });

  it("parses v2 scopes and their query restriction", () => {
    expect(parseResourceScope("patient/Observation.rs")?.interactions).toEqual(new Set(["r", "s"]));
    const restricted = parseResourceScope("patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory");
    expect(restricted?.restriction.get("category")).toBe("http://terminology.hl7.org/CodeSystem/observation-category|laboratory");
  });

  it("refuses what is not a resource scope", () => {
    for (const s of ["openid", "launch/patient", "patient/Observation.sr", "patient/Observation.", "patient/observation.read", "admin/*.read", "patient/Observation.rsx"]) {
      expect(parseResourceScope(s), s).toBeUndefined();
    }
  });

  it("finds the scopes that allow an interaction", () => {
    const scopes = parseScopes("launch patient/Patient.r patient/Observation.s openid");
    expect(scopesAllowing(scopes, "Patient", "r")).toHaveLength(1);
    expect(scopesAllowing(scopes, "Patient", "s")).toHaveLength(0);
    expect(scopesAllowing(scopes, "Observation", "s")).toHaveLength(1);
    expect(scopesAllowing(parseScopes("user/*.rs"), "Encounter", "r")).toHaveLength(1);
  });

  it("lists every v1 and v2 form the sandbox grants", () => {
    const all = new Set(supportedResourceScopes());
    for (const s of [
      "patient/Observation.rs",
      "patient/Observation.read",
      "user/*.cruds",
      "patient/*.rs",
      "system/Patient.r",
      "patient/Observation.rs?category=laboratory",
      "patient/MedicationRequest.rs",
      "patient/MedicationRequest.read",
      "patient/MedicationStatement.rs",
      "patient/Condition.read",
      "patient/Medication.rs",
      "patient/Condition.rs?category=http://terminology.hl7.org/CodeSystem/condition-category|problem-list-item",
    ]) {
      expect(all.has(s), s).toBe(true);
    }
    expect([...all].every((s) => parseResourceScope(s) !== undefined)).toBe(true);
  });
});
