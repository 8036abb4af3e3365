/** Test helpers: the scripted OAuth client (shared with the seed replay) and launches through to a token. */
import { authorize, pkcePair, postForm, type AuthorizeResult } from "../replay/oauth.ts";

export * from "../replay/oauth.ts";

export const TEST_APP = "http://localhost:5173";
export const TEST_REDIRECT = `${TEST_APP}/index.html`;
export const DEFAULT_SCOPE = "openid fhirUser offline_access launch patient/Patient.rs patient/Observation.rs";

export interface LaunchFlow {
  readonly launchUrl: URL;
  readonly verifier: string;
  readonly result: AuthorizeResult;
}

/** What the app sends to authorize an EHR launch: `GET /launch` on `origin` with `options`, then discovery. */
export interface EhrAuthorizationRequest {
  readonly launchUrl: URL;
  readonly authorizeUrl: string;
  readonly verifier: string;
  readonly params: Record<string, string>;
}

/** `GET /launch` on `origin` with `options`, discovery, and the authorization request the app would send. */
export async function ehrAuthorizationRequest(origin: string, options: Record<string, string>, scope = DEFAULT_SCOPE): Promise<EhrAuthorizationRequest> {
  const launchResponse = await fetch(`${origin}/launch?${new URLSearchParams({ app: `${TEST_APP}/launch.html`, ...options })}`, { redirect: "manual" });
  if (launchResponse.status !== 302) throw new Error(`/launch answered ${launchResponse.status}: ${await launchResponse.text()}`);
  const launchUrl = new URL(launchResponse.headers.get("location") ?? "");
  const iss = launchUrl.searchParams.get("iss") ?? "";
  const discovery = (await (await fetch(`${iss}/.well-known/smart-configuration`)).json()) as { authorization_endpoint: string };
  const { verifier, challenge } = pkcePair();
  const params = {
    response_type: "code",
    client_id: "lab-graph",
    scope,
    redirect_uri: TEST_REDIRECT,
    aud: iss,
    state: "state-1",
    launch: launchUrl.searchParams.get("launch") ?? "",
    code_challenge: challenge,
    code_challenge_method: "S256",
  };
  return { launchUrl, authorizeUrl: discovery.authorization_endpoint, verifier, params };
}

/** `GET /launch` on `origin` with `options`, then the authorization request the app would send, followed through. */
export async function launchAndAuthorize(origin: string, options: Record<string, string>, scope = DEFAULT_SCOPE): Promise<LaunchFlow> {
  const { launchUrl, authorizeUrl, verifier, params } = await ehrAuthorizationRequest(origin, options, scope);
  const result = await authorize({ authorizeUrl, redirectUri: TEST_REDIRECT, params });
  return { launchUrl, verifier, result };
}

/** An EHR launch through to the token response; throws when any step fails. */
export async function ehrLaunch(origin: string, options: Record<string, string>, scope = DEFAULT_SCOPE): Promise<{ iss: string; tokenEndpoint: string; token: Record<string, unknown> }> {
  const { launchUrl, verifier, result } = await launchAndAuthorize(origin, options, scope);
  if (!result.code) throw new Error(`No code: ${result.error} ${result.errorDescription}`);
  const iss = launchUrl.searchParams.get("iss") ?? "";
  const { token_endpoint: tokenEndpoint } = (await (await fetch(`${iss}/.well-known/smart-configuration`)).json()) as { token_endpoint: string };
  const token = await postForm(tokenEndpoint, { grant_type: "authorization_code", code: result.code, redirect_uri: TEST_REDIRECT, client_id: "lab-graph", code_verifier: verifier });
  if (token.status !== 200) throw new Error(`Token exchange failed: ${JSON.stringify(token.body)}`);
  return { iss, tokenEndpoint, token: token.body };
}

export function bearer(token: unknown): { headers: Record<string, string> } {
  return { headers: { authorization: `Bearer ${String(token)}` } };
}

/** An access token for `scope` from the debug mint (POST /auth/debug/token), as seed 003's debug tools issue. */
export async function mintToken(origin: string, request: { readonly scope: string; readonly patient?: string; readonly username?: string }): Promise<string> {
  const response = await fetch(`${origin}/auth/debug/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_id: "lab-graph", scope: request.scope, patient_id: request.patient, username: request.username }),
  });
  if (!response.ok) throw new Error(`The debug mint answered ${response.status}: ${await response.text()}`);
  return String(((await response.json()) as { access_token: string }).access_token);
}
