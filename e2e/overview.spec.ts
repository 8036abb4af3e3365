/**
 * The Overview against the sandbox's `other-labs`: one figure per lab with results, named by its catalog name,
 * the status counting results and labs (both read from the scenario's data), one time axis that a preset moves on
 * every chart, hover marking the same time on all, a title that opens its lab, and an axe scan light and dark.
 */
import { wait } from "./timeouts";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { openChart, resultsTable, seriousViolations } from "./lab-helpers";
import { LABS } from "../src/labs/catalog.ts";

/** Results per catalog lab in a scenario's data: its Observations by code, those left out on purpose not counted. */
async function expectedCounts(patient: string): Promise<Map<string, number>> {
  const bundle = JSON.parse(await readFile(`sandbox/data/${patient}.json`, "utf8")) as fhir4.Bundle;
  const counts = new Map<string, number>();
  const observations = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is fhir4.Observation => r?.resourceType === "Observation");
  for (const o of observations) {
    if (o.status === "entered-in-error" || o.status === "cancelled") continue;
    const lab = LABS.find((l) => l.codes.some((c) => o.code.coding?.some((coding) => coding.system === c.system && coding.code === c.code)));
    if (lab) counts.set(lab.name, (counts.get(lab.name) ?? 0) + 1);
  }
  return counts;
}

async function openOverview(page: Page, patient: string, options: Record<string, string> = {}): Promise<Map<string, number>> {
  const counts = await expectedCounts(patient);
  await openChart(page, patient, options);
  await page.getByLabel("Lab", { exact: true }).selectOption({ label: "Overview" });
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  await expect(page.getByRole("status")).toHaveText(`Loaded ${total} results in ${counts.size} labs`, { timeout: wait(30_000) });
  return counts;
}

const figures = (page: Page) => page.locator("figure.overview-lab");
const tickLabels = (page: Page) => figures(page).evaluateAll((all) => all.map((f) => [...f.querySelectorAll(".tick-bottom")].map((t) => t.textContent ?? "")));

test("other-labs: a figure per lab with results, named by the catalog, with its latest result; the status counts results and labs", async ({ page }) => {
  const counts = await openOverview(page, "other-labs");
  expect(new URL(page.url()).hash).toBe("#lab=overview");
  // Catalog order, every lab with data and no other.
  const names = LABS.map((l) => l.name).filter((name) => counts.has(name));
  expect(await figures(page).evaluateAll((all) => all.map((f) => f.getAttribute("aria-label")))).toEqual(names);
  for (const name of names) {
    const figure = page.getByRole("figure", { name, exact: true });
    await expect(figure.locator("svg").first()).toBeVisible();
    await expect(figure.locator("figcaption")).toContainText(/Latest .+, \w{3} \d{1,2}, \d{4}/);
  }
  // Glucose's latest in other-labs (6.4 mmol/L flagged H on 2024-10-11) in the lab's first unit, its flag in words.
  await expect(page.getByRole("figure", { name: "Glucose", exact: true }).locator("figcaption")).toContainText(/Latest 11\d mg\/dL \(High \(H\)\), Oct 11, 2024/);
  // No results table in the Overview.
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("one time axis: every chart shows the same dates, and a preset moves them all", async ({ page }) => {
  await openOverview(page, "other-labs");
  const before = await tickLabels(page);
  expect(before.length).toBeGreaterThan(1);
  for (const ticks of before) expect(ticks).toEqual(before[0]);

  await page.getByRole("group", { name: "Time range" }).getByRole("button", { name: "1y" }).click();
  await expect.poll(async () => (await tickLabels(page))[0]).not.toEqual(before[0]);
  const after = await tickLabels(page);
  for (const ticks of after) expect(ticks).toEqual(after[0]);
  expect(new URL(page.url()).hash).toBe("#lab=overview&range=1y");

  // The same date sits at the same x on every chart: the first tick's position is shared.
  const xs = await figures(page).evaluateAll((all) => all.map((f) => f.querySelector(".tick-bottom")!.getBoundingClientRect().x));
  for (const x of xs) expect(Math.abs(x - xs[0]!)).toBeLessThan(1);
});

test("hovering one chart marks the same time on all of them", async ({ page }) => {
  await openOverview(page, "other-labs");
  const first = figures(page).first().locator(".pointer-surface");
  const box = (await first.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
  const count = await figures(page).count();
  await expect(page.locator(".hover-line")).toHaveCount(count);
  const xs = await page.locator(".hover-line").evaluateAll((lines) => lines.map((l) => l.getBoundingClientRect().x));
  for (const x of xs) expect(Math.abs(x - (box.x + box.width * 0.6))).toBeLessThan(2);
  // Moving to another chart moves the mark on every chart with it.
  await figures(page).last().scrollIntoViewIfNeeded();
  const last = (await figures(page).last().locator(".pointer-surface").boundingBox())!;
  await page.mouse.move(last.x + last.width * 0.25, last.y + last.height / 2);
  await expect.poll(async () => page.locator(".hover-line").evaluateAll((lines) => lines.map((l) => Math.round(l.getBoundingClientRect().x)))).toEqual(Array(count).fill(Math.round(last.x + last.width * 0.25)));
  await page.mouse.move(0, 0);
  await expect(page.locator(".hover-line")).toHaveCount(0);
});

test("clicking a chart's title opens that lab, with its table", async ({ page }) => {
  const counts = await openOverview(page, "other-labs");
  await page.getByRole("figure", { name: "Glucose", exact: true }).getByRole("button", { name: "Glucose", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`Loaded ${counts.get("Glucose")} results`);
  await expect(page.getByLabel("Lab", { exact: true })).toHaveValue("glucose");
  await expect(resultsTable(page, "Glucose").locator("tbody tr")).toHaveCount(counts.get("Glucose")!);
  expect(new URL(page.url()).hash).toBe("#lab=glucose");
});

for (const style of ["light", "dark"] as const) {
  test(`the Overview has no serious accessibility violations in the ${style} style`, async ({ page }) => {
    await openOverview(page, "other-labs", { style });
    await expect(page.locator("html")).toHaveAttribute("data-theme", style);
    expect(await seriousViolations(page)).toEqual([]);
  });
}
