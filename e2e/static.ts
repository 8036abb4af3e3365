/**
 * One plain static file server for the built app, shared by the e2e tests (a deployed copy on a sub-path) and
 * the benchmark (the built pages behind a fixed delay): loopback only, a free port, files below one folder.
 */
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export interface StaticOptions {
  /** The URL path the folder is served under, ending in `/` (default `/`); anything else is a 404. */
  readonly prefix?: string;
  /** A fixed body for a path inside the folder (e.g. `config.json`), instead of the file. */
  readonly override?: (file: string) => string | undefined;
  /** Milliseconds to hold each response back (a stand-in for network latency); read per request. */
  readonly delayMs?: () => number;
  /** Called once each response has been sent, with when its request arrived (epoch ms, fractional). */
  readonly onResponse?: (req: IncomingMessage, status: number, arrived: number) => void;
}

export interface StaticServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Serves `root`; hashed assets are cached for good, everything else revalidated, as a static host does. */
export async function serveFolder(root: string, options: StaticOptions = {}): Promise<StaticServer> {
  const prefix = options.prefix ?? "/";
  const base = normalize(root + sep);
  const server: Server = createServer(async (req, res) => {
    const arrived = performance.timeOrigin + performance.now();
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const send = (status: number, body: string | Buffer = "", type = "text/plain") =>
      setTimeout(() => {
        res.writeHead(status, { "Content-Type": type, "Cache-Control": path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache" });
        res.end(body, () => options.onResponse?.(req, status, arrived));
      }, options.delayMs?.() ?? 0);
    if (!path.startsWith(prefix)) return send(404);
    const name = path.slice(prefix.length);
    const file = normalize(join(base, name === "" || name.endsWith("/") ? `${name}index.html` : name));
    if (!file.startsWith(base)) return send(403);
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const override = options.override?.(file.slice(base.length));
    if (override !== undefined) return send(200, override, type);
    try {
      if (!(await stat(file)).isFile()) return send(404);
      send(200, await readFile(file), type);
    } catch {
      send(404);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
