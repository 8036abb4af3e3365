/**
 * Hostile input reaching the graph page: markup in the authorization server's words and in the patient's
 * record, a code without state, hostile smart_style_url documents. Nothing runs, everything shows as text.
 * (Hostile launch links are in launch-refusals.spec.ts; an altered state and a replayed code in
 * session-redirect.spec.ts.)
 */
import type { Page } from "@playwright/test";
import { test, expect, launchFromEhr, APP, SANDBOX, type RecordedRequest } from "./fixtures";
import { MARKUP, MARKUP_RAN } from "../sandbox/src/faultCatalog.ts";
import { HOSTILE_KEPT, STYLE_INJECTED } from "../sandbox/src/ehr/styles.ts";

const tokenPosts = (requests: RecordedRequest[]) => requests.filter((r) => r.method === "POST" && r.url === `${SANDBOX}/auth/token`);

/** Nothing the markup carries ran or became an element. */
async function expectInert(page: Page, marker: string): Promise<void> {
  expect(await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], marker)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("body script:not([src])")).toHaveCount(0);
  await expect(page.locator("b", { hasText: "bold" })).toHaveCount(0);
}

test("markup in the authorization server's error_description is shown as text and never runs", async ({ page }) => {
  await launchFromEhr(page, "no-labs", { error: "access_denied_markup" });
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Access to the patient's records was not granted");
  await expect(alert).toContainText(`The sign-in service said:`);
  await expect(alert).toContainText(MARKUP);
  await expectInert(page, MARKUP_RAN);
});

test("markup in the patient's name and in the results' texts is shown as text and never runs", async ({ page }) => {
  await launchFromEhr(page, "hba1c-long", { error: "fhir_markup" });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  await expect(page.getByRole("region", { name: "Patient", exact: true })).toContainText(`${MARKUP}Amelia`);
  const table = page.getByRole("table", { name: "Hemoglobin A1c", exact: true });
  await expect(table.locator("tbody tr")).toHaveCount(136);
  await expect(table.locator("tbody tr").first()).toContainText(MARKUP);
  // The latest result's tooltip: the test's name, performer, range and notes, all from the record.
  const chart = page.getByLabel("Hemoglobin A1c", { exact: true });
  await chart.focus();
  await expect(chart).toContainText(MARKUP);
  await expectInert(page, MARKUP_RAN);
});

test("a code without state is never exchanged: a fresh tab says it has no launch, a tab with a session keeps its own", async ({ page, context, requests }) => {
  await page.goto(`${APP}/index.html?code=stolen-or-made-up`);
  await expect(page.getByRole("alert")).toContainText("The app was opened without a launch");
  expect(new URL(page.url()).search).toBe("");

  const other = await context.newPage();
  await launchFromEhr(other, "no-labs");
  await expect(other.getByRole("status")).toHaveText("Loaded 0 results");
  await other.goto(`${APP}/index.html?code=stolen-or-made-up`);
  await expect(other.getByRole("status")).toHaveText("Loaded 0 results");
  await expect(other.getByRole("region", { name: "Patient", exact: true })).toContainText("Jonah Whitfield");
  expect(new URL(other.url()).search).toBe("");
  expect(tokenPosts(requests)).toHaveLength(1);
});

/** The root element's custom properties and theme, as the style left them. */
async function appliedStyle(page: Page): Promise<{ properties: Record<string, string>; theme: string | undefined }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const properties: Record<string, string> = {};
    for (const name of Array.from(root.style)) properties[name] = root.style.getPropertyValue(name).trim();
    return { properties, theme: root.dataset.theme };
  });
}

test("a style whose values try to break out of CSS: each bad field ignored, the valid one applied, nothing runs", async ({ page }) => {
  await launchFromEhr(page, "hba1c-long", { style: "hostile-css" });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  await expect.poll(async () => (await appliedStyle(page)).properties).toEqual({ "--radius": HOSTILE_KEPT.dim_border_radius });
  expect((await appliedStyle(page)).theme).toBeUndefined();
  expect(await page.evaluate((name) => (window as unknown as Record<string, unknown>)[name], STYLE_INJECTED)).toBeUndefined();
  const styleSheets = await page.locator("style").evaluateAll((els) => els.map((e) => e.textContent ?? "").join("\n"));
  expect(styleSheets).not.toContain(STYLE_INJECTED);
  await expect(page.locator("body")).toBeVisible();
  await expect(page.getByRole("table", { name: "Hemoglobin A1c", exact: true })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

for (const [style, why] of [
  ["hostile-huge", "too large"],
  ["hostile-not-json", "JSON"],
] as const) {
  test(`a ${style} style document is ignored as a whole, and the app keeps its own look`, async ({ page }) => {
    const warned = page.waitForEvent("console", (m) => m.type() === "warning" && m.text().startsWith("Ignoring smart_style_url"));
    await launchFromEhr(page, "hba1c-long", { style });
    await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
    expect((await warned).text()).toContain(why);
    expect(await appliedStyle(page)).toEqual({ properties: {}, theme: undefined });
    await expect(page.getByRole("alert")).toHaveCount(0);
  });
}
