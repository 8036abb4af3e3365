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
