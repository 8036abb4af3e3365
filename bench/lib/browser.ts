/** Chromium for the benchmark: Debian's build when present (as in the e2e tests), Playwright's otherwise. */
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import type { Marks } from "./marks";
import { executablePath, QUIET_CHROMIUM } from "../../e2e/chromium.ts";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...QUIET_CHROMIUM, "--enable-precise-memory-info"] });
}

/**
 * Timing marks every page records in `window.__bench` (epoch ms, taken in the animation frame after the DOM
 * change, i.e. when it can be painted): `firstPoint` when the chart holds a drawn point, `allPoints` when the
 * progress region reads "Loaded N results". Pages that draw differently (the baseline) set them themselves.
 */
export const MARKS_SCRIPT = `(() => {
  if (!/index\\.html$/.test(location.pathname)) return;
  const marks = (window.__bench = window.__bench || {});
  const stamp = (name) => requestAnimationFrame(() => { if (!marks[name]) marks[name] = performance.timeOrigin + performance.now(); });
  const check = () => {
    const figure = document.querySelector("figure[aria-label]:not([aria-busy])");
    const points = figure && (Number(figure.getAttribute("data-points")) > 0 ||
      figure.querySelector(".markers .point, .recharts-line-curve[d], .recharts-dot, .recharts-symbols, .recharts-scatter-symbol"));
    if (points && !marks.firstPoint && !marks.pendingFirst) { marks.pendingFirst = true; stamp("firstPoint"); }
    const status = Array.from(document.querySelectorAll("[role=status]")).map((e) => e.textContent || "").join(" ");
    if (/Loaded \\d[\\d,]* results$/.test(status.trim()) && !marks.pendingAll) { marks.pendingAll = true; stamp("allPoints"); }
  };
  // Reports the marks to the benchmark once both are in (pages that draw differently set them themselves).
  const report = setInterval(() => {
    const m = window.__bench;
    if (m && m.firstPoint && m.allPoints && window.__benchDone) { clearInterval(report); window.__benchDone(JSON.stringify(m)); }
  }, 50);
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  marks.longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longTasks.push({ start: e.startTime, at: performance.timeOrigin + e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
  } catch {}
})();`;

export type { Marks } from "./marks";

/**
 * The marks a page reports once every point is drawn (MARKS_SCRIPT calls the `__benchDone` binding). Waiting this
 * way evaluates nothing in the measured pages: polling with page.waitForFunction would inject Playwright's own
 * script (tens of milliseconds of main-thread work) into whichever page is open at that moment.
 * Call before the page navigates; the promise fails with a TimeoutError after `timeout` ms.
 */
export async function whenDrawn(context: BrowserContext, timeout: number): Promise<{ readonly marks: Promise<Marks> }> {
  let resolve: (marks: Marks) => void = () => undefined;
  const marks = new Promise<Marks>((done, fail) => {
    resolve = done;
    const error = Object.assign(new Error(`The page did not draw every point within ${timeout / 1000} s`), { name: "TimeoutError" });
    setTimeout(() => fail(error), timeout).unref();
  });
  marks.catch(() => undefined);
  await context.exposeBinding("__benchDone", (_source, json: string) => resolve(JSON.parse(json) as Marks));
  return { marks };
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  // English, whatever the machine's locale: the benchmark waits for the English "Loaded … results".
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 }, locale: "en-US" });
  await context.addInitScript(MARKS_SCRIPT);
  return context;
}
