/**
 * Seed 003's debug tools, for tests and scripts (never found on a real server): minting a token for a client,
 * patient and scope; looking a token up; a page that shows a token's decoded claims and what the servers know
 * of it; and what reached the foreign-origin listener. Browsers reach them only from the sandbox's own origin
 * or a loopback app (guard.ts), so these answers carry no CORS headers of their own.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthServer } from "./auth/authServer.ts";
import type { LaunchCodec } from "./auth/launch.ts";
import { oauthError } from "./auth/requests.ts";
import { isFaultName } from "./faultCatalog.ts";
import type { FhirStore } from "./fhir/store.ts";
import type { ForeignListener } from "./foreign.ts";
import { MAX_LIFETIME, userReference } from "./ehr/launchOptions.ts";
import { RequestError, escapeHtml, isJson, parseJsonObject, readText, sendHtml, sendJson } from "./http.ts";

export interface DebugDeps {
  readonly servers: readonly { readonly authPath: string; readonly auth: AuthServer }[];
  readonly store: FhirStore;
  readonly launches: LaunchCodec;
  readonly foreign: ForeignListener;
}

const NO_STORE = { "Cache-Control": "no-store" };

/** Serves a debug route, or returns false when `path` is not one. */
export async function handleDebug(req: IncomingMessage, res: ServerResponse, url: URL, deps: DebugDeps): Promise<boolean> {
  const path = url.pathname;
  if (path === "/debug/foreign-requests" && req.method === "GET") {
    sendJson(res, 200, { origin: deps.foreign.origin, requests: deps.foreign.requests }, NO_STORE);
    return true;
  }
  if (path === "/debug" && (req.method === "GET" || req.method === "POST")) {
    const token = req.method === "POST" ? (new URLSearchParams(await readText(req, 16 * 1024)).get("token") ?? "").trim() : "";
    sendHtml(res, 200, await debugPage(token, deps));
    return true;
  }
  const server = deps.servers.find((s) => path.startsWith(`${s.authPath}/debug/`));
  if (!server) return false;
  try {
    if (path === `${server.authPath}/debug/token` && req.method === "POST") {
      // A page may send text/plain to any origin without asking first; JSON makes the browser ask (a preflight).
      if (!isJson(req)) throw new RequestError(415, "invalid_request", "The debug mint takes a JSON body: send it with Content-Type: application/json.");
      sendJson(res, 200, await mint(server.auth, parseJsonObject(await readText(req)), deps.store), NO_STORE);
    } else if (path === `${server.authPath}/debug/introspect` && req.method === "GET") {
      const token = url.searchParams.get("token");
      if (!token) throw new RequestError(400, "invalid_request", "Give the token to look up as ?token=…");
      sendJson(res, 200, await server.auth.inspect(token), NO_STORE);
    } else {
      throw new RequestError(404, "invalid_request", `Nothing is served at ${req.method} ${path}; try POST ${server.authPath}/debug/token or GET ${server.authPath}/debug/introspect?token=…`);
    }
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    oauthError(res, error.status, error.error, error.message);
  }
  return true;
}

/** Seed 003's request: client_id, access_lifetime, approval_expires, scope, username (or user_name), patient_id; plus error. */
async function mint(auth: AuthServer, body: Record<string, unknown>, store: FhirStore): Promise<Record<string, unknown>> {
  const text = (key: string) => (typeof body[key] === "string" && body[key] !== "" ? (body[key] as string) : undefined);
  const clientId = text("client_id");
  if (!clientId) throw new RequestError(400, "invalid_request", "client_id is required.");
  const scope = text("scope") ?? auth.clientSettings(clientId)?.smartScope;
  if (!scope) throw new RequestError(400, "invalid_scope", "scope is required (the client registered none to default to).");
  const patient = text("patient_id");
  if (patient !== undefined && !store.read("Patient", patient)) throw new RequestError(400, "invalid_request", `There is no patient "${patient}".`);
  const user = userOf(text("username") ?? text("user_name"), store);
  const lifetime = body.access_lifetime;
  if (lifetime !== undefined && (typeof lifetime !== "number" || !Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_LIFETIME)) {
    throw new RequestError(400, "invalid_request", `access_lifetime must be a whole number of seconds from 1 to ${MAX_LIFETIME}.`);
  }
  const approval = body.approval_expires;
  if (approval !== undefined && (typeof approval !== "number" || approval * 1000 <= Date.now())) {
    throw new RequestError(400, "invalid_request", "approval_expires must be a Unix time (seconds) in the future.");
  }
  const error = body.error;
  if (error !== undefined && !isFaultName(error)) throw new RequestError(400, "invalid_request", `error must be one of the simulated errors, not ${JSON.stringify(error)}.`);
  return auth.mintToken({ clientId, scope, user, patient, lifetime, error, refreshExpiresAt: approval });
}

function userOf(value: string | undefined, store: FhirStore): string {
  if (value === undefined) return "Practitioner/prac-1";
  const user = userReference(value, store);
  if (!user) throw new RequestError(400, "invalid_request", `There is no user "${value}" (a Practitioner or Patient id) in this sandbox.`);
  return user;
}

function decodeJwt(token: string): { header: unknown; payload: unknown } | undefined {
  const parts = token.split(".");
  if (parts.length !== 3) return undefined;
  try {
    const part = (s: string) => JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as unknown;
    return { header: part(parts[0]!), payload: part(parts[1]!) };
  } catch {
    return undefined;
  }
}

async function debugPage(token: string, deps: DebugDeps): Promise<string> {
  let results = "";
  if (token) {
    const jwt = decodeJwt(token);
    const launch = jwt ? await deps.launches.read(token) : undefined;
    const known = [];
    for (const { auth } of deps.servers) {
      const info = await auth.inspect(token);
      if (info.token_kind) known.push(info);
    }
    const json = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;
    results = `<section aria-labelledby="decoded"><h2 id="decoded">Decoded</h2>${
      jwt
        ? `<p>A JWT${launch?.ok ? ", a launch value signed by this EHR" : launch ? ` (not a valid launch value: ${escapeHtml(launch.reason)})` : ""}. Signatures of other JWTs are not checked here.</p><h3>Header</h3>${json(jwt.header)}<h3>Claims</h3>${json(jwt.payload)}`
        : "<p>Not a JWT: this sandbox's access and refresh tokens are opaque; their claims are what the server stores, below.</p>"
    }</section>
<section aria-labelledby="introspection"><h2 id="introspection">Introspection</h2>${known.length > 0 ? known.map(json).join("") : json({ active: false, reason: "No authorization server of this sandbox issued this value." })}</section>`;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Token debugger · Sandbox EHR</title><link rel="stylesheet" href="/ehr.css"></head>
<body><header class="ehr-bar"><a href="/">Sandbox EHR</a><span>Token debugger</span></header><main class="narrow"><h1>Token debugger</h1>
<form method="post" action="/debug"><label for="token">Access token, refresh token, id_token or launch value</label>
<textarea id="token" name="token" rows="4" required>${escapeHtml(token)}</textarea><button type="submit">Inspect</button></form>
${results}</main></body></html>`;
}
