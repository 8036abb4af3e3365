/** Every scenario patient renders correctly: counts, units, flags and ranges, against the real sandbox. */
import { wait } from "./timeouts";
import { test, expect, observationSearch } from "./fixtures";
import { chooseLab, openChart, resultsTable, rowTexts } from "./lab-helpers";

test("hba1c-mixed: three codes in two units on one % scale, and in mmol/mol with the toggle", async ({ page }) => {
  await openChart(page, "hba1c-mixed");
  await expect(page.getByRole("status")).toHaveText("Loaded 27 results");
  const table = resultsTable(page, "Hemoglobin A1c");
  let rows = await rowTexts(table);
  expect(rows).toHaveLength(27);
  expect(rows.every((r) => r[2] === "%")).toBe(true);
  const ifcc = rows.filter((r) => r[5]!.includes("Recorded as") && r[5]!.includes("mmol/mol"));
  expect(ifcc).toHaveLength(9);
  expect(ifcc[0]).toEqual(["Aug 22, 2022, 10:00 AM", "7.0", "%", "High (H)", "4.0–5.9 %", "Recorded as 53 mmol/mol."]);

  await page.getByRole("radio", { name: "mmol/mol" }).check();
  rows = await rowTexts(table);
  expect(rows.every((r) => r[2] === "mmol/mol")).toBe(true);
  expect(rows.find((r) => r[0] === "Aug 22, 2022, 10:00 AM")!.slice(1, 5)).toEqual(["53", "mmol/mol", "High (H)", "20–41 mmol/mol"]);
  expect(rows.find((r) => r[0] === "Sep 20, 2024, 2:15 PM")!.slice(1, 5)).toEqual(["41", "mmol/mol", "High (H)", "20–38 mmol/mol"]);
  await expect(page.getByText("Goal < 53 mmol/mol — default (ADA: many non-pregnant adults)").first()).toBeVisible();
  expect(new URL(page.url()).hash).toBe("#unit=mmol%2Fmol");
});

test("odd-values: limits at their bound, what cannot be drawn listed with why, every kind of range", async ({ page }) => {
  await openChart(page, "odd-values");
  await expect(page.getByRole("status")).toHaveText("Loaded 19 results");
  await expect(page.getByText("19 results, 15 on the chart. 2 entered in error or cancelled, not shown.")).toBeVisible();
  const rows = await rowTexts(resultsTable(page, "Hemoglobin A1c"));
  expect(rows).toHaveLength(19);
  const row = (date: string) => rows.find((r) => r[0] === date)!;
  expect(row("Nov 5, 2019, 8:40 AM").slice(1, 6)).toEqual(["<4.0", "%", "Low (L)", "4.0–6.0 %", expect.stringContaining("Limit: drawn at 4.0 %, the actual value is below it.")]);
  expect(row("Mar 10, 2020, 11:20 AM").slice(1, 4)).toEqual([">14.0", "%", "Critical high (HH)"]);
  expect(row("Dec 1, 2020, 9:10 AM")[5]).toBe("Not on chart: No value: Specimen clotted.");
  expect(row("May 20, 2021, 9:20 AM")[5]).toBe("Preliminary.");
  expect(row("Aug 30, 2021, 2:45 PM")[5]).toContain("Amended.");
  expect(row("Feb 14, 2022, 9:30 AM").slice(3, 5)).toEqual(["Abnormal (A)", "≥ 4.0 %"]);
  expect(row("May 9, 2022, 10:10 AM")[4]).toBe("≤ 5.6 %");
  // No interpretation sent: "Not flagged", which is not the lab's "Normal".
  expect(row("Aug 15, 2022, 9:50 AM")[3]).toBe("Not flagged");
  expect(row("Aug 15, 2022, 9:50 AM")[4]).toBe("Normal below 5.7 %; prediabetes 5.7–6.4 %; diabetes 6.5 % or above");
  expect(row("Nov 21, 2022, 11:00 AM")[4]).toBe("4.0–6.5 %; Also: Treatment target with diabetes: below 7.0 %");
  expect(row("Feb 6, 2023, 9:25 AM")[5]).toBe("Not on chart: No unit recorded, so it cannot be placed on the % scale.");
  expect(row("May 22, 2023, 10:40 AM")[5]).toContain("Not on chart: No numeric value.");
  expect(row("Sep 4, 2023")[1]).toBe("6.9");
  expect(rows.at(-1)!.slice(0, 2)).toEqual(["No date", "7.0"]);
  expect(rows.at(-1)![5]).toContain("Not on chart: No date recorded.");
  // effectivePeriod.start and issued give the time when effectiveDateTime is missing.
  expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(["Jun 1, 2020, 8:00 AM", "Sep 14, 2020, 3:20 PM (report date)"]));

  const chart = page.getByLabel("Hemoglobin A1c", { exact: true });
  await expect(chart.locator(".point")).toHaveCount(15);
  await expect(chart.locator(".limit-label")).toHaveText(["<4.0", ">14.0"]);
  await expect(chart.locator(".marker-hollow")).toHaveCount(1);
  await expect(chart.locator(".band")).not.toHaveCount(0);
  const legend = page.getByRole("list", { name: "Chart legend" });
  const flagItems = ["Not flagged", "High", "Abnormal", "Limit: the value is below the mark — Low", "Limit: the value is above the mark — Critical high"];
  for (const item of [...flagItems, "Preliminary (hollow)", "Reference range", "Goal < 7.0 % — default (ADA: many non-pregnant adults)"]) {
    await expect(legend.getByText(item, { exact: true })).toBeVisible();
  }
  // Only what the chart draws: no Normal (N), no critical point marker, nothing ungraded.
  await expect(legend.locator("li")).toHaveCount(flagItems.length + 3);
  // The >14.0 limit flagged HH keeps its critical styling on the limit arrow; the <4.0 one flagged L is abnormal.
  await expect(chart.locator(".marker-limit.marker-critical")).toHaveCount(1);
  await expect(chart.locator(".marker-limit.marker-flagged")).toHaveCount(1);
});

