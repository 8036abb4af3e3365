/**
 * Seed 002's Aidbox calls: `PUT /Client/{id}` (a SMART app client, public or confidential) and
 * `POST /rpc` `aidbox.smart/get-launch-uri`, request and response in the seed's exact shape. Browsers reach them
 * only from the sandbox's own origin or a loopback app (guard.ts), so these answers carry no CORS headers of
 * their own.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthServer } from "./auth/authServer.ts";
import type { LaunchCodec } from "./auth/launch.ts";
import { APP_CLIENT_ID } from "./auth/clients.ts";
import { isFaultName } from "./faultCatalog.ts";
import { MAX_LIFETIME, userReference } from "./ehr/launchOptions.ts";
import type { FhirStore } from "./fhir/store.ts";
import { badRequest, FhirError } from "./fhir/outcome.ts";
import { FHIR_JSON_TYPE, RequestError, readText, sendJson } from "./http.ts";

export interface AidboxDeps {
  readonly store: FhirStore;
  readonly launches: LaunchCodec;
  /** The server clients are created at (Aidbox's role: `/auth`, `/fhir`). */
  readonly auth: AuthServer;
  /** Authorization server of the FHIR base `iss`, if it is one of the sandbox's. */
  readonly authFor: (iss: string) => AuthServer | undefined;
  readonly appLaunchUrl: string;
}

interface AidboxClient {
  readonly id?: unknown;
  readonly active?: unknown;
  readonly secret?: unknown;
  readonly auth?: { readonly authorization_code?: Record<string, unknown> };
  readonly smart?: { readonly launch_uri?: unknown };
  readonly type?: unknown;
  readonly grant_types?: unknown;
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  try {
    return JSON.parse(await readText(req)) as unknown;
  } catch (error) {
    if (error instanceof RequestError) throw new FhirError(413, "too-costly", error.message);
    throw badRequest("The request body must be JSON.");
  }
}

/** `PUT /Client/{id}`: creates or replaces a client at the Aidbox-role server. Answers the stored Client. */
export async function putClient(req: IncomingMessage, res: ServerResponse, id: string, deps: AidboxDeps): Promise<void> {
  if (!/^[A-Za-z0-9\-._~]{1,100}$/.test(id)) throw badRequest(`'${id}' is not a valid client id.`);
  const body = (await jsonBody(req)) as AidboxClient | null;
  if (!body || typeof body !== "object" || Array.isArray(body)) throw badRequest("The body must be a Client resource (a JSON object).");
  if (body.id !== undefined && body.id !== id) throw badRequest(`The Client's id ${JSON.stringify(body.id)} differs from the URL's ${id}.`);
  if (body.active === false) throw badRequest("Inactive clients (active: false) are not supported by this sandbox; leave active out or true.");
  if (body.type !== undefined && body.type !== "smart-app") throw badRequest('type must be "smart-app".');
  const grantTypes = Array.isArray(body.grant_types) ? body.grant_types : ["code"];
  if (!grantTypes.includes("code") || grantTypes.some((g) => g !== "code")) throw badRequest('grant_types must be ["code"] (authorization code).');
  const code = body.auth?.authorization_code ?? {};
  const redirect = code.redirect_uri;
  if (typeof redirect !== "string" || !URL.canParse(redirect)) throw badRequest("auth.authorization_code.redirect_uri must be an absolute URL.");
  const confidential = code.secret_required === true;
  if (confidential && (typeof body.secret !== "string" || body.secret.length < 8)) throw badRequest("A confidential client (secret_required: true) needs a secret of at least 8 characters.");
  const expiration = code.access_token_expiration;
  if (expiration !== undefined && (typeof expiration !== "number" || !Number.isInteger(expiration) || expiration < 1)) {
    throw badRequest("auth.authorization_code.access_token_expiration must be a positive whole number of seconds.");
  }
  const launchUri = body.smart?.launch_uri;
  if (launchUri !== undefined && (typeof launchUri !== "string" || !URL.canParse(launchUri))) throw badRequest("smart.launch_uri must be an absolute URL.");
  const existed = await deps.auth.hasClient(id);
  try {
    await deps.auth.upsertClient(
      {
        client_id: id,
        token_endpoint_auth_method: confidential ? "client_secret_basic" : "none",
        ...(confidential ? { client_secret: body.secret as string } : {}),
        redirect_uris: [redirect],
        grant_types: ["authorization_code", ...(code.refresh_token === true ? ["refresh_token"] : [])],
        response_types: ["code"],
      },
      { launchUri, lifetime: expiration === undefined ? undefined : Math.min(expiration, MAX_LIFETIME) },
    );
  } catch (error) {
    if (error instanceof RequestError) throw new FhirError(error.status, "invalid", error.message);
    throw error;
  }
  sendJson(res, existed ? 200 : 201, { ...body, resourceType: "Client", id }, {}, FHIR_JSON_TYPE);
}

/** `POST /rpc` with `aidbox.smart/get-launch-uri`. */
export async function rpc(req: IncomingMessage, res: ServerResponse, deps: AidboxDeps): Promise<void> {
  const fail = (message: string, status = 400) => sendJson(res, status, { error: { message } });
  let body: unknown;
  try {
    body = await jsonBody(req);
  } catch (error) {
    return fail((error as Error).message, error instanceof FhirError ? error.status : 400);
  }
  const { method, params } = (body ?? {}) as { method?: unknown; params?: Record<string, unknown> };
  if (method !== "aidbox.smart/get-launch-uri") return fail(`Unknown method ${JSON.stringify(method)}; this sandbox supports aidbox.smart/get-launch-uri.`);
  const ctx = (params?.ctx ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const iss = (text(params?.iss) ?? "").replace(/\/$/, "");
  const auth = deps.authFor(iss);
  if (!auth) return fail(`iss must be one of this sandbox's FHIR bases, e.g. ${deps.auth.fhirBase}.`);
  const client = text(params?.client) ?? APP_CLIENT_ID;
  if (!(await auth.hasClient(client))) return fail(`There is no client "${client}" at ${iss}.`);
  const launchUri = client === APP_CLIENT_ID ? deps.appLaunchUrl : auth.clientSettings(client)?.launchUri;
  if (!launchUri) return fail(`The client "${client}" has no smart.launch_uri.`);
  const user = userReference(text(params?.user) ?? "prac-1", deps.store);
  if (!user) return fail(`There is no user "${text(params?.user)}".`);
  const patient = text(ctx.patient) ?? "";
  if (!deps.store.read("Patient", patient)) return fail(`There is no patient "${patient}".`);
  const encounter = text(ctx.encounter);
  if (encounter !== undefined && !deps.store.read("Encounter", encounter)) return fail(`There is no encounter "${encounter}".`);
  const error = isFaultName(ctx.error) ? ctx.error : undefined;
  const launch = await deps.launches.mint({ client, iss, user, patient, encounter, error, needPatientBanner: true, style: "light" });
  const uri = new URL(launchUri);
  uri.searchParams.set("iss", iss);
  uri.searchParams.set("launch", launch);
  sendJson(res, 200, { result: { uri: uri.href, launch, iss, "launch-uri": launchUri } });
}
