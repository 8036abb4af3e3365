/** Using the graph: keyboard and focus sync between chart and table, time ranges, zoom, the URL hash, export, print. */
import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures";
import { chooseLab, openChart, resultsTable } from "./lab-helpers";

test("focus in the table highlights the point; arrow keys on the chart move the table's highlight", async ({ page }) => {
  await openChart(page, "hba1c-long");
  const table = resultsTable(page, "Hemoglobin A1c");
  const chart = page.getByLabel("Hemoglobin A1c", { exact: true });
  await page.keyboard.press("Tab");
  const firstRow = table.locator("tbody tr").first();
  await firstRow.focus();
  const id = await firstRow.getAttribute("data-id");
  await expect(chart.locator(`.point.active[data-id="${id}"]`)).toHaveCount(1);
  await expect(chart.locator(".tooltip")).toContainText("6.5 %");
  await page.keyboard.press("ArrowDown");
  await expect(table.locator("tbody tr").nth(1)).toBeFocused();
  await expect(chart.locator(`.point.active[data-id="${await table.locator("tbody tr").nth(1).getAttribute("data-id")}"]`)).toHaveCount(1);

  await chart.focus();
  await page.keyboard.press("Home");
  const oldest = table.locator("tbody tr").last();
  await expect(oldest).toHaveAttribute("aria-current", "true");
  await expect(page.getByText(/Result 1 of 136\.$/)).toBeAttached();
  await page.keyboard.press("ArrowRight");
  await expect(table.locator("tbody tr").nth(134)).toHaveAttribute("aria-current", "true");
});

test("time-range presets and zoom filter chart and table together, and live in the URL hash", async ({ page }) => {
  await openChart(page, "hba1c-long");
  const table = resultsTable(page, "Hemoglobin A1c");
  await page.getByRole("button", { name: "1y", exact: true }).click();
  await expect(page.getByRole("button", { name: "1y", exact: true })).toHaveAttribute("aria-pressed", "true");
  const inYear = await table.locator("tbody tr").count();
  expect(inYear).toBeGreaterThan(10);
  expect(inYear).toBeLessThan(16);
  await expect(page.getByText(`${inYear} of 136 results in this time range`)).toBeVisible();
  await expect(page.getByLabel("Hemoglobin A1c", { exact: true }).locator(".point")).toHaveCount(inYear);
  expect(new URL(page.url()).hash).toBe("#range=1y");

  await page.getByLabel("From").fill("2016-01-01");
  await page.getByLabel("To").fill("2016-12-31");
  await expect(table.locator("tbody tr")).toHaveCount(13);
  expect(new URL(page.url()).hash).toBe("#range=2016-01-01..2016-12-31");
  await expect(table.locator("tbody tr").first()).toContainText("2016");
  await expect(table.locator("tbody tr").last()).toContainText("2016");

  // Dragging across the chart zooms in to the dragged span.
  await page.getByRole("button", { name: "All", exact: true }).click();
  await expect(table.locator("tbody tr")).toHaveCount(136);
  const surface = page.locator(".pointer-surface");
  const box = (await surface.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByRole("button", { name: "Reset zoom" })).toBeVisible();
  const zoomed = await table.locator("tbody tr").count();
  expect(zoomed).toBeGreaterThan(15);
  expect(zoomed).toBeLessThan(40);
  expect(new URL(page.url()).hash).toMatch(/^#range=\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/);
  await page.getByRole("button", { name: "Reset zoom" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(136);
});

test("the lab and unit chosen survive a reload", async ({ page }) => {
  await openChart(page, "other-labs");
  await chooseLab(page, "Creatinine", 24);
  await page.getByRole("radio", { name: "µmol/L" }).check();
  expect(new URL(page.url()).hash).toBe("#lab=creatinine&unit=umol%2FL");
  await page.reload();
  await expect(page.getByRole("status")).toHaveText("Loaded 24 results");
  await expect(page.getByLabel("Lab", { exact: true })).toHaveValue("creatinine");
  await expect(page.getByRole("radio", { name: "µmol/L" })).toBeChecked();
  await expect(resultsTable(page, "Creatinine").locator("tbody tr").first().locator("td").nth(2)).toHaveText("µmol/L");
});

test("sorting by value, and the CSV export with units and flags", async ({ page }) => {
  await openChart(page, "other-labs");
  await chooseLab(page, "Glucose", 24);
  const table = resultsTable(page, "Glucose");
  await table.getByRole("button", { name: /^Value/ }).click();
  await expect(table.getByRole("columnheader", { name: /^Value/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.locator("tbody tr").first().locator("td").nth(1)).toHaveText("47");
  await table.getByRole("button", { name: /^Value/ }).click();
  await expect(table.getByRole("columnheader", { name: /^Value/ })).toHaveAttribute("aria-sort", "descending");
  await expect(table.locator("tbody tr").first().locator("td").nth(1)).toHaveText("412");
  await expect(table.locator("tbody tr").last().locator("td").nth(1)).toHaveText("47");

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const file = await (await download).path();
  const lines = (await readFile(file, "utf8")).trimEnd().split("\r\n");
  expect(lines[0]).toBe("Date,Value,Unit,Flag,Reference range,Status,On chart,Recorded as,Test,Performer,Notes");
  expect(lines).toHaveLength(25);
  expect(lines.filter((l) => l.includes(",47,mg/dL,Critical low (LL),70–99 mg/dL,final,yes,"))).toHaveLength(1);
  expect(lines.filter((l) => l.includes(",412,mg/dL,Critical high (HH),70–99 mg/dL,final,yes,"))).toHaveLength(1);
  // The same flag words as the table on screen.
  const shown = await table.locator("tbody tr td:nth-child(4)").allTextContents();
  expect(new Set(lines.slice(1).map((l) => l.split(",")[3]))).toEqual(new Set(shown));
  expect(lines.filter((l) => l.includes("mmol/L,"))).toHaveLength(4);
});

test("printing keeps banner, chart and table and drops the controls", async ({ page }) => {
  await openChart(page, "hba1c-long");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("region", { name: "Patient", exact: true })).toBeVisible();
  await expect(page.getByLabel("Hemoglobin A1c", { exact: true }).locator("svg").first()).toBeVisible();
  await expect(resultsTable(page, "Hemoglobin A1c")).toBeVisible();
  await expect(page.getByRole("button", { name: "Download CSV" })).toBeHidden();
  await expect(page.getByRole("group", { name: "Time range" })).toBeHidden();
});
