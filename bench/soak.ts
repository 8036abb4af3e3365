/**
 * `npm run soak [-- --seconds N --concurrency C --rounds R]`: simulated launches against the sandbox (in its own
 * process, on loopback), each one EHR launch → authorization (with its redirects) → token → three pages of
 * HbA1c → token revocation, by C workers at once, for R rounds of N seconds. Reports throughput, latency,
 * errors and the sandbox's heap after each round. Stops by itself. Also used, shorter, by `npm run bench`.
 */
import { fork } from "node:child_process";
import { resolve } from "node:path";
import { authorize, pkcePair, postForm } from "../sandbox/test/client.ts";
import { metric, table, writeResults, environment, type Metric } from "./lib/report.ts";

export interface SoakOptions {
  readonly seconds: number;
  readonly concurrency: number;
  readonly rounds: number;
}

interface Child {
  readonly origin: string;
  heap(): Promise<number>;
  stop(): void;
}

function startChild(): Promise<Child> {
  const child = fork(resolve("bench/lib/sandbox-child.ts"), [], { execArgv: ["--expose-gc", "--import", "tsx"], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  return new Promise((resolveChild, reject) => {
    child.once("error", reject);
    child.once("message", (message) => {
      const { origin } = message as { origin: string };
      resolveChild({
        origin,
        heap: () =>
          new Promise((done) => {
            child.once("message", (reply) => done((reply as { heapBytes: number }).heapBytes));
            child.send("heap");
          }),
        stop: () => child.disconnect(),
      });
    });
  });
}

const APP = "http://localhost:9/launch.html";
const REDIRECT = "http://localhost:9/index.html";

/** One simulated launch; returns the latency of each HTTP exchange it made, or throws on any unexpected answer. */
async function simulatedLaunch(origin: string): Promise<number[]> {
  const times: number[] = [];
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await work();
    times.push(performance.now() - t);
    return result;
  };
  const launch = await timed(() => fetch(`${origin}/launch?${new URLSearchParams({ app: APP, patient: "hba1c-long" })}`, { redirect: "manual" }));
  const launchUrl = new URL(launch.headers.get("location") ?? "");
  const { verifier, challenge } = pkcePair();
  const fhirBase = launchUrl.searchParams.get("iss") ?? "";
  const result = await timed(() =>
    authorize({
      authorizeUrl: `${origin}/auth/authorize`,
      redirectUri: REDIRECT,
      params: {
        response_type: "code",
        client_id: "lab-graph",
        scope: "launch openid fhirUser offline_access patient/Patient.rs patient/Observation.rs",
        redirect_uri: REDIRECT,
        aud: fhirBase,
        state: "soak",
        launch: launchUrl.searchParams.get("launch") ?? "",
        code_challenge: challenge,
        code_challenge_method: "S256",
      },
    }),
  );
  if (!result.code) throw new Error(`authorize: ${result.error} ${result.errorDescription}`);
  const token = await timed(() => postForm(`${origin}/auth/token`, { grant_type: "authorization_code", code: result.code ?? "", redirect_uri: REDIRECT, client_id: "lab-graph", code_verifier: verifier }));
  if (token.status !== 200) throw new Error(`token: ${token.status}`);
  const headers = { authorization: `Bearer ${String(token.body.access_token)}` };
  let next: string | undefined = `${fhirBase}/Observation?patient=hba1c-long&code=${encodeURIComponent("http://loinc.org|4548-4")}&_sort=-date&_count=50`;
  for (let page = 0; page < 3 && next; page++) {
    const url: string = next;
    const response = await timed(() => fetch(url, { headers }));
    if (response.status !== 200) throw new Error(`search: ${response.status}`);
    const bundle = (await response.json()) as fhir4.Bundle;
    next = bundle.link?.find((l) => l.relation === "next")?.url;
  }
  const revoke = await timed(() => fetch(`${origin}/auth/revoke`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ token: String(token.body.refresh_token), token_type_hint: "refresh_token", client_id: "lab-graph" }) }));
  if (revoke.status !== 200) throw new Error(`revoke: ${revoke.status}`);
  return times;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function soak(options: SoakOptions): Promise<Metric[]> {
  const child = await startChild();
  const latencies: number[] = [];
  const errors: string[] = [];
  const heaps: number[] = [];
  const launchesPerRound: number[] = [];
  try {
    // Warm-up, so that lazy initialization is not counted as growth.
    await Promise.all(Array.from({ length: options.concurrency }, () => simulatedLaunch(child.origin)));
    heaps.push(await child.heap());
    for (let round = 0; round < options.rounds; round++) {
      const until = performance.now() + options.seconds * 1000;
      let launches = 0;
      await Promise.all(
        Array.from({ length: options.concurrency }, async () => {
          while (performance.now() < until) {
            try {
              latencies.push(...(await simulatedLaunch(child.origin)));
              launches++;
            } catch (error) {
              errors.push(error instanceof Error ? error.message : String(error));
            }
          }
        }),
      );
      launchesPerRound.push(launches);
      heaps.push(await child.heap());
    }
  } finally {
    child.stop();
  }
  const total = launchesPerRound.reduce((a, b) => a + b, 0);
  const mib = (bytes: number) => bytes / (1024 * 1024);
  const lastRoundGrowth = (heaps.at(-1)! - heaps.at(-2)!) / Math.max(1, launchesPerRound.at(-1)!) / 1024;
  if (errors.length) console.log(`Soak errors (first 5): ${errors.slice(0, 5).join("; ")}`);
  return [
    metric("soak_launches", total, "launches", null, `${options.concurrency} at once, ${options.rounds} × ${options.seconds} s`),
    metric("soak_launches_per_s", total / (options.rounds * options.seconds), "launches/s"),
    metric("soak_request_p95_ms", percentile(latencies, 95), "ms", null, "each HTTP exchange of a launch (the authorization counts its redirects as one)"),
    metric("soak_errors", errors.length, "errors", { op: "<=", value: 0 }),
    metric("soak_heap_start_mb", mib(heaps[0]!), "MiB", null, "sandbox heap after warm-up, after GC"),
    metric("soak_heap_end_mb", mib(heaps.at(-1)!), "MiB"),
    metric("soak_heap_growth_last_round_kb_per_launch", lastRoundGrowth, "KiB", { op: "<=", value: 2 }, "heap kept per launch in the last round: each launch revokes its tokens, so only expiring sessions may stay"),
  ];
}

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const metrics = await soak({ seconds: flag("seconds", 20), concurrency: flag("concurrency", 8), rounds: flag("rounds", 3) });
  await writeResults("bench/.tmp/soak-results.json", { environment: environment("n/a", "full"), metrics });
  console.log(`\n${table(metrics)}`);
}
