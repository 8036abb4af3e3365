/**
 * The app against every FHIR fault the sandbox simulates: each case ends in a stated final state within a time
 * bound — the chart, or what loaded with a message saying why it stopped — never a blank page or an endless
 * spinner. (A foreign next link: session-bearer.spec.ts; 401 mid-session: session-tokens.spec.ts.)
 * The faults between pages are launched with `max_count=50` (a server whose pages hold 50 results, where the app
 * asks for 200), so hba1c-long spans three pages, holding 48, 49 and 39 drawable results (4 entered in error).
 */
import { wait } from "./timeouts";
import type { Page, Request } from "@playwright/test";
import { test, expect, launchFromEhr, observationSearch, APP, SANDBOX } from "./fixtures";
import { resultsTable } from "./lab-helpers";

/** Every Observation search request the page sends, in the order sent. */
function observationRequests(page: Page): Request[] {
  const sent: Request[] = [];
  page.on("request", (r) => {
    if (observationSearch(r)) sent.push(r);
  });
  return sent;
}

const HBA1C = "Hemoglobin A1c";
/** The launch option of a server whose search pages hold at most 50 results. */
const PAGES_OF_50 = { max_count: "50" };

async function expectChart(page: Page, results: number, timeout: number): Promise<void> {
  await expect(page.getByRole("status")).toHaveText(`Loaded ${results} results`, { timeout });
  await expect(resultsTable(page, HBA1C).locator("tbody tr")).toHaveCount(results);
  await expect(page.getByRole("alert")).toHaveCount(0);
}

test("500 once per page: each page is tried again at once, and the whole history loads", async ({ page }) => {
  const sent = observationRequests(page);
  await launchFromEhr(page, "hba1c-long", { ...PAGES_OF_50, error: "fhir_500_once" });
  await expectChart(page, 136, wait(15_000));
  expect(sent).toHaveLength(6);
  expect(new Set(sent.map((r) => r.url())).size).toBe(3);
});

for (const [fault, status] of [
  ["fhir_503_retry_after", 503],
  ["fhir_429_retry_after", 429],
] as const) {
  test(`${status} with Retry-After: 1 on each page: the app waits the second it was asked to, then loads everything`, async ({ page }) => {
    const sent = observationRequests(page);
    await launchFromEhr(page, "hba1c-long", { ...PAGES_OF_50, error: fault });
    await expectChart(page, 136, wait(15_000));
    expect(sent).toHaveLength(6);
    // When the browser sent each (its own clock: when the test hears of a request depends on how busy it is).
    for (const url of new Set(sent.map((r) => r.url()))) {
      const [first, second] = sent.filter((r) => r.url() === url).map((r) => r.timing().startTime);
      expect(second! - first!, url).toBeGreaterThanOrEqual(950);
    }
  });
}

test("500 on every request: three tries each, then alerts that say so; the page stays usable", async ({ page }) => {
  await launchFromEhr(page, "hba1c-long", { error: "fhir_500" });
  await expect(page.getByRole("status")).toHaveText("Stopped after 0 results: a page failed to load.", { timeout: wait(15_000) });
  await expect(page.getByRole("alert").filter({ hasText: "The FHIR server had an error (500)." }).last()).toContainText("The app tried 3 times.");
  await expect(page.getByRole("region", { name: "Patient", exact: true })).toContainText("could not be loaded");
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeEnabled();
});

