import { describe, expect, it } from "vitest";
import { checkIss, matchesEntry, parseFhirBase } from "./allowList";

const LIST = ["http://127.0.0.1:4400/fhir", "https://launch.example.org/", "https://ehr.example.com/api/FHIR/R4/"];

function allowed(iss: string): boolean {
  return checkIss(iss, LIST).ok;
}

describe("the iss allow-list", () => {
  it("accepts an exact entry, with or without one trailing slash", () => {
    expect(allowed("http://127.0.0.1:4400/fhir")).toBe(true);
    expect(allowed("http://127.0.0.1:4400/fhir/")).toBe(true);
  });

  it("normalizes scheme and host case and default ports", () => {
    expect(allowed("HTTP://127.0.0.1:4400/fhir")).toBe(true);
    expect(allowed("https://LAUNCH.example.ORG:443/v/r4/fhir")).toBe(true);
  });

  it("does not normalize the path's case", () => {
    expect(allowed("http://127.0.0.1:4400/FHIR")).toBe(false);
  });

  it("matches an exact entry only exactly", () => {
    expect(allowed("http://127.0.0.1:4400/fhirx")).toBe(false);
    expect(allowed("http://127.0.0.1:4400/fhir/extra")).toBe(false);
    expect(allowed("http://127.0.0.1:4400/")).toBe(false);
    expect(allowed("http://127.0.0.1:4401/fhir")).toBe(false);
    expect(allowed("https://127.0.0.1:4400/fhir")).toBe(false);
  });

  it("matches a prefix entry at path-segment boundaries only", () => {
    expect(allowed("https://launch.example.org/v/r4/fhir")).toBe(true);
    expect(allowed("https://ehr.example.com/api/FHIR/R4/")).toBe(true);
    expect(allowed("https://ehr.example.com/api/FHIR/R4")).toBe(true);
    expect(allowed("https://ehr.example.com/api/FHIR/R4x")).toBe(false);
    expect(allowed("https://ehr.example.com/api/FHIR/")).toBe(false);
  });

  it("refuses look-alike hosts", () => {
    expect(allowed("https://launch.example.org.evil.test/")).toBe(false);
    expect(allowed("https://launch.example.org.evil.test/v/r4/fhir")).toBe(false);
    expect(allowed("https://evil.test/launch.example.org/")).toBe(false);
    expect(allowed("https://xlaunch.example.org/")).toBe(false);
  });

  it("resolves dot segments before matching, so they cannot climb out of a prefix", () => {
    expect(allowed("https://launch.example.org/v/../fhir")).toBe(true);
    expect(allowed("http://127.0.0.1:4400/fhir/../admin")).toBe(false);
    expect(allowed("https://ehr.example.com/api/FHIR/R4/%2e%2e/secret")).toBe(false);
  });

  it("refuses non-http schemes, credentials, fragments, queries and garbage", () => {
    for (const bad of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "ftp://127.0.0.1:4400/fhir",
      "http://user:pass@127.0.0.1:4400/fhir",
      "http://evil@127.0.0.1:4400/fhir",
      "http://127.0.0.1:4400/fhir#x",
      "http://127.0.0.1:4400/fhir?x=1",
      "//127.0.0.1:4400/fhir",
      "not a url",
      "",
    ]) {
      expect(allowed(bad), bad).toBe(false);
    }
  });

  it("says why it refuses, as data the launch page words (src/launch/problems.test.ts)", () => {
    const result = checkIss("https://evil.example/fhir", LIST);
    expect(result).toEqual({ ok: false, reason: { why: "not-allowed", address: "https://evil.example/fhir" } });
    const scheme = parseFhirBase("javascript:alert(1)");
    expect(scheme).toEqual({ ok: false, reason: { why: "scheme", scheme: "javascript:" } });
  });

  it("ignores malformed allow-list entries instead of matching everything", () => {
    expect(matchesEntry(new URL("http://127.0.0.1:4400/fhir"), "")).toBe(false);
    expect(matchesEntry(new URL("http://127.0.0.1:4400/fhir"), "*")).toBe(false);
  });
});
