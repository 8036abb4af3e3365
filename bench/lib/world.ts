/**
 * The benchmark's servers in a child process (see servers.ts). The parent (world-client.ts) sets the delay,
 * clears and reads the request log over IPC. Run with `--import tsx`.
 */
import { RequestLog, startDelayedSandbox, startStaticServer, type Delay } from "./servers.ts";

export interface SiteSpec {
  readonly root: string;
  /** Serve a config.json that allow-lists this world's sandbox. */
  readonly benchConfig: boolean;
}

export interface WorldSpec {
  readonly dataDir: string;
  readonly sites: Record<string, SiteSpec>;
}

export interface WorldInfo {
  readonly sandboxOrigin: string;
  readonly fhirBase: string;
  readonly sites: Record<string, string>;
}

export type WorldRequest = { id: number; type: "delay"; ms: number; staticMs: number } | { id: number; type: "clear" } | { id: number; type: "log" };

function benchConfig(fhirBase: string): string {
  return JSON.stringify({
    clientId: "lab-graph",
    scope: "openid fhirUser offline_access patient/Patient.rs patient/Observation.rs",
    issAllowList: [fhirBase],
    servers: [{ iss: fhirBase, name: "Benchmark sandbox", standalone: true }],
  });
}

const spec = JSON.parse(process.argv[2] ?? "{}") as WorldSpec;
const log = new RequestLog();
/** The sandbox's (authorization server and FHIR API, through the proxy) and the static files' delays. */
const delay: Delay = { ms: 0 };
const staticDelay: Delay = { ms: 0 };
const sandbox = await startDelayedSandbox(log, delay, spec.dataDir);
const sites: Record<string, string> = {};
const closers: (() => Promise<void>)[] = [() => sandbox.close()];
for (const [name, site] of Object.entries(spec.sites)) {
  const server = await startStaticServer(site.root, log, staticDelay, site.benchConfig ? { "/config.json": benchConfig(sandbox.fhirBase) } : {});
  sites[name] = server.origin;
  closers.push(() => server.close());
}
process.send?.({ ready: { sandboxOrigin: sandbox.origin, fhirBase: sandbox.fhirBase, sites } satisfies WorldInfo });
process.on("message", (message: WorldRequest) => {
  if (message.type === "delay") {
    delay.ms = message.ms;
    staticDelay.ms = message.staticMs;
  }
  if (message.type === "clear") log.clear();
  process.send?.({ id: message.id, log: message.type === "log" ? log.entries : undefined });
});
process.on("disconnect", () => void Promise.all(closers.map((c) => c())).finally(() => process.exit(0)));
