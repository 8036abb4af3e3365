/**
 * Accessibility: axe-core finds no serious or critical violation on the graph page in the EHR's light and
 * dark styles and in a 320 px wide panel; the page reflows there without scrolling sideways.
 */
import { test, expect } from "./fixtures";
import { openChart, seriousViolations } from "./lab-helpers";

for (const style of ["light", "dark"] as const) {
  test(`no serious accessibility violations in the ${style} style`, async ({ page }) => {
    await openChart(page, "odd-values", { style });
    await expect(page.locator("html")).toHaveAttribute("data-theme", style);
    // A result selected, so the tooltip and the highlighted row are scanned too.
    await page.getByRole("table", { name: "Hemoglobin A1c" }).locator("tbody tr").first().focus();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe("in a 320 px wide panel", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("no serious violations, and nothing scrolls the page sideways", async ({ page }) => {
    await openChart(page, "other-labs");
    expect(await seriousViolations(page)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const chart = page.getByLabel("Hemoglobin A1c", { exact: true });
    await expect(chart.locator("svg").first()).toBeVisible();
    // As many time labels as the narrow axis holds, none over another.
    const labels = await chart.locator(".recharts-cartesian-axis-tick-value.tick-bottom").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right] as const));
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < labels.length; i++) expect(labels[i]![0]).toBeGreaterThan(labels[i - 1]![1]);
  });
});

test("the EHR's dark style is applied as custom properties; without a style the app keeps its own look", async ({ page }) => {
  await openChart(page, "hba1c-long", { style: "dark" });
  // The style applies as soon as the EHR's style document (and the checks it goes through) arrive.
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe("rgb(21, 25, 30)");
  expect(await page.evaluate(() => document.documentElement.style.getPropertyValue("--fg"))).toBe("#e8eaed");
  await openChart(page, "hba1c-long", { style: "none" });
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe("rgb(255, 255, 255)");
});

test("no banner when the EHR says need_patient_banner is false", async ({ page }) => {
  await openChart(page, "hba1c-long", { banner: "false" });
  await expect(page.getByRole("region", { name: "Patient", exact: true })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Hemoglobin A1c", exact: true }).locator("tbody tr")).toHaveCount(136);
});
