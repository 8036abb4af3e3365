/** URL rules of the FHIR layer: which URLs may carry the bearer token. */

/** Whether `url` is on the FHIR server: same origin, and under the FHIR base path. */
export function isOnFhirServer(url: string, serverUrl: string): boolean {
  let target: URL;
  let base: URL;
  try {
    target = new URL(url);
    base = new URL(serverUrl);
  } catch {
    return false;
  }
  if (target.origin !== base.origin || target.username || target.password) return false;
  const basePath = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
  return target.pathname === base.pathname || target.pathname.startsWith(basePath);
}

/** Resolves a link from a server (absolute, or relative as Aidbox sends) against the FHIR base. */
export function resolveOnServer(link: string, serverUrl: string): string | undefined {
  try {
    return new URL(link, serverUrl.endsWith("/") ? serverUrl : `${serverUrl}/`).href;
  } catch {
    return undefined;
  }
}

/**
 * Whether `endpoint` (a token or revocation endpoint) may be sent a token for the FHIR server at `serverUrl`:
 * over https, or over plain http only when the FHIR base itself is http (a deployer's explicit choice, such as
 * the local sandbox).
 */
export function tokenEndpointAllowed(endpoint: string, serverUrl: string): boolean {
  const protocol = URL.parse(endpoint)?.protocol;
  return protocol === "https:" || (protocol === "http:" && URL.parse(serverUrl)?.protocol === "http:");
}
