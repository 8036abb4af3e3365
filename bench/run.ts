/**
 * `npm run bench [-- --quick] [-- --prefetch] [-- --size]`: builds the app, a baseline page and a plain page, starts the
 * sandbox (behind a delaying proxy) and static servers, drives Chromium, prints a table and writes
 * bench/results.json. What each metric means: bench/README.md; the latest run and what it shows: docs/performance.md.
 */
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { basename, join, relative, resolve } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { build, type Plugin } from "vite";
import { CATALOG, closure } from "../vite-plugins.ts";
import { contentSecurityPolicy, withPolicy } from "../scripts/csp.mjs";
import type { LoggedRequest } from "./lib/servers.ts";
import { startWorld, type World } from "./lib/world-client.ts";
import { launchBrowser, newContext, whenDrawn, type Marks } from "./lib/browser.ts";
import { criticalPath, isObservationSearch, kindOf, requiredWaves, waves } from "./lib/waves.ts";
import { appData, PLAIN_LONG_PATIENT, PLAIN_LONG_RESULTS, SCALE_PATIENTS, TEN_PAGE_PATIENT, TEN_PAGE_RESULTS } from "./lib/data.ts";
import { median, runTimes, spread, traceLines, type RunTimes } from "./lib/plain.ts";
import { environment, metric, table, writeResults, type Metric } from "./lib/report.ts";
import { searchMetrics } from "./lib/search.ts";
import { soak } from "./soak.ts";

const QUICK = process.argv.includes("--quick");
/** Also measure the app with and without the graph page's prefetch of its React and chart chunks (report only). */
const PREFETCH_EXPERIMENT = process.argv.includes("--prefetch");
/** Only the plain comparison (and the prefetch experiment if asked), for trying a change: bench/.tmp/results.plain.json. */
const PLAIN_ONLY = process.argv.includes("--plain-only");
/** Only build and report the bundle sizes (seconds, no browser): for checking a change against the budgets. */
const SIZE_ONLY = process.argv.includes("--size");
const TMP = resolve("bench/.tmp");
const DELAY_MS = 100;
const KiB = 1024;
const RENDER_TIMEOUT_MS = 90_000;

/** What the build produced: the files each page loads, and the modules (with rendered sizes) in each chunk. */
interface BuildInfo {
  /** Per page: the scripts and styles it loads before any data — static imports, and for the graph page also the dynamic imports it preloads. */
  readonly pages: Record<string, string[]>;
  /** Per page: what it loads only after its first chart (`*.later.tsx` modules and what only they import). */
  readonly later: Record<string, string[]>;
  readonly modules: Record<string, readonly { readonly id: string; readonly bytes: number }[]>;
  /** Each language's message catalog (loaded only when that language is shown): tag → file. */
  readonly catalogs: Record<string, string>;
}

function recordBuild(info: BuildInfo): Plugin {
  return {
    name: "bench-build-info",
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk") continue;
        info.modules[chunk.fileName] = Object.entries(chunk.modules).map(([id, m]) => ({ id, bytes: m.renderedLength }));
        const catalog = chunk.facadeModuleId && CATALOG.test(chunk.facadeModuleId) ? basename(chunk.facadeModuleId, ".ts") : undefined;
        if (catalog) info.catalogs[catalog] = chunk.fileName;
        if (!chunk.isEntry) continue;
        const { scripts, styles } = closure(bundle, chunk, { dynamic: chunk.name === "index" });
        info.pages[chunk.name] = [...scripts, ...styles];
        const all = closure(bundle, chunk, { dynamic: chunk.name === "index", later: true });
        info.later[chunk.name] = [...all.scripts, ...all.styles].filter((f) => !scripts.has(f) && !styles.has(f));
      }
    },
  };
}

/** The pages' policy in the benchmark: every loopback port (see buildApp). */
const LOOPBACK_CONFIG = { issAllowList: [], connectOrigins: ["http://127.0.0.1:*", "http://localhost:*"] };

