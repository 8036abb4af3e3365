/**
 * A scripted OAuth client for tests and scripts: follows the authorization redirects with a cookie jar (as a
 * browser would) and exchanges the code, so flows can be checked over HTTP without a browser.
 */
import { createHash, randomBytes } from "node:crypto";

export interface AuthorizeOptions {
  readonly authorizeUrl: string;
  readonly params: Record<string, string>;
  /** Where the flow stops: the app's redirect URI. */
  readonly redirectUri: string;
  /** Answers an HTML page on the way (e.g. the patient picker) with a form body, or undefined to stop. */
  readonly answerPage?: (html: string, url: string) => { action: string; body: URLSearchParams } | undefined;
}

export interface AuthorizeResult {
  readonly code?: string;
  readonly state?: string;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly redirect: URL;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export async function authorize(options: AuthorizeOptions): Promise<AuthorizeResult> {
  const jar = new Map<string, string>();
  let url = `${options.authorizeUrl}?${new URLSearchParams(options.params)}`;
  let init: RequestInit = { method: "GET" };
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = response.headers.get("location");
    if (!location) {
      const html = await response.text();
      const answer = options.answerPage?.(html, url);
      if (!answer) throw new Error(`The authorization flow stopped at ${url} (${response.status}): ${html.slice(0, 300)}`);
      url = new URL(answer.action, url).href;
      init = { method: "POST", body: answer.body, headers: { "content-type": "application/x-www-form-urlencoded" } };
      continue;
    }
    const next = new URL(location, url);
    if (next.href.startsWith(options.redirectUri)) {
      const p = next.searchParams;
      return {
        code: p.get("code") ?? undefined,
        state: p.get("state") ?? undefined,
        error: p.get("error") ?? undefined,
        errorDescription: p.get("error_description") ?? undefined,
        redirect: next,
      };
    }
    url = next.href;
    init = { method: "GET" };
  }
  throw new Error("Too many redirects");
}

export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(form) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const TEST_APP = "http://localhost:5173";
export const TEST_REDIRECT = `${TEST_APP}/index.html`;
export const DEFAULT_SCOPE = "openid fhirUser offline_access launch patient/Patient.rs patient/Observation.rs";

export interface LaunchFlow {
  readonly launchUrl: URL;
  readonly verifier: string;
  readonly result: AuthorizeResult;
}

/** `GET /launch` on `origin` with `options`, then the authorization request the app would send. */
export async function launchAndAuthorize(origin: string, options: Record<string, string>, scope = DEFAULT_SCOPE): Promise<LaunchFlow> {
  const launchResponse = await fetch(`${origin}/launch?${new URLSearchParams({ app: `${TEST_APP}/launch.html`, ...options })}`, { redirect: "manual" });
  if (launchResponse.status !== 302) throw new Error(`/launch answered ${launchResponse.status}: ${await launchResponse.text()}`);
  const launchUrl = new URL(launchResponse.headers.get("location") ?? "");
  const iss = launchUrl.searchParams.get("iss") ?? "";
  const discovery = (await (await fetch(`${iss}/.well-known/smart-configuration`)).json()) as { authorization_endpoint: string };
  const { verifier, challenge } = pkcePair();
  const result = await authorize({
    authorizeUrl: discovery.authorization_endpoint,
    redirectUri: TEST_REDIRECT,
    params: {
      response_type: "code",
      client_id: "lab-graph",
      scope,
      redirect_uri: TEST_REDIRECT,
      aud: iss,
      state: "state-1",
      launch: launchUrl.searchParams.get("launch") ?? "",
      code_challenge: challenge,
      code_challenge_method: "S256",
    },
  });
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
