/**
 * What one authorization server remembers beside oidc-provider's own records: the launch context of each
 * grant (so code and refresh responses both carry it, and the FHIR API knows the patient and simulated
 * error), per-client settings oidc-provider has no place for, and the rules that follow from them.
 */
import { SHORT_TOKEN_SECONDS } from "../faultCatalog.ts";
import type { LaunchContext } from "./launch.ts";
import { NON_RESOURCE_SCOPES, parseResourceScope, parseScopes, scopeCovers, supportedResourceScopes, type ScopeVersion } from "../scopes.ts";
import type { ClientSettings } from "./types.ts";

const DEFAULT_LIFETIME = 3600;
const MAX_CONTEXTS = 50_000;

export const isOidcScope = (s: string) => (NON_RESOURCE_SCOPES as readonly string[]).includes(s);

export class GrantRecords {
  readonly resourceScopes: ReadonlySet<string>;
  readonly #contexts = new Map<string, LaunchContext>();
  readonly #clients = new Map<string, ClientSettings>();

  constructor(
    versions: readonly ScopeVersion[],
    private readonly defaultLifetime = DEFAULT_LIFETIME,
  ) {
    this.resourceScopes = new Set(supportedResourceScopes(versions));
  }

  context(grantId: string | undefined): LaunchContext | undefined {
    return grantId === undefined ? undefined : this.#contexts.get(grantId);
  }

  remember(grantId: string, context: LaunchContext): void {
    if (this.#contexts.size >= MAX_CONTEXTS) {
      const oldest = this.#contexts.keys().next().value;
      if (oldest !== undefined) this.#contexts.delete(oldest);
    }
    this.#contexts.set(grantId, context);
  }

  clientSettings(clientId: string): ClientSettings | undefined {
    return this.#clients.get(clientId);
  }

  setClientSettings(clientId: string, settings: ClientSettings): void {
    this.#clients.set(clientId, settings);
  }

  /** Access-token lifetime: a simulated expiry, else the launch's, else the client's, else the default. */
  accessTokenLifetime(grantId: string | undefined, clientId: string | undefined): number {
    const context = this.context(grantId);
    if (context?.error === "expired_access_token" || context?.error === "expired_refresh_token") return SHORT_TOKEN_SECONDS;
    return context?.lifetime ?? (clientId ? this.#clients.get(clientId)?.lifetime : undefined) ?? this.defaultLifetime;
  }

  /** Requested scopes this server does not know at all. */
  unknownScopes(scopes: readonly string[]): string[] {
    return scopes.filter((s) => !isOidcScope(s) && !this.resourceScopes.has(s));
  }

  /**
   * The resource scopes an authorization request may be granted out of those it asked for: never `system/`
   * ones (they belong to backend services, not to a user's session), and only what the client's registration
   * covers, if it named scopes.
   */
  grantable(clientId: string, requested: readonly string[]): string[] {
    const registered = this.#clients.get(clientId)?.smartScope;
    const allowed = registered === undefined ? undefined : parseScopes(registered);
    return requested.filter((s) => {
      const parsed = parseResourceScope(s);
      if (!this.resourceScopes.has(s) || parsed === undefined || parsed.context === "system") return false;
      return allowed === undefined || allowed.some((a) => scopeCovers(a, parsed));
    });
  }
}
