/**
 * The app against the sandbox's EHR profiles (README "EHR profiles"): it reads all of `hba1c-long`, in order,
 * through each, whatever order the server sends, and copes with each profile's habits.
 */
import { test, expect, launchFromEhr, observationSearch, storedTokens, SANDBOX } from "./fixtures";
import { resultsTable, rowTexts } from "./lab-helpers";
import { EPIC_PARTIAL_RECORD_NOTICE } from "../sandbox/src/fhir/searchOutcome.ts";
import type { Page } from "@playwright/test";

async function hba1cRows(page: Page, server: string): Promise<string[][]> {
  await launchFromEhr(page, "hba1c-long", { server });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  const table = resultsTable(page, "Hemoglobin A1c");
  await expect(table.locator("tbody tr")).toHaveCount(136);
  return rowTexts(table);
}

test("hba1c-long through the Epic and Oracle Health profiles: every result, newest first, the same rows as on the default base", async ({ page }) => {
  test.slow(); // three launches, one per base
  const reference = await hba1cRows(page, "main");
  expect(reference).toHaveLength(136);
  for (const server of ["epic", "oracle"]) {
    expect(await hba1cRows(page, server), server).toEqual(reference);
  }
});

test("Epic profile: v1 scopes asked for, category=laboratory on every search, Epic's message shown once, the banner from the string flag", async ({ page, requests }) => {
  await launchFromEhr(page, "hba1c-long", { server: "epic" });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  await expect(page.getByRole("region", { name: "Patient", exact: true })).toBeVisible();
  const text = EPIC_PARTIAL_RECORD_NOTICE.issue[0]!.details!.text!;
  await expect(page.getByText(`The server warns: ${text}`, { exact: true })).toHaveCount(1);
  await expect(page.getByRole("alert")).toHaveCount(0);

  const authorize = new URL(requests.find((r) => r.url.startsWith(`${SANDBOX}/epic/auth/authorize?`))!.url);
  expect(authorize.searchParams.get("scope")!.split(" ")).toEqual(expect.arrayContaining(["patient/Observation.read", "patient/Patient.read"]));
  const firstPages = requests.flatMap((r) => observationSearch(r, `${SANDBOX}/epic/fhir`) ?? []).filter((url) => !url.searchParams.has("_cursor"));
  expect(firstPages.length).toBeGreaterThan(0);
  for (const url of firstPages) expect(url.searchParams.get("category")).toBe("laboratory");
});

test("Oracle Health profile: offline_access asked for by a clinician's launch is not granted, and the app charts without a refresh token", async ({ page }) => {
  const token = page.waitForResponse((r) => r.url() === `${SANDBOX}/oracle/auth/token`);
  await launchFromEhr(page, "hba1c-long", { server: "oracle" });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  const body = (await (await token).json()) as { scope: string; expires_in: number; refresh_token?: string };
  expect(body.scope.split(" ")).not.toContain("offline_access");
  expect(body.expires_in).toBe(570);
  expect((await storedTokens(page)).refresh_token).toBeUndefined();
  await expect(page.getByRole("alert")).toHaveCount(0);
});
