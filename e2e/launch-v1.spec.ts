/** A SMART v1-only server: the app asks for .read scopes, and charts with what it is granted. */
import { test, expect, launchFromEhr, observationSearch, SANDBOX, APP_LAUNCH } from "./fixtures";

test("EHR launch on a v1-only server: v1 scopes asked for and granted, the chart as on v2", async ({ page, requests }) => {
  const token = page.waitForResponse((r) => r.url() === `${SANDBOX}/v1/auth/token`);
  await launchFromEhr(page, "hba1c-long", { fhir: "v1" });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  await expect(page.getByText("Signed in as Dr. Priya Natarajan")).toBeVisible();

  const authorize = new URL(requests.find((r) => r.url.startsWith(`${SANDBOX}/v1/auth/authorize?`))!.url);
  const asked = authorize.searchParams.get("scope")!.split(" ");
  expect(asked).toEqual(expect.arrayContaining(["launch", "patient/Observation.read", "patient/Patient.read", "user/Practitioner.read", "offline_access"]));
  expect(asked.filter((s) => s.endsWith(".rs"))).toEqual([]);
  expect(authorize.searchParams.get("aud")).toBe(`${SANDBOX}/v1/fhir`);
  const granted = ((await (await token).json()) as { scope: string }).scope.split(" ");
  expect(granted).toContain("patient/Observation.read");
  expect(requests.filter((r) => observationSearch(r, `${SANDBOX}/v1/fhir`))).toHaveLength(1);
});

test("standalone on the v1-only server from the landing page", async ({ page }) => {
  await page.goto(APP_LAUNCH);
  await page.getByRole("button", { name: "Local sandbox (SMART v1 only)" }).click();
  await page.getByRole("button", { name: "Jonah Whitfield" }).click();
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
  await expect(page.getByText("Signed in as Jonah Whitfield — these are your own records")).toBeVisible();
});
