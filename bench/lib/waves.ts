/**
 * Request waves: how many round trips happen one after another. A request belongs to the wave after the
 * latest wave among the requests that had fully answered before it arrived (it could have depended on
 * them); requests in flight together share a wave. Pure, unit-tested.
 */
import type { LoggedRequest } from "./servers.ts";

/** Small slack for the time between a response being sent and the dependent request arriving. */
const EPSILON_MS = 0.5;

export interface Wave {
  readonly index: number;
  readonly requests: readonly LoggedRequest[];
}

export function waves(requests: readonly LoggedRequest[]): Wave[] {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const level = new Map<LoggedRequest, number>();
  for (const r of sorted) {
    let depth = 0;
    for (const earlier of sorted) {
      if (earlier === r) break;
      if (earlier.end <= r.start + EPSILON_MS) depth = Math.max(depth, level.get(earlier) ?? 0);
    }
    level.set(r, depth + 1);
  }
  const byWave = new Map<number, LoggedRequest[]>();
  for (const r of sorted) {
    const w = level.get(r)!;
    byWave.set(w, [...(byWave.get(w) ?? []), r]);
  }
  return [...byWave.entries()].sort(([a], [b]) => a - b).map(([index, list]) => ({ index, requests: list }));
}

export type RequestKind = "page" | "asset" | "config" | "discovery" | "authorize" | "token" | "preflight" | "fhir" | "style" | "other";

export function kindOf(r: LoggedRequest): RequestKind {
  const url = new URL(r.url);
  const path = url.pathname;
  if (r.method === "OPTIONS") return "preflight";
  if (r.server === "static") {
    if (path.endsWith(".html") || path.endsWith("/")) return "page";
    if (path.endsWith("config.json")) return "config";
    return "asset";
  }
  if (path.endsWith("/.well-known/smart-configuration") || path.endsWith("/metadata")) return "discovery";
  if (path.includes("/auth/token")) return "token";
  if (path.includes("/auth/")) return "authorize";
  if (path.includes("/styles/")) return "style";
  if (path.includes("/fhir/")) return "fhir";
  return "other";
}

/**
 * The waves the SMART flow itself needs before the first point can be drawn: the launch page, its scripts,
 * discovery, the authorization server's redirects (however many it makes), the graph page, its scripts, the
 * token, the CORS preflight of the first FHIR reads, and those reads (Patient and the first Observation page
 * together). Anything more on the critical path is the app's doing; one wave fewer is a preflight made during the
 * token's round trip (a search by POST, whose URL names no patient).
 */
export function requiredWaves(list: readonly Wave[]): number {
  const authorizeWaves = list.filter((w) => w.requests.some((r) => kindOf(r) === "authorize")).length;
  return 8 + authorizeWaves;
}

/** An Observation search: a GET of `[base]/Observation`, or a search by POST to `[base]/Observation/_search`. */
export function isObservationSearch(r: LoggedRequest): boolean {
  if (kindOf(r) !== "fhir") return false;
  const path = new URL(r.url).pathname;
  return (r.method === "GET" && path.endsWith("/Observation")) || (r.method === "POST" && path.endsWith("/Observation/_search"));
}

/** The waves up to and including the one holding the first Observation search (what the first point needs). */
export function criticalPath(list: readonly Wave[]): Wave[] {
  const end = list.findIndex((w) => w.requests.some(isObservationSearch));
  return end < 0 ? [...list] : list.slice(0, end + 1);
}
