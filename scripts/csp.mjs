/**
 * The Content-Security-Policy of the built pages, written from config.json: `connect-src` names exactly the
 * origins the configuration lets the app call (its FHIR servers, the style hosts, and `connectOrigins` for an
 * authorization server elsewhere). Used by the build (vite-plugins.ts) and by `npm run configure`
 * (scripts/use-config.mjs), which puts another config.json into a built copy and rewrites both pages' policy.
 */

/** The directives; `connect-src` depends on the configuration. */
const FIXED = {
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "connect-src": undefined,
  "object-src": "'none'",
  "base-uri": "'self'",
  "form-action": "'self'",
};

/** `connectOrigins` entries: an http(s) origin, its port a number or `*` (a loopback sandbox on any port). */
const ORIGIN_SOURCE = /^(https?):\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}|\*))?\/?$/i;

function fail(message) {
  throw new Error(`config.json: ${message}`);
}

/** The origin of a URL from issAllowList or styleAllowList, as a CSP source. */
function originOf(entry, key) {
  const url = URL.parse(String(entry).trim());
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) fail(`${key} entry ${JSON.stringify(entry)} is not an http(s) URL.`);
  if (url.hostname.startsWith("[")) fail(`${key} entry ${JSON.stringify(entry)} names an IPv6 address, which a Content-Security-Policy cannot express; use a host name.`);
  return url.origin;
}

function originSource(entry) {
  const m = ORIGIN_SOURCE.exec(String(entry).trim());
  if (!m) fail(`connectOrigins entry ${JSON.stringify(entry)} must be an http(s) origin such as "https://auth.example.org" (a port may be "*"), with no path.`);
  const [, scheme, host, port] = m;
  return `${scheme.toLowerCase()}://${host.toLowerCase()}${port ? `:${port}` : ""}`;
}

/** The sources of `connect-src` for a parsed config.json: 'self', then each origin once, in the file's order. */
export function connectSources(config) {
  if (!config || typeof config !== "object" || !Array.isArray(config.issAllowList)) fail("issAllowList is required.");
  const list = (key) => {
    const value = config[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) fail(`${key} must be a list.`);
    return value;
  };
  const origins = [
    ...config.issAllowList.map((e) => originOf(e, "issAllowList")),
    ...list("styleAllowList").map((e) => originOf(e, "styleAllowList")),
    ...list("connectOrigins").map(originSource),
  ];
  return ["'self'", ...new Set(origins)];
}

/** The whole policy for a parsed config.json. */
export function contentSecurityPolicy(config) {
  const directives = { ...FIXED, "connect-src": connectSources(config).join(" ") };
  // (FIXED holds connect-src's place, so the directives keep their usual order.)
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join("; ");
}

/**
 * The policy's `<meta>`: inert (`name`, not `http-equiv`), put in force by each page's first script
 * (src/security/policy.ts). An `http-equiv` policy in the HTML would hold Chromium's preload scanner back until the
 * parser had applied it: the pages' first scripts were requested 30–70 ms later.
 */
const META = /<meta (?:name="content-security-policy"|http-equiv="Content-Security-Policy") content="[^"]*"\s*\/?>/i;

/**
 * `html` with its policy `<meta>` set to `policy`: replaced where there is one (a copy built with the policy in an
 * `http-equiv` meta gets the inert one too), else right after `<meta charset>`.
 */
export function withPolicy(html, policy) {
  const meta = `<meta name="content-security-policy" content="${policy.replace(/"/g, "&quot;")}" />`;
  if (META.test(html)) return html.replace(META, meta);
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  if (!charset.test(html)) fail("the page has no <meta charset>, after which the policy goes.");
  return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
}