test("other-labs: one search per lab with all its codes, counts, flags and ranges for each lab", async ({ page, requests }) => {
  await openChart(page, "other-labs");
  await expect(page.getByRole("status")).toHaveText("Loaded 12 results");
  const expected: [string, number, (rows: string[][]) => void][] = [
    ["Glucose", 24, (rows) => {
      expect(rows.filter((r) => r[3] === "Critical low (LL)").map((r) => r[1])).toEqual(["47"]);
      expect(rows.filter((r) => r[3] === "Critical high (HH)").map((r) => r[1])).toEqual(["412"]);
      expect(rows.filter((r) => r[5]!.startsWith("Recorded as") && r[5]!.includes("mmol/L"))).toHaveLength(4);
      // The mmol/L results' own range (3.9–5.5 mmol/L) is the same range on the mg/dL scale.
      expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(["70–99 mg/dL"]));
    }],
    ["LDL cholesterol", 12, (rows) => expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(["≤ 99 mg/dL"]))],
    ["HDL cholesterol", 12, (rows) => expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(["≥ 40 mg/dL"]))],
    ["Total cholesterol", 12, (rows) => expect(rows.filter((r) => r[3] === "High (H)").length).toBeGreaterThan(0)],
    ["Triglycerides", 12, (rows) => expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(["≤ 149 mg/dL"]))],
    ["Creatinine", 24, (rows) => {
      // Ranges by sex: the male range, whichever unit the lab reported in.
      expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(["0.74–1.35 mg/dL"]));
      expect(rows.filter((r) => r[5]!.includes("Recorded as") && r[5]!.includes("µmol/L"))).toHaveLength(6);
    }],
    ["eGFR", 24, (rows) => {
      expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(["≥ 60 mL/min/1.73 m²"]));
      expect(rows.filter((r) => r[3] === "Low (L)").length).toBeGreaterThan(0);
    }],
  ];
  for (const [lab, count, check] of expected) {
    await chooseLab(page, lab, count);
    const rows = await rowTexts(resultsTable(page, lab));
    expect(rows, lab).toHaveLength(count);
    check(rows);
    await expect(page.getByLabel(lab, { exact: true }).locator("svg").first()).toBeVisible();
  }
  expect(new URL(page.url()).hash).toBe("#lab=egfr");

  // eGFR by three equations: a line each, the two changes marked, Change only within one equation (clinical-rules §7).
  await expect(page.getByLabel("eGFR", { exact: true }).locator(".method-change text")).toHaveText(["Method changed: MDRD → CKD-EPI 2009", "Method changed: CKD-EPI 2009 → CKD-EPI 2021"]);
  const legend = page.getByRole("list", { name: "Chart legend" });
  for (const item of ["Method: MDRD", "Method: CKD-EPI 2009", "Method: CKD-EPI 2021", "Method changed (dotted vertical line)"]) {
    await expect(legend.getByText(item, { exact: true })).toBeVisible();
  }
  await expect(page.locator(".lab-summary")).toContainText(/Change\+1 mL\/min\/1\.73 m² since Jul \d+, 2024/);

  const searches = requests.flatMap((r) => observationSearch(r) ?? []).filter((url) => url.searchParams.has("code"));
  const codes = searches.map((url) => url.searchParams.get("code"));
  const loinc = (...list: string[]) => list.map((c) => `http://loinc.org|${c}`).join(",");
  expect(codes).toContain(loinc("2345-7", "14749-6", "2339-0", "15074-8", "41653-7", "14743-9", "1558-6", "14771-0", "41604-0", "14770-2"));
  expect(codes).toContain(loinc("33914-3", "77147-7", "48643-1", "48642-3", "50044-7", "70969-1", "62238-1", "88293-6", "88294-4", "98979-8"));
  expect(codes).toContain(loinc("2089-1", "18262-6", "13457-7", "22748-8", "39469-2"));
  expect(codes).toHaveLength(8);

  // Serum or plasma and whole blood glucose alternate: told apart by style, the seven changes not marked one by one.
  await chooseLab(page, "Glucose", 24);
  await expect(page.getByLabel("Glucose", { exact: true }).locator(".method-change")).toHaveCount(0);
  await expect(legend.getByText("Methods alternate (7 changes, not marked): told apart by line and frame", { exact: true })).toBeVisible();
  await expect(legend.getByText("Method: Whole blood", { exact: true })).toBeVisible();

  await chooseLab(page, "Creatinine", 24);
  await page.getByRole("radio", { name: "µmol/L" }).check();
  expect(new Set((await rowTexts(resultsTable(page, "Creatinine"))).map((r) => r[4]))).toEqual(new Set(["65–119 µmol/L"]));
});

