/**
 * The sandbox's authorization server: oidc-provider, configured for SMART App Launch. This is the only module
 * that imports oidc-provider. What is glue here (and why):
 * - SMART scopes reach the access token only through resource indicators, with the FHIR base (`aud`) as the
 *   resource and every accepted scope string listed for it;
 * - the launch context (patient, banner, style, …) is kept per grant and added to every token response,
 *   refreshes included, and the token response's `scope` is made to list everything granted;
 * - EHR launches are approved without a login or consent page; standalone launches get a patient picker;
 * - the token endpoint also takes a JSON body (Aidbox, seed 002).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { generateKeyPairSync } from "node:crypto";
import Provider, { errors, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { adapterFor, MemoryStore } from "./adapter.ts";
import type { LaunchCodec, LaunchContext } from "./launch.ts";
import { NON_RESOURCE_SCOPES, supportedResourceScopes } from "./scopes.ts";
import { escapeHtml, readBody, sendHtml } from "../http.ts";

export interface AuthServerOptions {
  /** Absolute URL of the issuer; its path is where the provider is mounted (e.g. `http://host/auth`). */
  readonly issuer: string;
  /** The FHIR base URL: the only resource (`aud`) tokens are issued for. */
  readonly fhirBase: string;
  /** Absolute URL prefix of the sandbox, for style URLs. */
  readonly origin: string;
  readonly clients: readonly ClientMetadata[];
  readonly launches: LaunchCodec;
  /** Client ids that may use any loopback redirect URI (RFC 8252 style) in addition to their registered ones. */
  readonly loopbackClients: readonly string[];
  /** Lists patients for the standalone patient picker. */
  readonly patients: () => readonly { id: string; name: string }[];
  /** Unique per provider in one process: cookies of several providers on one host must not collide. */
  readonly cookiePrefix: string;
  /** Default access-token lifetime in seconds. */
  readonly accessTokenLifetime?: number;
}

/** What the FHIR API learns from a valid bearer token. */
export interface TokenGrant {
  readonly clientId: string;
  /** `Practitioner/<id>`, `Patient/<id>`, or a client id for tokens minted without a user. */
  readonly accountId: string;
  readonly scope: string;
  readonly expiresAt: number;
  readonly context: LaunchContext | undefined;
}

export type TokenCheck = { ok: true; grant: TokenGrant } | { ok: false; reason: string; error: "invalid_token" };

const DEFAULT_LIFETIME = 3600;
const MAX_CONTEXTS = 50_000;

export function isLoopbackHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]") && !url.username && !url.password && !url.hash;
  } catch {
    return false;
  }
}

function sameResource(a: string, b: string): boolean {
  return a.replace(/\/+$/, "") === b.replace(/\/+$/, "");
}

export class AuthServer {
  readonly provider: Provider;
  readonly #options: AuthServerOptions;
  readonly #store = new MemoryStore();
  /** Launch context per grant id, so that code and refresh responses both carry it. */
  readonly #contexts = new Map<string, LaunchContext>();
  readonly #callback: (req: IncomingMessage, res: ServerResponse) => void;
  readonly #mountPath: string;

