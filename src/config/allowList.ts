/**
 * The `iss` allow-list (rules in docs/configuration.md): an entry is an exact FHIR base, or a prefix ending
 * in `/`. Scheme and host compare case-insensitively, default ports are dropped, an exact entry ignores one
 * trailing slash, and a prefix matches only at a path-segment boundary. Nothing is fetched or navigated to for
 * an `iss` that does not match.
 */

/**
 * Why an address is refused, as data: the words are the launch page's (src/launch/problems.ts), loaded only to show
 * them, in the reader's language.
 */
export type IssProblem =
  | { readonly why: "no-address" }
  | { readonly why: "too-long" }
  | { readonly why: "not-url"; readonly address: string }
  | { readonly why: "scheme"; readonly scheme: string }
  | { readonly why: "credentials" }
  | { readonly why: "fragment" }
  | { readonly why: "query" }
  | { readonly why: "not-allowed"; readonly address: string };

export type IssCheck = { ok: true; url: URL } | { ok: false; reason: IssProblem };

/** Parses a FHIR base URL given by an EHR or a user; refuses anything but a plain http(s) URL. */
export function parseFhirBase(value: string | null | undefined): IssCheck {
  const text = (value ?? "").trim();
  if (!text) return { ok: false, reason: { why: "no-address" } };
  if (text.length > 2048) return { ok: false, reason: { why: "too-long" } };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: { why: "not-url", address: text } };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, reason: { why: "scheme", scheme: url.protocol } };
  }
  if (url.username || url.password) return { ok: false, reason: { why: "credentials" } };
  if (url.hash || text.includes("#")) return { ok: false, reason: { why: "fragment" } };
  if (url.search || text.includes("?")) return { ok: false, reason: { why: "query" } };
  return { ok: true, url };
}

function withoutTrailingSlash(path: string): string {
  return path.endsWith("/") && path.length > 1 ? path.slice(0, -1) : path;
}

/** Whether `iss` (already parsed) matches one allow-list entry. */
export function matchesEntry(iss: URL, entry: string): boolean {
  const parsed = parseFhirBase(entry);
  if (!parsed.ok) return false;
  const allowed = parsed.url;
  if (allowed.origin !== iss.origin) return false;
  if (entry.trim().endsWith("/")) {
    // A prefix: iss must be below it, at a path-segment boundary (the prefix ends in "/").
    return iss.pathname.startsWith(allowed.pathname) || `${iss.pathname}/` === allowed.pathname;
  }
  return withoutTrailingSlash(iss.pathname) === withoutTrailingSlash(allowed.pathname);
}

/** Checks `value` against the allow-list; on success returns the parsed URL. */
export function checkIss(value: string | null | undefined, allowList: readonly string[]): IssCheck {
  const parsed = parseFhirBase(value);
  if (!parsed.ok) return parsed;
  if (!allowList.some((entry) => matchesEntry(parsed.url, entry))) {
    return { ok: false, reason: { why: "not-allowed", address: `${parsed.url.origin}${parsed.url.pathname}` } };
  }
  return parsed;
}

/** A canonical form of a FHIR base for comparisons: lower-case scheme and host, no default port, no trailing slash. */
export function canonicalBase(url: URL): string {
  return `${url.origin}${withoutTrailingSlash(url.pathname)}`;
}
