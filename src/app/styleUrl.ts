/** Where the EHR's `smart_style_url` may come from: checked before anything is fetched. Pure. */

/** A style URL the app may fetch: http(s) on the FHIR server's origin, or on an allow-listed one. */
export function styleUrlAllowed(styleUrl: string, serverUrl: string, allowList: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(styleUrl);
  } catch {
    return false;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) return false;
  const origins = [serverUrl, ...allowList].map((u) => {
    try {
      return new URL(u).origin;
    } catch {
      return undefined;
    }
  });
  return origins.includes(url.origin);
}
