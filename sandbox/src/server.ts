/**
 * The sandbox EHR: one HTTP server with an OAuth 2 / OpenID authorization server (oidc-provider), a FHIR R4
 * API over an in-memory store, SMART discovery, launch endpoints and an EHR simulator page.
 *
 * `startSandbox()` is the program; `main.ts` runs it on a fixed port, tests run it on port 0.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { AuthServer } from "./auth/provider.ts";
import { LaunchCodec, isStyle, type LaunchContext } from "./auth/launch.ts";
import { NON_RESOURCE_SCOPES } from "./auth/scopes.ts";
import { FhirStore } from "./fhir/store.ts";
import { FhirApi, accessFor } from "./fhir/api.ts";
import { FhirError, operationOutcome, unauthorized } from "./fhir/outcome.ts";
import { EHR_CSS, errorPage, framePage, homePage, type PatientSummary } from "./ehr/pages.ts";
import { STYLES } from "./ehr/styles.ts";
import { FHIR_JSON_TYPE, OPEN_CORS, readBody, redirect, sendHtml, sendJson } from "./http.ts";

export interface SandboxOptions {
  /** TCP port; 0 picks a free one (tests). Default 4400. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** Origin the sandbox is reached at, when not `http://<host>:<port>`. */
  readonly publicOrigin?: string;
  /** Folder of FHIR Bundle JSON files to load. Default `sandbox/data`. */
  readonly dataDir?: string;
  /** The app's launch.html, preselected on the EHR page. */
  readonly appLaunchUrl?: string;
  /** Redirect URIs the `lab-graph` client may use besides loopback ones (deployed copies of the app). */
  readonly redirectUris?: readonly string[];
  /** Log one line per request to stdout. */
  readonly log?: boolean;
}

export interface Sandbox {
  readonly origin: string;
  readonly fhirBase: string;
  readonly server: Server;
  readonly store: FhirStore;
  readonly auth: AuthServer;
  readonly launches: LaunchCodec;
  /** Mints a launch value and returns the URL that starts the app with it. */
  launchUrl(appLaunchUrl: string, context: LaunchContext): Promise<string>;
  close(): Promise<void>;
}

export const APP_CLIENT_ID = "lab-graph";
export const DEFAULT_APP_LAUNCH_URL = "http://localhost:5173/launch.html";
const DEFAULT_DATA_DIR = fileURLToPath(new URL("../data", import.meta.url));
const MAX_LIFETIME = 24 * 3600;

const CAPABILITIES = [
  "launch-ehr",
  "launch-standalone",
  "authorize-post",
  "client-public",
  "client-confidential-symmetric",
  "client-confidential-asymmetric",
  "sso-openid-connect",
  "context-passthrough-banner",
  "context-passthrough-style",
  "context-ehr-patient",
  "context-ehr-encounter",
  "context-standalone-patient",
  "permission-offline",
  "permission-online",
  "permission-patient",
  "permission-user",
  "permission-v1",
  "permission-v2",
];

