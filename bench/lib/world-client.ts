/** The parent's handle on the benchmark's servers, which run in a child process (world.ts). */
import { fork } from "node:child_process";
import { resolve } from "node:path";
import type { LoggedRequest } from "./servers.ts";
import type { WorldInfo, WorldRequest, WorldSpec } from "./world.ts";

export interface DelayOptions {
  /** The static files' delay, when it differs from the sandbox's (the app's host is a CDN, the EHR is not). */
  readonly staticMs?: number;
}

export interface World extends WorldInfo {
  /** Holds back every response of the sandbox by `ms`, and of the static files by `staticMs` (default: `ms` too). */
  setDelay(ms: number, options?: DelayOptions): Promise<void>;
  clearLog(): Promise<void>;
  log(): Promise<LoggedRequest[]>;
  close(): void;
}

type Pending = (log: LoggedRequest[] | undefined) => void;
type WithoutId<T> = T extends unknown ? Omit<T, "id"> : never;

export function startWorld(spec: WorldSpec): Promise<World> {
  const child = fork(resolve("bench/lib/world.ts"), [JSON.stringify(spec)], { execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  const pending = new Map<number, Pending>();
  let next = 0;
  const ask = (request: WithoutId<WorldRequest>) =>
    new Promise<LoggedRequest[] | undefined>((done) => {
      const id = ++next;
      pending.set(id, done);
      child.send({ ...request, id });
    });
  return new Promise((resolveWorld, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`The benchmark's servers exited (${code})`)));
    child.on("message", (message: { ready?: WorldInfo; id?: number; log?: LoggedRequest[] }) => {
      if (message.ready) {
        resolveWorld({
          ...message.ready,
          setDelay: async (ms, options) => void (await ask({ type: "delay", ms, staticMs: options?.staticMs ?? ms })),
          clearLog: async () => void (await ask({ type: "clear" })),
          log: async () => (await ask({ type: "log" })) ?? [],
          close: () => child.disconnect(),
        });
      } else if (message.id !== undefined) {
        pending.get(message.id)?.(message.log);
        pending.delete(message.id);
      }
    });
  });
}
