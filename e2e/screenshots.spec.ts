/** The README's pictures, taken from the real app against the sandbox: `npm run screenshots`. */
import { test, expect, SANDBOX } from "./fixtures";

test("EHR simulator and the chart in its frame", async ({ page }) => {
  await page.goto(`${SANDBOX}/`);
  await expect(page.getByRole("heading", { name: "Patients" })).toBeVisible();
  await page.screenshot({ path: "docs/images/ehr-simulator.png" });

  await page.getByRole("row", { name: /Amelia Jane Rhodes/ }).getByRole("button", { name: "Open in EHR frame" }).click();
  const app = page.frameLocator('iframe[title="Lab graph app"]');
  await expect(app.getByRole("status")).toHaveText("Loaded 136 results");
  await page.screenshot({ path: "docs/images/chart-in-ehr.png" });
});
