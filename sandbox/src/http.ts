/**
 * Small HTTP helpers for the sandbox's own routes (oidc-provider brings its own): answers, headers, and reading
 * a request's body once (and handing an equivalent request on, as the auth glue does for oidc-provider).
 */
import { IncomingMessage, ServerResponse } from "node:http";

export const JSON_TYPE = "application/json; charset=utf-8";
export const FHIR_JSON_TYPE = "application/fhir+json; charset=utf-8";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  type = JSON_TYPE,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Every HTML page's policy: the EHR pages frame apps from any origin; no page runs inline script. */
export const PAGE_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-src http: https:; form-action 'self' http: https:; object-src 'none'; base-uri 'none'";

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
    "Content-Security-Policy": PAGE_CSP,
    ...headers,
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string, status = 302): void {
  res.writeHead(status, { Location: location, "Cache-Control": "no-store", "Content-Length": 0 });
  res.end();
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Sent with every response: no MIME sniffing, no referrer (URLs may carry launch values or codes). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
};

/** CORS for resources any web app may read with a bearer token (no cookies involved). */
export const OPEN_CORS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Accept, Content-Type, Prefer",
  "Access-Control-Expose-Headers": "Retry-After, Location, ETag, WWW-Authenticate",
  "Access-Control-Max-Age": "7200",
};

/** The largest request body read: oidc-provider's own limit, so that every route refuses the same bodies. */
export const BODY_LIMIT = 56 * 1024;

/** A refused request: the HTTP status and an OAuth-style `error` code; the message is the description. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
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

/**
 * A request on `req`'s socket with its HTTP version and the given method, URL, headers and body, complete: the
 * original stream has been read, or the copy is a request of the server's own.
 */
function requestLike(req: IncomingMessage, method: string | undefined, url: string | undefined, headers: IncomingMessage["headers"], body?: string): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = method;
  copy.url = url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = headers;
  if (body !== undefined) copy.push(Buffer.from(body));
  copy.push(null);
  // The HTTP parser never ran for this copy: without `complete`, ending it would destroy the shared socket.
  copy.complete = true;
  return copy;
}

/** A fresh request with the same head as `req` and `body` as its body (the original stream has been read). */
export function withBody(req: IncomingMessage, body: string, contentType: string): IncomingMessage {
  const headers = { ...req.headers, "content-type": contentType, "content-length": String(Buffer.byteLength(body)) };
  delete headers["transfer-encoding"];
  return requestLike(req, req.method, req.url, headers, body);
}

/** A GET with the same head as `req` (its host, forwarding and `accept` headers) for another URL and cookies. */
export function getLike(req: IncomingMessage, url: string, cookie: string): IncomingMessage {
  const dropped = new Set(["content-type", "content-length", "transfer-encoding", "origin", "cookie"]);
  const headers: IncomingMessage["headers"] = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !dropped.has(name)));
  if (cookie) headers.cookie = cookie;
  return requestLike(req, "GET", url, headers);
}

/** What a handler answered a request run in memory. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, number | string | readonly string[]>>;
  readonly body: Buffer;
}

/**
 * Runs `req` through `handler` without a socket and returns its answer (status, headers, body), for glue that
 * follows a library's own redirects on the server. Headers given to `writeHead` are kept like `setHeader`'s.
 */
export function answerInMemory(req: IncomingMessage, handler: (req: IncomingMessage, res: ServerResponse) => unknown): Promise<Answer> {
  const res = new ServerResponse(req);
  const chunks: Buffer[] = [];
  const keep = (chunk: unknown): void => {
    if (typeof chunk === "string" || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  return new Promise<Answer>((resolve, reject) => {
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      res.statusCode = status;
      const headers = rest.find((r): r is Record<string, number | string | string[]> => typeof r === "object" && r !== null && !Array.isArray(r));
      for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(name, value);
      return res;
    }) as ServerResponse["writeHead"];
    res.write = ((chunk: unknown) => {
      keep(chunk);
      return true;
    }) as ServerResponse["write"];
    res.end = ((chunk?: unknown) => {
      keep(chunk);
      resolve({ status: res.statusCode, headers: { ...res.getHeaders() } as Answer["headers"], body: Buffer.concat(chunks) });
      return res;
    }) as ServerResponse["end"];
    Promise.resolve(handler(req, res)).catch(reject);
  });
}

/** Sends an answer made in memory, with `setCookie` as its Set-Cookie headers. */
export function sendAnswer(res: ServerResponse, answer: Answer, setCookie: readonly string[]): void {
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) {
    if (name.toLowerCase() !== "set-cookie" && name.toLowerCase() !== "content-length") res.setHeader(name, value);
  }
  if (setCookie.length > 0) res.setHeader("Set-Cookie", setCookie);
  res.setHeader("Content-Length", answer.body.length);
  res.end(answer.body);
}
