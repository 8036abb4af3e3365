/**
 * Client registrations: the app's public client and the seed documents' clients, exactly as the seeds give
 * them (seed 000: client id, ES384 public JWK, redirect URI; seed 001: the same client id with a secret).
 */
import type { JsonWebKey } from "node:crypto";

/** The client metadata (RFC 7591 names) the sandbox registers; a subset of what oidc-provider accepts. */
export interface ClientRecord {
  readonly client_id: string;
  readonly client_name?: string;
  readonly client_secret?: string;
  readonly token_endpoint_auth_method: "none" | "client_secret_basic" | "client_secret_post" | "private_key_jwt";
  readonly token_endpoint_auth_signing_alg?: string;
  readonly jwks?: { readonly keys: readonly JsonWebKey[] };
  readonly jwks_uri?: string;
  readonly redirect_uris: readonly string[];
  readonly grant_types: readonly string[];
  readonly response_types: readonly string[];
}

export const APP_CLIENT_ID = "lab-graph";

export function appClient(extraRedirectUris: readonly string[]): ClientRecord {
  return {
    client_id: APP_CLIENT_ID,
    client_name: "Lab graph",
    token_endpoint_auth_method: "none",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    // Any loopback redirect URI is accepted too (see AuthServerOptions.loopbackClients).
    redirect_uris: ["http://localhost:5173/index.html", ...extraRedirectUris],
  };
}

export const SEED_CLIENT_ID = "demo_app_whatever";
export const SEED_REDIRECT_URI = "https://sharp-lake-word.glitch.me/graph.html";

/** Seed 000's registered public key (its published private key `d` is in SEED_000_PRIVATE_D). */
export const SEED_000_PUBLIC_JWK = {
  kty: "EC",
  crv: "P-384",
  x: "wcE8O55ro6aOuTf5Ty1k_IG4mTcuLiVercHouge1G5Ri-leevhev4uJzlHpi3U8r",
  y: "mLRgz8Giu6XA_AqG8bywqbygShmd8jowflrdx0KQtM5X4s4aqDeCRfcpexykp3aI",
  kid: "afb27c284f2d93959c18fa0320e32060",
  alg: "ES384",
} as const;

/** Published in seed 000 "for reproducibility"; used only to re-sign its client assertions (`npm run seeds`). */
export const SEED_000_PRIVATE_D = "WcrTiYk8jbI-Sd1sKNpqGmELWGG08bf_y9SSlnC4cpAl5GRdHHN9gKYlPvMFqiJ5";

export const SEED_001_SECRET = "secret-key-1234567890";

export const seed000Client: ClientRecord = {
  client_id: SEED_CLIENT_ID,
  client_name: "SMART App Launch example (asymmetric client authentication)",
  token_endpoint_auth_method: "private_key_jwt",
  jwks: { keys: [SEED_000_PUBLIC_JWK] },
  redirect_uris: [SEED_REDIRECT_URI],
  grant_types: ["authorization_code", "refresh_token"],
  response_types: ["code"],
};

export const seed001Client: ClientRecord = {
  client_id: SEED_CLIENT_ID,
  client_name: "SMART App Launch example (symmetric client authentication)",
  token_endpoint_auth_method: "client_secret_basic",
  client_secret: SEED_001_SECRET,
  redirect_uris: [SEED_REDIRECT_URI],
  grant_types: ["authorization_code", "refresh_token"],
  response_types: ["code"],
};
