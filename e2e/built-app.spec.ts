/**
 * The built app, served from a sub-path by a plain static server: it launches and charts under the
 * Content-Security-Policy its pages carry, the EHR's style still applies, and the policy does block inline
 * script. With a deployer's config.json that sets short paging limits, it pauses at the page cap (against a
 * server whose next links never end) and at the time budget (against a slow server); the default goal and
 * retest intervals it sets for a lab are followed, and a wrong one is refused at launch.
 */
import { wait } from "./timeouts";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { test, expect, observationSearch, FHIR_BASE, SANDBOX } from "./fixtures";
import { resultsTable } from "./lab-helpers";
import { serveBuiltApp, type BuiltApp } from "./built-app";
import { NEAR_SERVER_KEY } from "../src/fhir/storage.ts";

test.describe.configure({ mode: "serial" });

let app: BuiltApp;

test.beforeAll(async () => {
  test.setTimeout(wait(120_000));
  app = await serveBuiltApp("some/path");
});
test.afterAll(async () => {
  await app?.close();
});
test.afterEach(() => app.setConfig(undefined));

/** Records every CSP violation the page reports, from before its first script. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

async function launchBuilt(page: Page, patient: string, options: Record<string, string> = {}): Promise<void> {
  await page.goto(`${SANDBOX}/launch?${new URLSearchParams({ app: `${app.url}launch.html`, patient, ...options })}`);
}

test("launches and charts from a sub-path under its Content-Security-Policy, with the EHR's style applied", async ({ page }) => {
  const violations = await recordViolations(page);
  await launchBuilt(page, "hba1c-long", { style: "dark" });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  expect(page.url()).toBe(`${app.url}index.html`);
  const chart = page.getByLabel("Hemoglobin A1c", { exact: true });
  await expect(chart.locator(".point")).toHaveCount(136);
  await chart.focus();
  await expect(chart).toContainText("Hemoglobin A1c");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe("rgb(21, 25, 30)");
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self'");
  expect(await violations()).toEqual([]);
});

test("the built pages log no Content-Security-Policy message, and their connect-src names only what the configuration lets the app call", async ({ page }) => {
  const messages: string[] = [];
  page.on("console", (m) => void (/content.security.policy/i.test(m.text()) && messages.push(`${m.type()}: ${m.text()}`)));
  await page.goto(`${app.url}launch.html`);
  await expect(page.getByRole("status")).toHaveText("Choose where your health record is.");
  await launchBuilt(page, "hba1c-long");
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  const demo = JSON.parse(await readFile("deploy/config.demo.json", "utf8")) as { issAllowList: string[] };
  const origins = [...new Set(demo.issAllowList.map((e) => new URL(e).origin))];
  expect(csp).toContain(`connect-src 'self' ${origins.join(" ")};`);
  expect(messages).toEqual([]);
});

test("config.json is the demo's: the landing page lists its servers and this copy's own addresses to register", async ({ page }) => {
  await page.goto(`${app.url}launch.html`);
  const servers = page.locator(".servers button");
  await expect(servers.first()).toHaveText("SMART Health IT sandbox (public test EHR, R4)");
  await expect(servers.first()).toHaveAccessibleDescription(/Synthetic patients/);
  await expect(page.getByRole("button", { name: "Local sandbox (npm start on this computer)" })).toBeVisible();
  await page.getByText("Registering this app with an EHR").click();
  await expect(page.getByText(`${app.url}launch.html`, { exact: true })).toBeVisible();
  await expect(page.getByText(`${app.url}index.html`, { exact: true })).toBeVisible();
});

/**
 * The sandbox is on this computer: the answers whose paths match are held back 120 ms, as a server across a network
 * answers (which the launch page then takes for a far one).
 */
async function answerLate(page: Page, path: RegExp): Promise<void> {
  await page.route(path, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 120));
    await route.continue();
  });
}

/**
 * Whether the local sandbox answers discovery within 50 ms depends on how busy this machine is, so the graph page is
 * told what the launch page keeps for a near server (the launch page's measuring: src/fhir/authorize.test.ts).
 */
