/** The session's tokens: refresh before expiry, one refresh after a 401, the end of a session, sign-out. */
import { test, expect, launchFromEhr, observationSearch, storedTokens, APP_LAUNCH, FHIR_BASE, SANDBOX, type RecordedRequest } from "./fixtures";
import { SHORT_TOKEN_SECONDS } from "../sandbox/src/faultCatalog.ts";

const refreshes = (requests: RecordedRequest[]) => requests.filter((r) => r.url === `${SANDBOX}/auth/token` && r.sent.includes("grant_type=refresh_token"));

test("an access token that expires after a few seconds is refreshed before each request; the chart loads, now and after a reload", async ({ page, requests }) => {
  await launchFromEhr(page, "hba1c-long", { error: "expired_access_token" });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  expect(refreshes(requests).length).toBeGreaterThan(0);
  expect(refreshes(requests)[0]!.sent).toContain("client_id=lab-graph");

  const before = refreshes(requests).length;
  // The sandbox's short tokens live at most SHORT_TOKEN_SECONDS: the stored one is dead by the reload.
  await page.waitForTimeout(SHORT_TOKEN_SECONDS * 1000 + 100);
  await page.reload();
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  expect(refreshes(requests).length).toBeGreaterThan(before);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("an access token that expires when the server refuses to refresh: the session ended, with a relaunch", async ({ page, requests }) => {
  await launchFromEhr(page, "no-labs", { error: "expired_refresh_token" });
  await expect(page.getByRole("alert")).toContainText("Your session has ended: the EHR would not renew the sign-in. Launch the app again from your EHR.");
  expect(refreshes(requests)).toHaveLength(1);
  await expect(page.getByRole("status")).toHaveText("Session ended.");
  await page.getByRole("alert").getByText("Details").click();
  await expect(page.getByRole("alert").locator("pre")).toContainText("The refresh failed:");
  await expect(page.getByRole("alert").locator("pre")).toContainText("invalid_grant");
  await expect(page.getByRole("link", { name: "Launch again" })).toBeVisible();
});

test("a launch whose token the FHIR server refuses (401): one refresh, then the session ended", async ({ page, requests }) => {
  await launchFromEhr(page, "no-labs", { error: "invalid_token" });
  await expect(page.getByRole("alert")).toContainText("Your session has ended: the FHIR server no longer accepts the sign-in.");
  expect(refreshes(requests)).toHaveLength(1);
});

test("authorization revoked mid-load (401 after two requests, refresh refused): the relaunch message", async ({ page, requests }) => {
  await launchFromEhr(page, "hba1c-long", { error: "fhir_401_later" });
  await expect(page.getByRole("alert")).toContainText("Your session has ended: the EHR would not renew the sign-in.");
  expect(refreshes(requests)).toHaveLength(1);
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("a token the server refuses before its expiry (401, e.g. clock skew): one refresh, then the chart", async ({ page }) => {
  await launchFromEhr(page, "no-labs", { lifetime: "2" });
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
  await page.waitForTimeout(2500);
  // The app is told its expired token still has an hour to go, so only the server's 401 can reveal it.
  await page.evaluate(() => {
    const key = JSON.parse(sessionStorage.getItem("SMART_KEY")!) as string;
    const state = JSON.parse(sessionStorage.getItem(key)!) as { expiresAt: number };
    sessionStorage.setItem(key, JSON.stringify({ ...state, expiresAt: Date.now() / 1000 + 3600 }));
  });
  // What answered, in order: the refused reads, the refresh, the reads again. (Reads that start later, such as the
  // signed-in user's, may refresh again on their own: this launch's tokens live two seconds.)
  const answers: string[] = [];
  page.on("response", (response) => {
    const url = response.url();
    if (url === `${SANDBOX}/auth/token` && response.request().method() === "POST") answers.push("refresh");
    else if (observationSearch(response.request())) answers.push(`Observation ${response.status()}`);
  });
  await page.reload();
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
  const refused = answers.indexOf("Observation 401");
  const loaded = answers.indexOf("Observation 200");
  expect(refused, answers.join(" | ")).toBeGreaterThanOrEqual(0);
  expect(answers.slice(refused, loaded).filter((a) => a === "refresh"), answers.join(" | ")).toHaveLength(1);
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a revoked token: the app tries one refresh, which the server refuses; the session ends and offers a relaunch", async ({ page, request, requests }) => {
  await launchFromEhr(page, "no-labs");
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
  const { access_token } = await storedTokens(page);
  // Revoking the access token revokes its grant (oidc-provider), refresh token included.
  const revoked = await request.post(`${SANDBOX}/auth/revoke`, { form: { token: access_token!, token_type_hint: "access_token", client_id: "lab-graph" } });
  expect(revoked.ok()).toBe(true);

  await page.reload();
  await expect(page.getByRole("alert")).toContainText("Your session has ended: the EHR would not renew the sign-in. Launch the app again from your EHR.");
  expect(refreshes(requests)).toHaveLength(1);
  expect(await storedTokens(page)).toEqual({});
  await page.getByRole("link", { name: "Launch again" }).click();
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
});

test("Sign out revokes the tokens at the server, clears the session and says so", async ({ page, request, requests }) => {
  await page.goto(APP_LAUNCH);
  await page.getByRole("button", { name: "Local sandbox", exact: true }).click();
  await page.getByRole("button", { name: "Jonah Whitfield" }).click();
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
  const { access_token } = await storedTokens(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toHaveText("You are signed out. The EHR has cancelled the app's sign-in, and the app keeps nothing of it on this device.");
  expect(requests.filter((r) => r.url === `${SANDBOX}/auth/revoke`)).toHaveLength(2);
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);
  const after = await request.get(`${FHIR_BASE}/Patient/no-labs`, { headers: { Authorization: `Bearer ${access_token}` } });
  expect(after.status()).toBe(401);

  await page.getByRole("link", { name: "Sign in again" }).click();
  await expect(page.getByRole("button", { name: "Jonah Whitfield" })).toBeVisible();
});
