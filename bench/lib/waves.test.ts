import { describe, expect, it } from "vitest";
import { criticalPath, kindOf, requiredWaves, waves } from "./waves.ts";
import type { LoggedRequest } from "./servers.ts";

const APP = "http://localhost:1";
const EHR = "http://127.0.0.1:2";

function req(method: string, url: string, start: number, end: number): LoggedRequest {
  return { server: url.startsWith(APP) ? "static" : "sandbox", method, url, status: 200, start, end };
}

/** A launch as the app should make it: every wave needed, none more. */
const IDEAL: LoggedRequest[] = [
  req("GET", `${APP}/launch.html?iss=x`, 0, 1),
  req("GET", `${APP}/assets/launch.js`, 2, 3),
  req("GET", `${APP}/config.json`, 2, 3),
  req("GET", `${EHR}/fhir/.well-known/smart-configuration`, 4, 104),
  req("GET", `${EHR}/auth/authorize?x`, 105, 205),
  req("GET", `${EHR}/auth/interaction/u`, 206, 306),
  req("GET", `${APP}/index.html?code=c`, 307, 308),
  req("GET", `${APP}/assets/index.js`, 309, 310),
  req("POST", `${EHR}/auth/token`, 311, 411),
  req("OPTIONS", `${EHR}/fhir/Observation?patient=p`, 412, 512),
  req("OPTIONS", `${EHR}/fhir/Patient/p`, 412, 512),
  req("GET", `${EHR}/fhir/Observation?patient=p`, 513, 613),
  req("GET", `${EHR}/fhir/Patient/p`, 514, 614),
  req("GET", `${EHR}/fhir/Observation?_cursor=2`, 700, 800),
];

describe("waves", () => {
  it("puts requests in flight together in one wave, and dependents after", () => {
    const list = waves(IDEAL);
    expect(list.map((w) => w.requests.length)).toEqual([1, 2, 1, 1, 1, 1, 1, 1, 2, 2, 1]);
  });

  it("ends the critical path at the first Observation search, with nothing more than the SMART flow needs", () => {
    const path = criticalPath(waves(IDEAL));
    expect(path).toHaveLength(10);
    expect(requiredWaves(path)).toBe(10);
  });

  it("counts a config fetched only after the script as an extra wave", () => {
    const late = IDEAL.map((r) => (r.url.endsWith("config.json") ? { ...r, start: 3.5, end: 3.8 } : r));
    const path = criticalPath(waves(late));
    expect(path.length - requiredWaves(path)).toBe(1);
  });

  it("counts Observations waiting for the Patient read as extra waves", () => {
    const serial = IDEAL.filter((r) => !r.url.includes("/fhir/Observation?patient")).concat([
      req("OPTIONS", `${EHR}/fhir/Observation?patient=p`, 615, 715),
      req("GET", `${EHR}/fhir/Observation?patient=p`, 716, 816),
    ]);
    const path = criticalPath(waves(serial.filter((r) => !r.url.includes("_cursor"))));
    expect(path.length - requiredWaves(path)).toBe(2);
  });

  it("ends the critical path at a search by POST, one wave sooner when its preflight was made during the token's round trip", () => {
    const warmed = IDEAL.filter((r) => !r.url.includes("/fhir/Observation")).concat([
      req("OPTIONS", `${EHR}/fhir/Observation/_search`, 311.5, 400),
      req("HEAD", `${EHR}/fhir/Observation/_search`, 401, 501),
      req("POST", `${EHR}/fhir/Observation/_search`, 412, 512),
    ]);
    const path = criticalPath(waves(warmed));
    expect(path.at(-1)?.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toContain("POST /fhir/Observation/_search");
    expect(path).toHaveLength(9);
    expect(path.length - requiredWaves(path)).toBe(-1);
  });

  it("classifies requests", () => {
    expect(IDEAL.map(kindOf)).toEqual(["page", "asset", "config", "discovery", "authorize", "authorize", "page", "asset", "token", "preflight", "preflight", "fhir", "fhir", "fhir"]);
  });
});