async function asNearServer(page: Page): Promise<void> {
  await page.addInitScript((key) => {
    if (location.pathname.endsWith("/index.html")) sessionStorage.setItem(key, "1");
  }, NEAR_SERVER_KEY);
}

/**
 * Launches the built app on hba1c-long and lists, in order, the requests that tell the launch's story, with the
 * near-server flag as the graph page found it before its first script ran.
 */
async function launchOrder(page: Page): Promise<{ events: string[]; at: (event: string) => number; said: string; near: string | null }> {
  await page.addInitScript((key) => {
    if (location.pathname.endsWith("/index.html")) (window as unknown as { nearAtStart: string | null }).nearAtStart = sessionStorage.getItem(key);
  }, NEAR_SERVER_KEY);
  const events: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith("/.well-known/smart-configuration")) events.push("discovery");
    else if (url.pathname.endsWith("/auth/authorize")) events.push("authorize");
    else if (url.pathname.endsWith("/auth/token")) events.push("token sent");
    else if (url.pathname.includes("/assets/") && /\.(js|css)$/.test(url.pathname)) {
      events.push(`${url.pathname.endsWith(".css") ? "style" : "script"} ${url.pathname.split("/").pop()!.replace(/-[\w-]{8}\.(js|css)$/, "")}`);
    } else if (observationSearch(r)) events.push("lab search");
    else if (url.href.startsWith(`${FHIR_BASE}/Patient/`) && r.method() === "GET") events.push("patient read");
  });
  await launchBuilt(page, "hba1c-long");
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  const at = (event: string) => events.indexOf(event);
  const said = events.join(" | ");
  const launchHtml = await (await fetch(`${app.url}launch.html`)).text();
  const ownScripts = new Set([...launchHtml.matchAll(/assets\/([\w.]+)-[\w-]{8}\.js/g)].map((m) => `script ${m[1]}`));
  // Before the authorization redirect, only the scripts launch.html itself names: nothing competes with discovery.
  expect(events.slice(0, at("authorize")).filter((e) => e.startsWith("script ") && !ownScripts.has(e)), said).toEqual([]);
  expect(at("discovery"), said).toBeLessThan(at("authorize"));
  // Nothing that loads after the first chart is fetched before the lab search.
  expect(events.slice(0, at("lab search")).filter((e) => /\.later$/.test(e)), said).toEqual([]);
  // The flag is for this page load only: read, then removed.
  const near = await page.evaluate(() => (window as unknown as { nearAtStart: string | null }).nearAtStart);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), NEAR_SERVER_KEY), said).toBeNull();
  return { events, at, said, near };
}

/** React, the chart and their style sheet (which the far order links with them, so that their import does not wait for it). */
const FIRST_CHART_CHUNKS = ["script react", "script recharts", "script render", "style render"];

test("the order of the launch from a far server: the graph page's React and chart chunks and their style sheet are asked for once the token request is out, before the lab search", async ({ page }) => {
  await answerLate(page, /\/\.well-known\/smart-configuration$/);
  // Whether the chart's style sheet is already linked when the lab search goes out: then the import of the chart
  // code, which follows the search, does not wait for it to load.
  await page.addInitScript(() => {
    if (!location.pathname.endsWith("/index.html")) return;
    const realFetch = window.fetch;
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      const url = input instanceof Request ? input.url : String(input);
      const seen = window as unknown as { styleLinkedAtSearch?: boolean };
      if (/\/Observation(\?|\/_search$)/.test(url) && init?.method !== "HEAD" && seen.styleLinkedAtSearch === undefined) {
        seen.styleLinkedAtSearch = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].some((l) => /\/render-[\w-]{8}\.css$/.test(l.href));
      }
      return realFetch.call(this, input, init);
    };
  });
  const { at, said, near } = await launchOrder(page);
  expect(near, said).toBeNull();
  for (const chunk of FIRST_CHART_CHUNKS) {
    expect(at(chunk), `${chunk}: ${said}`).toBeGreaterThan(at("token sent"));
    expect(at(chunk), `${chunk}: ${said}`).toBeLessThan(at("lab search"));
  }
  expect(await page.evaluate(() => (window as unknown as { styleLinkedAtSearch?: boolean }).styleLinkedAtSearch)).toBe(true);
});

