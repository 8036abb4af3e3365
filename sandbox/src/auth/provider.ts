/**
 * One authorization server of the sandbox: oidc-provider, configured for SMART App Launch. This is the only
 * module that imports oidc-provider. Library features do the OAuth work (PKCE, client authentication,
 * refresh, introspection, revocation, registration, id_token); what is glue here, and why:
 * - SMART scopes reach the access token only through resource indicators, with the FHIR base (`aud`) as the
 *   resource and every accepted scope string listed for it (v1 only, or v1 and v2, per server);
 * - the launch context (patient, banner, style, simulated error, …) is kept per grant (grants.ts) and added to
 *   every token response, refreshes included, and the token response's `scope` is made to list everything granted;
 * - the login/consent step is decided in interaction.ts: EHR launches are approved at once, standalone ones pick
 *   a patient;
 * - `offline_access` needs `prompt=consent` in oidc-provider (an OpenID rule SMART apps never follow): added;
 * - the token endpoint also takes a JSON body (Aidbox, seed 002), re-encoded as a form;
 * - registration (seed 003) may carry SMART scopes, which oidc-provider's client `scope` cannot hold: they are
 *   kept beside the client and enforced when the grant is made;
 * - userinfo is answered by userinfo.ts, because oidc-provider refuses access tokens bound to a resource there;
 * - seed 003's debug tools mint and inspect tokens through the library's own models (mintToken, inspect).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { generateKeyPairSync } from "node:crypto";
import Provider, { errors, type ClientMetadata, type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { adapterFor, MemoryStore } from "./adapter.ts";
import type { ClientRecord } from "./clients.ts";
import { decideInteraction } from "./interaction.ts";
import { GrantRecords, isOidcScope } from "./grants.ts";
import { NON_RESOURCE_SCOPES } from "./scopes.ts";
import { authorizationErrorPage, errorPageHtml, htmlPage } from "./pages.ts";
import {
  BODY_LIMIT,
  RequestError,
  allowCookiesInEhrFrames,
  askConsentForOfflineAccess,
  isForm,
  isJson,
  isLoopbackHttpUrl,
  jsonAsForm,
  oauthError,
  parseJsonObject,
  readText,
  sameResource,
  withBody,
} from "./requests.ts";
import type { AuthServerOptions, ClientSettings, MintRequest, TokenCheck } from "./types.ts";
import { userinfo } from "./userinfo.ts";
import { PAGE_CSP } from "../http.ts";

const ONLINE_REFRESH_LIFETIME = 3600;

const epoch = () => Math.floor(Date.now() / 1000);

export class AuthServer {
  readonly provider: Provider;
  readonly #options: AuthServerOptions;
  readonly #store = new MemoryStore();
  readonly #Adapter = adapterFor(this.#store);
  readonly #grants: GrantRecords;
  readonly #staticClients: ReadonlySet<string>;
  /** SMART scopes of a registration request, until the response names the new client. */
  readonly #pendingRegistrations = new WeakMap<IncomingMessage, string>();
  readonly #callback: (req: IncomingMessage, res: ServerResponse) => void;
  readonly #mountPath: string;

  constructor(options: AuthServerOptions) {
    this.#options = options;
    this.#mountPath = new URL(options.issuer).pathname.replace(/\/$/, "");
    this.#staticClients = new Set(options.clients.map((c) => c.client_id));
    this.#grants = new GrantRecords(options.scopeVersions, options.accessTokenLifetime);
    const resourceScopeList = [...this.#grants.resourceScopes].join(" ");
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

    const configuration: Configuration = {
      adapter: this.#Adapter,
      clients: options.clients.map((c) => ({ ...c }) as ClientMetadata),
      // oidc-provider refuses to fetch from loopback addresses (SSRF protection); a client's jwks_uri on this
      // machine is the common case in a sandbox, so loopback URLs are fetched without that guard.
      fetch: (url, init) => {
        if (!isLoopbackHttpUrl(String(url))) return globalThis.fetch(url, init);
        const unguarded: RequestInit & { dispatcher?: unknown } = { ...init };
        delete unguarded.dispatcher;
        return globalThis.fetch(url, unguarded);
      },
      clientDefaults: { grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "client_secret_basic" },
      jwks: { keys: [privateKey.export({ format: "jwk" }) as never] },
      // SMART's authorize-post; oidc-provider allows it only with SameSite=None cookies (see allowCookiesInEhrFrames).
      enableHttpPostMethods: true,
      cookies: {
        long: { sameSite: "none" },
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
        return (client.redirectUris as string[] | undefined ?? []).some((uri) => URL.parse(uri)?.origin === origin);
      },
      features: {
        devInteractions: { enabled: false },
        // Public clients may introspect only their own tokens; confidential clients any token.
        introspection: { enabled: true, allowedPolicy: (_ctx, client, token) => client.clientAuthMethod !== "none" || token.clientId === client.clientId },
        revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
        registration: { enabled: options.registration },
        userinfo: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: (ctx) => {
            const aud = (ctx.oidc.params as Record<string, unknown> | undefined)?.aud;
            return typeof aud === "string" && aud ? aud : options.fhirBase;
          },
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx, resourceIndicator) => {
            if (!sameResource(resourceIndicator, options.fhirBase)) {
              throw new errors.InvalidTarget(`this server issues tokens only for ${options.fhirBase}`);
            }
            return { scope: resourceScopeList, audience: options.fhirBase, accessTokenFormat: "opaque" };
          },
        },
      },
      issueRefreshToken: async (_ctx, client, code) =>
        client.grantTypeAllowed("refresh_token") && (code.scopes.has("offline_access") || code.scopes.has("online_access")),
      ttl: {
        AccessToken: (_ctx, token) => this.#grants.accessTokenLifetime(token.grantId, token.clientId),
        AuthorizationCode: 60,
        IdToken: 3600,
        Interaction: 600,
        Session: 3600,
        Grant: 14 * 24 * 3600,
        // online_access: valid while the EHR session would be; offline_access: two weeks.
        RefreshToken: (_ctx, token) => (token.scopes.has("offline_access") ? 14 * 24 * 3600 : ONLINE_REFRESH_LIFETIME),
      },
      interactions: {
        url: (_ctx, interaction) => `${this.#mountPath}/interaction/${interaction.uid}`,
      },
      findAccount: (_ctx, sub) => ({
        accountId: sub,
        claims: (_use, scope) => this.#claims(sub, scope),
      }),
      renderError: (ctx, out) => {
        ctx.type = "json";
        ctx.body = out;
        // A person in a browser gets a page; scripts and tests get OAuth error JSON.
        if (ctx.accepts("json", "html") === "html") {
          ctx.type = "html";
          ctx.set("Content-Security-Policy", PAGE_CSP);
          ctx.body = errorPageHtml(out.error, out.error_description ?? "");
        }
      },
    };

    this.provider = new Provider(options.issuer, configuration);
    this.provider.proxy = true;
    this.#allowLoopbackRedirects();
    this.provider.use((ctx, next) => this.#decorateResponses(ctx as KoaContextWithOIDC, next));
    this.#callback = this.provider.callback();
  }

  get mountPath(): string {
    return this.#mountPath;
  }

  get fhirBase(): string {
    return this.#options.fhirBase;
  }

  /** Handles a request under the mount path: the glue routes, then everything oidc-provider serves. */
  async handle(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse): Promise<void> {
    const tail = (req.url ?? "/").slice(this.#mountPath.length);
    const rest = tail.startsWith("/") ? tail : `/${tail}`;
    const route = rest.split("?", 1)[0];
    allowCookiesInEhrFrames(res);
    try {
      // oidc-provider's own endpoints (revoke, introspect…) would call an oversized body unparsable.
      if (Number(req.headers["content-length"] ?? 0) > BODY_LIMIT) throw new RequestError(413, "invalid_request", "The request body is too large.");
      if (/^\/interaction\/[\w-]+$/.test(route ?? "")) return await this.#interaction(req, res);
      if (route === "/userinfo") {
        return await userinfo(req, res, {
          checkAccessToken: (token) => this.checkAccessToken(token),
          oidcScopeOf: async (grantId) => (grantId ? ((await this.provider.Grant.find(grantId))?.getOIDCScope() ?? "") : ""),
          claims: (accountId, scope) => this.#claims(accountId, scope),
        });
      }
      let forwarded: IncomingMessage & { originalUrl?: string } = req;
      if (req.method === "POST" && route === "/token" && (isJson(req) || isForm(req))) {
        const text = await readText(req);
        const form = isJson(req) ? jsonAsForm(parseJsonObject(text)) : new URLSearchParams(text);
        if (form.get("grant_type") === "refresh_token") await this.#refuseSimulatedRefreshExpiry(form.get("refresh_token"));
        forwarded = withBody(req, form.toString(), "application/x-www-form-urlencoded");
      } else if (req.method === "POST" && route === "/authorize" && isForm(req)) {
        const form = new URLSearchParams(await readText(req));
        askConsentForOfflineAccess(form);
        forwarded = withBody(req, form.toString(), "application/x-www-form-urlencoded");
      } else if (req.method === "POST" && route === "/register" && isJson(req)) {
        forwarded = this.#registrationWithOidcScopes(req, parseJsonObject(await readText(req)));
      }
      forwarded.url = rest;
      if (req.method === "GET" && route === "/authorize") {
        const params = new URLSearchParams(rest.slice(route.length + 1));
        if (askConsentForOfflineAccess(params)) forwarded.url = `${route}?${params}`;
      }
      // oidc-provider finds its mount path as the part of originalUrl before url.
      forwarded.originalUrl = `${this.#mountPath}${forwarded.url}`;
      this.#callback(forwarded, res);
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      oauthError(res, error.status, error.error, error.message, req.headers.origin);
    }
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
        grantId: token.grantId,
        clientId: token.clientId ?? "",
        accountId: token.accountId ?? token.clientId ?? "",
        scope: token.scope ?? "",
        expiresAt: (token.exp ?? 0) * 1000,
        context: this.#grants.context(token.grantId),
      },
    };
  }

  /** Revokes a grant and every token issued under it. */
  async revokeGrant(grantId: string): Promise<void> {
    await (await this.provider.Grant.find(grantId))?.destroy();
    await this.provider.AccessToken.revokeByGrantId(grantId);
  }

  async hasClient(clientId: string): Promise<boolean> {
    return (await this.provider.Client.find(clientId)) !== undefined;
  }

  clientSettings(clientId: string): ClientSettings | undefined {
    return this.#grants.clientSettings(clientId);
  }

  /** Creates or replaces a client (seed 002's `PUT /Client/{id}`). Throws RequestError when the metadata is invalid. */
  async upsertClient(record: ClientRecord, settings: ClientSettings): Promise<void> {
    if (this.#staticClients.has(record.client_id)) {
      throw new RequestError(409, "invalid_client_metadata", `${record.client_id} is a built-in client of this sandbox and cannot be replaced.`);
    }
    const metadata = { ...record } as ClientMetadata;
    try {
      await this.provider.Client.validate(metadata);
    } catch (error) {
      const described = error as { error?: string; error_description?: string; message: string };
      throw new RequestError(400, described.error ?? "invalid_client_metadata", described.error_description ?? described.message);
    }
    await new this.#Adapter("Client").upsert(record.client_id, metadata as never, 0);
    this.#grants.setClientSettings(record.client_id, settings);
  }

  /**
   * Mints tokens without an authorization request (seed 003's debug token): a grant for `user` (and `patient`)
   * with `scope`, an access token and, with `offline_access`/`online_access`, a refresh token.
   */
  async mintToken(request: MintRequest): Promise<Record<string, unknown>> {
    const client = await this.provider.Client.find(request.clientId);
    if (!client) throw new RequestError(400, "invalid_client", `There is no client ${request.clientId} at ${this.#options.issuer}.`);
    const scopes = request.scope.split(" ").filter(Boolean);
    const unknown = this.#grants.unknownScopes(scopes);
    if (unknown.length > 0) throw new RequestError(400, "invalid_scope", `This server does not grant ${unknown.join(", ")}.`);
    const grant = new this.provider.Grant({ accountId: request.user, clientId: client.clientId });
    grant.addOIDCScope(scopes.filter(isOidcScope).join(" "));
    const resourceScope = scopes.filter((s) => !isOidcScope(s)).join(" ");
    grant.addResourceScope(this.#options.fhirBase, resourceScope);
    const grantId = await grant.save();
    this.#grants.remember(grantId, { user: request.user, patient: request.patient, needPatientBanner: true, style: "light", lifetime: request.lifetime, error: request.error });
    const common = { accountId: request.user, client, grantId, gty: "debug" };
    const accessToken = new this.provider.AccessToken({ ...common, scope: resourceScope, aud: this.#options.fhirBase });
    const body: Record<string, unknown> = {
      access_token: await accessToken.save(),
      token_type: "Bearer",
      expires_in: accessToken.expiration,
      scope: scopes.join(" "),
      ...(request.patient ? { patient: request.patient } : {}),
    };
    if (scopes.includes("offline_access") || scopes.includes("online_access")) {
      const expiresIn = request.refreshExpiresAt === undefined ? undefined : Math.max(1, request.refreshExpiresAt - epoch());
      const refresh = new this.provider.RefreshToken({ ...common, scope: scopes.join(" "), resource: this.#options.fhirBase, rotations: 0, expiresIn });
      body.refresh_token = await refresh.save();
    }
    return body;
  }

  /** Everything this server knows about a token value, for the debug page (seed 003's debug introspection). */
  async inspect(value: string): Promise<Record<string, unknown>> {
    const options = { ignoreExpiration: true };
    const kinds = [
      ["access_token", () => this.provider.AccessToken.find(value, options)],
      ["refresh_token", () => this.provider.RefreshToken.find(value, options)],
      ["authorization_code", () => this.provider.AuthorizationCode.find(value, options)],
    ] as const;
    for (const [kind, find] of kinds) {
      const token = await find();
      if (!token) continue;
      const grantAlive = token.grantId ? (await this.provider.Grant.find(token.grantId)) !== undefined : true;
      const context = this.#grants.context(token.grantId);
      return {
        active: !token.isExpired && grantAlive && !("consumed" in token && token.consumed),
        token_kind: kind,
        issuer: this.#options.issuer,
        client_id: token.clientId,
        username: token.accountId,
        fhirUser: token.accountId ? `${this.#options.fhirBase}/${token.accountId}` : undefined,
        scope: token.scope,
        aud: "aud" in token ? token.aud : undefined,
        token_type: kind === "access_token" ? "Bearer" : undefined,
        issued_at: token.iat ? new Date(token.iat * 1000).toUTCString() : undefined,
        [kind === "refresh_token" ? "approval_expires" : "access_expires"]: token.exp ? new Date(token.exp * 1000).toUTCString() : undefined,
        grant_revoked: !grantAlive,
        launch_context: context,
      };
    }
    return { active: false, issuer: this.#options.issuer, reason: "No access token, refresh token or authorization code of this server has this value." };
  }



  #claims(accountId: string, scope: string): { sub: string; [claim: string]: unknown } {
    const scopes = new Set(scope.split(" "));
    const claims: { sub: string; [claim: string]: unknown } = { sub: accountId };
    if (scopes.has("fhirUser")) claims.fhirUser = `${this.#options.fhirBase}/${accountId}`;
    const user = scopes.has("profile") ? this.#options.user(accountId) : undefined;
    if (user) Object.assign(claims, { name: user.name, given_name: user.given, family_name: user.family });
    return claims;
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

  async #refuseSimulatedRefreshExpiry(value: string | null): Promise<void> {
    const token = value ? await this.provider.RefreshToken.find(value, { ignoreExpiration: true }) : undefined;
    if (token?.grantId && this.#grants.context(token.grantId)?.error === "expired_refresh_token") {
      throw new RequestError(400, "invalid_grant", "The refresh token has expired (simulated error expired_refresh_token); launch the app again.");
    }
  }

  /** Keeps the SMART scopes of a registration aside; oidc-provider sees only the OpenID/launch ones. */
  #registrationWithOidcScopes(req: IncomingMessage, body: Record<string, unknown>): IncomingMessage {
    if (typeof body.scope === "string") {
      const scopes = body.scope.split(" ").filter(Boolean);
      const unknown = this.#grants.unknownScopes(scopes);
      if (unknown.length > 0) throw new RequestError(400, "invalid_client_metadata", `scope: this server does not grant ${unknown.join(", ")}`);
      const oidc = scopes.filter(isOidcScope);
      if (oidc.length > 0) body.scope = oidc.join(" ");
      else delete body.scope;
      const copy = withBody(req, JSON.stringify(body), "application/json");
      this.#pendingRegistrations.set(copy, scopes.join(" "));
      return copy;
    }
    return withBody(req, JSON.stringify(body), "application/json");
  }

  /** Adds the launch context to token responses, reports the whole granted scope, completes registrations. */
  async #decorateResponses(ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) {
      ctx.status = 404;
      ctx.body = { error: "invalid_request", error_description: `This authorization server has no ${ctx.method} ${ctx.path}.` };
      return;
    }
    const route = (ctx.oidc as KoaContextWithOIDC["oidc"] | undefined)?.route;
    const body = ctx.body as Record<string, unknown> | undefined;
    if (route === "registration" && ctx.status === 201 && body && typeof body.client_id === "string") {
      const requested = this.#pendingRegistrations.get(ctx.req);
      if (requested !== undefined) {
        const smart = requested.split(" ").filter((s) => !isOidcScope(s)).join(" ");
        this.#grants.setClientSettings(body.client_id, { smartScope: smart });
        body.scope = requested;
      }
      return;
    }
    if (route !== "token" || ctx.status !== 200 || !body || typeof body.access_token !== "string") return;
    const { AuthorizationCode: code, RefreshToken: refresh, Grant: grant } = ctx.oidc.entities;
    const grantId = code?.grantId ?? refresh?.grantId ?? grant?.jti;
    const launch = this.#grants.context(grantId);
    const oidcScopes = grant ? grant.getOIDCScopeFiltered(new Set((code?.scope ?? refresh?.scope ?? "").split(" "))) : "";
    body.scope = [...new Set([...oidcScopes.split(" "), ...String(body.scope ?? "").split(" ")].filter(Boolean))].join(" ");
    if (!launch) return;
    if (launch.patient) body.patient = launch.patient;
    if (launch.encounter) {
      body.encounter = launch.encounter;
      body.fhirContext = [{ reference: `Encounter/${launch.encounter}` }];
    }
    body.need_patient_banner = this.#options.bannerAsString ? String(launch.needPatientBanner) : launch.needPatientBanner;
    if (launch.style !== "none") body.smart_style_url = `${this.#options.origin}/styles/${launch.style}.json`;
    if (launch.intent) body.intent = launch.intent;
    if (launch.tenant) body.tenant = launch.tenant;
  }




  /** The login/consent step (see interaction.ts): a page, a refusal, or a grant with the launch context. */
  async #interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let details: Awaited<ReturnType<Provider["interactionDetails"]>>;
    try {
      details = await this.provider.interactionDetails(req, res);
    } catch {
      return htmlPage(res, 400, "Sign-in expired", "<p>This sign-in has expired or was already used. Launch the app again.</p>");
    }
    const params = details.params as Record<string, string | undefined>;
    const decision = await decideInteraction({
      params,
      chosenPatient: req.method === "POST" ? new URLSearchParams(await readText(req, 16 * 1024)).get("patient") : null,
      action: `${this.#mountPath}/interaction/${details.uid}`,
      fhirBase: this.#options.fhirBase,
      launches: this.#options.launches,
      patients: this.#options.patients,
      latestEncounter: this.#options.latestEncounter,
    });
    const finish = (result: Parameters<Provider["interactionFinished"]>[2]) =>
      this.provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    switch (decision.kind) {
      case "page":
        return htmlPage(res, decision.status, decision.title, decision.html);
      case "error-page":
        return authorizationErrorPage(req, res, 400, decision.error, decision.description);
      case "deny":
        return finish({ error: decision.error, error_description: decision.description });
    }
    const { context } = decision;
    const scopes = (params.scope ?? "").split(" ").filter(Boolean);
    const accountId = context.user.includes("/") ? context.user : `Practitioner/${context.user}`;
    const clientId = params.client_id ?? "";
    const grant = new this.provider.Grant({ accountId, clientId });
    // A profile that keeps offline_access for patients refuses it to a practitioner's launch (explicitly, or
    // oidc-provider would ask for consent to it again and again); online_access still gives a refresh token.
    const offlineRefused = this.#options.offlineAccessForPatientsOnly === true && !accountId.startsWith("Patient/");
    grant.addOIDCScope(scopes.filter((s) => isOidcScope(s) && !(offlineRefused && s === "offline_access")).join(" "));
    if (offlineRefused && scopes.includes("offline_access")) grant.rejectOIDCScope("offline_access");
    const resource = params.resource ?? params.aud ?? this.#options.fhirBase;
    const granted = this.#grants.grantable(clientId, scopes);
    grant.addResourceScope(resource, granted.join(" "));
    // Refused explicitly, or oidc-provider would ask for consent to them again and again.
    const refused = scopes.filter((s) => this.#grants.resourceScopes.has(s) && !granted.includes(s));
    if (refused.length > 0) grant.rejectResourceScope(resource, refused.join(" "));
    const grantId = await grant.save();
    this.#grants.remember(grantId, context);
    return finish({ login: { accountId }, consent: { grantId } });
  }
}
