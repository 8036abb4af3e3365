/**
 * Request glue in front of oidc-provider: OAuth error answers, a JSON body's parameters as a form (Aidbox,
 * seed 002), the parameter and cookie changes SMART apps need, and the URL rules of redirects and resources.
 * Reading bodies and handing the library an equivalent request are general HTTP helpers (../http.ts).
 */
import type { ServerResponse } from "node:http";
import { RequestError } from "../http.ts";

/**
 * An OAuth error answer. `origin` (the request's Origin header) is echoed in Access-Control-Allow-Origin: a
 * browser app calling the token endpoint must be able to read why it was refused, not just see a failed fetch.
 * The body holds no secret and no cookie is involved.
 */
export function oauthError(res: ServerResponse, status: number, error: string, description: string, origin?: string): void {
  const body = JSON.stringify({ error, error_description: description });
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
    "Content-Length": Buffer.byteLength(body),
    ...(origin ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : {}),
  });
  res.end(body);
}

/** A JSON object of OAuth parameters as form parameters; only strings, numbers and booleans are parameters. */
export function jsonAsForm(body: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") form.set(key, String(value));
    else throw new RequestError(400, "invalid_request", `The parameter '${key}' must be a string.`);
  }
  return form;
}

export function isLoopbackHttpUrl(value: string): boolean {
  const url = URL.parse(value);
  return (
    url !== null &&
    url.protocol === "http:" &&
    (url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]") &&
    !url.username &&
    !url.password &&
    !url.hash
  );
}

export function sameResource(a: string, b: string): boolean {
  return a.replace(/\/+$/, "") === b.replace(/\/+$/, "");
}

/**
 * oidc-provider drops `offline_access` unless the authorization request's `prompt` includes `consent` (an
 * OpenID Connect rule). SMART apps never send `prompt`, yet expect a refresh token for `offline_access`, so
 * such requests get `prompt=consent` added here; the interaction step approves them either way.
 */
export function askConsentForOfflineAccess(params: URLSearchParams): boolean {
  const wantsOffline = (params.get("scope") ?? "").split(" ").includes("offline_access");
  if (!wantsOffline || params.has("prompt")) return false;
  params.set("prompt", "consent");
  return true;
}

/**
 * Apps run inside the EHR's iframe: the app (another site) navigates the frame to this server, and Chromium
 * then withholds SameSite=Lax cookies from the whole redirect chain, so oidc-provider would lose the
 * interaction. Its cookies are therefore sent as `SameSite=None; Secure`, which browsers accept from
 * loopback http origins (potentially trustworthy) as from https ones.
 */
export function allowCookiesInEhrFrames(res: ServerResponse): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() !== "set-cookie") return setHeader(name, value);
    const cookies = (Array.isArray(value) ? value : [String(value)]).map((cookie: string) => {
      const parts = cookie.split(/;\s*/).filter((p) => !/^(samesite|secure)(=|$)/i.test(p));
      return [...parts, "SameSite=None", "Secure"].join("; ");
    });
    return setHeader(name, cookies);
  };
}
