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

export function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  const body = JSON.stringify({ error, error_description: description });
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(body) });
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