async function buildApp(info: BuildInfo): Promise<string> {
  const outDir = join(TMP, "dist");
  await build({ logLevel: "warn", build: { outDir, emptyOutDir: true }, plugins: [recordBuild(info)] });
  // A loopback configuration's policy: the sandbox's proxy and the static servers take free ports, and the
  // config.json the benchmark serves allow-lists the proxy's FHIR base (as `npm run configure` would).
  const policy = contentSecurityPolicy(LOOPBACK_CONFIG);
  for (const page of ["launch.html", "index.html"]) await writeFile(join(outDir, page), withPolicy(await readFile(join(outDir, page), "utf8"), policy));
  return outDir;
}

/** Builds one of the benchmark's own pages (`bench/baseline`, `bench/plain`): launch.html and index.html. */
async function buildBenchPage(name: "baseline" | "plain"): Promise<string> {
  const outDir = join(TMP, `${name}-dist`);
  const root = resolve("bench", name);
  await build({
    configFile: false,
    logLevel: "warn",
    root,
    base: "./",
    define: { FHIRCLIENT_PURE: "true" },
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: { index: join(root, "index.html"), launch: join(root, "launch.html") } } },
  });
  return outDir;
}

/** A copy of the built app whose index.html prefetches nothing (the prefetch experiment). */
async function withoutPrefetch(dist: string): Promise<string> {
  const outDir = join(TMP, "dist-noprefetch");
  await cp(dist, outDir, { recursive: true, force: true });
  const html = await readFile(join(dist, "index.html"), "utf8");
  const stripped = html.replace(/<template id="prefetch-own-chunks">[\s\S]*?<\/template>\s*/, "");
  console.log(`Prefetch experiment: ${stripped !== html ? "index.html without its prefetch template" : "index.html has no prefetch template; both variants are the same"}`);
  await writeFile(join(outDir, "index.html"), stripped);
  return outDir;
}


/** Asks the sandbox's EHR launch endpoint for a launch URL of `app` for `patient`. */
async function launchUrl(world: World, app: string, patient: string): Promise<string> {
  const response = await fetch(`${world.sandboxOrigin}/launch?${new URLSearchParams({ app, patient })}`, { redirect: "manual" });
  const location = response.headers.get("location");
  if (!location) throw new Error(`The sandbox did not launch ${patient}: ${response.status}`);
  return location;
}

/** Delay added to responses: one figure for everything, or the sandbox's and the static files' apart. */
type RunDelay = number | { readonly ms: number; readonly staticMs: number };

interface Run {
  readonly start: number;
  readonly marks: Required<Marks>;
  readonly requests: readonly LoggedRequest[];
  /** JS heap in use after the last point, after a garbage collection (bytes). */
  readonly heapBytes: number;
}

/** One launch in a fresh browser context (empty caches), until every point is drawn. */
async function launchRun(browser: Browser, world: World, site: string, patient: string, delay: RunDelay, timeout = 120_000, afterLoad?: (page: Page) => Promise<void>): Promise<Run> {
  await world.setDelay(0);
  const url = await launchUrl(world, `${site}/launch.html`, patient);
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const drawn = await whenDrawn(context, timeout);
    await (typeof delay === "number" ? world.setDelay(delay) : world.setDelay(delay.ms, { staticMs: delay.staticMs }));
    await world.clearLog();
    const start = performance.timeOrigin + performance.now();
    // Nothing is evaluated in the pages until every point is drawn: the page reports its marks itself (browser.ts).
    await page.goto(url, { waitUntil: "commit" });
    const marks = (await drawn.marks) as Required<Marks>;
    await afterLoad?.(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return { start, marks, requests: await world.log(), heapBytes: usedSize };
  } finally {
    await world.setDelay(0);
    await context.close();
  }
}

function tokenEnd(run: Run): number {
  const token = run.requests.find((r) => kindOf(r) === "token" && r.method === "POST");
  if (!token) throw new Error("No token request was seen");
  return token.end;
}

