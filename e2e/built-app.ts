/**
 * The built app as a deployer ships it: `vite build` into a folder of its own, served by a plain static
 * server from a sub-path on a free loopback port, with the deployer's own config.json.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { promisify } from "node:util";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
};

export interface BuiltApp {
  /** The app's folder URL, ending in `/`. */
  readonly url: string;
  /** Replaces the config.json the server answers with. */
  setConfig(config: unknown): void;
  close(): Promise<void>;
}

export async function serveBuiltApp(subPath: string): Promise<BuiltApp> {
  const dir = await mkdtemp(join(tmpdir(), "lab-graph-built-"));
  await promisify(execFile)("node_modules/.bin/vite", ["build", "--outDir", dir, "--emptyOutDir", "--logLevel", "error"]);
  const shipped = await readFile(join(dir, "config.json"), "utf8");
  let config = shipped;
  const prefix = `/${subPath.replace(/^\/|\/$/g, "")}/`;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (!path.startsWith(prefix)) return void res.writeHead(404).end();
    const file = normalize(path.slice(prefix.length) || "index.html");
    if (file.startsWith("..")) return void res.writeHead(400).end();
    const body = file === "config.json" ? Promise.resolve(Buffer.from(config)) : readFile(join(dir, file));
    body.then(
      (content) => res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" }).end(content),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    setConfig: (next) => {
      config = next === undefined ? shipped : JSON.stringify(next);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
