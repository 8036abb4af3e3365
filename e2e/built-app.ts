/**
 * The built app as the hosted demo ships it: built by the very command the Pages workflow runs
 * (.github/workflows/pages.yml), copied to a folder of its own, and served by a plain static server from a
 * sub-path on a free loopback port, with its config.json (replaceable per test, as a deployer would).
 */
import { exec } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { serveFolder } from "./static";

export interface BuiltApp {
  /** The app's folder URL, ending in `/`. */
  readonly url: string;
  /** Replaces the config.json the server answers with. */
  setConfig(config: unknown): void;
  close(): Promise<void>;
}

/** The Pages workflow's build step (the `run:` after `npm ci`) and the folder it publishes. */
export async function workflowBuild(): Promise<{ command: string; folder: string }> {
  const workflow = await readFile(".github/workflows/pages.yml", "utf8");
  const runs = [...workflow.matchAll(/^\s*- run: (.+)$/gm)].map((m) => m[1]!.trim());
  const command = runs.find((r) => r !== "npm ci");
  const folder = /upload-pages-artifact@\S+\s+with:\s+path: (\S+)/.exec(workflow)?.[1];
  if (!command || !folder || runs.length !== 2) throw new Error(`pages.yml: expected "npm ci" and one build step publishing a folder, found ${JSON.stringify(runs)}`);
  return { command, folder };
}

export async function serveBuiltApp(subPath: string): Promise<BuiltApp> {
  const dir = await mkdtemp(join(tmpdir(), "lab-graph-built-"));
  const { command, folder } = await workflowBuild();
  await promisify(exec)(command);
  await cp(folder, dir, { recursive: true });
  const shipped = await readFile(join(dir, "config.json"), "utf8");
  let config = shipped;
  const prefix = `/${subPath.replace(/^\/|\/$/g, "")}/`;
  const server = await serveFolder(dir, { prefix, override: (file) => (file === "config.json" ? config : undefined) });
  return {
    url: `http://127.0.0.1:${server.port}${prefix}`,
    setConfig: (next) => {
      config = next === undefined ? shipped : JSON.stringify(next);
    },
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