  constructor(options: AuthServerOptions) {
    this.#options = options;
    this.#mountPath = new URL(options.issuer).pathname.replace(/\/$/, "");
    const resourceScopes = supportedResourceScopes().join(" ");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const contexts = this.#contexts;
    const lifetimeOf = (grantId: string | undefined) =>
      (grantId && contexts.get(grantId)?.lifetime) || options.accessTokenLifetime || DEFAULT_LIFETIME;

    const configuration: Configuration = {
      adapter: adapterFor(this.#store),
      clients: [...options.clients],
      jwks: { keys: [privateKey.export({ format: "jwk" }) as never] },
      cookies: {
        keys: [crypto.randomUUID()],
        names: {
          session: `${options.cookiePrefix}_session`,
          interaction: `${options.cookiePrefix}_interaction`,
          resume: `${options.cookiePrefix}_resume`,
        },
      },
      routes: {
        authorization: "/authorize",
        token: "/token",
        introspection: "/introspect",
        revocation: "/revoke",
        registration: "/register",
        userinfo: "/userinfo",
        jwks: "/jwks",
        end_session: "/logout",
      },
      scopes: [...NON_RESOURCE_SCOPES],
      claims: {
        openid: ["sub"],
        fhirUser: ["fhirUser"],
        profile: ["name", "given_name", "family_name"],
      },
      extraParams: ["launch", "aud"],
      responseTypes: ["code"],
      pkce: { required: () => true },
      enabledJWA: {
        clientAuthSigningAlgValues: ["RS256", "RS384", "PS256", "PS384", "ES256", "ES384", "HS256"],
      },
      clientBasedCORS: (_ctx, origin, client) => {
        if (client.clientAuthMethod !== "none") return false;
        if (options.loopbackClients.includes(client.clientId) && isLoopbackHttpUrl(`${origin}/`)) return true;
        return (client.redirectUris ?? []).some((uri) => URL.parse(uri)?.origin === origin);
      },
      features: {
        devInteractions: { enabled: false },
        introspection: { enabled: true },
        revocation: { enabled: true },
        registration: { enabled: true },
        userinfo: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: (ctx) => {
            const aud = (ctx.oidc.params as Record<string, unknown> | undefined)?.aud;
            return typeof aud === "string" && aud ? aud : options.fhirBase;
          },
          useGrantedResource: () => true,
          getResourceServerInfo: (ctx, resourceIndicator) => {
            if (!sameResource(resourceIndicator, options.fhirBase)) {
              throw new errors.InvalidTarget(`this server issues tokens only for ${options.fhirBase}`);
            }
            const grantId = ctx.oidc.entities.Grant?.jti ?? ctx.oidc.entities.AuthorizationCode?.grantId ?? ctx.oidc.entities.RefreshToken?.grantId;
            return {
              scope: resourceScopes,
              audience: options.fhirBase,
              accessTokenFormat: "opaque",
              accessTokenTTL: lifetimeOf(grantId),
            };
          },
        },
      },
      issueRefreshToken: async (_ctx, client, code) =>
        client.grantTypeAllowed("refresh_token") && (code.scopes.has("offline_access") || code.scopes.has("online_access")),
      ttl: {
        AccessToken: (_ctx, token) => lifetimeOf(token.grantId),
        AuthorizationCode: 60,
        IdToken: 3600,
        Interaction: 600,
        Session: 3600,
        Grant: 14 * 24 * 3600,
        RefreshToken: 14 * 24 * 3600,
      },
      interactions: {
        url: (_ctx, interaction) => `${this.#mountPath}/interaction/${interaction.uid}`,
      },
      findAccount: (_ctx, sub) => ({
        accountId: sub,
        claims: () => ({ sub, fhirUser: `${options.fhirBase}/${sub}` }),
      }),
      renderError: (ctx, out) => {
        ctx.type = "json";
        ctx.body = out;
      },
    };

    this.provider = new Provider(options.issuer, configuration);
    this.provider.proxy = true;
    this.#allowLoopbackRedirects();
    this.provider.use((ctx, next) => this.#tokenResponse(ctx as KoaContextWithOIDC, next));
    this.#callback = this.provider.callback();
  }

  get mountPath(): string {
    return this.#mountPath;
  }

  /** Handles a request under the mount path (the interaction pages, then everything oidc-provider serves). */
  async handle(req: IncomingMessage & { originalUrl?: string; body?: string }, res: ServerResponse): Promise<void> {
    const url = req.url ?? "/";
    const rest = url.slice(this.#mountPath.length) || "/";
    allowCookiesInEhrFrames(res);
    const interaction = /^\/interaction\/([\w-]+)(?:\?.*)?$/.exec(rest);
    if (interaction) return this.#interaction(req, res);
    if (req.method === "POST" && rest.startsWith("/token") && /^application\/json\b/i.test(req.headers["content-type"] ?? "")) {
      await this.#jsonBodyAsForm(req, res);
      if (res.writableEnded) return;
    }
    req.originalUrl = url;
    req.url = rest;
    if (rest === "/authorize" || rest.startsWith("/authorize?")) {
      await this.#askConsentForOfflineAccess(req);
    }
    this.#callback(req, res);
  }

  /** Checks a bearer token for the FHIR API: issued here, for the FHIR base, unexpired and unrevoked. */
  async checkAccessToken(value: string): Promise<TokenCheck> {
    const token = await this.provider.AccessToken.find(value);
    if (!token) return { ok: false, error: "invalid_token", reason: "The access token is unknown, revoked or expired." };
    if (token.isExpired) return { ok: false, error: "invalid_token", reason: "The access token has expired." };
    const audience = [token.aud ?? []].flat();
    if (!audience.some((a) => sameResource(a, this.#options.fhirBase))) {
      return { ok: false, error: "invalid_token", reason: "The access token was not issued for this FHIR server." };
    }
    if (token.grantId && !(await this.provider.Grant.find(token.grantId))) {
      return { ok: false, error: "invalid_token", reason: "The authorization behind this token was revoked." };
    }
    return {
      ok: true,
      grant: {
        clientId: token.clientId ?? "",
        accountId: token.accountId ?? token.clientId ?? "",
        scope: token.scope ?? "",
        expiresAt: (token.exp ?? 0) * 1000,
        context: token.grantId ? this.#contexts.get(token.grantId) : undefined,
      },
    };
  }

  #allowLoopbackRedirects(): void {
    const loopbackClients = new Set(this.#options.loopbackClients);
    const prototype = this.provider.Client.prototype as unknown as {
      redirectUriAllowed(this: { clientId: string }, value: string): boolean;
    };
    const registered = prototype.redirectUriAllowed;
    prototype.redirectUriAllowed = function redirectUriAllowed(value) {
      return (loopbackClients.has(this.clientId) && isLoopbackHttpUrl(value)) || registered.call(this, value);
    };
  }

  /**
   * oidc-provider drops `offline_access` unless the authorization request's `prompt` includes `consent` (an
   * OpenID Connect rule). SMART apps never send `prompt`, yet expect a refresh token for `offline_access`, so
   * such requests get `prompt=consent` added here; the interaction step approves them either way.
   */
  async #askConsentForOfflineAccess(req: IncomingMessage & { originalUrl?: string; body?: string }): Promise<void> {
    const addConsent = (params: URLSearchParams): boolean => {
      const wantsOffline = (params.get("scope") ?? "").split(" ").includes("offline_access");
      if (!wantsOffline || params.has("prompt")) return false;
      params.set("prompt", "consent");
      return true;
    };
    if (req.method === "GET") {
      const [path, query = ""] = (req.url ?? "").split("?", 2);
      const params = new URLSearchParams(query);
      if (addConsent(params)) {
        req.url = `${path}?${params}`;
        req.originalUrl = `${this.#mountPath}${req.url}`;
      }
    } else if (req.method === "POST" && /^application\/x-www-form-urlencoded\b/i.test(req.headers["content-type"] ?? "")) {
      const text = await readBody(req, 56 * 1024);
      const params = new URLSearchParams(text ?? "");
      addConsent(params);
      req.body = params.toString();
      req.headers["content-length"] = String(Buffer.byteLength(req.body));
    }
  }

  async #jsonBodyAsForm(req: IncomingMessage & { body?: string }, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > 56 * 1024) return oauthError(res, 413, "invalid_request", "The request body is too large.");
      chunks.push(chunk as Buffer);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return oauthError(res, 400, "invalid_request", "The request body is not valid JSON.");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      return oauthError(res, 400, "invalid_request", "The JSON request body must be an object of parameters.");
    }
    const form = new URLSearchParams();
    for (const [key, value] of Object.entries(parsed)) {
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") form.set(key, String(value));
      else return oauthError(res, 400, "invalid_request", `The parameter '${key}' must be a string.`);
    }
    req.body = form.toString();
    req.headers["content-type"] = "application/x-www-form-urlencoded";
    req.headers["content-length"] = String(Buffer.byteLength(req.body));
  }

  /** Adds the launch context to token responses and reports the whole granted scope. */
  async #tokenResponse(ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> {
    await next();
    if ((ctx.oidc as KoaContextWithOIDC["oidc"] | undefined)?.route !== "token" || ctx.status !== 200) return;
    const body = ctx.body as Record<string, unknown> | undefined;
    if (!body || typeof body.access_token !== "string") return;
    const { AuthorizationCode: code, RefreshToken: refresh, Grant: grant } = ctx.oidc.entities;
    const grantId = code?.grantId ?? refresh?.grantId ?? grant?.jti;
    const launch = grantId ? this.#contexts.get(grantId) : undefined;
    const oidcScopes = grant ? grant.getOIDCScopeFiltered(new Set((code?.scope ?? refresh?.scope ?? "").split(" "))) : "";
    body.scope = [...new Set([...oidcScopes.split(" "), ...String(body.scope ?? "").split(" ")].filter(Boolean))].join(" ");
    if (!launch) return;
    if (launch.patient) body.patient = launch.patient;
    if (launch.encounter) {
      body.encounter = launch.encounter;
      body.fhirContext = [{ reference: `Encounter/${launch.encounter}` }];
    }
    body.need_patient_banner = launch.needPatientBanner;
    if (launch.style !== "none") body.smart_style_url = `${this.#options.origin}/styles/${launch.style}.json`;
    if (launch.intent) body.intent = launch.intent;
    if (launch.tenant) body.tenant = launch.tenant;
  }

