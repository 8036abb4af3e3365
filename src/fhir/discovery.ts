/**
 * SMART discovery (`.well-known/smart-configuration`), read through fhirclient's own in-memory cache so that
 * the read the app makes to choose its scopes and fhirclient's read inside `authorize()` are one request.
 */
import { getAndCache } from "fhirclient/lib/lib";

export interface SmartConfiguration {
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly revocation_endpoint?: string;
  readonly capabilities?: readonly string[];
  readonly code_challenge_methods_supported?: readonly string[];
}

/** The discovery URL exactly as fhirclient builds it from `iss` (the cache is keyed by it). */
export function wellKnownUrl(iss: string): string {
  return `${iss.replace(/\/*$/, "/")}.well-known/smart-configuration`;
}

/** Why the app cannot sign in at a FHIR server, as data (the launch page's words for it: src/launch/problems.ts). */
export type DiscoveryProblem =
  | { readonly why: "no-configuration"; readonly iss: string; readonly url: string; readonly status: number }
  | { readonly why: "unreachable"; readonly iss: string; readonly url: string }
  | { readonly why: "no-endpoints"; readonly iss: string }
  | { readonly why: "no-s256"; readonly iss: string }
  | { readonly why: "plain-http-token"; readonly iss: string; readonly origin: string };

export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";
  constructor(readonly problem: DiscoveryProblem) {
    super(`SMART sign-in at ${problem.iss}: ${problem.why}`);
  }
}

/** Endpoints are navigated to or posted to: plain http(s) only (a `javascript:` one would run in this page). */
export function isHttpUrl(value: unknown): value is string {
  return typeof value === "string" && /^https?:$/.test(URL.parse(value)?.protocol ?? "");
}

export async function discover(iss: string): Promise<SmartConfiguration> {
  const url = wellKnownUrl(iss);
  let json: unknown;
  try {
    json = await getAndCache(url);
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    throw new DiscoveryError(typeof status === "number" ? { why: "no-configuration", iss, url, status } : { why: "unreachable", iss, url });
  }
  const config = (json && typeof json === "object" ? json : {}) as Partial<SmartConfiguration>;
  if (!isHttpUrl(config.authorization_endpoint) || !isHttpUrl(config.token_endpoint)) {
    throw new DiscoveryError({ why: "no-endpoints", iss });
  }
  return config as SmartConfiguration;
}
