/**
 * Fuzzing the sandbox's endpoints over HTTP: arbitrary methods, paths, queries, headers and bodies never crash
 * the process or produce a 500, and every error is an OperationOutcome, an OAuth error JSON (or, for the
 * get-launch-uri call, Aidbox's error object), or a page for a browser.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { mintToken } from "./client.ts";
import { useSandbox } from "./useSandbox.ts";

const sandbox = useSandbox();
let token: string;

beforeAll(async () => {
  token = await mintToken(sandbox.origin, { scope: "user/*.rs patient/*.rs", patient: "hba1c-long" });
});

const PREFIXES = ["/fhir", "/v1/fhir", "/seeds/000/fhir", "/open-fhir", "/auth", "/seeds/001/auth", "/launch", "/ehr", "/rpc", "/Client", "/debug", "/auth/debug", "/styles", "/"];
const SEGMENTS = ["Observation", "Patient", "Encounter", "Practitioner", "metadata", ".well-known", "smart-configuration", "token", "authorize", "register", "introspect", "revoke", "userinfo", "interaction", "token", "introspect", "..", "%2e%2e", "hba1c-long", "%00", "é", "a".repeat(300)];
const KEYS = ["patient", "subject", "code", "category", "date", "status", "_sort", "_sort:desc", "_count", "_summary", "_total", "_cursor", "_id", "name", "app", "error", "lifetime", "fhir", "encounter", "token", "client_id", "scope", "redirect_uri", "response_type", "launch", "style", "banner"];

const segment = fc.oneof(fc.constantFrom(...SEGMENTS), fc.string({ maxLength: 12 }).map(encodeURIComponent));
const path = fc.tuple(fc.constantFrom(...PREFIXES), fc.array(segment, { maxLength: 4 })).map(([prefix, rest]) => `${prefix.replace(/\/$/, "")}/${rest.join("/")}`.replace(/\/$/, "") || "/");
const value = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("ge2020", "le", "http://loinc.org|4548-4", "-date", "count", "1e9", "-1", "latest", "fhir_500", "hba1c-long", "v1", ""));
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), value), { maxLength: 5 });
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom(...KEYS, "grant_type", "code", "refresh_token", "method", "params", "redirect_uris", "auth"), fc.jsonValue({ maxDepth: 2 })).map((o) => JSON.stringify(o)),
);
const request = fc.record({
  method: fc.constantFrom("GET", "GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD"),
  path,
  query,
  body,
  contentType: fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "application/fhir+json", undefined),
  authorization: fc.oneof(fc.constant(undefined), fc.constant("valid"), fc.string({ maxLength: 30 }).map((s) => `Bearer ${s}`), fc.string({ maxLength: 30 })),
  accept: fc.constantFrom("application/json", "text/html", "*/*", undefined),
});

function isAcceptableError(path: string, type: string, text: string): boolean {
  if (type.startsWith("text/html")) return text.startsWith("<!doctype html>");
  const body = JSON.parse(text) as Record<string, unknown>;
  if (body.resourceType === "OperationOutcome") return Array.isArray(body.issue) && body.issue.length > 0;
  if (typeof body.error === "string") return typeof body.error_description === "string" || body.error === "not_found";
  return path === "/rpc" && typeof (body.error as { message?: unknown } | undefined)?.message === "string";
}

describe("fuzzed requests", () => {
  it("never crash the sandbox, never answer 500, and every error has a known shape", async () => {
    const unexpected: string[] = [];
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const url = `${sandbox.origin}${r.path}${r.query.length ? `?${new URLSearchParams(r.query)}` : ""}`;
        const headers: Record<string, string> = {};
        if (r.contentType) headers["content-type"] = r.contentType;
        if (r.accept) headers.accept = r.accept;
        if (r.authorization) headers.authorization = r.authorization === "valid" ? `Bearer ${token}` : r.authorization;
        const hasBody = r.body !== undefined && r.method !== "GET" && r.method !== "HEAD";
        const response = await fetch(url, { method: r.method, headers, body: hasBody ? r.body : undefined, redirect: "manual" });
        const text = await response.text();
        const type = response.headers.get("content-type") ?? "";
        const description = `${r.method} ${url} → ${response.status} ${type} ${text.slice(0, 160)}`;
        expect(response.status, description).toBeLessThan(500);
        if (response.status >= 400 && r.method !== "HEAD") {
          let ok: boolean;
          try {
            ok = isAcceptableError(new URL(url).pathname, type, text);
          } catch {
            ok = false;
          }
          if (!ok) unexpected.push(description);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? 20260401) },
    );
    expect(unexpected).toEqual([]);
    expect((await fetch(`${sandbox.fhirBase}/metadata`)).status).toBe(200);
  });

  it("random Observation searches with a valid token answer 200 or 400/403, never 500", async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const response = await fetch(`${sandbox.fhirBase}/Observation?${new URLSearchParams([["patient", "hba1c-long"], ...q])}`, { headers: { authorization: `Bearer ${token}` } });
        const body = (await response.json()) as fhir4.Resource;
        expect([200, 400, 403]).toContain(response.status);
        expect(body.resourceType).toBe(response.status === 200 ? "Bundle" : "OperationOutcome");
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
