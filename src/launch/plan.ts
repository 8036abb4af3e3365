/**
 * What the launch page does with its URL: the decision is pure, so every branch is unit-tested.
 * Nothing here fetches or navigates; `main.ts` carries the plan out.
 */
import { canonicalBase, checkIss } from "../config/allowList";
import { serverFor, type AppConfig, type ServerConfig } from "../config/config";

/** URL parameters fhirclient would honour over the app's own options: refused, never passed on. */
export const REFUSED_PARAMS = ["fhirServiceUrl", "clientId", "patientId", "scope", "redirectUri"] as const;

/** Launch values longer than this are refused: no EHR needs it, and the authorize URL would overflow. */
export const MAX_LAUNCH_LENGTH = 4096;

export type LaunchPlan =
  | { readonly kind: "ehr"; readonly iss: string; readonly launch: string; readonly server: ServerConfig | undefined }
  | { readonly kind: "standalone"; readonly iss: string; readonly server: ServerConfig | undefined }
  | { readonly kind: "landing" }
  | { readonly kind: "refused"; readonly message: string };

function refused(message: string): LaunchPlan {
  return { kind: "refused", message };
}

/** Decides what to do with the launch page's query string. */
export function planLaunch(params: URLSearchParams, config: AppConfig): LaunchPlan {
  const overriding = REFUSED_PARAMS.filter((name) => params.has(name));
  if (overriding.length > 0) {
    return refused(
      `This launch link carries ${overriding.map((n) => `"${n}"`).join(", ")}, which this app does not accept: its settings come only from its own configuration. Launch the app again from your EHR, or ask the EHR's administrator to fix the launch link.`,
    );
  }
  if (params.getAll("iss").length > 1 || params.getAll("launch").length > 1) {
    return refused("This launch link repeats the iss or launch parameter. Launch the app again from your EHR.");
  }
  const iss = params.get("iss");
  const launch = params.get("launch");
  if (iss === null && launch === null) return { kind: "landing" };
  if (iss === null || iss === "") {
    return refused("The EHR did not say which FHIR server to connect to (the launch link has no iss). Launch the app again from your EHR.");
  }
  if (iss !== iss.trim()) return refused("The FHIR server address (iss) has stray spaces. Launch the app again from your EHR.");
  const checked = checkIss(iss, config.issAllowList);
  if (!checked.ok) return refused(checked.reason);
  const server = serverFor(config, checked.url);
  // What was checked is what goes on: the normalised base (lower-case scheme and host, no default port, no trailing
  // slash), used alike for discovery (fhirclient's cache key), the authorize request's `aud` and the FHIR base.
  const base = canonicalBase(checked.url);
  if (launch === null) return { kind: "standalone", iss: base, server };
  if (launch === "") return refused("The EHR sent an empty launch parameter. Launch the app again from your EHR.");
  if (launch.length > MAX_LAUNCH_LENGTH) {
    return refused(`The launch parameter is ${launch.length} characters long, more than the ${MAX_LAUNCH_LENGTH} this app accepts. Launch the app again from your EHR.`);
  }
  return { kind: "ehr", iss: base, launch, server };
}
