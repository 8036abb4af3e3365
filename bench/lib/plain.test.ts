import { describe, expect, it } from "vitest";
import { median, runTimes, spread, traceLines } from "./plain.ts";
import type { LoggedRequest } from "./servers.ts";

const APP = "http://localhost:1";
const EHR = "http://127.0.0.1:2";

function req(method: string, url: string, start: number, end: number): LoggedRequest {
  return { server: url.startsWith(APP) ? "static" : "sandbox", method, url, status: 200, start, end };
}

const RUN = {
  start: 1000,
  marks: { firstPoint: 1500, allPoints: 1700 },
  requests: [
    req("GET", `${APP}/launch.html?iss=x`, 1001, 1002),
    req("OPTIONS", `${EHR}/fhir/Observation?patient=p`, 1300, 1350),
    req("GET", `${EHR}/fhir/Observation?patient=p`, 1351, 1400),
    req("GET", `${EHR}/fhir/Patient/p`, 1351, 1420),
    req("GET", `${EHR}/fhir/Observation?_cursor=2`, 1450, 1600),
    // Another lab, searched after every point was drawn: not what the chart waited for.
    req("GET", `${EHR}/fhir/Observation?code=other`, 1800, 1900),
  ],
};

describe("plain comparison", () => {
  it("times a run from its start: last Observation search response, first point, all points", () => {
    expect(runTimes(RUN)).toEqual({ lastResult: 600, firstPoint: 500, allPoints: 700 });
  });

  it("counts a first page searched by POST as an Observation search, and nothing else at that URL", () => {
    const byPost = { ...RUN, requests: [RUN.requests[0]!, req("HEAD", `${EHR}/fhir/Observation/_search`, 1100, 1650), req("POST", `${EHR}/fhir/Observation/_search`, 1300, 1450)] };
    expect(runTimes(byPost).lastResult).toBe(450);
  });

  it("has no last result when no Observation search was seen", () => {
    expect(runTimes({ ...RUN, requests: RUN.requests.slice(0, 1) }).lastResult).toBeNaN();
  });

  it("takes medians and spreads", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spread([5, 1, 3])).toEqual({ min: 1, max: 5 });
  });

  it("prints each wave's requests with their times from the run's start", () => {
    const lines = traceLines(RUN);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe("  wave  3: GET fhir fhir/Observation?… 351–400 | GET fhir fhir/Patient/p 351–420");
  });
});