async function criticalPathMetrics(browser: Browser, world: World): Promise<Metric[]> {
  const runs: Run[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) runs.push(await launchRun(browser, world, world.sites.app!, "hba1c-long", DELAY_MS));
  const analysed = runs.map((run) => {
    const all = waves(run.requests.filter((r) => r.start <= run.marks.firstPoint));
    const path = criticalPath(all);
    const sandboxWaves = path.filter((w) => w.requests.some((r) => r.server === "sandbox")).length;
    return { run, path, required: requiredWaves(path), sandboxWaves, requests: path.flatMap((w) => w.requests).length };
  });
  const typical = analysed[Math.floor(analysed.length / 2)]!;
  console.log("\nCritical path (one run, %d ms added to every response):", DELAY_MS);
  for (const wave of typical.path) {
    console.log(`  wave ${wave.index}: ${wave.requests.map((r) => `${r.method} ${kindOf(r)} ${new URL(r.url).pathname.slice(0, 40)}`).join(" | ")}`);
  }
  const ratios = analysed.map((a) => (a.run.marks.firstPoint - a.run.start) / (a.path.length * DELAY_MS));
  return [
    metric("critical_path_waves", typical.path.length, "waves", null, `${typical.sandboxWaves} of them wait on the sandbox`),
    metric("critical_path_extra_waves", Math.max(0, typical.path.length - typical.required), "waves", { op: "<=", value: 0 }, "waves on the critical path the SMART flow does not need"),
    metric("critical_path_requests", typical.requests, "requests"),
    metric("launch_to_first_point_ms", median(analysed.map((a) => a.run.marks.firstPoint - a.run.start)), "ms", null, `with ${DELAY_MS} ms added to every response`),
    metric("latency_bound_launch_ratio", median(ratios), "ratio", { op: "<=", value: 1.15 }, "time to first point / (critical-path waves × delay)"),
  ];
}

async function streamingMetrics(browser: Browser, world: World): Promise<Metric[]> {
  const appRuns: Run[] = [];
  const baseRuns: Run[] = [];
  for (let i = 0; i < (QUICK ? 1 : 3); i++) {
    appRuns.push(await launchRun(browser, world, world.sites.app!, TEN_PAGE_PATIENT, DELAY_MS));
    baseRuns.push(await launchRun(browser, world, world.sites.baseline!, TEN_PAGE_PATIENT, DELAY_MS));
  }
  const appFirst = median(appRuns.map((r) => r.marks.firstPoint - tokenEnd(r)));
  const appAll = median(appRuns.map((r) => r.marks.allPoints - tokenEnd(r)));
  const baseAll = median(baseRuns.map((r) => r.marks.allPoints - tokenEnd(r)));
  const searches = appRuns[0]!.requests.filter(isObservationSearch);
  const pageSize = `about ${Math.round(TEN_PAGE_RESULTS / Math.max(searches.length, 1))} a page`;
  return [
    metric("stream_pages", searches.length, "pages", null, `${TEN_PAGE_RESULTS} results in ${searches.length} Observation searches, the first by POST (${pageSize})`),
    metric("stream_first_point_ms", appFirst, "ms", null, "from the token response"),
    metric("stream_all_points_ms", appAll, "ms", null, "from the token response"),
    metric("stream_baseline_all_points_ms", baseAll, "ms", null, "fhirclient pageLimit: 0, then draw"),
    metric("stream_first_point_speedup", baseAll / appFirst, "×", { op: ">=", value: 3 }, "baseline's first point / ours"),
    metric("stream_all_points_vs_baseline", appAll / baseAll, "ratio", { op: "<=", value: 1 }, "ours / baseline's, for every point"),
  ];
}

/**
 * Runs per page and delay in the plain comparison. Single launches on this shared 2-core machine spread by 100–350 ms
 * (a launch now and then waits on a core for a few hundred milliseconds), so a median of 5 moved by 0.1–0.2 between
 * runs of the benchmark; 11 keep it within a few hundredths.
 */
const PLAIN_RUNS = QUICK ? 1 : 11;
/** The plain comparison's delays, added to the sandbox's responses only: a CDN serves the static files. */
const PLAIN_DELAYS = [100, 0] as const;
/** The plain comparison's patients; the metric names of the first carry no suffix (their targets are on it). */
const PLAIN_PATIENTS = [
  { id: "hba1c-long", suffix: "", label: "hba1c-long (137 HbA1c results)" },
  { id: PLAIN_LONG_PATIENT, suffix: `_${PLAIN_LONG_RESULTS}`, label: `${PLAIN_LONG_PATIENT} (${PLAIN_LONG_RESULTS} HbA1c results)` },
] as const;

