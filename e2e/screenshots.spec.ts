/** The pictures of the README and docs/ (`docs/images/`), taken from the real app against the sandbox: `npm run screenshots`. */
import { test, expect, APP_LAUNCH, SANDBOX, launchFromEhr } from "./fixtures";
import { chooseLab, openChart } from "./lab-helpers";

test("EHR simulator and the chart in its frame", async ({ page }) => {
  await page.goto(`${SANDBOX}/`);
  await expect(page.getByRole("heading", { name: "Patients" })).toBeVisible();
  await page.screenshot({ path: "docs/images/ehr-simulator.png" });

  await page.getByRole("row", { name: /Amelia Jane Rhodes/ }).getByRole("button", { name: "Open in EHR frame" }).click();
  const app = page.frameLocator('iframe[title="Lab graph app"]');
  await expect(app.getByRole("status")).toHaveText("Loaded 136 results");
  await page.screenshot({ path: "docs/images/chart-in-ehr.png" });
});

test("the graph page: light and dark styles, mixed units", async ({ page }) => {
  await openChart(page, "odd-values", { style: "light" });
  await page.getByLabel("Hemoglobin A1c", { exact: true }).focus();
  await page.keyboard.press("End");
  await page.screenshot({ path: "docs/images/graph-light.png" });

  await openChart(page, "other-labs", { style: "dark" });
  await chooseLab(page, "Glucose", 24);
  await page.screenshot({ path: "docs/images/graph-dark.png" });

  await openChart(page, "hba1c-mixed", { style: "light" });
  await page.getByRole("radio", { name: "mmol/mol" }).check();
  await page.getByRole("table", { name: "Hemoglobin A1c" }).getByText("Aug 22, 2022, 10:00 AM").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "docs/images/graph-mixed-units.png", fullPage: true });
});

test("the standalone landing page of the hosted demo", async ({ page }) => {
  const { serveBuiltApp } = await import("./built-app");
  const app = await serveBuiltApp("lab-graph");
  try {
    await page.setViewportSize({ width: 800, height: 720 });
    await page.goto(`${app.url}launch.html`);
    await expect(page.getByRole("button", { name: /SMART Health IT sandbox/ })).toBeVisible();
    await page.getByText("Registering this app with an EHR").click();
    await page.screenshot({ path: "docs/images/standalone-landing.png" });
  } finally {
    await app.close();
  }
});

test("the Overview of every lab, and the medications under the HbA1c chart", async ({ page }) => {
  await openChart(page, "other-labs", { style: "light" });
  await page.getByLabel("Lab", { exact: true }).selectOption({ label: "Overview" });
  await expect(page.getByRole("status")).toHaveText(/^Loaded \d+ results in \d+ labs$/);
  const glucose = page.locator("figure.overview-lab").nth(1).locator(".pointer-surface");
  const box = (await glucose.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
  await page.screenshot({ path: "docs/images/overview.png", fullPage: true });

  await openChart(page, "hba1c-long", { style: "light" });
  const medications = page.getByRole("region", { name: "Medications" });
  await expect(medications.locator(".med-bar").first()).toBeVisible();
  const chart = (await page.getByLabel("Hemoglobin A1c", { exact: true }).boundingBox())!;
  const meds = (await medications.boundingBox())!;
  await page.setViewportSize({ width: 1200, height: Math.ceil(meds.y + meds.height + 16) });
  await page.screenshot({ path: "docs/images/medications.png", clip: { x: 0, y: chart.y, width: 1200, height: meds.y + meds.height - chart.y + 16 } });
});

test("the patient's view after a patient's own (standalone) launch", async ({ page }) => {
  await page.goto(APP_LAUNCH);
  await page.getByRole("list").getByRole("button", { name: "Local sandbox", exact: true }).click();
  await page.getByRole("button", { name: "Amelia Jane Rhodes" }).click();
  const words = page.getByRole("region", { name: "In plain words" });
  await expect(words).toContainText("Your last HbA1c result was");
  await expect(words).toContainText("Medicines on your record");
  await page.screenshot({ path: "docs/images/patient-view.png", fullPage: true });
});

test.describe("in Spanish", () => {
  test.use({ locale: "es-ES" });

  test("the graph page of a Spanish browser", async ({ page }) => {
    await launchFromEhr(page, "hba1c-long", { style: "light" });
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("status")).toHaveText(/^Cargados \d+ resultados$/);
    await page.screenshot({ path: "docs/images/graph-spanish.png" });
  });
});
