/**
 * `clinical-traps` against the real sandbox: every result the lab sent is a row, and the server's message in
 * the search results (an OperationOutcome entry, docs/clinical-rules.md §10) is shown once, never as a result
 * or a failure. What a clinician sees for each trap is asserted per rule (flags, numbers, dates, ranges, goals).
 */
import { test, expect } from "./fixtures";
import { openChart, resultsTable } from "./lab-helpers";

/** HbA1c results of `clinical-traps`: 68 Observations, one entered in error (README, scenario patients). */
const HBA1C_ROWS = 67;

test("clinical-traps: the server's message is shown once; every HbA1c result but the one entered in error is a row", async ({ page }) => {
  await openChart(page, "clinical-traps");
  await expect(page.getByRole("status")).toHaveText(`Loaded ${HBA1C_ROWS} results`);
  await expect(resultsTable(page, "Hemoglobin A1c").locator("tbody tr")).toHaveCount(HBA1C_ROWS);
  const note = page.getByText("The server says: Some results may be hidden: results from before 2015 are archived and not returned by this search.", { exact: true });
  await expect(note).toHaveCount(1);
  await expect(note).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("a server's warning on every page (Epic's partial-record notice) is shown once, and the results are all there", async ({ page }) => {
  await openChart(page, "hba1c-long", { error: "fhir_search_outcome" });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  const note = page.getByText(/^The server warns: This response includes information available to the authorized user/);
  await expect(note).toHaveCount(1);
  await expect(page.getByRole("alert")).toHaveCount(0);
});
