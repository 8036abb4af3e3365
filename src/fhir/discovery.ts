/**
 * SMART discovery (`.well-known/smart-configuration`), read through fhirclient's own in-memory cache so that
 * the read the app makes to choose its scopes and fhirclient's read inside `authorize()` are one request.
 */
import { getAndCache } from "fhirclient/lib/lib";

export interface SmartConfiguration {
  readonly authorization_endpoint?: string;
  readonly token_endpoint?: string;
  readonly revocation_endpoint?: string;
  readonly capabilities?: readonly string[];
  readonly code_challenge_methods_supported?: readonly string[];
  readonly scopes_supported?: readonly string[];
}

/** The discovery URL exactly as fhirclient builds it from `iss` (the cache is keyed by it). */
export function wellKnownUrl(iss: string): string {
  return `${iss.replace(/\/*$/, "/")}.well-known/smart-configuration`;
}

export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";
}

export async function discover(iss: string): Promise<SmartConfiguration> {
  let json: unknown;
  try {
    json = await getAndCache(wellKnownUrl(iss));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DiscoveryError(`The FHIR server at ${iss} did not describe its sign-in service (SMART configuration): ${detail}`);
  }
  if (!json || typeof json !== "object") {
    throw new DiscoveryError(`The FHIR server at ${iss} returned an unreadable SMART configuration.`);
  }
  const config = json as SmartConfiguration;
  if (!config.authorization_endpoint || !config.token_endpoint) {
    throw new DiscoveryError(`The FHIR server at ${iss} does not list its authorization and token endpoints, so the app cannot sign in.`);
  }
  return config;
}