  #remember(grantId: string, context: LaunchContext): void {
    if (this.#contexts.size >= MAX_CONTEXTS) {
      const oldest = this.#contexts.keys().next().value;
      if (oldest !== undefined) this.#contexts.delete(oldest);
    }
    this.#contexts.set(grantId, context);
  }

  /**
   * The login/consent step. EHR launch: the launch value names the user and patient; approved at once.
   * Standalone `launch/patient`: a patient picker. Otherwise the default practitioner is signed in.
   */
  async #interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let details: Awaited<ReturnType<Provider["interactionDetails"]>>;
    try {
      details = await this.provider.interactionDetails(req, res);
    } catch {
      return htmlPage(res, 400, "Sign-in expired", "<p>This sign-in has expired or was already used. Launch the app again.</p>");
    }
    const params = details.params as Record<string, string | undefined>;
    const scopes = (params.scope ?? "").split(" ").filter(Boolean);
    const finish = (result: Parameters<Provider["interactionFinished"]>[2]) =>
      this.provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    const deny = (error: string, description: string) => finish({ error, error_description: description });

    let context: LaunchContext;
    if (params.launch) {
      const launch = await this.#options.launches.read(params.launch);
      if (!launch.ok) return deny("invalid_request", `The launch parameter cannot be used: ${launch.reason}. Launch the app again from the EHR.`);
      if (launch.context.client && launch.context.client !== params.client_id) {
        return deny("invalid_request", "The launch was issued for another app.");
      }
      context = launch.context;
    } else if (scopes.includes("launch")) {
      return deny("invalid_scope", "The launch scope needs the launch parameter the EHR gave the app.");
    } else if (scopes.includes("launch/patient")) {
      const chosen = req.method === "POST" ? new URLSearchParams((await readBody(req, 16 * 1024)) ?? "").get("patient") : null;
      const patients = this.#options.patients();
      if (!chosen || !patients.some((p) => p.id === chosen)) {
        return htmlPage(res, chosen ? 400 : 200, "Choose a patient", patientPicker(patients, details.uid, this.#mountPath, chosen));
      }
      context = { user: `Patient/${chosen}`, patient: chosen, needPatientBanner: true, style: "light" };
    } else {
      context = { user: "Practitioner/prac-1", needPatientBanner: true, style: "light" };
    }

    const accountId = context.user.includes("/") ? context.user : `Practitioner/${context.user}`;
    const grant = new this.provider.Grant({ accountId, clientId: params.client_id ?? "" });
    grant.addOIDCScope(scopes.filter((s) => (NON_RESOURCE_SCOPES as readonly string[]).includes(s)).join(" "));
    const resource = params.resource ?? params.aud ?? this.#options.fhirBase;
    const resourceScopes = new Set(supportedResourceScopes());
    grant.addResourceScope(resource, scopes.filter((s) => resourceScopes.has(s)).join(" "));
    const grantId = await grant.save();
    this.#remember(grantId, context);
    return finish({ login: { accountId }, consent: { grantId } });
  }
}