test("the order of the launch from a near server: React and the chart are asked for once the lab search and the Patient read are sent, not during the token's short round trip", async ({ page }) => {
  await asNearServer(page);
  const { at, said, near } = await launchOrder(page);
  expect(near, said).toBe("1");
  for (const chunk of FIRST_CHART_CHUNKS) {
    expect(at(chunk), `${chunk}: ${said}`).toBeGreaterThan(at("lab search"));
    expect(at(chunk), `${chunk}: ${said}`).toBeGreaterThan(at("patient read"));
  }
});

/**
 * Launches the built app on hba1c-long and lists, in order, what the graph page did first: the token request, the lab
 * search, the Patient read, its first Intl date formatter, and its first drawing.
 */
async function firstSteps(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    if (!location.pathname.endsWith("/index.html")) return;
    const order: string[] = [];
    (window as unknown as { order: string[] }).order = order;
    const once = (step: string) => void (order.includes(step) || order.push(step));
    const Real = Intl.DateTimeFormat;
    Intl.DateTimeFormat = new Proxy(Real, {
      construct: (target, args: unknown[]) => (once("formatter"), Reflect.construct(target, args) as object),
      apply: (target, self, args: unknown[]) => (once("formatter"), Reflect.apply(target, self, args) as unknown),
    });
    const realFetch = window.fetch;
    window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
      const url = input instanceof Request ? input.url : String(input);
      if (/\/auth\/token$/.test(url)) once("token sent");
      if (/\/Observation(\?|\/_search$)/.test(url) && init?.method !== "HEAD") once("lab search");
      if (/\/Patient\/[^/?]+$/.test(url)) once("patient read");
      return realFetch.call(this, input, init);
    };
    new MutationObserver((_, observer) => {
      if (document.getElementById("root")?.firstElementChild) {
        once("drawn");
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await launchBuilt(page, "hba1c-long");
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  return page.evaluate(() => (window as unknown as { order: string[] }).order);
}

test("from a far server the graph page makes its first date formatter during the token's round trip, not after the first reads", async ({ page }) => {
  // The first Intl formatter of a page loads the browser's date and time-zone data (tens of milliseconds): from a far
  // server it is made while the page waits for the token, so that neither the first reads nor the first drawing wait
  // for it. Discovery's answer is held back (a far server), and the token's too, so that its round trip is as long as
  // a far server's.
  await answerLate(page, /\/(\.well-known\/smart-configuration|auth\/token)$/);
  const order = await firstSteps(page);
  expect(order.slice(0, 2), order.join(" | ")).toEqual(["token sent", "formatter"]);
  expect(order.slice(2, 4).sort(), order.join(" | ")).toEqual(["lab search", "patient read"]);
  expect(order.slice(4), order.join(" | ")).toEqual(["drawn"]);
});

test("from a near server the graph page makes its first date formatter once the lab search and the Patient read are sent, before it draws anything", async ({ page }) => {
  // A near server's token comes back sooner than the formatter would be made: the token's answer, then the first
  // reads, are not held back by it.
  await asNearServer(page);
  const order = await firstSteps(page);
  expect(order[0], order.join(" | ")).toBe("token sent");
  expect(order.slice(1, 3).sort(), order.join(" | ")).toEqual(["lab search", "patient read"]);
  expect(order.slice(3), order.join(" | ")).toEqual(["formatter", "drawn"]);
});

test("the chart is first drawn at its own width: recharts lays it out once, not at a guess and then again", async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.addInitScript(() => {
    const seen = { charts: 0, resized: [] as string[] };
    (window as unknown as { chartDrawings: typeof seen }).chartDrawings = seen;
    const charts = new WeakSet<Element>();
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : null;
        if (record.type === "attributes" && target?.matches(".chart-plot svg.recharts-surface")) seen.resized.push(`${record.oldValue} → ${target.getAttribute("width")}`);
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const svg of node.matches("svg") ? [node] : node.querySelectorAll("svg")) {
            if (!svg.matches(".chart-plot svg.recharts-surface") || charts.has(svg)) continue;
            charts.add(svg);
            seen.charts++;
          }
        }
      }
    }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["width"], attributeOldValue: true });
  });
  await launchBuilt(page, "hba1c-long");
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  const plot = await page.locator(".chart-plot").evaluate((e) => Math.round(e.getBoundingClientRect().width));
  await expect(page.locator(".chart-plot svg.recharts-surface")).toHaveAttribute("width", String(plot));
  const drawings = await page.evaluate(() => (window as unknown as { chartDrawings: { charts: number; resized: string[] } }).chartDrawings);
  expect(drawings).toEqual({ charts: 1, resized: [] });
});

