import { describe, expect, it } from "vitest";
import { buildScope } from "./scopeRequest";

describe("buildScope", () => {
  const template = "openid fhirUser offline_access patient/Patient.rs patient/Observation.rs";

  it("adds launch for an EHR launch and launch/patient for a standalone one", () => {
    expect(buildScope(template, "ehr", true)).toBe(`${template} launch`);
    expect(buildScope(template, "standalone", true)).toBe(`${template} launch/patient`);
  });

  it("rewrites v2 permissions to v1 for servers without permission-v2", () => {
    expect(buildScope(template, "ehr", false)).toBe("openid fhirUser offline_access patient/Patient.read patient/Observation.read launch");
    expect(buildScope("user/*.cruds patient/Observation.cud patient/Observation.s", "standalone", false)).toBe(
      "user/*.* patient/Observation.write patient/Observation.read launch/patient",
    );
  });

  it("never asks for both launch scopes or the same scope twice", () => {
    expect(buildScope("launch launch/patient openid openid", "ehr", true)).toBe("openid launch");
  });
});
