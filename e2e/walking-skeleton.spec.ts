import { test, expect, launchFromEhr, observationSearch, SANDBOX, APP, FHIR_BASE } from "./fixtures";

test("EHR launch from the sandbox page ends on the chart with every result, in one page", async ({ page, requests }) => {
  await page.goto(`${SANDBOX}/`);
  const row = page.getByRole("row", { name: /Amelia Jane Rhodes/ });
  await row.getByRole("button", { name: "Launch", exact: true }).click();

  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  await expect(page.getByRole("region", { name: "Patient", exact: true })).toContainText("Amelia Jane Rhodes");
  const table = page.getByRole("table", { name: "Hemoglobin A1c", exact: true });
  await expect(table.locator("tbody tr")).toHaveCount(136);
  await expect(page.getByLabel("Hemoglobin A1c", { exact: true }).locator("svg").first()).toBeVisible();

  // Cross-origin, like a real EHR: the app on localhost, the sandbox on 127.0.0.1.
  expect(new URL(page.url()).origin).toBe(APP);
  // The code and state are gone from the address bar once exchanged.
  expect(new URL(page.url()).search).toBe("");
  // Newest first: the first row is the latest result (2024).
  await expect(table.locator("tbody tr").first()).toContainText("2024");

  // One page: the app asks for 200 results at a time, which holds a typical history.
  const observationPages = requests.filter((r) => observationSearch(r));
  expect(observationPages).toHaveLength(1);
  // By POST to Observation/_search, whose CORS preflight was made while the code was exchanged: a HEAD with an
  // Authorization header and no token, just before the token request.
  expect(observationPages[0]).toMatchObject({ method: "POST", url: `${FHIR_BASE}/Observation/_search`, authorization: expect.stringMatching(/^Bearer \S+$/) });
  const warm = requests.filter((r) => r.method === "HEAD" && r.url === `${FHIR_BASE}/Observation/_search`);
  expect(warm).toMatchObject([{ authorization: "Bearer" }]);
  expect(requests.indexOf(warm[0]!)).toBeLessThan(requests.findIndex((r) => r.url.endsWith("/auth/token")));
  const first = observationSearch(observationPages[0]!)!;
  expect(first.searchParams.get("_count")).toBe("200");
  expect(first.searchParams.get("code")).toContain("http://loinc.org|4548-4");
  expect(first.search).toContain("http%3A%2F%2Floinc.org%7C4548-4");
  expect(requests.filter((r) => r.url.endsWith("/.well-known/smart-configuration"))).toHaveLength(1);
  expect(requests.filter((r) => r.url.includes("/auth/token") && r.method === "POST")).toHaveLength(1);
  // The launch page's preload of config.json is the request its script reads, not a second one.
  expect(requests.filter((r) => new URL(r.url).pathname.endsWith("/config.json"))).toHaveLength(1);
});

test("a patient without results gets the empty table and an empty-state message, not an error", async ({ page }) => {
  await launchFromEhr(page, "no-labs");
  await expect(page.getByRole("status")).toHaveText("Loaded 0 results");
  await expect(page.getByRole("region", { name: "Patient", exact: true })).toContainText("Jonah Whitfield");
  await expect(page.getByRole("table", { name: "Hemoglobin A1c" }).locator("tbody tr")).toHaveCount(0);
  await expect(page.getByText("No Hemoglobin A1c results are on record for this patient.")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("an iss that is not allow-listed stays on the app's origin and shows an alert", async ({ page, requests }) => {
  await page.goto(`${APP}/launch.html?iss=${encodeURIComponent("https://evil.example/fhir")}&launch=abc`);
  await expect(page.getByRole("alert")).toContainText("not set up to connect to https://evil.example");
  expect(new URL(page.url()).origin).toBe(APP);
  expect(requests.filter((r) => !r.url.startsWith(APP))).toEqual([]);
});

test("the EHR frame: the app launches and charts inside the sandbox's iframe", async ({ page }) => {
  await page.goto(`${SANDBOX}/`);
  await page.getByRole("row", { name: /Amelia Jane Rhodes/ }).getByRole("button", { name: "Open in EHR frame" }).click();
  const app = page.frameLocator('iframe[title="Lab graph app"]');
  await expect(app.getByRole("status")).toHaveText("Loaded 136 results");
  await expect(app.getByRole("table", { name: "Hemoglobin A1c" }).locator("tbody tr")).toHaveCount(136);
  expect(new URL(page.url()).origin).toBe(SANDBOX);
});

test("the FHIR API refuses requests without a valid token", async ({ request }) => {
  const none = await request.get(`${FHIR_BASE}/Patient/hba1c-long`);
  expect(none.status()).toBe(401);
  expect((await none.json()).resourceType).toBe("OperationOutcome");
  const forged = await request.get(`${FHIR_BASE}/Observation?patient=hba1c-long`, { headers: { Authorization: "Bearer not-a-real-token" } });
  expect(forged.status()).toBe(401);
});
