/**
 * One FHIR base over HTTP: discovery, CapabilityStatement, and the token-checked API with the launch's
 * simulated errors applied. Also the open endpoint, which needs no token.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthServer } from "../auth/authServer.ts";
import { faultStage } from "../faultCatalog.ts";
import { FHIR_JSON_TYPE, OPEN_CORS, RequestError, isForm, readText, sendJson } from "../http.ts";
import type { FhirApi } from "./api.ts";
import { OPEN_ACCESS, accessFor } from "./access.ts";
import { capabilityStatement, smartConfiguration, type DiscoveryInput } from "./discovery.ts";
import { FaultInjector, type Served } from "./faultInjection.ts";
import { FhirError, unauthorized } from "./outcome.ts";
import { DEFAULT_COUNT } from "./search.ts";

const CACHEABLE = { ...OPEN_CORS, "Cache-Control": "public, max-age=3600" };
const NO_STORE = { ...OPEN_CORS, "Cache-Control": "no-store" };

function send(res: ServerResponse, served: Served, headers: Record<string, string>): void {
  if ("raw" in served) {
    res.writeHead(served.status, { "Content-Type": FHIR_JSON_TYPE, "Content-Length": Buffer.byteLength(served.raw), ...headers });
    return void res.end(served.raw);
  }
  sendJson(res, served.status, served.body, headers, FHIR_JSON_TYPE);
}

function readOnly(req: IncomingMessage): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    throw new FhirError(405, "not-supported", `${req.method} is not supported: this FHIR API is read-only.`);
  }
}

/** A search, read whichever way it was sent: what is searched and its parameters. */
interface SearchRequest {
  readonly path: string;
  readonly params: URLSearchParams;
  /** The search as one string, the same for either way of sending it: the path and its query. */
  readonly key: string;
}

/**
 * FHIR R4 search by POST (http.html#search): `POST [type]/_search` with the parameters as a form body, and any in
 * the URL too (both count). Every other request is read-only, as readOnly() says.
 */
async function searchRequest(req: IncomingMessage, url: URL, path: string): Promise<SearchRequest> {
  if (req.method !== "POST" || !path.endsWith("/_search")) {
    readOnly(req);
    return { path, params: url.searchParams, key: `${path}${url.search}` };
  }
  if (!isForm(req)) throw new FhirError(415, "not-supported", "A search by POST needs its parameters as application/x-www-form-urlencoded.");
  let body: string;
  try {
    body = await readText(req);
  } catch (error) {
    if (error instanceof RequestError) throw new FhirError(error.status, "too-costly", error.message);
    throw error;
  }
  const params = new URLSearchParams(url.searchParams);
  for (const [name, value] of new URLSearchParams(body)) params.append(name, value);
  const query = params.toString();
  const type = path.slice(0, -"/_search".length);
  return { path: type, params, key: `${type}${query ? `?${query}` : ""}` };
}

export class FhirEndpoint {
  readonly #discovery: Record<string, unknown>;
  readonly #capabilities: fhir4.CapabilityStatement;
  readonly #faults: FaultInjector;

  constructor(
    readonly auth: AuthServer,
    readonly api: FhirApi,
    discovery: DiscoveryInput,
    foreignOrigin: () => string,
    slowMs?: number,
  ) {
    this.#discovery = smartConfiguration(discovery);
    this.#capabilities = capabilityStatement(discovery);
    this.#faults = new FaultInjector(api, foreignOrigin, (grantId) => auth.revokeGrant(grantId), slowMs);
  }

  /** `path` is relative to the FHIR base (`/Observation`, `/metadata`, …). */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    if (path === "/.well-known/smart-configuration") return sendJson(res, 200, this.#discovery, CACHEABLE);
    if (path === "/metadata") return sendJson(res, 200, this.#capabilities, CACHEABLE, FHIR_JSON_TYPE);
    const search = await searchRequest(req, url, path);
    const authorization = req.headers.authorization ?? "";
    const bearer = /^Bearer\s+([\x21-\x7e]+)$/i.exec(authorization)?.[1];
    if (!bearer) {
      throw authorization
        ? unauthorized("The Authorization header must be 'Bearer <token>'.", "invalid_request")
        : unauthorized("This request needs a bearer token.", "invalid_token");
    }
    const check = await this.auth.checkAccessToken(bearer);
    if (!check.ok) throw unauthorized(check.reason, check.error);
    const { grant } = check;
    const fault = grant.context?.error;
    const target = { grantId: grant.grantId ?? bearer, key: search.key, isObservationSearch: search.path === "/Observation" };
    const stage = faultStage(fault);
    if (fault && (stage === "fhir" || stage === "search")) await this.#faults.before(fault, target);
    const response = await this.api.get(search.path, capCount(search.params, grant.context?.maxCount), accessFor(grant.scope, grant.context?.patient, grant.accountId));
    send(res, fault && (stage === "search" || stage === "fhir") ? await this.#faults.after(fault, target, response) : response, NO_STORE);
  }
}

/**
 * A search's parameters under a launch's `max_count`: a larger (or absent) `_count` becomes the cap, as a server
 * whose pages are smaller than asked sends fewer results, with a `next` link.
 */
function capCount(params: URLSearchParams, maxCount: number | undefined): URLSearchParams {
  if (maxCount === undefined) return params;
  const asked = Number(params.get("_count") ?? DEFAULT_COUNT);
  if (!(asked > maxCount)) return params;
  const capped = new URLSearchParams(params);
  capped.set("_count", String(maxCount));
  return capped;
}

/** Marks every open-endpoint response: no authorization was checked. */
export const OPEN_ENDPOINT_HEADER = { "X-Sandbox-Open-Endpoint": "no authorization checked; sandbox data only; read-only" };

/**
 * The open, read-only FHIR endpoint (seed 003's `open-fhir`): everything readable without a token. Browsers
 * reach it only from the sandbox's own origin or a loopback app (guard.ts), so it sends no CORS headers itself.
 */
export class OpenFhirEndpoint {
  constructor(readonly api: FhirApi) {}

  async handle(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    readOnly(req);
    const response = await this.api.get(path, url.searchParams, OPEN_ACCESS);
    const body = response.body.resourceType === "Bundle"
      ? { ...response.body, meta: { tag: [{ system: "urn:lab-graph:sandbox", code: "open-endpoint", display: "Served without authorization (sandbox open endpoint)" }] } }
      : response.body;
    sendJson(res, response.status, body, { "Cache-Control": "no-store", ...OPEN_ENDPOINT_HEADER }, FHIR_JSON_TYPE);
  }
}
