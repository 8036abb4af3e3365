// Runs in the "storage-blocked" project: Chromium denies storage to cross-site frames, as strict settings do.
import { test, expect, SANDBOX, APP } from "./fixtures";

test("the graph page in a frame denied storage says so and opens the app in a new window", async ({ page, context }) => {
  const params = new URLSearchParams({ app: `${APP}/index.html`, patient: "no-labs" });
  await page.goto(`${SANDBOX}/ehr?${params}`);
  const app = page.frameLocator('iframe[title="Lab graph app"]');
  await expect(app.getByRole("alert")).toContainText("does not let the app keep its sign-in inside the EHR window");
  const opened = context.waitForEvent("page");
  await app.getByRole("button", { name: "Open in a new window" }).click();
  const window = await opened;
  await window.waitForLoadState();
  expect(window.url()).toBe(`${APP}/launch.html`);
  await expect(window.getByRole("heading", { name: "Sign in to your health record" })).toBeVisible();
});
