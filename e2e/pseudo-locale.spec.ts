/**
 * The pseudo-languages of dev builds (src/i18n/pseudo.ts: every message ~40 % longer, bracketed; `ar-XB` right to
 * left) at 320 × 640 on both pages: nothing cut off or spilling out, no sideways scrolling, nothing overlapping.
 */
import { wait } from "./timeouts";
import type { Page } from "@playwright/test";
import { test, expect, APP, APP_LAUNCH, launchFromEhr } from "./fixtures";

test.use({ viewport: { width: 320, height: 640 } });

/** Text and controls wider than their box (where they are not meant to scroll), and a page wider than the window. */
async function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    for (const el of document.querySelectorAll<HTMLElement>("h1, h2, h3, p, li, label, button, select, summary, dt, dd, legend, [role=status], [role=alert]")) {
      const style = getComputedStyle(el);
      if (style.display === "inline" || el.clientWidth === 0 || el.closest(".visually-hidden, svg")) continue;
      if (["auto", "scroll"].includes(style.overflowX) || el.closest("[class*=scroll], .table-wrap")) continue;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}": ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return found;
  });
}

/** Headings, controls and the status whose boxes overlap (one inside another is not overlapping). */
async function overlapping(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll<HTMLElement>("h1, h2, button, select, input, [role=status], summary")].filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && !el.closest(".visually-hidden, [hidden]");
    });
    const found: string[] = [];
    const name = (el: HTMLElement) => `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute("aria-label") ?? "").trim().slice(0, 30)}"`;
    for (const [i, a] of items.entries()) {
      for (const b of items.slice(i + 1)) {
        if (a.contains(b) || b.contains(a)) continue;
        const p = a.getBoundingClientRect();
        const q = b.getBoundingClientRect();
        if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) found.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    return found;
  });
}

for (const tag of ["en-XA", "ar-XB"]) {
  test.describe(`in ${tag}`, () => {
    test.beforeEach(async ({ context }) => {
      await context.addInitScript(
        ([origin, language]) => {
          if (location.origin === origin) localStorage.setItem("lab-graph.language", language!);
        },
        [APP, tag],
      );
    });

    test("the launch page's landing fits 320 px", async ({ page }) => {
      await page.goto(APP_LAUNCH);
      await expect(page.getByRole("heading", { level: 2 })).toContainText("[Sígñ íñ");
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await expect(page.locator("html")).toHaveAttribute("dir", tag === "ar-XB" ? "rtl" : "ltr");
      await page.locator("summary").click();
      expect(await cutOff(page)).toEqual([]);
      expect(await overlapping(page)).toEqual([]);
    });

    test("the graph page fits 320 px", async ({ page }) => {
      await launchFromEhr(page, "hba1c-long");
      await expect(page.getByRole("status")).toContainText("136", { timeout: wait(30_000) });
      await expect(page.locator("html")).toHaveAttribute("lang", tag);
      await expect(page.locator("html")).toHaveAttribute("dir", tag === "ar-XB" ? "rtl" : "ltr");
      expect(await cutOff(page)).toEqual([]);
      expect(await overlapping(page)).toEqual([]);
    });
  });
}
