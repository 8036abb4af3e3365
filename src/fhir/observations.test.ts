import { describe, expect, it } from "vitest";
import { firstPageUrl, nextLink, readSearchPage } from "./observations";
import { isOnFhirServer } from "./urls";

const BASE = "http://127.0.0.1:4400/fhir";

function bundle(next?: string): fhir4.Bundle {
  return { resourceType: "Bundle", type: "searchset", link: next ? [{ relation: "next", url: next }] : [] };
}

describe("firstPageUrl", () => {
  it("encodes every search value, newest first, one code parameter for all codes", () => {
    const url = firstPageUrl({ patientId: "a b&c", codes: ["http://loinc.org|4548-4", "http://loinc.org|17856-6"], category: "laboratory", pageSize: 50 });
    expect(url).toBe(
      "Observation?patient=a+b%26c&code=http%3A%2F%2Floinc.org%7C4548-4%2Chttp%3A%2F%2Floinc.org%7C17856-6&category=laboratory&_sort=-date&_count=50",
    );
  });
});

describe("nextLink", () => {
  it("follows absolute links on the FHIR server", () => {
    expect(nextLink(bundle(`${BASE}/Observation?_cursor=abc`), BASE)).toEqual({ next: `${BASE}/Observation?_cursor=abc`, stop: undefined });
  });

  it("resolves relative links (Aidbox) against the FHIR base", () => {
    expect(nextLink(bundle("Observation?page=2"), BASE).next).toBe(`${BASE}/Observation?page=2`);
  });

  it("never follows a link to another origin, or outside the FHIR base", () => {
    for (const url of ["https://evil.example/fhir/Observation?page=2", "http://127.0.0.1:4401/fhir/Observation", "http://127.0.0.1:4400/admin", "http://127.0.0.1:4400/fhirx/Observation", "http://u:p@127.0.0.1:4400/fhir/x"]) {
      expect(nextLink(bundle(url), BASE), url).toEqual({ next: undefined, stop: { reason: "foreign-link", url: expect.any(String) } });
    }
  });

  it("stops on the last page", () => {
    expect(nextLink(bundle(), BASE)).toEqual({ next: undefined, stop: undefined });
  });
});

describe("readSearchPage", () => {
  it("refuses a body that is not a Bundle", () => {
    expect(() => readSearchPage(BASE, { resourceType: "Patient" }, BASE)).toThrow("something other than a Bundle");
    expect(() => readSearchPage(BASE, "<html>", BASE)).toThrow("something other than a Bundle");
  });

  it("keeps only Observations and the server's total", () => {
    const page = readSearchPage(
      BASE,
      { ...bundle(), total: 3, entry: [{ resource: { resourceType: "Observation", id: "1", status: "final", code: {} } }, { resource: { resourceType: "OperationOutcome", issue: [] } }] },
      BASE,
    );
    expect(page.observations.map((o) => o.id)).toEqual(["1"]);
    expect(page.total).toBe(3);
  });
});

describe("isOnFhirServer", () => {
  it("accepts the base and what is under it", () => {
    expect(isOnFhirServer(BASE, BASE)).toBe(true);
    expect(isOnFhirServer(`${BASE}/Patient/1`, BASE)).toBe(true);
    expect(isOnFhirServer(`${BASE}/Patient/1`, `${BASE}/`)).toBe(true);
  });
});