/** `runs` launches of each site in turn, alternating which goes first, each in a fresh context. */
async function alternate(browser: Browser, world: World, sites: readonly string[], patient: string, delay: RunDelay, runs: number): Promise<Run[][]> {
  const out = sites.map((): Run[] => []);
  for (let i = 0; i < runs; i++) {
    const order = [...sites.keys()];
    if (i % 2) order.reverse();
    for (const s of order) out[s]!.push(await launchRun(browser, world, sites[s]!, patient, delay));
  }
  return out;
}

const TIMES: readonly (readonly [keyof RunTimes, string, string])[] = [
  ["lastResult", "last_result", "to the last Observation search response"],
  ["firstPoint", "first_point", "to the first point drawn"],
  ["allPoints", "all_points", "to every point drawn"],
];

/** Medians (and spreads: max − min) of each time over `runs`, named `<prefix>_<time>_ms<tail>`. */
function timeMetrics(prefix: string, runs: readonly Run[], tail: string, context: string): { metrics: Metric[]; medians: RunTimes } {
  const times = runs.map(runTimes);
  const metrics: Metric[] = [];
  const medians = { lastResult: 0, firstPoint: 0, allPoints: 0 };
  for (const [key, name, what] of TIMES) {
    const values = times.map((t) => t[key]);
    const { min, max } = spread(values);
    medians[key] = median(values);
    metrics.push(metric(`${prefix}_${name}_ms${tail}`, medians[key], "ms", null, `median over ${runs.length} runs, from opening launch.html ${what}; ${context}`));
    metrics.push(metric(`${prefix}_${name}_spread_ms${tail}`, max - min, "ms", null, `max − min: ${Math.round(min)}–${Math.round(max)} ms`));
  }
  return { metrics, medians };
}

/** The run whose time to the last Observation response is the median one (for the printed trace). */
function typicalRun(runs: readonly Run[]): Run {
  return [...runs].sort((a, b) => runTimes(a).lastResult - runTimes(b).lastResult)[Math.floor(runs.length / 2)]!;
}

/**
 * Ours against the plain page (bench/plain/), alternating, on each plain-comparison patient, at +100 ms and
 * +0 ms on the sandbox's responses (none on the static files). Prints one run of each wave by wave.
 */
async function plainMetrics(browser: Browser, world: World): Promise<Metric[]> {
  const out: Metric[] = [];
  for (const patient of PLAIN_PATIENTS) {
    for (const delay of PLAIN_DELAYS) {
      const [ours, plain] = await alternate(browser, world, [world.sites.app!, world.sites.plain!], patient.id, { ms: delay, staticMs: 0 }, PLAIN_RUNS);
      const tail = `_${delay}ms${patient.suffix}`;
      const context = `${patient.label}, +${delay} ms on the sandbox's responses, none on static files`;
      const o = timeMetrics("ours", ours!, tail, context);
      const p = timeMetrics("plain", plain!, tail, context);
      const targeted = patient.suffix === "";
      out.push(
        metric(`plain_last_result_ratio${tail}`, o.medians.lastResult / p.medians.lastResult, "ratio", targeted ? { op: "<=", value: delay === 100 ? 0.7 : 1 } : null, `ours ÷ plain, time to the last Observation response (medians: ${Math.round(o.medians.lastResult)} / ${Math.round(p.medians.lastResult)} ms); ${context}`),
        metric(`plain_first_point_vs_last_result${tail}`, o.medians.firstPoint / p.medians.lastResult, "ratio", targeted && delay === 100 ? { op: "<=", value: 1 } : null, `our first point drawn ÷ plain's last Observation response (medians: ${Math.round(o.medians.firstPoint)} / ${Math.round(p.medians.lastResult)} ms)`),
        ...o.metrics,
        ...p.metrics,
      );
      if (targeted) {
        for (const [name, runs] of [["ours", ours!], ["plain", plain!]] as const) {
          const run = typicalRun(runs);
          const t = runTimes(run);
          console.log(`\n${name}, ${patient.id}, +${delay} ms on the sandbox (one run: last Observation response ${Math.round(t.lastResult)} ms, first point ${Math.round(t.firstPoint)} ms, all points ${Math.round(t.allPoints)} ms; request start–end in ms from opening launch.html):`);
          for (const line of traceLines(run)) console.log(line);
          const tasks = (run.marks.longTasks ?? []).map((t) => `${Math.round(t.at - run.start)}+${Math.round(t.duration)}`);
          console.log(`  long tasks on the graph page (start+duration, ms): ${tasks.join(", ") || "none"}`);
        }
      }
    }
  }
  return out;
}

