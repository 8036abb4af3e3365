/** Small HTTP helpers for the sandbox's own routes (oidc-provider brings its own). */
import type { ServerResponse } from "node:http";

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
