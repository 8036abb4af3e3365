/** The sandbox's EHR simulator page in a real browser: patient search, launch options, windows, debug tools. */
import { test, expect, SANDBOX, APP } from "./fixtures";

test("finds a patient by name and launches with the chosen banner option", async ({ page }) => {
  await page.goto(`${SANDBOX}/`);
  await page.getByLabel("Find a patient").fill("okonkwo");
  await page.getByRole("button", { name: "Search" }).click();
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Grace Adaeze Okonkwo");

  await page.getByLabel("Patient banner").selectOption({ label: "EHR shows the banner" });
  await page.getByRole("row", { name: /Grace Adaeze Okonkwo/ }).getByRole("button", { name: "Launch", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Loaded");
  expect(new URL(page.url()).origin).toBe(APP);
  await expect(page.getByRole("region", { name: "Patient", exact: true })).toHaveCount(0);
});

test("New window opens the app in its own window", async ({ page }) => {
  await page.goto(`${SANDBOX}/`);
  const popup = page.waitForEvent("popup");
  await page.getByRole("row", { name: /Amelia Jane Rhodes/ }).getByRole("button", { name: "New window" }).click();
  const app = await popup;
  await expect(app.getByRole("status")).toHaveText("Loaded 136 results");
  expect(new URL(page.url()).origin).toBe(SANDBOX);
});

test("a simulated invalid_client ends on the authorization server's error page, not back in the app", async ({ page }) => {
  await page.goto(`${SANDBOX}/`);
  await page.getByLabel("Simulated error").selectOption("invalid_client");
  await page.getByRole("row", { name: /Amelia Jane Rhodes/ }).getByRole("button", { name: "Launch", exact: true }).click();
  await expect(page.getByRole("heading", { name: "The app cannot be authorized" })).toBeVisible();
  await expect(page.getByRole("alert")).toContainText("invalid_client");
  expect(new URL(page.url()).origin).toBe(SANDBOX);
});

test("the token debugger shows what the server knows of a token", async ({ page, request }) => {
  const minted = await request.post(`${SANDBOX}/auth/debug/token`, { data: { client_id: "lab-graph", scope: "patient/*.rs", patient_id: "no-labs" } });
  const { access_token: token } = (await minted.json()) as { access_token: string };
  await page.goto(`${SANDBOX}/`);
  await page.getByRole("link", { name: "Token debugger" }).click();
  await page.getByLabel("Access token, refresh token, id_token or launch value").fill(token);
  await page.getByRole("button", { name: "Inspect" }).click();
  const introspection = page.getByRole("region", { name: "Introspection" });
  await expect(introspection).toContainText('"active": true');
  await expect(introspection).toContainText('"patient": "no-labs"');
});
