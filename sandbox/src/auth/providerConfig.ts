/**
 * oidc-provider's configuration for SMART App Launch. Library features do the OAuth work (PKCE, client
 * authentication, refresh, introspection, revocation, registration, id_token); what is chosen here, and why:
 * - SMART scopes reach the access token only through resource indicators, with the FHIR base (`aud`) as the
 *   resource and every accepted scope string listed for it (v1 only, or v1 and v2, per server);
 * - refresh tokens come with `offline_access` (two weeks) or `online_access` (as long as the EHR session);
 * - loopback `jwks_uri`s are fetched, CORS follows the client's redirect URIs, and a person in a browser gets
 *   an error page where a script gets OAuth error JSON.
 */
import { generateKeyPairSync } from "node:crypto";
import { errors, type Adapter, type ClientMetadata, type Configuration } from "oidc-provider";
import type { GrantRecords } from "./grants.ts";
import { errorPageHtml } from "./pages.ts";
import { isLoopbackHttpUrl, sameResource } from "./requests.ts";
import { NON_RESOURCE_SCOPES } from "../scopes.ts";
import type { AuthServerOptions } from "./types.ts";
import { PAGE_CSP } from "../http.ts";

const ONLINE_REFRESH_LIFETIME = 3600;

export type Claims = { sub: string; [claim: string]: unknown };

/** The OpenID claims of an account for the granted `scope` (id_token and userinfo). */
export function accountClaims(options: AuthServerOptions, accountId: string, scope: string): Claims {
  const scopes = new Set(scope.split(" "));
  const claims: Claims = { sub: accountId };
  if (scopes.has("fhirUser")) claims.fhirUser = `${options.fhirBase}/${accountId}`;
  const user = scopes.has("profile") ? options.user(accountId) : undefined;
  if (user) Object.assign(claims, { name: user.name, given_name: user.given, family_name: user.family });
  return claims;
}

export function providerConfiguration(
  options: AuthServerOptions,
  parts: { readonly adapter: new (name: string) => Adapter; readonly grants: GrantRecords; readonly mountPath: string },
): Configuration {
  const { grants, mountPath } = parts;
  const resourceScopeList = [...grants.resourceScopes].join(" ");
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    adapter: parts.adapter,
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
      AccessToken: (_ctx, token) => grants.accessTokenLifetime(token.grantId, token.clientId),
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 3600,
      Grant: 14 * 24 * 3600,
      // online_access: valid while the EHR session would be; offline_access: two weeks.
      RefreshToken: (_ctx, token) => (token.scopes.has("offline_access") ? 14 * 24 * 3600 : ONLINE_REFRESH_LIFETIME),
    },
    interactions: {
      url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx, sub) => ({
      accountId: sub,
      claims: (_use, scope) => accountClaims(options, sub, scope),
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
}
