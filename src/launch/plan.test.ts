import { describe, expect, it } from "vitest";
import { MAX_LAUNCH_LENGTH, planLaunch, REFUSED_PARAMS } from "./plan";
import { parseConfig } from "../config/config";
import { sayProblem } from "./problems";

const config = parseConfig({
  clientId: "lab-graph",
  scope: "openid fhirUser offline_access patient/Patient.rs patient/Observation.rs",
  issAllowList: ["http://127.0.0.1:4400/fhir", "https://launch.example.org/"],
  servers: [{ iss: "http://127.0.0.1:4400/fhir", name: "Local sandbox", standalone: true }],
});

function plan(query: string) {
  return planLaunch(new URLSearchParams(query), config);
}

describe("planLaunch", () => {
  it("EHR launch: an allow-listed iss with a launch value", () => {
    expect(plan("iss=http://127.0.0.1:4400/fhir&launch=abc")).toEqual({
      kind: "ehr",
      iss: "http://127.0.0.1:4400/fhir",
      launch: "abc",
      server: expect.objectContaining({ name: "Local sandbox" }),
    });
  });

  it("passes on the base it checked, normalised: scheme and host in lower case, no default port, no trailing slash", () => {
    expect(plan("iss=HTTP://127.0.0.1:4400/fhir/&launch=abc")).toMatchObject({ kind: "ehr", iss: "http://127.0.0.1:4400/fhir" });
    expect(plan("iss=https://LAUNCH.example.org:443/r4/FHIR/")).toMatchObject({ kind: "standalone", iss: "https://launch.example.org/r4/FHIR" });
  });

  it("no parameters: the standalone landing page", () => {
    expect(plan("")).toEqual({ kind: "landing" });
  });

  it("an iss without launch: a standalone launch against that server", () => {
    expect(plan("iss=https://launch.example.org/r4/fhir")).toEqual({ kind: "standalone", iss: "https://launch.example.org/r4/fhir", server: undefined });
  });

  it.each([
    ["launch=abc", "no iss"],
    ["iss=&launch=abc", "no iss"],
    ["iss=https://evil.example/fhir&launch=abc", "not set up to connect"],
    ["iss=javascript:alert(1)&launch=abc", "must start with https://"],
    ["iss=data:text/html,hi&launch=abc", "must start with https://"],
    ["iss=http://127.0.0.1:4400/fhirx&launch=abc", "not set up to connect"],
    ["iss=https://launch.example.org.evil.test/&launch=abc", "not set up to connect"],
    ["iss=http://u:p@127.0.0.1:4400/fhir&launch=abc", "user name or password"],
    ["iss=http://127.0.0.1:4400/fhir%23frag&launch=abc", "fragment"],
    ["iss=%20http://127.0.0.1:4400/fhir&launch=abc", "stray spaces"],
    ["iss=http://127.0.0.1:4400/fhir&launch=", "empty launch"],
    ["iss=http://127.0.0.1:4400/fhir&iss=https://evil.example/fhir&launch=abc", "repeats"],
  ])("refuses %s (%s)", (query, why) => {
    const result = plan(query);
    expect(result.kind).toBe("refused");
    expect(result.kind === "refused" && sayProblem(result.problem)).toContain(why);
  });

  it.each(REFUSED_PARAMS.map((p) => [p]))("refuses the fhirclient override parameter %s", (name) => {
    const result = plan(`iss=http://127.0.0.1:4400/fhir&launch=abc&${name}=https://evil.example/fhir`);
    expect(result).toEqual({ kind: "refused", problem: { why: "overriding", names: [name] } });
    expect(result.kind === "refused" && sayProblem(result.problem)).toContain(`"${name}"`);
  });

  it("refuses an override parameter even without iss (fhirclient would launch against fhirServiceUrl)", () => {
    const result = plan("fhirServiceUrl=https://evil.example/fhir");
    expect(result.kind === "refused" && sayProblem(result.problem)).toContain('"fhirServiceUrl"');
  });

  it("refuses an over-long launch value", () => {
    const result = plan(`iss=http://127.0.0.1:4400/fhir&launch=${"x".repeat(10_000)}`);
    expect(result).toEqual({ kind: "refused", problem: { why: "launch-too-long", length: 10_000, max: MAX_LAUNCH_LENGTH } });
    expect(result.kind === "refused" && sayProblem(result.problem)).toContain("is 10,000 characters long, more than the 4,096");
    expect(plan(`iss=http://127.0.0.1:4400/fhir&launch=${"x".repeat(MAX_LAUNCH_LENGTH)}`).kind).toBe("ehr");
  });
});