test("each page's first script asks V8 to compile all of it while it downloads; the chunks that load later do not", async () => {
  const firstLine = async (file: string) => (await (await fetch(`${app.url}${file}`)).text()).split("\n", 1)[0];
  const chunks: string[] = [];
  for (const page of ["launch.html", "index.html"]) {
    const html = await (await fetch(`${app.url}${page}`)).text();
    const entry = /<script type="module" crossorigin src="\.\/(assets\/[\w.-]+\.js)"/.exec(html)?.[1];
    expect(entry, page).toBeDefined();
    expect(await firstLine(entry!), entry).toBe("//# allFunctionsCalledOnLoad");
    chunks.push(...[...html.matchAll(/href="\.\/(assets\/[\w.-]+\.js)"/g)].map((m) => m[1]!));
  }
  // The libraries and the React code: most of their functions never run at launch.
  expect(chunks.length).toBeGreaterThan(2);
  for (const chunk of chunks) expect(await firstLine(chunk), chunk).not.toContain("allFunctionsCalledOnLoad");
});

test("the pages' HTML holds the policy inert, so the browser's preload scanner is not held back; the first script puts it in force before the launch's first request", async ({ page }) => {
  for (const file of ["launch.html", "index.html"]) {
    const html = await (await fetch(`${app.url}${file}`)).text();
    expect(html, file).not.toMatch(/http-equiv="Content-Security-Policy"/i);
    expect(html, file).toMatch(/<meta name="content-security-policy" content="[^"]*connect-src 'self' /);
  }
  // A server config.json allows but the policy was not built for: the launch page's discovery request, its first
  // request of its own, is refused by connect-src.
  const elsewhere = "http://127.0.0.1:4999/fhir";
  await withConfig({ issAllowList: [elsewhere] });
  const violations = await recordViolations(page);
  await page.goto(`${app.url}launch.html?${new URLSearchParams({ iss: elsewhere, launch: "x" })}`);
  await expect(page.getByRole("alert")).toBeVisible({ timeout: wait(10_000) });
  const refused = await violations();
  expect(refused.length).toBeGreaterThan(0);
  for (const v of refused) expect(v.startsWith(`connect-src ${elsewhere}/`), v).toBe(true);
  expect(await page.locator('head > meta[http-equiv="Content-Security-Policy"]').count()).toBe(1);
});

test("the policy blocks inline script on both pages", async ({ page }) => {
  const violations = await recordViolations(page);
  for (const file of ["launch.html", "index.html"]) {
    await page.goto(`${app.url}${file}`);
    // The launch page's status is empty until it has something to say (here, its landing).
    if (file === "launch.html") await expect(page.getByRole("status")).toHaveText(/\S/);
    else await expect(page.getByRole("status")).not.toHaveText("Starting…");
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.inlineRan = true";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
    });
    expect(ran, file).toBe(false);
    expect(await violations(), file).toEqual(["script-src-elem inline"]);
  }
});

