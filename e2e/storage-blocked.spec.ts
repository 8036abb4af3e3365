import { test, expect, SANDBOX } from "./fixtures";

// This project runs Chromium with Playwright's default features, which deny storage to cross-site frames,
// as strict privacy settings do for some users.
test("in a frame denied storage, the app says so and offers a new window instead of a blank frame", async ({ page }) => {
  await page.goto(`${SANDBOX}/`);
  await page.getByRole("row", { name: /Amelia Jane Rhodes/ }).getByRole("button", { name: "Open in EHR frame" }).click();
  const app = page.frameLocator('iframe[title="Lab graph app"]');
  await expect(app.getByRole("alert")).toContainText("does not let the app keep its sign-in inside the EHR window");
  await expect(app.getByRole("button", { name: "Open in a new window" })).toBeVisible();
});
