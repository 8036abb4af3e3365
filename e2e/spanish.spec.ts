/**
 * A Spanish reader (the `spanish` project: navigator.languages es-ES), against the real sandbox: both pages speak
 * Spanish, with `<html lang="es">`, and the Language control's choice is kept for the next launch. Names are looked
 * up in the catalogs, so the test follows them.
 */
import { wait } from "./timeouts";
import { test, expect, APP_LAUNCH, SANDBOX, launchFromEhr } from "./fixtures";
import { seriousViolations } from "./lab-helpers";
import graphWords from "../src/i18n/catalogs/es.ts";
import chartWords from "../src/i18n/catalogs/es.chart.ts";
import patientWords from "../src/i18n/catalogs/es.patient.ts";
import launch from "../src/i18n/catalogs/es.launch.ts";
import type { Catalog } from "../src/i18n/i18n.ts";

/** The graph page's Spanish: every part of the catalog but the launch page's. */
const graph: Catalog = { ...graphWords, ...chartWords, ...patientWords };

/** The Spanish of an English message, as a page shows it (`{count}` and the other placeholders filled). */
function es(catalog: Catalog, english: string, params: Record<string, string | number> = {}): string {
  const entry = catalog[english];
  if (entry === undefined) throw new Error(`The Spanish catalog has no "${english}"`);
  const form = typeof entry === "string" ? entry : (entry[new Intl.PluralRules("es").select(Number(params.count))] ?? entry.other);
  return form.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === "number" ? new Intl.NumberFormat("es").format(value) : value;
  });
}

test("the launch page's landing is in Spanish, axe-clean", async ({ page }) => {
  await page.goto(APP_LAUNCH);
  await expect(page.getByRole("heading", { name: es(launch, "Sign in to your health record") })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("status")).toHaveText(es(launch, "Choose where your health record is."));
  await expect(page.getByRole("combobox", { name: es(launch, "Language") })).toHaveValue("es");
  await expect(page.getByLabel(es(launch, "Another FHIR server address"))).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a refused launch link is explained in Spanish", async ({ page }) => {
  await page.goto(`${APP_LAUNCH}?iss=${encodeURIComponent("https://evil.example/fhir")}&launch=abc`);
  await expect(page.getByRole("status")).toHaveText(es(launch, "The app could not start."));
  await expect(page.getByRole("alert")).toHaveText(
    es(launch, "This app is not set up to connect to {address}. Ask your administrator to add it to the app's list of allowed FHIR servers (issAllowList in config.json).", {
      address: "https://evil.example/fhir",
    }),
  );
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
});

test("an EHR launch with a good iss loads no words on the launch page: no extra module before the redirect", async ({ page }) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await launchFromEhr(page, "single-result");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const authorize = requested.findIndex((url) => url.startsWith(SANDBOX) && /authori[sz]e/.test(new URL(url).pathname));
  expect(authorize, requested.join("\n")).toBeGreaterThan(0);
  const launchPage = requested.slice(0, authorize).map((url) => new URL(url).pathname);
  expect(launchPage).toContain("/src/launch/main.ts");
  expect(launchPage.filter((path) => /\/src\/(i18n\/|launch\/(screens|problems))/.test(path))).toEqual([]);
});

test("an EHR launch of the graph page is entirely in Spanish, axe-clean", async ({ page }) => {
  await launchFromEhr(page, "hba1c-long");
  await expect(page.getByRole("status")).toHaveText(es(graph, "Loaded {count} results", { count: 136 }), { timeout: wait(30_000) });
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByLabel(es(graph, "Lab"), { exact: true })).toBeVisible();
  await expect(page.getByRole("figure", { name: es(graph, "Hemoglobin A1c") })).toBeVisible();
  // What loads after the first chart (header, table, summary, legend) is in Spanish too.
  await expect(page.getByRole("button", { name: es(graph, "Sign out") })).toBeVisible();
  await expect(page.locator(".results-block table tbody tr").first()).toBeVisible();
  const shown = await page.locator("body").innerText();
  // No English left: no message of the catalogs (those Spanish writes otherwise) and no English date.
  const english = Object.entries(graph)
    .filter(([text, spanish]) => typeof spanish === "string" && spanish !== text && text.length >= 8 && !text.includes("{"))
    .map(([text]) => text);
  expect(english.filter((text) => shown.includes(text))).toEqual([]);
  expect(shown).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}/);
  expect(shown).toMatch(/\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.? \d{4}/);
  expect(await seriousViolations(page)).toEqual([]);
});

test("the graph page's status and session header are in Spanish; its Language control switches it at once, keeps the view and the choice", async ({ page }) => {
  await launchFromEhr(page, "hba1c-long");
  await expect(page.getByRole("status")).toHaveText(es(graph, "Loaded {count} results", { count: 136 }), { timeout: wait(30_000) });
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("banner", { name: es(graph, "Session") })).toBeVisible();
  await expect(page.getByRole("button", { name: es(graph, "Sign out") })).toBeVisible();
  const control = page.getByRole("combobox", { name: es(graph, "Language") });
  await expect(control).toHaveValue("es");
  await expect(control.locator("option")).toHaveText(["English", "Español"]);
  // A view to keep: a time range in the hash, a result selected in the table.
  const table = page.locator(".results-block table");
  const rows = await table.locator("tbody tr").count();
  await page.evaluate(() => (window.location.hash = "#range=5y"));
  await expect.poll(() => table.locator("tbody tr").count()).toBeLessThan(rows);
  const inRange = await table.locator("tbody tr").count();
  // The chart's Home key selects the oldest result shown (lab-interaction.spec.ts).
  await page.locator("figure.chart").focus();
  await page.keyboard.press("Home");
  const selected = table.locator('tbody tr[aria-current="true"]');
  await expect(selected).toHaveCount(1);
  const id = await selected.getAttribute("data-id");
  const status = await page.getByRole("status").textContent();

  await control.focus();
  await control.selectOption({ label: "English" });
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Language" })).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem("lab-graph.language"))).toBe("en");
  // The same view, drawn again in English: the range and the selected result stay.
  expect(new URL(page.url()).hash).toBe("#range=5y");
  await expect(selected).toHaveAttribute("data-id", id!);
  await expect(table.locator("tbody tr")).toHaveCount(inRange);
  expect(status).toMatch(/^Cargados \d+ resultados$/);
  await expect(page.getByRole("status")).toHaveText(/^Loaded \d+ results$/);
});

test("choosing English in the Language control switches the page, and the choice survives a new launch", async ({ page }) => {
  await page.goto(APP_LAUNCH);
  const control = page.getByRole("combobox", { name: es(launch, "Language") });
  await expect(control).toHaveValue("es");
  await expect(control.locator("option")).toHaveText(["English", "Español"]);
  await control.selectOption({ label: "English" });
  await expect(page.getByRole("heading", { name: "Sign in to your health record" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("combobox", { name: "Language" })).toBeFocused();
  expect(await page.evaluate(() => localStorage.getItem("lab-graph.language"))).toBe("en");

  await launchFromEhr(page, "hba1c-long");
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results", { timeout: wait(30_000) });
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto(APP_LAUNCH);
  await expect(page.getByRole("heading", { name: "Sign in to your health record" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Language" })).toHaveValue("en");
});