/**
 * The graph page's prefetch of its React and chart chunks, both ways: the app as built against a copy whose
 * index.html has no prefetch template (those chunks are then fetched when the first script imports them, once the
 * FHIR requests are out), alternating, on hba1c-long at each plain-comparison delay. Report only.
 */
async function prefetchMetrics(browser: Browser, world: World): Promise<Metric[]> {
  const out: Metric[] = [];
  for (const delay of PLAIN_DELAYS) {
    const [on, off] = await alternate(browser, world, [world.sites.app!, world.sites.appNoPrefetch!], "hba1c-long", { ms: delay, staticMs: 0 }, PLAIN_RUNS);
    const context = `hba1c-long, +${delay} ms on the sandbox's responses, none on static files`;
    for (const [name, runs] of [["prefetch_on", on!], ["prefetch_off", off!]] as const) {
      out.push(...timeMetrics(name, runs, `_${delay}ms`, context).metrics.filter((m) => !m.name.includes("all_points")));
    }
  }
  return out;
}

/**
 * Zooming the sandbox's scale patient (10 000 glucose results, about four a day): switch to Glucose, wait for
 * every result, then click each time-range preset and drag a zoom across the chart. Returns the longest
 * main-thread task (Long Tasks API) seen while zooming, and how many long tasks the page saw in all (a check
 * that the observer works: loading 10 000 results is never free).
 */
async function zoomScalePatient(browser: Browser, world: World): Promise<{ longest: number; observed: number }> {
  let result = { longest: Number.NaN, observed: 0 };
  await launchRun(browser, world, world.sites.app!, "scale-10k", 0, RENDER_TIMEOUT_MS, async (page) => {
    await page.getByRole("combobox", { name: "Lab" }).selectOption({ label: "Glucose" });
    await page.getByRole("status").filter({ hasText: /^Loaded 10000 results$/ }).waitFor({ timeout: RENDER_TIMEOUT_MS });
    const before = await page.evaluate(() => window.__bench?.longTasks?.length ?? 0);
    const range = page.getByRole("group", { name: "Time range" });
    for (const preset of ["1y", "3y", "5y", "All"]) {
      await range.getByRole("button", { name: preset, exact: true }).click();
      await page.waitForTimeout(300);
    }
    const box = await page.locator("figure[aria-label] svg").first().boundingBox();
    if (!box) throw new Error("The chart is not on the page");
    for (const [from, to] of [[0.3, 0.6], [0.2, 0.9]] as const) {
      await page.mouse.move(box.x + box.width * from, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * to, box.y + box.height / 2, { steps: 10 });
      await page.mouse.up();
      await page.waitForTimeout(500);
      await range.getByRole("button", { name: "All", exact: true }).click();
      await page.waitForTimeout(300);
    }
    const tasks = await page.evaluate(() => window.__bench?.longTasks ?? []);
    result = { longest: Math.max(0, ...tasks.slice(before).map((t) => t.duration)), observed: tasks.length };
  });
  return result;
}

/**
 * Render scale: from the last page's response to every point painted, for 100, 1 000 and 10 000 results; the
 * longest task while zooming the 10 000; and the graph page's heap once 10 000 points are drawn.
 */
