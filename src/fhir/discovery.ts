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

export class DiscoveryError extends Error {
  override readonly name = "DiscoveryError";
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
    throw new DiscoveryError(
      typeof status === "number"
        ? `The FHIR server at ${iss} does not publish its SMART sign-in configuration (${url} answered HTTP ${status}). Check the server address, or ask its administrator whether it supports SMART App Launch.`
        : `The FHIR server at ${iss} could not be reached, or does not let this app read its SMART sign-in configuration (${url}). Check the address and your connection.`,
    );
  }
  const config = (json && typeof json === "object" ? json : {}) as Partial<SmartConfiguration>;
  if (!isHttpUrl(config.authorization_endpoint) || !isHttpUrl(config.token_endpoint)) {
    throw new DiscoveryError(`The FHIR server at ${iss} does not list valid authorization and token endpoints in its SMART configuration, so the app cannot sign in.`);
  }
  return config as SmartConfiguration;
}
