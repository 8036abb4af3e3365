/**
 * The servers a benchmark run needs, all on loopback and on free ports: the sandbox, a proxy in front of it,
 * and static servers for the built pages; every response is held back by a fixed delay (a stand-in for
 * network latency: one for the sandbox, one for the static files, the same unless a measurement sets them
 * apart), and every request is logged with its timing. They run in a process of their own
 * (world.ts), so that the browser driver's work never stalls them.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startSandbox, type Sandbox } from "../../sandbox/src/sandbox.ts";
import { serveFolder } from "../../e2e/static.ts";

export interface LoggedRequest {
  readonly server: "sandbox" | "static";
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** Epoch milliseconds (fractional): when the request arrived, and when its response was fully sent. */
  readonly start: number;
  readonly end: number;
}

/** Requests the browser makes on its own (the tab's icon) that no page waits for: left out of the log. */
const IGNORED = /\/favicon\.(svg|ico)$/;

export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    if (!IGNORED.test(new URL(entry.url).pathname)) this.entries.push(entry);
  }

  clear(): void {
    this.entries.length = 0;
  }
}

export function now(): number {
  return performance.timeOrigin + performance.now();
}

function listen(server: Server, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** Milliseconds added before every response of one server (or group of servers) is sent; changed between measurements. */
export interface Delay {
  ms: number;
}

export interface DelayedSandbox {
  readonly origin: string;
  readonly fhirBase: string;
  readonly sandbox: Sandbox;
  close(): Promise<void>;
}

/** Starts the sandbox behind a delaying proxy; the sandbox names the proxy's origin in every URL it gives. */
export async function startDelayedSandbox(log: RequestLog, delay: Delay, dataDir: string): Promise<DelayedSandbox> {
  const proxy = createServer();
  const proxyPort = await listen(proxy);
  const origin = `http://127.0.0.1:${proxyPort}`;
  const sandbox = await startSandbox({ port: 0, publicOrigin: origin, dataDir });
  const target = sandbox.server.address() as AddressInfo;
  const state: DelayedSandbox = {
    origin,
    fhirBase: `${origin}/fhir`,
    sandbox,
    close: async () => {
      await close(proxy);
      await sandbox.close();
    },
  };
  proxy.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const start = now();
    const upstream = httpRequest(
      { host: "127.0.0.1", port: target.port, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        const chunks: Buffer[] = [];
        reply.on("data", (c: Buffer) => chunks.push(c));
        reply.on("end", () => {
          setTimeout(() => {
            res.writeHead(reply.statusCode ?? 502, reply.headers);
            res.end(Buffer.concat(chunks), () => {
              log.add({ server: "sandbox", method: req.method ?? "", url: `${origin}${req.url}`, status: reply.statusCode ?? 0, start, end: now() });
            });
          }, delay.ms);
        });
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  return state;
}

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves a folder (the built app). `overrides` answers given paths with fixed bodies (the benchmark's
 * config.json, which allow-lists the proxy's FHIR base). Reached as `localhost`, so the app and the sandbox
 * (127.0.0.1) are different sites, as a real app and EHR are.
 */
export async function startStaticServer(root: string, log: RequestLog, delay: Delay, overrides: Record<string, string> = {}): Promise<StaticServer> {
  const server = await serveFolder(root, {
    override: (file) => overrides[`/${file}`],
    delayMs: () => delay.ms,
    onResponse: (req, status, arrived) => log.add({ server: "static", method: req.method ?? "", url: `${origin}${req.url}`, status, start: arrived, end: now() }),
  });
  const origin = `http://localhost:${server.port}`;
  return { origin, close: () => server.close() };
}