async function renderMetrics(browser: Browser, world: World): Promise<Metric[]> {
  const figures: Record<string, number> = {};
  let heapMiB = Number.NaN;

  const unfinished: string[] = [];
  for (const [count, patient] of Object.entries(SCALE_PATIENTS)) {
    const runs: Run[] = [];
    try {
      for (let i = 0; i < (QUICK ? 1 : 3); i++) runs.push(await launchRun(browser, world, world.sites.app!, patient, 0, RENDER_TIMEOUT_MS));
    } catch (error) {
      if (!(error instanceof Error && error.name === "TimeoutError")) throw error;
      unfinished.push(count);
      figures[count] = Number.NaN;
      continue;
    }
    figures[count] = median(
      runs.map((run) => {
        const lastPage = run.requests.filter(isObservationSearch).at(-1);
        return run.marks.allPoints - (lastPage?.end ?? run.marks.allPoints);
      }),
    );
    if (count === "10000") heapMiB = median(runs.map((r) => r.heapBytes)) / (1024 * 1024);
  }
  const zoom = await zoomScalePatient(browser, world);
  const late = unfinished.length ? `; ${unfinished.join(", ")} results did not finish loading within ${RENDER_TIMEOUT_MS / 1000} s` : "";
  return [
    metric("render_100_ms", figures["100"]!, "ms", null, `last page's response to every point painted${late}`),
    metric("render_1000_ms", figures["1000"]!, "ms"),
    metric("render_10000_ms", figures["10000"]!, "ms"),
    metric("render_10000_vs_1000", figures["10000"]! / Math.max(figures["1000"]!, 1), "ratio", { op: "<=", value: 2 }),
    metric("zoom_10000_longest_task_ms", zoom.observed > 0 ? zoom.longest : Number.NaN, "ms", { op: "<=", value: 100 }, `longest main-thread task while zooming the scale patient's 10 000 glucose results (${zoom.observed} long tasks seen in the whole run)`),
    metric("heap_10000_points_mb", heapMiB, "MiB", { op: "<=", value: 100 }, "graph page JS heap after loading 10 000 results, after GC"),
  ];
}

/** Libraries the graph page cannot do without (react, react-dom, recharts with its dependencies, react-query, fhirclient). */
const FIXED_LIBRARIES = /node_modules\/(react|react-dom|scheduler|recharts|@tanstack|fhirclient|d3-[a-z-]+|victory-vendor|@reduxjs|redux|immer|reselect|react-redux|use-sync-external-store|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|internmap|clsx|js-base64|cookie)\//;

/** Gzip KiB of the scripts and styles each page loads before any data, from the build's own record. */
async function bundleMetrics(dist: string, info: BuildInfo, run: Run | undefined): Promise<Metric[]> {
  const gzipped = async (file: string) => gzipSync(await readFile(join(dist, file))).length / KiB;
  const pageKiB = async (page: string, files = info.pages[page] ?? []) => {
    let total = 0;
    let own = 0;
    for (const file of files) {
      const kib = await gzipped(file);
      total += kib;
      const modules = info.modules[file] ?? [];
      const all = modules.reduce((n, m) => n + m.bytes, 0);
      const mine = modules.filter((m) => !FIXED_LIBRARIES.test(m.id)).reduce((n, m) => n + m.bytes, 0);
      // Each chunk's gzip size is shared out by its modules' rendered sizes; a style sheet is all ours.
      own += file.endsWith(".css") ? kib : all ? (kib * mine) / all : 0;
    }
    return { total, own };
  };
  const launch = await pageKiB("launch");
  const index = await pageKiB("index");
  const later = await pageKiB("index", info.later.index ?? []);
  const laterFiles = new Set(info.later.index ?? []);
  const largest = Object.values(info.modules).flat().sort((a, b) => b.bytes - a.bytes).slice(0, 8);
  console.log("\nLargest modules (rendered bytes):");
  for (const m of largest) console.log(`  ${(m.bytes / KiB).toFixed(1).padStart(7)} KiB  ${m.id.replace(/^.*node_modules\//, "")}`);
  // What loads after the first chart does so on purpose (`*.later.tsx`), and is counted apart.
  const afterToken = run ? run.requests.filter((r) => r.server === "static" && r.start > tokenEnd(run) && !laterFiles.has(new URL(r.url).pathname.replace(/^.*?\/(assets\/)/, "$1"))) : [];
  const sizes = [
    metric("launch_js_gzip_kb", launch.total, "KiB", { op: "<=", value: 20 }, (info.pages.launch ?? []).join(", ")),
    metric("index_js_gzip_kb", index.total, "KiB", { op: "<=", value: 230 }, "JS+CSS the graph page loads (or preloads) before data"),
    metric("index_own_code_gzip_kb", index.own, "KiB", { op: "<=", value: 30 }, "everything but react, react-dom, recharts, react-query, fhirclient (each chunk's gzip shared out by module size)"),
    metric("graph_lazy_gzip_kb", later.total, "KiB", { op: "<=", value: 40 }, "the graph page's lazy chunks (table, summary, clinical context, failure screens, …): what loads after the first chart or on use"),
    metric("index_later_js_gzip_kb", later.total, "KiB", null, `JS+CSS the graph page loads only after its first chart or on use (*.later.tsx): ${(info.later.index ?? []).join(", ") || "none"}`),
    ...(await Promise.all(Object.entries(info.catalogs).map(async ([tag, file]) => metric(`catalog_${tag}_gzip_kb`, await gzipped(file), "KiB", null, `the ${tag} message catalog, loaded (before the first chart) only when ${tag} is shown`)))),
  ];
  if (!run) return sizes;
  return [...sizes, metric("index_requests_after_token", afterToken.length, "requests", { op: "<=", value: 0 }, afterToken.map((r) => new URL(r.url).pathname).join(", ") || "scripts and styles fetched after the token arrived")];
}