/**
 * Apps run inside the EHR's iframe: the app (another site) navigates the frame to this server, and Chromium
 * then withholds SameSite=Lax cookies from the whole redirect chain, so oidc-provider would lose the
 * interaction. Its cookies are therefore sent as `SameSite=None; Secure`, which browsers accept from
 * loopback http origins (potentially trustworthy) as from https ones.
 */
function allowCookiesInEhrFrames(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() !== "set-cookie") return setHeader(name, value);
    const cookies = (Array.isArray(value) ? value : [String(value)]).map((cookie: string) => {
      const parts = cookie.split(/;\s*/).filter((p) => !/^(samesite|secure)(=|$)/i.test(p));
      return [...parts, "SameSite=None", "Secure"].join("; ");
    });
    return setHeader(name, cookies);
  };
}

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ error, error_description: description }));
}


function htmlPage(res: ServerResponse, status: number, title: string, body: string): void {
  sendHtml(
    res,
    status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · SMART sandbox</title><link rel="stylesheet" href="/ehr.css"></head>
<body><main class="narrow"><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
  );
}

function patientPicker(patients: readonly { id: string; name: string }[], uid: string, mountPath: string, rejected: string | null): string {
  const buttons = patients
    .map((p) => `<li><button type="submit" name="patient" value="${escapeHtml(p.id)}">${escapeHtml(p.name)}</button></li>`)
    .join("");
  const warning = rejected ? `<p role="alert">There is no patient "${escapeHtml(rejected)}". Choose one from the list.</p>` : "";
  return `${warning}<p>Sign in as a patient of this sandbox EHR. The app will see this patient's records.</p>
<form method="post" action="${escapeHtml(`${mountPath}/interaction/${uid}`)}"><ul class="patients">${buttons}</ul></form>`;
}
