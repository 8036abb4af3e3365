/**
 * Seed 003's debug tools: minting tokens without an authorization request, and telling everything this server
 * knows about a token value. Both go through oidc-provider's own models (Grant, AccessToken, RefreshToken), so
 * a minted token is checked, refreshed, introspected and revoked like any other.
 */
import type Provider from "oidc-provider";
import { isOidcScope, type GrantRecords } from "./grants.ts";
import type { AuthServerOptions, MintRequest } from "./types.ts";
import { RequestError } from "../http.ts";

export interface DebugTokenServer {
  readonly provider: Provider;
  readonly grants: GrantRecords;
  readonly options: AuthServerOptions;
}

const epoch = () => Math.floor(Date.now() / 1000);

/**
 * A grant for `user` (and `patient`) with `scope`, an access token and, with `offline_access`/`online_access`,
 * a refresh token.
 */
export async function mintToken(server: DebugTokenServer, request: MintRequest): Promise<Record<string, unknown>> {
  const { provider, grants, options } = server;
  const client = await provider.Client.find(request.clientId);
  if (!client) throw new RequestError(400, "invalid_client", `There is no client ${request.clientId} at ${options.issuer}.`);
  const scopes = request.scope.split(" ").filter(Boolean);
  const unknown = grants.unknownScopes(scopes);
  if (unknown.length > 0) throw new RequestError(400, "invalid_scope", `This server does not grant ${unknown.join(", ")}.`);
  const grant = new provider.Grant({ accountId: request.user, clientId: client.clientId });
  grant.addOIDCScope(scopes.filter(isOidcScope).join(" "));
  const resourceScope = scopes.filter((s) => !isOidcScope(s)).join(" ");
  grant.addResourceScope(options.fhirBase, resourceScope);
  const grantId = await grant.save();
  grants.remember(grantId, { user: request.user, patient: request.patient, needPatientBanner: true, style: "light", lifetime: request.lifetime, error: request.error });
  const common = { accountId: request.user, client, grantId, gty: "debug" };
  const accessToken = new provider.AccessToken({ ...common, scope: resourceScope, aud: options.fhirBase });
  const body: Record<string, unknown> = {
    access_token: await accessToken.save(),
    token_type: "Bearer",
    expires_in: accessToken.expiration,
    scope: scopes.join(" "),
    ...(request.patient ? { patient: request.patient } : {}),
  };
  if (scopes.includes("offline_access") || scopes.includes("online_access")) {
    const expiresIn = request.refreshExpiresAt === undefined ? undefined : Math.max(1, request.refreshExpiresAt - epoch());
    const refresh = new provider.RefreshToken({ ...common, scope: scopes.join(" "), resource: options.fhirBase, rotations: 0, expiresIn });
    body.refresh_token = await refresh.save();
  }
  return body;
}

/** Everything this server knows about a token value, for the debug page (seed 003's debug introspection). */
export async function inspectToken(server: DebugTokenServer, value: string): Promise<Record<string, unknown>> {
  const { provider, grants, options } = server;
  const findOptions = { ignoreExpiration: true };
  const kinds = [
    ["access_token", () => provider.AccessToken.find(value, findOptions)],
    ["refresh_token", () => provider.RefreshToken.find(value, findOptions)],
    ["authorization_code", () => provider.AuthorizationCode.find(value, findOptions)],
  ] as const;
  for (const [kind, find] of kinds) {
    const token = await find();
    if (!token) continue;
    const grantAlive = token.grantId ? (await provider.Grant.find(token.grantId)) !== undefined : true;
    const context = grants.context(token.grantId);
    return {
      active: !token.isExpired && grantAlive && !("consumed" in token && token.consumed),
      token_kind: kind,
      issuer: options.issuer,
      client_id: token.clientId,
      username: token.accountId,
      fhirUser: token.accountId ? `${options.fhirBase}/${token.accountId}` : undefined,
      scope: token.scope,
      aud: "aud" in token ? token.aud : undefined,
      token_type: kind === "access_token" ? "Bearer" : undefined,
      issued_at: token.iat ? new Date(token.iat * 1000).toUTCString() : undefined,
      [kind === "refresh_token" ? "approval_expires" : "access_expires"]: token.exp ? new Date(token.exp * 1000).toUTCString() : undefined,
      grant_revoked: !grantAlive,
      launch_context: context,
    };
  }
  return { active: false, issuer: options.issuer, reason: "No access token, refresh token or authorization code of this server has this value." };
}
