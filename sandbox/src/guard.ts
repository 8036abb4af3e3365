/**
 * Who may call the sandbox, and by which name. A developer leaves it running while browsing the web, so any page
 * can send it requests. Two checks run before any route:
 * - Host: a request must name the sandbox by one of its own names (421 otherwise). A page on a rebinding DNS
 *   name (one that resolves to 127.0.0.1 once the page has loaded) is same-origin with whatever answers there;
 *   refusing names it does not own ends that.
 * - Origin: the routes that give out tokens, data or clients without a token (the debug tools, the open FHIR
 *   endpoint, `PUT /Client/{id}`, `POST /rpc`, dynamic registration) answer a browser only from the sandbox's own
 *   origin or a loopback app origin, echoed with `Vary: Origin`, never `*`; any other origin gets a 403, and
 *   so does its preflight. A request without an Origin header is no cross-origin call from a page (a script, a
 *   test, a top-level navigation) and is served as before.
 * The bearer-protected FHIR API and the OAuth endpoints apps use stay open to every origin: any app may be
 * launched by this EHR.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "./http.ts";

const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** `http://localhost:<port>`, `http://127.0.0.1:<port>` or `http://[::1]:<port>`, serialized as a browser sends it. */
export function isLoopbackOrigin(origin: string): boolean {
  const url = URL.parse(origin);
  return url !== null && url.origin === origin && url.protocol === "http:" && LOOPBACK_HOSTNAMES.has(url.hostname);
}

/** A name with its port, and without it when the port is the scheme's default (clients send either). */
function hostForms(protocol: string, hostname: string, port: string): string[] {
  const fallback = protocol === "https:" ? "443" : "80";
  const effective = port || fallback;
  return effective === fallback ? [hostname, `${hostname}:${effective}`] : [`${hostname}:${effective}`];
}

/** The Host header values a listener on `port` answers to: its loopback names, and the host of `origin`. */
export function ownHostNames(origin: string, port: number): string[] {
  const url = new URL(origin);
  const names = [
    ...hostForms("http:", "127.0.0.1", String(port)),
    ...hostForms("http:", "localhost", String(port)),
    ...hostForms(url.protocol, url.hostname, url.port),
  ];
  return [...new Set(names.map((name) => name.toLowerCase()))];
}

/**
 * Answers 421 and returns true when the request's Host is not one of `names`. Browsers send the name in the
 * address bar, so a page reached through a rebinding DNS name is refused here.
 */
export function refuseForeignHost(req: IncomingMessage, res: ServerResponse, names: readonly string[]): boolean {
  const seen = req.headers.host;
  if (seen !== undefined && names.includes(seen.toLowerCase())) return false;
  sendJson(
    res,
    421,
    {
      error: "misdirected_request",
      error_description: `This server answers only to its own names (${names.join(", ")}), and this request named ${seen === undefined ? "no host" : JSON.stringify(seen)} in its Host header. A page reached through another name, such as a DNS name rebound to this machine, may not use it.`,
      host: seen ?? null,
      accepted_hosts: names,
    },
    { "Cache-Control": "no-store" },
  );
  return true;
}

/** CORS of a guarded route for an allowed origin, which is echoed beside these. */
const GUARDED_CORS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Methods": "GET, POST, PUT, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Accept, Content-Type",
  "Access-Control-Expose-Headers": "Location, ETag, WWW-Authenticate",
  "Access-Control-Max-Age": "600",
};

export class CallerPolicy {
  readonly hostNames: readonly string[];
  readonly #origin: string;

  /** `origin`: the sandbox's own (public) origin; `authPaths`: where each authorization server is mounted. */
  constructor(
    origin: string,
    port: number,
    private readonly authPaths: readonly string[],
  ) {
    this.#origin = new URL(origin).origin;
    this.hostNames = ownHostNames(origin, port);
  }

  /**
   * Debug tools, the open endpoint, client creation, get-launch-uri and registration. `path` is the request's
   * normalised path (dot segments resolved), the one routing uses. oidc-provider matches its routes without
   * regard to case, so registration is matched that way too.
   */
  isGuarded(path: string): boolean {
    if (path === "/debug" || path.startsWith("/debug/")) return true;
    if (path === "/open-fhir" || path.startsWith("/open-fhir/")) return true;
    if (path === "/rpc" || path.startsWith("/Client/")) return true;
    const lower = path.toLowerCase();
    return this.authPaths.some((auth) => path.startsWith(`${auth}/debug/`) || lower === `${auth}/register` || lower.startsWith(`${auth}/register/`));
  }

  /** The sandbox's own origin or a loopback app's. */
  allows(origin: string): boolean {
    return origin === this.#origin || isLoopbackOrigin(origin);
  }

  /**
   * Refuses a foreign Host (421) or, on a guarded route, a foreign Origin (403), and answers a guarded route's
   * preflight: returns true when the request has been answered. Otherwise a guarded route's CORS headers are set
   * on `res` for the route's answer to carry.
   */
  screen(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (refuseForeignHost(req, res, this.hostNames)) return true;
    if (!this.isGuarded(path)) return false;
    res.setHeader("Vary", "Origin");
    // A form on the sandbox's own pages (the token debugger) posts with `Origin: null` under its no-referrer
    // policy; the browser's Sec-Fetch-Site, which no page can set, still says the post came from this origin.
    const ownPage = req.headers.origin === "null" && req.headers["sec-fetch-site"] === "same-origin";
    const origin = ownPage ? undefined : req.headers.origin;
    if (origin !== undefined && !this.allows(origin)) {
      sendJson(
        res,
        403,
        {
          error: "origin_not_allowed",
          error_description: `${path} answers browser requests only from this sandbox (${this.#origin}) or an app on this machine (http://localhost:<port>, http://127.0.0.1:<port>, http://[::1]:<port>), not from ${origin}. Scripts that send no Origin header are not affected.`,
        },
        { "Cache-Control": "no-store" },
      );
      return true;
    }
    if (origin !== undefined) {
      for (const [name, value] of Object.entries(GUARDED_CORS)) res.setHeader(name, value);
      res.setHeader("Access-Control-Allow-Origin", origin);
    }
    if (req.method !== "OPTIONS") return false;
    res.writeHead(204, { "Content-Length": 0 });
    res.end();
    return true;
  }
}
