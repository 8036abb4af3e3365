/** Helpers for the lab graph's e2e tests: open a patient's chart, pick a lab, read the table, scan with axe. */
import { wait } from "./timeouts";
import { createRequire } from "node:module";
import { expect, type Locator, type Page } from "@playwright/test";
import { launchFromEhr } from "./fixtures";

/** Launches the app for a patient from the sandbox EHR and waits until every page has loaded. */
export async function openChart(page: Page, patient: string, options: Record<string, string> = {}): Promise<void> {
  await launchFromEhr(page, patient, options);
  await expect(page.getByRole("status")).toHaveText(/Loaded \d+ results$/);
}

export async function chooseLab(page: Page, name: string, count: number): Promise<void> {
  await page.getByLabel("Lab", { exact: true }).selectOption({ label: name });
  await expect(page.getByRole("status")).toHaveText(`Loaded ${count} results`, { timeout: wait(60_000) });
  await expect(resultsTable(page, name).locator("tbody tr")).toHaveCount(count > 1000 ? 200 : count);
}

export function resultsTable(page: Page, lab: string): Locator {
  return page.getByRole("table", { name: lab, exact: true });
}

/** Each body row's cells as text. */
export async function rowTexts(table: Locator): Promise<string[][]> {
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim())));
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { readonly target: unknown[] }[];
}

/** axe-core's serious and critical violations on the page, in words. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ["violations"] })).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(", ")}`);
}

