/**
 * What the launch page does with its URL: the decision is pure, so every branch is unit-tested.
 * Nothing here fetches or navigates; `main.ts` carries the plan out.
 */
import { canonicalBase, checkIss, type IssProblem } from "../config/allowList";
import { serverFor, type AppConfig, type ServerConfig } from "../config/config";

/** URL parameters fhirclient would honour over the app's own options: refused, never passed on. */
export const REFUSED_PARAMS = ["fhirServiceUrl", "clientId", "patientId", "scope", "redirectUri"] as const;

/** Launch values longer than this are refused: no EHR needs it, and the authorize URL would overflow. */
export const MAX_LAUNCH_LENGTH = 4096;

/** Why a launch link is refused, as data (the words: problems.ts, loaded only to show them). */
export type LaunchProblem =
  | IssProblem
  | { readonly why: "overriding"; readonly names: readonly string[] }
  | { readonly why: "repeated" }
  | { readonly why: "no-iss" }
  | { readonly why: "iss-spaces" }
  | { readonly why: "empty-launch" }
  | { readonly why: "launch-too-long"; readonly length: number; readonly max: number };

export type LaunchPlan =
  | { readonly kind: "ehr"; readonly iss: string; readonly launch: string; readonly server: ServerConfig | undefined }
  | { readonly kind: "standalone"; readonly iss: string; readonly server: ServerConfig | undefined }
  | { readonly kind: "landing" }
  | { readonly kind: "refused"; readonly problem: LaunchProblem };

function refused(problem: LaunchProblem): LaunchPlan {
  return { kind: "refused", problem };
}

/** Decides what to do with the launch page's query string. */
export function planLaunch(params: URLSearchParams, config: AppConfig): LaunchPlan {
  const overriding = REFUSED_PARAMS.filter((name) => params.has(name));
  if (overriding.length > 0) {
    return refused({ why: "overriding", names: overriding });
  }
  if (params.getAll("iss").length > 1 || params.getAll("launch").length > 1) {
    return refused({ why: "repeated" });
  }
  const iss = params.get("iss");
  const launch = params.get("launch");
  if (iss === null && launch === null) return { kind: "landing" };
  if (iss === null || iss === "") {
    return refused({ why: "no-iss" });
  }
  if (iss !== iss.trim()) return refused({ why: "iss-spaces" });
  const checked = checkIss(iss, config.issAllowList);
  if (!checked.ok) return refused(checked.reason);
  const server = serverFor(config, checked.url);
  // What was checked is what goes on: the normalised base (lower-case scheme and host, no default port, no trailing
  // slash), used alike for discovery (fhirclient's cache key), the authorize request's `aud` and the FHIR base.
  const base = canonicalBase(checked.url);
  if (launch === null) return { kind: "standalone", iss: base, server };
  if (launch === "") return refused({ why: "empty-launch" });
  if (launch.length > MAX_LAUNCH_LENGTH) {
    return refused({ why: "launch-too-long", length: launch.length, max: MAX_LAUNCH_LENGTH });
  }
  return { kind: "ehr", iss: base, launch, server };
}
