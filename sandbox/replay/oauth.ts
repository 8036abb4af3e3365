/**
 * A scripted OAuth client for the seed replay and tests: follows the authorization redirects with a cookie jar
 * (as a browser would), answers pages on the way (the patient picker), and posts token requests, so flows can
 * be run over HTTP without a browser.
 */
import { createHash, randomBytes } from "node:crypto";

export interface AuthorizeOptions {
  readonly authorizeUrl: string;
  readonly params: Record<string, string>;
  /** Where the flow stops: the app's redirect URI. */
  readonly redirectUri: string;
  /** Answers an HTML page on the way (e.g. the patient picker) with a form body, or undefined to stop. */
  readonly answerPage?: (html: string, url: string) => { action: string; body: URLSearchParams } | undefined;
  /** Send the authorization request as a form POST (SMART's `authorize-post`) instead of a GET. */
  readonly post?: boolean;
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
  let url = options.post ? options.authorizeUrl : `${options.authorizeUrl}?${new URLSearchParams(options.params)}`;
  let init: RequestInit = options.post
    ? { method: "POST", body: new URLSearchParams(options.params), headers: { "content-type": "application/x-www-form-urlencoded" } }
    : { method: "GET" };
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

/** POSTs a form; the JSON answer (an empty body, as revocation sends, is `{}`). */
export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(form) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Answers the standalone patient picker by choosing `patient`. */
export function choosePatient(patient: string): NonNullable<AuthorizeOptions["answerPage"]> {
  return (html) => {
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    return action && html.includes(`value="${patient}"`) ? { action: action.replace(/&amp;/g, "&"), body: new URLSearchParams({ patient }) } : undefined;
  };
}