/** config.json as shipped, with some keys set as a deployer would. */
async function withConfig(settings: Record<string, unknown>): Promise<void> {
  const shipped = (await (await fetch(`${app.url}config.json`)).json()) as Record<string, unknown>;
  app.setConfig({ ...shipped, ...settings });
}

const withPaging = (paging: Record<string, number>) => withConfig({ paging });

function observationRequests(page: Page): string[] {
  const sent: string[] = [];
  page.on("request", (r) => void (observationSearch(r) && sent.push(observationSearch(r)!.href)));
  return sent;
}

test("next links that never end: the app pauses at the configured page cap, keeps what loaded, and goes on when asked", async ({ page }) => {
  await withPaging({ maxPages: 5 });
  const sent = observationRequests(page);
  await launchBuilt(page, "hba1c-long", { error: "fhir_next_endless" });
  const paused = "Paused after 5 pages, the most the app reads at a stretch for one lab. Loaded 136 results";
  await expect(page.getByRole("status")).toHaveText(paused, { timeout: wait(10_000) });
  await expect(resultsTable(page, "Hemoglobin A1c").locator("tbody tr")).toHaveCount(136);
  expect(sent).toHaveLength(5);
  await page.getByRole("button", { name: "Load the rest" }).click();
  await expect(page.getByRole("status")).toHaveText(paused, { timeout: wait(10_000) });
  await expect.poll(() => sent.length).toBe(10);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a slow server: the app pauses when the configured time budget is spent, with the points it has", async ({ page }) => {
  await withPaging({ timeBudgetSeconds: 2 });
  // A server whose pages hold 50 results (hba1c-long then spans three pages: 48, 49 and 39 drawable results).
  await launchBuilt(page, "hba1c-long", { max_count: "50", error: "fhir_slow" });
  const paused = (n: number) => `Paused after 2 seconds of loading, the longest the app reads at a stretch for one lab. Loaded ${n} results`;
  await expect(page.getByRole("status")).toHaveText(paused(48), { timeout: wait(10_000) });
  await expect(resultsTable(page, "Hemoglobin A1c").locator("tbody tr")).toHaveCount(48);
  await page.getByRole("button", { name: "Load the rest" }).click();
  await expect(page.getByRole("status")).toHaveText(paused(97), { timeout: wait(10_000) });
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a deployer's lab settings: the HbA1c default goal and retest intervals config.json sets, and a wrong one refused at launch", async ({ page }) => {
  await withConfig({ labs: { hba1c: { target: { comparator: "<", value: 6.5, basis: "our diabetes clinic" }, retestMonthsNotAtGoal: 4 } } });
  await launchBuilt(page, "hba1c-long");
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  const chart = page.getByLabel("Hemoglobin A1c", { exact: true });
  // hba1c-long has no Goal of its own: the default is drawn, with its basis; its latest 6.5 % is not below 6.5.
  await expect(chart).toHaveAccessibleDescription(/Goal < 6\.5 % — default \(our diabetes clinic\), drawn as a line\./);
  await expect(page.getByRole("list", { name: "Chart legend" }).getByText("Goal < 6.5 % — default (our diabetes clinic)")).toBeVisible();
  await expect(page.getByText("— overdue: not at goal, test every 4 months")).toBeVisible();

  // A bare number keeps working, and the earlier overdueAfterMonths is read as the at-goal interval.
  await withConfig({ labs: { hba1c: { target: 7, overdueAfterMonths: 5 } } });
  await launchBuilt(page, "hba1c-long");
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  await expect(page.getByRole("list", { name: "Chart legend" }).getByText("Goal < 7.0 % — default (set by this deployment)")).toBeVisible();
  await expect(page.getByText("— overdue: at goal, test at least every 5 months")).toBeVisible();

  await withConfig({ labs: { a1c: { target: 6.5 } } });
  await launchBuilt(page, "hba1c-long");
  await expect(page.getByRole("alert")).toContainText("config.json: labs.a1c is not a lab of this app");
  expect(page.url()).toContain(`${app.url}launch.html`);
});