test("single-result: one row and one point, the date-only result on its own day", async ({ page }) => {
  await openChart(page, "single-result");
  await expect(page.getByRole("status")).toHaveText("Loaded 1 results");
  const rows = await rowTexts(resultsTable(page, "Hemoglobin A1c"));
  expect(rows).toEqual([["Nov 8, 2023", "5.9", "%", "High (H)", "4.0–5.6 %", "Prediabetes range. Repeat in 12 months."]]);
  await expect(page.getByLabel("Hemoglobin A1c", { exact: true }).locator(".point")).toHaveCount(1);
});

test("scale-10k: 10 000 glucose results, paged table, downsampled chart that keeps both extremes", async ({ page }) => {
  test.setTimeout(wait(120_000));
  await openChart(page, "scale-10k");
  await expect(page.getByRole("status")).toHaveText("Loaded 30 results");
  await chooseLab(page, "Glucose", 10_000);
  await expect(page.getByText("Page 1 of 50: showing 1–200 of 10 000")).toBeVisible();
  const table = resultsTable(page, "Glucose");
  await expect(table.locator("tbody tr")).toHaveCount(200);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Page 2 of 50: showing 201–400 of 10 000")).toBeVisible();
  const chart = page.getByLabel("Glucose", { exact: true });
  const drawn = await chart.locator(".point").count();
  // At most ~600: the lowest and highest result of each flag (normal, high, low) per time bucket, the buckets as
  // wide as three flags need, plus every critical, off-scale and preliminary result (docs/clinical-rules.md §4).
  expect(drawn).toBeGreaterThan(250);
  expect(drawn).toBeLessThanOrEqual(700);
  await expect(chart.locator("#chart-description")).toContainText("Lowest 31 mg/dL");
  await expect(chart.locator("#chart-description")).toContainText("highest 587 mg/dL");
  // Downsampling keeps the lowest (31 mg/dL) and the highest (587 mg/dL) result on the chart.
  await expect(chart.locator('.point[data-id="scale-10k-glu-04322"]')).toHaveCount(1);
  await expect(chart.locator('.point[data-id="scale-10k-glu-07778"]')).toHaveCount(1);
});

for (const timezoneId of ["Pacific/Kiritimati", "America/Los_Angeles"]) {
  test.describe(`in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test("a date-only result stays on its day; a time is shown in the reader's zone", async ({ page }) => {
      await openChart(page, "single-result");
      await expect(resultsTable(page, "Hemoglobin A1c").locator("tbody tr").first().locator("td").first()).toHaveText("Nov 8, 2023");
      await openChart(page, "odd-values");
      // 2024-06-10T04:05:00-05:00 is 09:05 UTC: 23:05 in Kiritimati (UTC+14), 02:05 in Los Angeles (UTC-7).
      const latest = timezoneId === "Pacific/Kiritimati" ? "Jun 10, 2024, 11:05 PM" : "Jun 10, 2024, 2:05 AM";
      await expect(resultsTable(page, "Hemoglobin A1c").locator("tbody tr").first().locator("td").first()).toHaveText(latest);
    });
  });
}
