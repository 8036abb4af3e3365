/**
 * One authorization server of the sandbox: oidc-provider (configured in providerConfig.ts) behind the routes
 * that SMART apps and the sandbox's own tools need. oidc-provider is imported only by the auth module. The glue
 * here, and why:
 * - the launch context (patient, banner, style, simulated error, …) is kept per grant (grants.ts) and added to
 *   every token response, refreshes included, and the token response's `scope` is made to list everything granted;
 * - the login/consent step is decided in interaction.ts: EHR launches are approved at once, standalone ones pick
 *   a patient; an EHR launch's interaction and resume steps are followed here, so that the browser gets the
 *   redirect to the app in one round trip (oneHop.ts);
 * - `offline_access` needs `prompt=consent` in oidc-provider (an OpenID rule SMART apps never follow): added;
 * - the token endpoint also takes a JSON body (Aidbox, seed 002), re-encoded as a form;
 * - registration's SMART scopes and loopback redirects are patched in by clientPatches.ts;
 * - userinfo is answered by userinfo.ts, because oidc-provider refuses access tokens bound to a resource there;
 * - seed 003's debug tools mint and inspect tokens through the library's own models (debugTokens.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import Provider, { type ClientMetadata, type KoaContextWithOIDC } from "oidc-provider";
import { adapterFor, MemoryStore } from "./adapter.ts";
import type { ClientRecord } from "./clients.ts";
import { RegistrationScopes, allowLoopbackRedirects } from "./clientPatches.ts";
import { inspectToken, mintToken } from "./debugTokens.ts";
import { decideInteraction } from "./interaction.ts";
import { authorizeInOneHop } from "./oneHop.ts";
import { GrantRecords, isOidcScope } from "./grants.ts";
import { authorizationErrorPage, htmlPage } from "./pages.ts";
import { accountClaims, providerConfiguration } from "./providerConfig.ts";
import { allowCookiesInEhrFrames, askConsentForOfflineAccess, jsonAsForm, oauthError, sameResource } from "./requests.ts";
import type { AuthServerOptions, ClientSettings, MintRequest, TokenCheck } from "./types.ts";
import { withLaunchContext } from "./tokenResponses.ts";
import { userinfo } from "./userinfo.ts";
import { BODY_LIMIT, RequestError, isForm, isJson, parseJsonObject, readText, withBody } from "../http.ts";

export class AuthServer {
  readonly provider: Provider;
  readonly #options: AuthServerOptions;
  readonly #store = new MemoryStore();
  readonly #Adapter = adapterFor(this.#store);
  readonly #grants: GrantRecords;
  readonly #staticClients: ReadonlySet<string>;
  readonly #registrations: RegistrationScopes;
  readonly #callback: (req: IncomingMessage, res: ServerResponse) => void;
  readonly #mountPath: string;

  constructor(options: AuthServerOptions) {
    this.#options = options;
    this.#mountPath = new URL(options.issuer).pathname.replace(/\/$/, "");
    this.#staticClients = new Set(options.clients.map((c) => c.client_id));
    this.#grants = new GrantRecords(options.scopeVersions, options.accessTokenLifetime);
    this.#registrations = new RegistrationScopes(this.#grants);
    const configuration = providerConfiguration(options, { adapter: this.#Adapter, grants: this.#grants, mountPath: this.#mountPath });
    this.provider = new Provider(options.issuer, configuration);
    this.provider.proxy = true;
    allowLoopbackRedirects(this.provider, options.loopbackClients);
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
          claims: (accountId, scope) => accountClaims(this.#options, accountId, scope),
        });
      }
      let forwarded: IncomingMessage & { originalUrl?: string } = req;
      let ehrLaunch = false;
      if (req.method === "POST" && route === "/token" && (isJson(req) || isForm(req))) {
        const text = await readText(req);
        const form = isJson(req) ? jsonAsForm(parseJsonObject(text)) : new URLSearchParams(text);
        if (form.get("grant_type") === "refresh_token") await this.#refuseSimulatedRefreshExpiry(form.get("refresh_token"));
        forwarded = withBody(req, form.toString(), "application/x-www-form-urlencoded");
      } else if (req.method === "POST" && route === "/authorize" && isForm(req)) {
        const form = new URLSearchParams(await readText(req));
        askConsentForOfflineAccess(form);
        ehrLaunch = form.has("launch");
        forwarded = withBody(req, form.toString(), "application/x-www-form-urlencoded");
      } else if (req.method === "POST" && route === "/register" && isJson(req)) {
        forwarded = this.#registrations.withOidcScopesOnly(req, parseJsonObject(await readText(req)));
      }
      forwarded.url = rest;
      if (req.method === "GET" && route === "/authorize") {
        const params = new URLSearchParams(rest.slice(route.length + 1));
        if (askConsentForOfflineAccess(params)) forwarded.url = `${route}?${params}`;
        ehrLaunch = params.has("launch");
      }
      // oidc-provider finds its mount path as the part of originalUrl before url.
      forwarded.originalUrl = `${this.#mountPath}${forwarded.url}`;
      if (ehrLaunch) {
        return await authorizeInOneHop(forwarded, res, {
          mountPath: this.#mountPath,
          provider: this.#callback,
          interaction: (request, response) => this.#interaction(request, response),
        });
      }
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

  /** Mints tokens without an authorization request (seed 003's debug token; see debugTokens.ts). */
  mintToken(request: MintRequest): Promise<Record<string, unknown>> {
    return mintToken({ provider: this.provider, grants: this.#grants, options: this.#options }, request);
  }

  /** Everything this server knows about a token value, for the debug page (seed 003's debug introspection). */
  inspect(value: string): Promise<Record<string, unknown>> {
    return inspectToken({ provider: this.provider, grants: this.#grants, options: this.#options }, value);
  }

  async #refuseSimulatedRefreshExpiry(value: string | null): Promise<void> {
    const token = value ? await this.provider.RefreshToken.find(value, { ignoreExpiration: true }) : undefined;
    if (token?.grantId && this.#grants.context(token.grantId)?.error === "expired_refresh_token") {
      throw new RequestError(400, "invalid_grant", "The refresh token has expired (simulated error expired_refresh_token); launch the app again.");
    }
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
      this.#registrations.complete(ctx, body);
      return;
    }
    if (route !== "token" || ctx.status !== 200 || !body || typeof body.access_token !== "string") return;
    withLaunchContext(ctx, body, this.#grants, this.#options);
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
    const form = req.method === "POST" ? new URLSearchParams(await readText(req, 16 * 1024)) : undefined;
    const decision = await decideInteraction({
      params,
      chosenPatient: form?.get("patient") ?? null,
      chosenCaregiver: form?.get("caregiver") ?? null,
      action: `${this.#mountPath}/interaction/${details.uid}`,
      fhirBase: this.#options.fhirBase,
      launches: this.#options.launches,
      patients: this.#options.patients,
      caregivers: this.#options.caregivers,
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