async function main(): Promise<void> {
  await mkdir(TMP, { recursive: true });
  const started = Date.now();
  const info: BuildInfo = { pages: {}, later: {}, modules: {}, catalogs: {} };
  console.log("Building the app, the baseline and the plain page…");
  const dist = await buildApp(info);
  if (SIZE_ONLY) {
    const sizes = await bundleMetrics(dist, info, undefined);
    const own = (info.pages.index ?? []).flatMap((file) => (info.modules[file] ?? []).filter((m) => !FIXED_LIBRARIES.test(m.id)));
    console.log("\nThe graph page's own modules before any data (rendered bytes, largest first):");
    for (const m of own.sort((a, b) => b.bytes - a.bytes).slice(0, 40)) console.log(`  ${(m.bytes / KiB).toFixed(1).padStart(7)} KiB  ${relative(process.cwd(), m.id)}`);
    console.log(`\n${table(sizes)}\n\n${sizes.filter((m) => m.pass === false).length} missed.`);
    return;
  }
  const sites = {
    app: { root: dist, benchConfig: true },
    baseline: { root: await buildBenchPage("baseline"), benchConfig: false },
    plain: { root: await buildBenchPage("plain"), benchConfig: false },
    ...(PREFETCH_EXPERIMENT ? { appNoPrefetch: { root: await withoutPrefetch(dist), benchConfig: true } } : {}),
  };
  const world = await startWorld({ dataDir: await appData(TMP), sites });
  const browser = await launchBrowser();
  const chromiumVersion = browser.version();
  const metrics: Metric[] = [];
  try {
    if (!PLAIN_ONLY) {
      console.log("Measuring the critical path…");
      metrics.push(...(await criticalPathMetrics(browser, world)));
      // At the critical path's delay: the chunks are asked for during the token's round trip, which +0 ms erases.
      const bundleRun = await launchRun(browser, world, world.sites.app!, "hba1c-long", DELAY_MS);
      metrics.push(...(await bundleMetrics(dist, info, bundleRun)));
    }
    console.log("Measuring ours against the plain page…");
    metrics.push(...(await plainMetrics(browser, world)));
    if (PREFETCH_EXPERIMENT) {
      console.log("Measuring the graph page with and without its prefetch…");
      metrics.push(...(await prefetchMetrics(browser, world)));
    }
    if (!PLAIN_ONLY) {
      console.log("Measuring streaming against the baseline…");
      metrics.push(...(await streamingMetrics(browser, world)));
      console.log("Measuring render scale and memory…");
      metrics.push(...(await renderMetrics(browser, world)));
    }
  } finally {
    await browser.close();
    world.close();
  }
  if (!PLAIN_ONLY) {
    console.log("Measuring sandbox search…");
    metrics.push(...(await searchMetrics(TMP, QUICK)));
    console.log("Soak: simulated launches against the sandbox…");
    metrics.push(...(await soak(QUICK ? { seconds: 3, concurrency: 4, rounds: 2 } : { seconds: 10, concurrency: 8, rounds: 3 })));
  }
  const results = { environment: environment(chromiumVersion, QUICK ? "quick" : PLAIN_ONLY ? "plain-only" : "full"), metrics };
  await writeResults(PLAIN_ONLY ? join(TMP, "results.plain.json") : QUICK ? join(TMP, "results.quick.json") : "bench/results.json", results);
  console.log(`\n${table(metrics)}\n\n${metrics.filter((m) => m.pass === false).length} missed, in ${Math.round((Date.now() - started) / 1000)} s.`);
}

await main();
