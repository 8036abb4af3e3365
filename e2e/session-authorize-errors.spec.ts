/** The authorization server says no: each answer gets its own screen, with the server's words as text. */
import { test, expect, launchFromEhr, APP_LAUNCH } from "./fixtures";

test("access denied at authorize: says access was not granted, quotes the server, offers a relaunch", async ({ page }) => {
  await launchFromEhr(page, "no-labs", { error: "access_denied" });
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Access to the patient's records was not granted, so the app cannot show them.");
  await expect(alert).toContainText("The sign-in service said:");
  await expect(page.getByRole("status")).toHaveText("The app could not start.");
  await alert.getByText("Details").click();
  await expect(alert.locator("pre")).toContainText("error=access_denied");
  const relaunch = page.getByRole("link", { name: "Launch again" });
  await expect(relaunch).toHaveAttribute("href", new RegExp(`^${APP_LAUNCH}\\?iss=`));
  expect(new URL(page.url()).search).toBe("");
  await expect(page.getByRole("region", { name: "Patient" })).toHaveCount(0);
});

test("invalid_scope at authorize: says the permissions were refused", async ({ page }) => {
  await launchFromEhr(page, "no-labs", { error: "invalid_scope" });
  await expect(page.getByRole("alert")).toContainText("The sign-in service refused the permissions the app asked for.");
});
