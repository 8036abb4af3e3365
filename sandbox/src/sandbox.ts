/**
 * The sandbox EHR: one HTTP server with several FHIR bases on the same data (see fhirServers.ts), each with its
 * own OAuth 2 / OpenID authorization server (oidc-provider); SMART discovery; launch endpoints; seed 002's
 * Aidbox calls; seed 003's debug tools and open endpoint; and the EHR simulator page.
 *
 * `startSandbox()` is the program; `main.ts` runs it on a fixed port, tests run it on port 0.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { AuthServer } from "./auth/authServer.ts";
import { APP_CLIENT_ID, appClient } from "./auth/clients.ts";
import { LaunchCodec, type LaunchContext } from "./auth/launch.ts";
import type { FhirStore } from "./fhir/store.ts";
import { loadStore } from "./fhir/load.ts";
import { FhirApi, type FhirApiOptions } from "./fhir/api.ts";
import { patientSearchOutcome } from "./fhir/searchOutcome.ts";
import type { EhrProfile } from "./profiles.ts";
import { FhirEndpoint, OPEN_ENDPOINT_HEADER, OpenFhirEndpoint } from "./fhir/endpoint.ts";
import { FhirError, badRequest, operationOutcome } from "./fhir/outcome.ts";
import { caregiverSummaries, displayName, patientSummaries, serveEhr, type EhrRoutes } from "./ehr/routes.ts";
import { FHIR_SERVERS, type FhirServerId, type FhirServerSettings } from "./fhirServers.ts";
import { ForeignListener } from "./foreign.ts";
import { CallerPolicy } from "./guard.ts";
import { handleDebug } from "./debug.ts";
import { putClient, rpc, type AidboxDeps } from "./aidbox.ts";
import { FHIR_JSON_TYPE, OPEN_CORS, SECURITY_HEADERS, sendJson } from "./http.ts";

export interface SandboxOptions {
  /** TCP port; 0 picks a free one (tests). Default 4400. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  readonly host?: string;
  /** Origin the sandbox is reached at, when not `http://<host>:<port>`. */
  readonly publicOrigin?: string;
  /** Folder of FHIR Bundle JSON files to load (scenario data, or Synthea R4 output). Default `sandbox/data`. */
  readonly dataDir?: string;
  /** The app's launch.html, preselected on the EHR page. */
  readonly appLaunchUrl?: string;
  /** Redirect URIs the `lab-graph` client may use besides loopback ones (deployed copies of the app). */
  readonly redirectUris?: readonly string[];
  /** Port of the foreign-origin listener (`fhir_next_foreign`); default: any free port. */
  readonly foreignPort?: number;
  /** Delay of `fhir_slow` responses in ms (tests shorten it). Default 3000. */
  readonly slowMs?: number;
  /** Log one line per request to stdout. */
  readonly log?: boolean;
}

/** One FHIR base and its authorization server. */
export interface SandboxServer {
  readonly settings: FhirServerSettings;
  readonly fhirBase: string;
  readonly issuer: string;
  readonly auth: AuthServer;
  readonly endpoint: FhirEndpoint;
}

export interface Sandbox {
  readonly origin: string;
  /** The main FHIR base (`/fhir`). */
  readonly fhirBase: string;
  readonly openFhirBase: string;
  readonly servers: ReadonlyMap<FhirServerId, SandboxServer>;
  readonly server: Server;
  readonly store: FhirStore;
  /** The main FHIR base's authorization server. */
  readonly auth: AuthServer;
  readonly launches: LaunchCodec;
  readonly foreign: ForeignListener;
  /** Mints a launch value and returns the URL that starts the app with it. */
  launchUrl(appLaunchUrl: string, context: LaunchContext, server?: FhirServerId): Promise<string>;
  close(): Promise<void>;
}

export const DEFAULT_APP_LAUNCH_URL = "http://localhost:5173/launch.html";
const DEFAULT_DATA_DIR = fileURLToPath(new URL("../data", import.meta.url));

