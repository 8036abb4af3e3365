/** Chromium for the benchmark: Debian's build when present (as in the e2e tests), Playwright's otherwise. */
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
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
      figure.querySelector(".recharts-line-curve[d], .recharts-dot, .recharts-symbols, .recharts-scatter-symbol"));
    if (points && !marks.firstPoint && !marks.pendingFirst) { marks.pendingFirst = true; stamp("firstPoint"); }
    const status = Array.from(document.querySelectorAll("[role=status]")).map((e) => e.textContent || "").join(" ");
    if (/Loaded \\d[\\d,]* results$/.test(status.trim()) && !marks.pendingAll) { marks.pendingAll = true; stamp("allPoints"); }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  marks.longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask" });
  } catch {}
})();`;

export type { Marks } from "./marks";

export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  await context.addInitScript(MARKS_SCRIPT);
  return context;
}
