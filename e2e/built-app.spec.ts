/**
 * The built app, served from a sub-path by a plain static server: it launches and charts under the
 * Content-Security-Policy its pages carry, the EHR's style still applies, and the policy does block inline
 * script.
 */
import type { Page } from "@playwright/test";
import { test, expect, SANDBOX } from "./fixtures";
import { serveBuiltApp, type BuiltApp } from "./built-app";

test.describe.configure({ mode: "serial" });

let app: BuiltApp;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await serveBuiltApp("some/path");
});
test.afterAll(async () => {
  await app?.close();
});

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

test("the policy blocks inline script on both pages", async ({ page }) => {
  const violations = await recordViolations(page);
  for (const file of ["launch.html", "index.html"]) {
    await page.goto(`${app.url}${file}`);
    await expect(page.getByRole("status")).not.toHaveText("Starting…");
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
