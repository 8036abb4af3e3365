/**
 * What oidc-provider's clients cannot do by themselves:
 * - registration (seed 003) may carry SMART scopes, which oidc-provider's client `scope` cannot hold: they are
 *   kept beside the client (GrantRecords' client settings) and enforced when the grant is made;
 * - some clients may use any loopback redirect URI (RFC 8252 style) besides their registered ones.
 */
import type { IncomingMessage } from "node:http";
import type Provider from "oidc-provider";
import type { KoaContextWithOIDC } from "oidc-provider";
import { isOidcScope, type GrantRecords } from "./grants.ts";
import { isLoopbackHttpUrl } from "./requests.ts";
import { RequestError, withBody } from "../http.ts";

export class RegistrationScopes {
  readonly #grants: GrantRecords;
  /** SMART scopes of a registration request, until the response names the new client. */
  readonly #pending = new WeakMap<IncomingMessage, string>();

  constructor(grants: GrantRecords) {
    this.#grants = grants;
  }

  /** Keeps the SMART scopes of a registration aside; oidc-provider sees only the OpenID/launch ones. */
  withOidcScopesOnly(req: IncomingMessage, body: Record<string, unknown>): IncomingMessage {
    if (typeof body.scope === "string") {
      const scopes = body.scope.split(" ").filter(Boolean);
      const unknown = this.#grants.unknownScopes(scopes);
      if (unknown.length > 0) throw new RequestError(400, "invalid_client_metadata", `scope: this server does not grant ${unknown.join(", ")}`);
      const oidc = scopes.filter(isOidcScope);
      if (oidc.length > 0) body.scope = oidc.join(" ");
      else delete body.scope;
      const copy = withBody(req, JSON.stringify(body), "application/json");
      this.#pending.set(copy, scopes.join(" "));
      return copy;
    }
    return withBody(req, JSON.stringify(body), "application/json");
  }

  /** On a registration's response: keeps the SMART scopes for the new client and reports every scope. */
  complete(ctx: KoaContextWithOIDC, body: Record<string, unknown>): void {
    if (typeof body.client_id !== "string") return;
    const requested = this.#pending.get(ctx.req);
    if (requested === undefined) return;
    const smart = requested.split(" ").filter((s) => !isOidcScope(s)).join(" ");
    this.#grants.setClientSettings(body.client_id, { smartScope: smart });
    body.scope = requested;
  }
}

export function allowLoopbackRedirects(provider: Provider, clientIds: readonly string[]): void {
  const loopbackClients = new Set(clientIds);
  const prototype = provider.Client.prototype as unknown as {
    redirectUriAllowed(this: { clientId: string }, value: string): boolean;
  };
  const registered = prototype.redirectUriAllowed;
  prototype.redirectUriAllowed = function redirectUriAllowed(value) {
    return (loopbackClients.has(this.clientId) && isLoopbackHttpUrl(value)) || registered.call(this, value);
  };
}