/** An EHR profile's search rules and notice for its FHIR API (the patient's own message still comes first). */
function profileApiOptions(store: FhirStore, profile: EhrProfile | undefined): FhirApiOptions {
  if (!profile) return {};
  const notice = profile.searchNotice;
  return {
    observationRules: { needsCodeOrCategory: profile.observationNeedsCodeOrCategory, order: profile.observationOrder },
    searchOutcome: (query) => {
      const own = patientSearchOutcome(store.read<fhir4.Patient>("Patient", query.patient));
      if (!notice) return own;
      return own ? { ...own, issue: [...own.issue, ...notice.issue] } : notice;
    },
  };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? "127.0.0.1";
  const store = await loadStore(options.dataDir ?? DEFAULT_DATA_DIR);
  const foreign = await ForeignListener.start(host, options.foreignPort);
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4400, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = (options.publicOrigin ?? `http://${host}:${port}`).replace(/\/$/, "");
  const appLaunchUrl = options.appLaunchUrl ?? DEFAULT_APP_LAUNCH_URL;
  const launches = new LaunchCodec();

  const patients = () => patientSummaries(store);
  const caregivers = () => caregiverSummaries(store);
  const user = (reference: string) => {
    const [type, id = ""] = reference.split("/", 2);
    const resource = type === "Patient" || type === "Practitioner" || type === "RelatedPerson" ? store.read<fhir4.Patient | fhir4.Practitioner | fhir4.RelatedPerson>(type, id) : undefined;
    const name = resource?.name?.[0];
    return resource ? { name: displayName(resource), given: name?.given?.join(" "), family: name?.family } : undefined;
  };

  const servers = new Map<FhirServerId, SandboxServer>();
  for (const settings of FHIR_SERVERS) {
    const fhirBase = `${origin}${settings.fhirPath}`;
    const issuer = `${origin}${settings.authPath}`;
    const auth = new AuthServer({
      issuer,
      fhirBase,
      origin,
      cookiePrefix: `sbx_${settings.id.replace(/\W/g, "")}`,
      launches,
      loopbackClients: [APP_CLIENT_ID],
      patients,
      caregivers,
      latestEncounter: (patient) => store.encountersOf(patient).at(-1)?.resource.id,
      user,
      scopeVersions: settings.scopeVersions,
      registration: settings.registration,
      clients: [appClient(options.redirectUris ?? []), ...settings.clients],
      accessTokenLifetime: settings.profile?.accessTokenLifetime,
      bannerAsString: settings.profile?.bannerAsString,
      offlineAccessForPatientsOnly: settings.profile?.offlineAccessForPatientsOnly,
    });
    // Registered clients may use any method; otherwise only those of the pre-registered clients work here.
    const authMethods = settings.registration
      ? ["none", "client_secret_basic", "client_secret_post", "private_key_jwt"]
      : [...new Set(["none", ...settings.clients.flatMap((c) => (c.token_endpoint_auth_method === "client_secret_basic" ? ["client_secret_basic", "client_secret_post"] : [c.token_endpoint_auth_method]))])];
    const discovery = { origin, fhirBase, issuer, scopeVersions: settings.scopeVersions, registration: settings.registration, authMethods, profileName: settings.profile?.name };
    const endpoint = new FhirEndpoint(auth, new FhirApi(store, fhirBase, profileApiOptions(store, settings.profile)), discovery, () => foreign.origin, options.slowMs);
    servers.set(settings.id, { settings, fhirBase, issuer, auth, endpoint });
  }
  const main = servers.get("main")!;
  const openFhirBase = `${origin}/open-fhir`;
  const openFhir = new OpenFhirEndpoint(new FhirApi(store, openFhirBase));
  const serverList = [...servers.values()];
  const aidbox: AidboxDeps = {
    store,
    launches,
    auth: main.auth,
    authFor: (iss) => serverList.find((s) => s.fhirBase === iss)?.auth,
    appLaunchUrl,
  };
  const debugDeps = { servers: serverList.map((s) => ({ authPath: s.settings.authPath, auth: s.auth })), store, launches, foreign };
  const ehr: EhrRoutes = {
    store,
    origin,
    appLaunchUrl,
    servers: serverList.map((s) => ({ id: s.settings.id, title: s.settings.title, fhirBase: s.fhirBase })),
    fhirBase: main.fhirBase,
    openFhirBase,
    fhirBaseOf: (id) => servers.get(id)!.fhirBase,
    launchUrl,
  };
  const callers = new CallerPolicy(origin, port, serverList.map((s) => s.settings.authPath));

  async function launchUrl(app: string, context: LaunchContext, serverId: FhirServerId = "main"): Promise<string> {
    const target = servers.get(serverId)!;
    const url = new URL(app);
    url.searchParams.set("iss", target.fhirBase);
    url.searchParams.set("launch", await launches.mint({ ...context, iss: target.fhirBase }));
    return url.href;
  }

  /** `url`: the request target resolved against the origin (dot segments gone), or null when it is not a path. */
  async function route(req: IncomingMessage, res: ServerResponse, url: URL | null): Promise<void> {
    if (!url) throw badRequest("The request target must be a path.");
    const path = url.pathname;
    if (await handleDebug(req, res, url, debugDeps)) return;
    for (const s of serverList) {
      const auth = s.settings.authPath;
      if (path === auth || path.startsWith(`${auth}/`)) return s.auth.handle(req, res);
    }
    if (req.method === "OPTIONS") {
      res.writeHead(204, OPEN_CORS);
      return void res.end();
    }
    for (const s of serverList) {
      const base = s.settings.fhirPath;
      if (path === base || path.startsWith(`${base}/`)) return s.endpoint.handle(req, res, url, path.slice(base.length));
    }
    if (path === "/open-fhir" || path.startsWith("/open-fhir/")) return openFhir.handle(req, res, url, path.slice("/open-fhir".length));
    if (req.method === "POST" && path === "/rpc") return rpc(req, res, aidbox);
    const clientId = /^\/Client\/([^/]+)$/.exec(path)?.[1];
    if (req.method === "PUT" && clientId) return putClient(req, res, decodeURIComponent(clientId), aidbox);
    if (req.method !== "GET" && req.method !== "HEAD") return sendJson(res, 405, { error: "method_not_allowed", error_description: `${req.method} ${path} is not supported.` });
    if (await serveEhr(res, url, ehr)) return;
    sendJson(res, 404, { error: "not_found", error_description: `Nothing is served at ${path}.` });
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (options.log) {
      res.on("finish", () => console.log(`${req.method} ${req.url?.slice(0, 120)} → ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`));
    }
    const target = req.url ?? "/";
    const url = target.startsWith("/") ? URL.parse(`${origin}${target}`) : null;
    const path = url?.pathname ?? "";
    if (callers.screen(req, res, path)) return;
    // A guarded route's CORS headers are already set (for allowed origins only); `*` must not replace them.
    const cors = callers.isGuarded(path) ? {} : OPEN_CORS;
    route(req, res, url).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      const open = req.url?.startsWith("/open-fhir") ? OPEN_ENDPOINT_HEADER : {};
      if (error instanceof FhirError) {
        // Browsers may cache some errors (410, 404) by default: a simulated one-off must not be served again.
        return sendJson(res, error.status, error.outcome, { ...cors, "Cache-Control": "no-store", ...open, ...error.headers }, FHIR_JSON_TYPE);
      }
      console.error("sandbox: unexpected error", error);
      sendJson(res, 500, operationOutcome("exception", "The sandbox failed to handle this request."), cors, FHIR_JSON_TYPE);
    });
  });

  return {
    origin,
    fhirBase: main.fhirBase,
    openFhirBase,
    servers,
    server,
    store,
    auth: main.auth,
    launches,
    foreign,
    launchUrl,
    close: async () => {
      await foreign.close();
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
}
