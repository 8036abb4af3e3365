/** Standalone launch: the landing page, the sandbox's patient picker, a patient-facing chart. */
import { test, expect, APP, APP_LAUNCH, SANDBOX } from "./fixtures";

test("standalone: landing page → sandbox → patient picker → the patient's own chart", async ({ page, requests }) => {
  await page.goto(APP_LAUNCH);
  await expect(page.getByRole("heading", { name: "Sign in to your health record" })).toBeVisible();
  const servers = page.getByRole("list").getByRole("button");
  await expect(servers.first()).toHaveText("Local sandbox");
  await servers.first().click();

  await page.getByRole("button", { name: "Amelia Jane Rhodes" }).click();
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  await expect(page.getByText("Signed in as Amelia Jane Rhodes — these are your own records")).toBeVisible();
  expect(new URL(page.url()).origin).toBe(APP);

  const authorize = new URL(requests.find((r) => r.url.startsWith(`${SANDBOX}/auth/authorize?`))!.url);
  const scope = authorize.searchParams.get("scope")!.split(" ");
  expect(scope).toContain("launch/patient");
  expect(scope).not.toContain("launch");
  expect(scope).toContain("patient/Observation.rs");
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("aud")).toBe(`${SANDBOX}/fhir`);
});

test("standalone: another FHIR server that is not allow-listed is refused where it was typed", async ({ page, requests }) => {
  await page.goto(APP_LAUNCH);
  await page.getByLabel("Another FHIR server address").fill("https://evil.example/fhir");
  await page.getByRole("button", { name: "Connect" }).click();
  await expect(page.getByRole("alert")).toContainText("not set up to connect to https://evil.example/fhir");
  expect(requests.filter((r) => !r.url.startsWith(APP))).toEqual([]);
});
