/**
 * Request glue in front of oidc-provider: reading an OAuth request's parameters once (form or JSON body) and
 * handing the library an equivalent request, so that a JSON body (Aidbox, seed 002) or a parameter added
 * here reaches it as an ordinary form post.
 */
import { IncomingMessage, type ServerResponse } from "node:http";

/** oidc-provider's own body limit. */
export const BODY_LIMIT = 56 * 1024;

export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

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

export async function readText(req: IncomingMessage, limit = BODY_LIMIT): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RequestError(413, "invalid_request", "The request body is too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function isJson(req: IncomingMessage): boolean {
  return /^application\/json\b/i.test(req.headers["content-type"] ?? "");
}

export function isForm(req: IncomingMessage): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(req.headers["content-type"] ?? "");
}

export function parseJsonObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RequestError(400, "invalid_request", "The request body is not valid JSON.");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new RequestError(400, "invalid_request", "The JSON request body must be an object.");
  }
  return parsed as Record<string, unknown>;
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

/** A fresh request with the same head as `req` and `body` as its body (the original stream has been read). */
export function withBody(req: IncomingMessage, body: string, contentType: string): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = { ...req.headers, "content-type": contentType, "content-length": String(Buffer.byteLength(body)) };
  delete copy.headers["transfer-encoding"];
  copy.push(Buffer.from(body));
  copy.push(null);
  // The HTTP parser never ran for this copy: without `complete`, ending it would destroy the shared socket.
  copy.complete = true;
  return copy;
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