function displayName(resource: fhir4.Patient | fhir4.Practitioner): string {
  const name = resource.name?.find((n) => n.use === "official") ?? resource.name?.[0];
  if (!name) return resource.id ?? "";
  return name.text ?? [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter(Boolean).join(" ");
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const store = await FhirStore.fromDirectory(options.dataDir ?? DEFAULT_DATA_DIR);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4400, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = (options.publicOrigin ?? `http://${host}:${port}`).replace(/\/$/, "");
  const fhirBase = `${origin}/fhir`;
  const appLaunchUrl = options.appLaunchUrl ?? DEFAULT_APP_LAUNCH_URL;
  const launches = new LaunchCodec();

  const patients = (): PatientSummary[] =>
    [...store.all<fhir4.Patient>("Patient")].map((p) => ({
      id: p.id ?? "",
      name: displayName(p),
      birthDate: p.birthDate,
      gender: p.gender,
      observations: store.observationsOf(p.id ?? "", []).length,
    }));
  const practitioners = () => [...store.all<fhir4.Practitioner>("Practitioner")].map((p) => ({ id: p.id ?? "", name: displayName(p) }));

  const auth = new AuthServer({
    issuer: `${origin}/auth`,
    fhirBase,
    origin,
    cookiePrefix: "sbx",
    launches,
    loopbackClients: [APP_CLIENT_ID],
    patients,
    clients: [
      {
        client_id: APP_CLIENT_ID,
        client_name: "Lab graph",
        token_endpoint_auth_method: "none",
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
        redirect_uris: ["http://localhost:5173/index.html", ...(options.redirectUris ?? [])],
      },
    ],
  });
  const api = new FhirApi(store, fhirBase);

  const discovery = {
    issuer: auth.provider.issuer,
    jwks_uri: `${origin}/auth/jwks`,
    authorization_endpoint: `${origin}/auth/authorize`,
    token_endpoint: `${origin}/auth/token`,
    introspection_endpoint: `${origin}/auth/introspect`,
    revocation_endpoint: `${origin}/auth/revoke`,
    registration_endpoint: `${origin}/auth/register`,
    userinfo_endpoint: `${origin}/auth/userinfo`,
    grant_types_supported: ["authorization_code", "refresh_token"],
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post", "private_key_jwt"],
    token_endpoint_auth_signing_alg_values_supported: ["RS384", "ES384"],
    scopes_supported: [...NON_RESOURCE_SCOPES, "patient/*.rs", "patient/*.read", "user/*.rs", "user/*.read", "patient/*.cruds", "user/*.cruds"],
    capabilities: CAPABILITIES,
  };

  const capabilityStatement: fhir4.CapabilityStatement = {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-01-01",
    kind: "instance",
    fhirVersion: "4.0.1",
    format: ["json"],
    implementation: { description: "SMART sandbox EHR", url: fhirBase },
    rest: [
      {
        mode: "server",
        security: {
          service: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" }] }],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                { url: "authorize", valueUri: discovery.authorization_endpoint },
                { url: "token", valueUri: discovery.token_endpoint },
                { url: "introspect", valueUri: discovery.introspection_endpoint },
                { url: "revoke", valueUri: discovery.revocation_endpoint },
                { url: "register", valueUri: discovery.registration_endpoint },
              ],
            },
          ],
        },
        resource: [
          { type: "Patient", interaction: [{ code: "read" }, { code: "search-type" }], searchParam: [{ name: "_id", type: "token" }, { name: "name", type: "string" }] },
          { type: "Practitioner", interaction: [{ code: "read" }] },
          { type: "Encounter", interaction: [{ code: "read" }] },
          {
            type: "Observation",
            interaction: [{ code: "read" }, { code: "search-type" }],
            searchParam: [
              { name: "patient", type: "reference" },
              { name: "subject", type: "reference" },
              { name: "code", type: "token" },
              { name: "category", type: "token" },
              { name: "date", type: "date" },
              { name: "status", type: "token" },
            ],
          },
        ],
      },
    ],
  };

  async function launchUrl(app: string, context: LaunchContext): Promise<string> {
    const url = new URL(app);
    url.searchParams.set("iss", fhirBase);
    url.searchParams.set("launch", await launches.mint(context));
    return url.href;
  }

  /** Reads the launch options shared by /launch and /ehr; an error message when one is wrong. */
  function launchContextFrom(params: URLSearchParams): LaunchContext | string {
    const patient = params.get("patient") ?? "";
    if (!store.read("Patient", patient)) return `There is no patient "${patient}" in this sandbox.`;
    const practitioner = params.get("practitioner") || "prac-1";
    if (!store.read("Practitioner", practitioner)) return `There is no practitioner "${practitioner}" in this sandbox.`;
    const encounter = params.get("encounter") || undefined;
    const style = params.get("style") ?? "light";
    if (!isStyle(style)) return `The style "${style}" is not one of light, dark, high-contrast or none.`;
    const banner = params.get("banner") ?? "true";
    if (banner !== "true" && banner !== "false") return "The banner option must be true or false.";
    const lifetimeText = params.get("lifetime");
    const lifetime = lifetimeText ? Number(lifetimeText) : undefined;
    if (lifetime !== undefined && (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_LIFETIME)) {
      return `The token lifetime must be a whole number of seconds from 1 to ${MAX_LIFETIME}.`;
    }
    return {
      user: `Practitioner/${practitioner}`,
      patient,
      encounter,
      needPatientBanner: banner === "true",
      style,
      lifetime,
      error: params.get("error") || undefined,
    };
  }

  function appUrlFrom(params: URLSearchParams): string | undefined {
    const app = params.get("app") || appLaunchUrl;
    const url = URL.parse(app);
    return url && (url.protocol === "http:" || url.protocol === "https:") ? url.href : undefined;
  }

  async function handleFhir(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    if (path === "/.well-known/smart-configuration") {
      return sendJson(res, 200, discovery, { ...OPEN_CORS, "Cache-Control": "public, max-age=3600" });
    }
    if (path === "/metadata") {
      return sendJson(res, 200, capabilityStatement, { ...OPEN_CORS, "Cache-Control": "public, max-age=3600" }, FHIR_JSON_TYPE);
    }
    if (req.method !== "GET") {
      throw new FhirError(405, "not-supported", `${req.method} is not supported: this FHIR API is read-only.`);
    }
    const authorization = req.headers.authorization ?? "";
    const bearer = /^Bearer\s+([\x21-\x7e]+)$/i.exec(authorization)?.[1];
    if (!bearer) throw unauthorized(authorization ? "The Authorization header must be 'Bearer <token>'." : "This request needs a bearer token.", authorization ? "invalid_request" : "invalid_token");
    const check = await auth.checkAccessToken(bearer);
    if (!check.ok) throw unauthorized(check.reason, check.error);
    const access = accessFor(check.grant.scope, check.grant.context?.patient);
    const result = api.get(path, url.searchParams, access);
    sendJson(res, result.status, result.body, { ...OPEN_CORS, "Cache-Control": "no-store" }, FHIR_JSON_TYPE);
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(text ?? "");
    } catch {
      return sendJson(res, 400, { error: { message: "The request body must be JSON." } }, OPEN_CORS);
    }
    const { method, params } = (body ?? {}) as { method?: unknown; params?: Record<string, unknown> };
    if (method !== "aidbox.smart/get-launch-uri") {
      return sendJson(res, 400, { error: { message: `Unknown method ${JSON.stringify(method)}; this sandbox supports aidbox.smart/get-launch-uri.` } }, OPEN_CORS);
    }
    const ctx = (params?.ctx ?? {}) as Record<string, unknown>;
    const patient = typeof ctx.patient === "string" ? ctx.patient : "";
    const user = typeof params?.user === "string" ? params.user : "prac-1";
    const client = typeof params?.client === "string" ? params.client : APP_CLIENT_ID;
    const iss = typeof params?.iss === "string" ? params.iss : fhirBase;
    if (iss.replace(/\/$/, "") !== fhirBase) return sendJson(res, 400, { error: { message: `iss must be this sandbox's FHIR base, ${fhirBase}.` } }, OPEN_CORS);
    if (!store.read("Patient", patient)) return sendJson(res, 400, { error: { message: `There is no patient "${patient}".` } }, OPEN_CORS);
    const launchUri = appLaunchUrl;
    const launch = await launches.mint({ client, user: user.includes("/") ? user : `Practitioner/${user}`, patient, needPatientBanner: true, style: "light" });
    const uri = new URL(launchUri);
    uri.searchParams.set("iss", fhirBase);
    uri.searchParams.set("launch", launch);
    return sendJson(res, 200, { result: { uri: uri.href, launch, iss: fhirBase, "launch-uri": launchUri } }, OPEN_CORS);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", origin);
    const path = url.pathname;
    if (path === "/auth" || path.startsWith("/auth/")) return auth.handle(req, res);
    if (req.method === "OPTIONS") {
      res.writeHead(204, OPEN_CORS);
      return void res.end();
    }
    if (path === "/fhir" || path.startsWith("/fhir/")) return handleFhir(req, res, url, path.slice("/fhir".length));
    if (req.method === "POST" && path === "/rpc") return handleRpc(req, res);
    if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "method_not_allowed", error_description: `${req.method} ${path} is not supported.` });
    switch (path) {
      case "/":
        return sendHtml(res, 200, homePage({ patients: patients(), practitioners: practitioners(), appUrl: appLaunchUrl, fhirBase, query: url.searchParams.get("q") ?? "" }));
      case "/ehr.css":
        res.writeHead(200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=300" });
        return void res.end(EHR_CSS);
      case "/launch":
      case "/ehr": {
        const app = appUrlFrom(url.searchParams);
        const context = launchContextFrom(url.searchParams);
        if (!app) return sendHtml(res, 400, errorPage("Cannot launch", "The app launch URL must be an http or https URL."));
        if (typeof context === "string") return sendHtml(res, 400, errorPage("Cannot launch", context));
        if (path === "/launch") return redirect(res, await launchUrl(app, context));
        const frameSrc = new URL("/launch", origin);
        for (const [k, v] of url.searchParams) frameSrc.searchParams.set(k, v);
        const patient = store.read<fhir4.Patient>("Patient", context.patient ?? "");
        return sendHtml(res, 200, framePage({ patientName: patient ? displayName(patient) : "", launchUrl: frameSrc.pathname + frameSrc.search }));
      }
    }
    const style = /^\/styles\/([\w-]+)\.json$/.exec(path)?.[1];
    if (style && style in STYLES) {
      return sendJson(res, 200, STYLES[style as keyof typeof STYLES], { ...OPEN_CORS, "Cache-Control": "public, max-age=3600" });
    }
    sendJson(res, 404, { error: "not_found", error_description: `Nothing is served at ${path}.` });
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    if (options.log) {
      res.on("finish", () => console.log(`${req.method} ${req.url?.slice(0, 120)} → ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`));
    }
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof FhirError) {
        return sendJson(res, error.status, error.outcome, { ...OPEN_CORS, ...error.headers }, FHIR_JSON_TYPE);
      }
      console.error("sandbox: unexpected error", error);
      sendJson(res, 500, operationOutcome("exception", "The sandbox failed to handle this request."), OPEN_CORS, FHIR_JSON_TYPE);
    });
  });

  return {
    origin,
    fhirBase,
    server,
    store,
    auth,
    launches,
    launchUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