test("slow responses (3 s each): the first page is drawn while the rest load, with Stop on offer; then everything", async ({ page }) => {
  // Every text the status line shows, recorded as it changes: on a busy machine the first page can be in before
  // the panel first renders (then there is no "Loading…" to see), so the order of what was shown is checked.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { statusTexts: seen });
    const record = () => {
      const text = document.querySelector('[role="status"]')?.textContent ?? "";
      if (text && seen.at(-1) !== text) seen.push(text);
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await launchFromEhr(page, "hba1c-long", { ...PAGES_OF_50, error: "fhir_slow" });
  await expect(page.getByRole("status")).toHaveText(/^Loaded \d+ of 140 results…$/, { timeout: wait(10_000) });
  const order = [/^Signing in…$/, /^Loading Hemoglobin A1c results…$/, /^Loaded \d+ of 140 results…$/];
  const texts = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
  const steps = texts.map((t) => order.findIndex((re) => re.test(t)));
  expect(steps, texts.join(" | ")).not.toContain(-1);
  expect(steps, texts.join(" | ")).toEqual([...steps].sort((a, b) => a - b));
  await expect(resultsTable(page, HBA1C).locator("tbody tr")).not.toHaveCount(0);
  await expect(page.getByRole("button", { name: "Stop loading" })).toBeVisible();
  await expectChart(page, 136, wait(15_000));
});

for (const [fault, says] of [
  ["fhir_truncated_json", "not valid JSON"],
  ["fhir_not_bundle", "something other than a Bundle of results"],
] as const) {
  test(`${fault}: an alert says what failed, and the rest of the app still works`, async ({ page }) => {
    await launchFromEhr(page, "hba1c-long", { error: fault });
    await expect(page.getByRole("alert")).toContainText(says, { timeout: wait(10_000) });
    await expect(page.getByRole("status")).toHaveText("Stopped after 0 results: a page failed to load.");
    await expect(page.getByRole("region", { name: "Patient", exact: true })).toContainText("Amelia Jane Rhodes");
    await page.getByLabel("Lab", { exact: true }).selectOption({ label: "Glucose" });
    await expect(page.getByRole("alert")).toContainText(says);
    await expect(page).toHaveURL(/#lab=glucose/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("status")).toHaveText(/^You are signed out/);
  });
}

test("a next link back to the first page: stops there, says so, and shows the two pages it read", async ({ page }) => {
  const sent = observationRequests(page);
  await launchFromEhr(page, "hba1c-long", { ...PAGES_OF_50, error: "fhir_next_loop" });
  await expect(page.getByRole("status")).toHaveText("Stopped: the server's next page link loops back. Loaded 97 results", { timeout: wait(10_000) });
  await expect(resultsTable(page, HBA1C).locator("tbody tr")).toHaveCount(97);
  expect(sent).toHaveLength(2);
});

test("a search the server forgets after its first page (410 on every later page): restarted once, then a message; the first page stays", async ({ page }) => {
  const sent = observationRequests(page);
  await launchFromEhr(page, "hba1c-long", { ...PAGES_OF_50, error: "fhir_gone_later_page" });
  await expect(page.getByRole("alert")).toContainText("discarded this search before all pages were read (410). The app ran the search again once", { timeout: wait(10_000) });
  await expect(page.getByRole("status")).toHaveText("Stopped after 48 results: a page failed to load.");
  await expect(resultsTable(page, HBA1C).locator("tbody tr")).toHaveCount(48);
  expect(sent).toHaveLength(4);
});

test("a search the server forgets once (410): restarted from the first page, and the whole history loads once", async ({ page }) => {
  const sent = observationRequests(page);
  await launchFromEhr(page, "hba1c-long", { ...PAGES_OF_50, error: "fhir_gone_once" });
  await expectChart(page, 136, wait(10_000));
  expect(sent).toHaveLength(5);
});

test("an empty page in the middle: the pages after it still load", async ({ page }) => {
  await launchFromEhr(page, "hba1c-long", { ...PAGES_OF_50, error: "fhir_empty_page" });
  await expectChart(page, 87, wait(10_000));
});

test("entries repeated across pages are drawn once", async ({ page }) => {
  await launchFromEhr(page, "hba1c-long", { ...PAGES_OF_50, error: "fhir_duplicates" });
  await expectChart(page, 136, wait(10_000));
  await expect(page.getByLabel(HBA1C, { exact: true }).locator(".point")).toHaveCount(136);
});

test("a redirect URI the authorization server refuses: its error page, and the app never receives a code", async ({ page, requests }) => {
  await launchFromEhr(page, "hba1c-long", { error: "invalid_redirect" });
  await expect(page.getByRole("heading", { name: "The app cannot be authorized" })).toBeVisible({ timeout: wait(10_000) });
  await expect(page.getByRole("alert")).toContainText("invalid_request");
  expect(new URL(page.url()).origin).toBe(SANDBOX);
  expect(requests.filter((r) => r.url.startsWith(`${APP}/index.html`))).toEqual([]);
});
