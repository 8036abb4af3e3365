/**
 * OpenID userinfo for the sandbox's access tokens. oidc-provider refuses tokens bound to a resource (`aud`) at
 * its userinfo endpoint, and every SMART access token is bound to the FHIR base, so it is answered here from
 * the grant: its account's claims, for the OpenID scopes granted.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { OPEN_CORS } from "../http.ts";
import type { TokenCheck } from "./types.ts";

export interface UserinfoDeps {
  checkAccessToken(token: string): Promise<TokenCheck>;
  /** The OpenID scopes of a grant ("" when it is gone). */
  oidcScopeOf(grantId: string | undefined): Promise<string>;
  claims(accountId: string, scope: string): Record<string, unknown>;
}

export async function userinfo(req: IncomingMessage, res: ServerResponse, deps: UserinfoDeps): Promise<void> {
  const send = (status: number, body: Record<string, unknown> | undefined, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...OPEN_CORS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...extra });
    res.end(body ? JSON.stringify(body) : undefined);
  };
  if (req.method === "OPTIONS") return send(204, undefined);
  if (req.method !== "GET" && req.method !== "POST") return send(405, { error: "invalid_request", error_description: "userinfo takes GET or POST." });
  const refuse = (error: string, description: string, status = 401) =>
    send(status, { error, error_description: description }, { "WWW-Authenticate": `Bearer error="${error}", error_description="${description}"` });
  const bearer = /^Bearer\s+([\x21-\x7e]+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (!bearer) return refuse("invalid_token", "userinfo needs a bearer access token.");
  const check = await deps.checkAccessToken(bearer);
  if (!check.ok) return refuse(check.error, check.reason);
  const scope = await deps.oidcScopeOf(check.grant.grantId);
  if (!scope.split(" ").includes("openid")) return refuse("insufficient_scope", "The access token was not granted the openid scope.", 403);
  send(200, deps.claims(check.grant.accountId, scope));
}
