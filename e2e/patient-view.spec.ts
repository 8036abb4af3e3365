/**
 * The patient's view (docs/patient-view.md) against the sandbox: a standalone patient launch shows the lab in plain
 * words in larger text; the `View` control switches to the clinician's view and back, and the choice lasts across a
 * reload (kept in the URL hash); a clinician's EHR launch keeps the clinician's view by default; axe finds no
 * serious violation in the patient's view. A caregiver (RelatedPerson) signing in gets the same view, phrased for them.
 */
import type { Page } from "@playwright/test";
import { test, expect, APP_LAUNCH } from "./fixtures";
import { openChart, seriousViolations } from "./lab-helpers";

/** The standalone launch as a patient does it: the landing page, the sandbox, the patient picker. */
async function launchAsPatient(page: Page, name: string): Promise<void> {
  await page.goto(APP_LAUNCH);
  await page.getByRole("list").getByRole("button", { name: "Local sandbox", exact: true }).click();
  await page.getByRole("button", { name }).click();
  await expect(page.getByRole("status")).toHaveText(/Loaded \d+ results$/);
}

const plainWords = (page: Page) => page.getByRole("region", { name: "In plain words" });
const viewControl = (page: Page) => page.getByRole("group", { name: "View" });

test("a patient's standalone launch: their HbA1c in plain words, in larger text, beside the chart and the table", async ({ page }) => {
  await launchAsPatient(page, "Amelia Jane Rhodes");
  const section = plainWords(page);
  await expect(section).toContainText("Your last HbA1c result was 6.5 % on October 28, 2024. The lab marked this as high: above the usual range.");
  await expect(section).toContainText("For many adults with diabetes, the goal is below 7.0 %. Ask your care team what your own goal is.");
  await expect(section).toContainText("HbA1c shows the average amount of sugar in the blood over the past 3 months.");
  await expect(section.getByRole("list")).toContainText("A triangle pointing up: the lab marked the result as high.");
  await expect(section.getByRole("list")).toContainText("The shaded band: the usual range the lab gave for this test.");
  await expect(section).toContainText(/Medicines on your record that affect this test: .*Metformin 500 mg tablet.*insulin glargine.*\(since 2021\)/i);
  await expect(section).not.toContainText(/\bH\b/);
  await expect(viewControl(page).getByRole("radio", { name: "Patient" })).toBeChecked();
  expect(new URL(page.url()).hash).toBe("");

  // Larger text on the whole page; the chart and the table are still there.
  const main = page.getByRole("main");
  await expect(main).toHaveClass(/\bpatient-view\b/);
  const size = (selector: string) => page.locator(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(await size("main")).toBeGreaterThan(await size("body"));
  await expect(page.getByLabel("Hemoglobin A1c", { exact: true }).locator("svg").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Hemoglobin A1c", exact: true }).locator("tbody tr")).toHaveCount(136);

  expect(await seriousViolations(page)).toEqual([]);
});

test("switching to the clinician's view and back lasts across a reload (the URL hash)", async ({ page }) => {
  await launchAsPatient(page, "Amelia Jane Rhodes");
  await expect(plainWords(page)).toBeVisible();

  await viewControl(page).getByRole("radio", { name: "Clinician" }).check();
  await expect(plainWords(page)).toHaveCount(0);
  await expect(page.getByRole("main")).not.toHaveClass(/patient-view/);
  expect(new URL(page.url()).hash).toBe("#view=clinician");

  await page.reload();
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  await expect(viewControl(page).getByRole("radio", { name: "Clinician" })).toBeChecked();
  await expect(plainWords(page)).toHaveCount(0);
  // The choice stays with the other labs.
  await page.getByLabel("Lab", { exact: true }).selectOption({ label: "Glucose" });
  await expect(page.getByRole("status")).toHaveText(/Loaded \d+ results$/);
  expect(new URL(page.url()).hash).toContain("view=clinician");
  await expect(plainWords(page)).toHaveCount(0);

  await viewControl(page).getByRole("radio", { name: "Patient" }).check();
  await expect(plainWords(page)).toContainText("Glucose is a sugar that gives the body most of its energy.");
  // The patient's own default: no choice left in the hash.
  expect(new URL(page.url()).hash).not.toContain("view=");
  await page.reload();
  await expect(page.getByRole("status")).toHaveText(/Loaded \d+ results$/);
  await expect(viewControl(page).getByRole("radio", { name: "Patient" })).toBeChecked();
  await expect(plainWords(page)).toBeVisible();
});

test("a clinician's EHR launch keeps the clinician's view by default, and may switch to the patient's", async ({ page }) => {
  await openChart(page, "hba1c-long");
  await expect(viewControl(page).getByRole("radio", { name: "Clinician" })).toBeChecked();
  await expect(plainWords(page)).toHaveCount(0);
  await expect(page.getByRole("main")).not.toHaveClass(/patient-view/);
  expect(new URL(page.url()).hash).toBe("");

  await viewControl(page).getByRole("radio", { name: "Patient" }).check();
  expect(new URL(page.url()).hash).toBe("#view=patient");
  // The clinician reads the same words a patient would: "your" is the patient.
  await expect(plainWords(page)).toContainText("Your last HbA1c result was 6.5 %");
  await expect(page.getByRole("main")).toHaveClass(/\bpatient-view\b/);
});

test("a caregiver's own launch (a RelatedPerson signs in): the patient's view, phrased for someone caring for the patient", async ({ page }) => {
  await launchAsPatient(page, "Grace Rhodes");
  // The app may not read a RelatedPerson (no user/RelatedPerson scope): the header names the role.
  await expect(page.getByRole("banner", { name: "Session" })).toContainText("Signed in as a patient's representative");
  await expect(page.getByRole("region", { name: "Patient" })).toContainText("Amelia Jane Rhodes");
  await expect(viewControl(page).getByRole("radio", { name: "Patient" })).toBeChecked();
  const section = plainWords(page);
  await expect(section).toContainText(/Amelia (Jane )?Rhodes's last HbA1c result was 6\.5 % on October 28, 2024\. The lab marked this as high/);
  await expect(section).toContainText(/Medicines on their record that affect this test: .*Metformin 500 mg tablet/i);
  await expect(section).not.toContainText(/\byour\b/i);
  expect(await seriousViolations(page)).toEqual([]);
});
