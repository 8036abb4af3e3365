/**
 * Sandbox search: latency of one Observation search page over HTTP (token check included) on stores of
 * 10 000 and 100 000 Observations, and the store's load time and memory (measured in a child process).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { startSandbox } from "../../sandbox/src/sandbox.ts";
import { authorize, pkcePair, postForm } from "../../sandbox/test/client.ts";
import { storeData } from "./data.ts";
import { metric, type Metric } from "./report.ts";

const run = promisify(execFile);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function tokenFor(origin: string, fhirBase: string, patient: string): Promise<string> {
  const app = "http://localhost:9/launch.html";
  const redirect = "http://localhost:9/index.html";
  const launch = new URL((await fetch(`${origin}/launch?${new URLSearchParams({ app, patient })}`, { redirect: "manual" })).headers.get("location") ?? "");
  const { verifier, challenge } = pkcePair();
  const result = await authorize({
    authorizeUrl: `${origin}/auth/authorize`,
    redirectUri: redirect,
    params: {
      response_type: "code",
      client_id: "lab-graph",
      scope: "launch patient/Observation.rs",
      redirect_uri: redirect,
      aud: fhirBase,
      state: "bench",
      launch: launch.searchParams.get("launch") ?? "",
      code_challenge: challenge,
      code_challenge_method: "S256",
    },
  });
  const token = await postForm(`${origin}/auth/token`, { grant_type: "authorization_code", code: result.code ?? "", redirect_uri: redirect, client_id: "lab-graph", code_verifier: verifier });
  return String(token.body.access_token);
}

async function latencies(dir: string, count: number, iterations: number): Promise<number[]> {
  const sandbox = await startSandbox({ port: 0, dataDir: dir });
  try {
    const token = await tokenFor(sandbox.origin, sandbox.fhirBase, "store-p0");
    const query = new URLSearchParams({ patient: "store-p0", code: "http://loinc.org|4548-4", date: "ge2000-01-01", _sort: "-date", _count: String(count) });
    query.append("date", "lt2030-01-01");
    const url = `${sandbox.fhirBase}/Observation?${query}`;
    const times: number[] = [];
    for (let i = 0; i < iterations + 20; i++) {
      const t = performance.now();
      const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const bundle = (await response.json()) as fhir4.Bundle;
      if (response.status !== 200 || bundle.entry?.length !== count) throw new Error(`search failed: ${response.status}`);
      if (i >= 20) times.push(performance.now() - t);
    }
    return times;
  } finally {
    await sandbox.close();
  }
}

async function storeFootprint(dir: string): Promise<{ heapMiB: number; loadMs: number }> {
  const { stdout } = await run(process.execPath, ["--expose-gc", "--import", "tsx", "bench/lib/store-footprint.ts", dir], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { heapMiB: number; loadMs: number };
}

export async function searchMetrics(tmp: string, quick: boolean): Promise<Metric[]> {
  const iterations = quick ? 40 : 300;
  const stores = [
    { label: "10k", dir: await storeData(tmp, 1, 10_000) },
    ...(quick ? [] : [{ label: "100k", dir: await storeData(tmp, 10, 10_000) }]),
  ];
  const out: Metric[] = [];
  const p50: Record<string, number> = {};
  for (const { label, dir } of stores) {
    for (const count of [50, 200]) {
      const times = await latencies(dir, count, iterations);
      p50[`${label}-${count}`] = percentile(times, 50);
      const target = label === "100k" ? ({ op: "<=", value: 20 } as const) : null;
      out.push(metric(`search_${label}_count${count}_p50_ms`, percentile(times, 50), "ms"));
      out.push(metric(`search_${label}_count${count}_p95_ms`, percentile(times, 95), "ms", target, `${iterations} searches, date range, _sort=-date`));
    }
    const footprint = await storeFootprint(dir);
    out.push(metric(`store_${label}_load_ms`, footprint.loadMs, "ms"));
    out.push(metric(`store_${label}_heap_mb`, footprint.heapMiB, "MiB"));
  }
  out.push(metric("search_page_size_cost_ratio", p50["10k-200"]! / p50["10k-50"]!, "ratio", { op: "<=", value: 4 }, "p50 at _count=200 / at _count=50: no worse than linear"));
  if (p50["100k-50"] !== undefined) {
    out.push(metric("search_store_size_cost_ratio", p50["100k-50"] / p50["10k-50"]!, "ratio", { op: "<=", value: 1.5 }, "p50 at 100 000 / at 10 000 Observations: flat"));
  }
  return out;
}
