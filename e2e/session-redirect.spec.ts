/** What comes back to the graph page: an altered state, a replayed code, a reload after a failed exchange. */
import { test, expect, launchFromEhr, APP, SANDBOX, type RecordedRequest } from "./fixtures";

const tokenPosts = (requests: RecordedRequest[]) => requests.filter((r) => r.method === "POST" && r.url === `${SANDBOX}/auth/token`);

test("a redirect whose state was altered is refused, and no code is exchanged for it", async ({ page, requests }) => {
  await launchFromEhr(page, "no-labs");
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
  const authorize = new URL(requests.find((r) => r.url.startsWith(`${SANDBOX}/auth/authorize?`))!.url);

  // The same authorization request with another state: the server issues a fresh code for it.
  authorize.searchParams.set("state", crypto.randomUUID());
  await page.goto(authorize.href);
  await expect(page.getByRole("alert")).toContainText("This sign-in does not belong to this browser tab");
  expect(new URL(page.url()).search).toBe("");
  expect(tokenPosts(requests)).toHaveLength(1);
  await expect(page.getByRole("link", { name: "Go to the launch page" })).toHaveAttribute("href", "./launch.html");
});

test("an error redirect whose state names fhirclient's own storage key (SMART_KEY), not a launch: its text is not shown as the sign-in service's", async ({ page }) => {
  await launchFromEhr(page, "no-labs");
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
  const forged = "Your account is locked. Call 555-0100 to unlock it.";
  await page.goto(`${APP}/index.html?${new URLSearchParams({ error: "access_denied", error_description: forged, state: "SMART_KEY" })}`);
  await expect(page.getByRole("alert")).toContainText("This sign-in does not belong to this browser tab");
  await expect(page.getByText("555-0100")).toHaveCount(0);
  expect(new URL(page.url()).search).toBe("");
});

test("reloading the old code in the same tab exchanges nothing again; in another tab it is refused", async ({ page, context, requests }) => {
  const redirect = page.waitForRequest((r) => r.url().startsWith(`${APP}/index.html?code=`));
  await launchFromEhr(page, "no-labs");
  const withCode = (await redirect).url();
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");

  await page.goto(withCode);
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
  expect(new URL(page.url()).search).toBe("");

  const other = await context.newPage();
  await other.goto(withCode);
  await expect(other.getByRole("alert")).toContainText("This sign-in does not belong to this browser tab");
  expect(tokenPosts(requests)).toHaveLength(1);
});

test("a code exchanged twice is refused by the server; a reload then says the session ended and offers a relaunch", async ({ page, context, requests }) => {
  const redirect = page.waitForRequest((r) => r.url().startsWith(`${APP}/index.html?code=`));
  await launchFromEhr(page, "no-labs");
  const withCode = (await redirect).url();
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
  const stored = await page.evaluate(() => {
    const key = JSON.parse(sessionStorage.getItem("SMART_KEY")!) as string;
    return { key, state: sessionStorage.getItem(key)!, record: sessionStorage.getItem(`lab-graph:launch:${key}`)! };
  });

  // Another tab holding the launch as it was before the exchange (PKCE verifier, no token) replays the code.
  const other = await context.newPage();
  await other.goto(`${APP}/launch.html?clientId=x`);
  await other.evaluate(({ key, state, record }) => {
    const pending = { ...JSON.parse(state), tokenResponse: {} };
    delete pending.expiresAt;
    sessionStorage.setItem(key, JSON.stringify(pending));
    sessionStorage.setItem("SMART_KEY", JSON.stringify(key));
    sessionStorage.setItem(`lab-graph:launch:${key}`, record);
  }, stored);
  await other.goto(withCode);
  await expect(other.getByRole("alert")).toContainText("refused the sign-in code: it may have expired or been used already");
  await expect(other.getByRole("alert").getByText("Details")).toBeVisible();
  expect(tokenPosts(requests)).toHaveLength(2);
  expect(new URL(other.url()).search).toBe("");

  await other.reload();
  await expect(other.getByRole("alert")).toContainText("Your session has ended. Launch the app again from your EHR.");
  await other.getByRole("link", { name: "Launch again" }).click();
  await expect(other.getByRole("status")).toHaveText("Loaded 0 results");
});
