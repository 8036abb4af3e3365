/**
 * The clinical context beside a lab, against the sandbox's scenario data: the problems in the summary, and the
 * medications under the chart on its time axis (bars where their dates are), a refused MedicationRequest that
 * leaves the chart intact, a patient with only MedicationStatements, and an axe scan light and dark.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { openChart, seriousViolations } from "./lab-helpers";

const names = (page: Page) => page.getByRole("region", { name: "Medications" }).locator(".med-name");

test("hba1c-long: its type 2 diabetes in the summary, and its therapy under the chart, each bar at its dates", async ({ page }) => {
  await openChart(page, "hba1c-long");
  await expect(page.locator(".lab-summary .problems dd")).toHaveText("Type 2 diabetes since 2013");
  await expect(names(page)).toHaveText(["Metformin 500 mg tablet", "Metformin ER 500 mg tablet", "Januvia 100 mg tablet", /insulin glargine/i]);

  // Where the chart puts two results (their dates from the sandbox's data) gives its time → x mapping.
  const bundle = JSON.parse(await readFile("sandbox/data/hba1c-long.json", "utf8")) as fhir4.Bundle;
  const observations = bundle.entry!.map((e) => e.resource!).filter((r): r is fhir4.Observation => r.resourceType === "Observation");
  const centre = async (id: string) => {
    const box = (await page.locator(`.point[data-id="${id}"]`).boundingBox())!;
    return box.x + box.width / 2;
  };
  const [a, b] = [observations[0]!, observations.at(-1)!];
  const [ta, tb] = [Date.parse(a.effectiveDateTime!), Date.parse(b.effectiveDateTime!)];
  const [xa, xb] = [await centre(a.id!), await centre(b.id!)];
  const x = (time: number) => xa + ((time - ta) * (xb - xa)) / (tb - ta);
  // The bars that start inside the chart's span: Metformin ER (2014-02-10), Januvia (2014-09-22), insulin (2021-02-01).
  const bars = page.getByRole("region", { name: "Medications" }).locator(".med-bar");
  for (const [index, start] of [[1, "2014-02-10"], [2, "2014-09-22"], [3, "2021-02-01"]] as const) {
    const box = (await bars.nth(index).boundingBox())!;
    expect(Math.abs(box.x - x(Date.parse(`${start}T12:00:00Z`))), `bar ${index}`).toBeLessThan(4);
  }
  // Januvia stopped on 2021-02-01, when insulin began: its bar ends where the insulin bar starts.
  const januvia = (await bars.nth(2).boundingBox())!;
  const insulin = (await bars.nth(3).boundingBox())!;
  expect(Math.abs(januvia.x + januvia.width - insulin.x)).toBeLessThan(4);

  // Zooming to a preset moves the bars with the chart.
  // In the last 3 years (from 2021-10-28) only the two ongoing ones remain, both open-ended and clipped at the
  // axis' left edge: Metformin 500 mg and Januvia ended before it.
  await page.getByRole("group", { name: "Time range" }).getByRole("button", { name: "3y" }).click();
  await expect(bars).toHaveCount(2);
  const track = (await page.locator(".med-track").first().boundingBox())!;
  for (const index of [0, 1]) {
    await expect(bars.nth(index)).toHaveClass(/med-open/);
    expect(Math.abs((await bars.nth(index).boundingBox())!.x - track.x), `bar ${index} after zoom`).toBeLessThan(2);
  }
  await page.getByText("Medications as a table").click();
  const table = page.getByRole("table", { name: "Medications" });
  await expect(table.getByRole("row", { name: /Januvia 100 mg tablet/ })).toContainText("stopped");
  await expect(table.getByRole("row")).toHaveCount(5);
});

test("a MedicationRequest the server refuses (403): the chart is intact, and the medications say so in one line", async ({ page }) => {
  await openChart(page, "hba1c-long", { error: "medication_request_forbidden" });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  const section = page.getByRole("region", { name: "Medications" });
  await expect(section).toContainText("Prescriptions are not available from this EHR.");
  await expect(section.locator(".med-bar")).toHaveCount(0);
  await expect(page.getByRole("figure", { name: "Hemoglobin A1c" }).locator(".point")).not.toHaveCount(0);
});

test("a patient with only MedicationStatements: what they say was taken, the others on request", async ({ page }) => {
  await openChart(page, "meds-statements-only");
  await expect(names(page)).toHaveText(["Metformin ER 500 mg tablet", "Victoza (liraglutide) 18 mg/3 mL pen", "Ozempic (semaglutide) 0.5 mg weekly pen"]);
  await page.getByRole("checkbox", { name: /Show every medication/ }).check();
  await expect(names(page)).toContainText(["Omeprazole 20 mg capsule, over the counter"]);
});

for (const style of ["light", "dark"] as const) {
  test(`the medications and problems have no serious accessibility violation in the ${style} style`, async ({ page }) => {
    await openChart(page, "hba1c-long", { style });
    await expect(names(page)).toHaveCount(4);
    await page.getByText("Medications as a table").click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
