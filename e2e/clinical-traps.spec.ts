/**
 * `clinical-traps` against the real sandbox: what a clinician sees for each trap of issue 13, in the table, the
 * chart legend, the summary and the chart, per rule of docs/clinical-rules.md (flags, numbers, dates, status,
 * goals, ranges, methods). Every result the lab sent is a row, and the server's message in the search results
 * (an OperationOutcome entry, §10) is shown once, never as a result or a failure. Times are read in UTC unless a
 * test says otherwise, so the rows' times are the sandbox's.
 */
import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { chooseLab, openChart, resultsTable } from "./lab-helpers";
import { CLINICAL_TRAPS_NOTICE, V3_INTERPRETATIONS } from "../sandbox/scripts/scenarios/clinical-traps.ts";

/** HbA1c results of `clinical-traps`: 68 Observations, one entered in error (docs/sandbox.md, scenario patients). */
const HBA1C_ROWS = 67;
/** Rows that cannot be drawn: "7,1 %", 70 %, −1.2 %, 0 %, the registered order and the clotted specimen. */
const HBA1C_DRAWN = HBA1C_ROWS - 6;

test.use({ timezoneId: "UTC" });

/**
 * A marker as the reader tells it apart: `dot` (not flagged), `point-…` (a flag's shape) or `limit-…` (an arrow
 * at a limit), with its tone: `critical` (doubled), `flagged` (filled) or `neutral`.
 */
type Marker = `${"point" | "limit"}-${"critical" | "flagged" | "neutral"}` | "dot";

const chart = (page: Page, lab: string): Locator => page.getByLabel(lab, { exact: true });
const legendList = (page: Page): Locator => page.getByRole("list", { name: "Chart legend" });

interface Row {
  readonly date: string;
  readonly value: string;
  readonly unit: string;
  readonly flag: string;
  readonly range: string;
  readonly notes: string;
  readonly marker: Marker | undefined;
}

/**
 * What the page draws for a marker: its element and classes (none when no marker is drawn). The chart and legend
 * draw SVG (a dot is a `circle`); the table draws a CSS chip with the same classes, its kind in `chip-…`.
 */
type Drawn = { readonly tag: string; readonly classes: readonly string[] } | undefined;

function markerOf(drawn: Drawn): Marker | undefined {
  if (!drawn) return undefined;
  if (drawn.tag === "circle" || drawn.classes.includes("chip-none")) return "dot";
  const tone = (["critical", "flagged", "neutral"] as const).find((t) => drawn.classes.includes(`marker-${t}`)) ?? "neutral";
  return `${drawn.classes.includes("marker-limit") ? "limit" : "point"}-${tone}`;
}

/** Each body row of a lab's table, with the marker drawn beside its flag. */
async function tableRows(page: Page, lab: string): Promise<Row[]> {
  const rows = await resultsTable(page, lab)
    .locator("tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => {
        const marker = tr.querySelector("td:nth-child(4) .marker");
        return {
          cells: [...tr.querySelectorAll("td")].map((td) => (td.textContent ?? "").trim()),
          drawn: marker ? { tag: marker.tagName.toLowerCase(), classes: [...marker.classList] } : undefined,
        };
      }),
    );
  return rows.map(({ cells: [date = "", value = "", unit = "", flag = "", range = "", notes = ""], drawn }) => ({ date, value, unit, flag, range, notes, marker: markerOf(drawn) }));
}

/** The legend's entries in order, each with the marker its icon draws (none for a band, a line or a method). */
async function legend(page: Page): Promise<[text: string, marker: Marker | undefined][]> {
  const items = await legendList(page)
    .locator("li")
    .evaluateAll((lis) =>
      lis.map((li) => {
        // The imprecise-date entry draws a date span with a dot on it: not a flag's marker.
        const marker = li.querySelector(".date-span") ? null : li.querySelector(".marker");
        return { text: (li.textContent ?? "").trim(), drawn: marker ? { tag: marker.tagName.toLowerCase(), classes: [...marker.classList] } : undefined };
      }),
    );
  return items.map(({ text, drawn }) => [text, markerOf(drawn)]);
}

/** The summary above the chart, term by term ("Latest", "Change", "Goal", "Last test", "Results"). */
async function summary(page: Page): Promise<Record<string, string>> {
  const pairs = await page.locator(".lab-summary > div").evaluateAll((divs) => divs.map((d) => [d.querySelector("dt")?.textContent ?? "", (d.querySelector("dd")?.textContent ?? "").trim()]));
  return Object.fromEntries(pairs);
}


/** Launches `clinical-traps` (one launch per test) and returns the Hemoglobin A1c rows. */
async function openTraps(page: Page): Promise<Row[]> {
  await openChart(page, "clinical-traps");
  await expect(page.getByRole("status")).toHaveText(`Loaded ${HBA1C_ROWS} results`);
  await expect(resultsTable(page, "Hemoglobin A1c").locator("tbody tr")).toHaveCount(HBA1C_ROWS);
  return tableRows(page, "Hemoglobin A1c");
}

/** The one row with this date cell. */
function at(rows: readonly Row[], date: string): Row {
  const found = rows.filter((r) => r.date === date);
  expect(found, `one row dated ${date}`).toHaveLength(1);
  return found[0]!;
}

test("clinical-traps: the server's message is shown once; every HbA1c result but the one entered in error is a row", async ({ page }) => {
  await openTraps(page);
  const note = page.getByText(`The server says: ${CLINICAL_TRAPS_NOTICE}`, { exact: true });
  await expect(note).toHaveCount(1);
  await expect(note).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(page.getByText(`${HBA1C_ROWS} results, ${HBA1C_DRAWN} on the chart. 1 entered in error or cancelled, not shown.`)).toBeVisible();
  await expect(chart(page, "Hemoglobin A1c").locator(".point")).toHaveCount(HBA1C_DRAWN);
});

/** The severity each graded v3 code carries; every other code is shown in the lab's words, ungraded. */
const GRADED: Readonly<Record<string, Marker>> = {
  HH: "point-critical",
  LL: "point-critical",
  AA: "point-critical",
  H: "point-flagged",
  L: "point-flagged",
  HU: "point-flagged",
  LU: "point-flagged",
  "H>": "point-flagged",
  "L<": "point-flagged",
  A: "point-flagged",
  "<": "limit-neutral",
  ">": "limit-neutral",
};

test("clinical-traps, interpretation codes: every v3 code in the lab's words, with no severity the lab did not send", async ({ page }) => {
  const rows = await openTraps(page);
  const byFlag = (flag: string) => rows.filter((r) => r.flag === flag);

  // One row per code of the v3 code system (table-driven from the sandbox's data): the lab's display, the code
  // beside it, and a marker only as severe as the code.
  for (const [code, display, value] of V3_INTERPRETATIONS) {
    const flag = code === display ? display : `${display} (${code})`;
    const shown = code === "<" ? `<${value.toFixed(1)}` : code === ">" ? `>${value.toFixed(1)}` : value.toFixed(1);
    const row = byFlag(flag).find((r) => r.value === shown);
    expect(row, `the ${code} result`).toBeDefined();
    expect(row!.marker, `the ${code} marker`).toBe(GRADED[code] ?? "point-neutral");
  }

  // Critical only where the lab said critical: HH, LL, AA, and the > 14 limit flagged HH.
  expect(rows.filter((r) => /critical/i.test(r.flag)).map((r) => `${r.value} ${r.flag}`)).toEqual([
    "70 % Critical high (HH)",
    ">14.0 Critical high (HH)",
    "3.1 Critical low (LL)",
    "14.8 Critical high (HH)",
    "15.5 Critical abnormal (AA)",
  ]);
  expect(at(rows, "Sep 10, 2019, 9:20 AM")).toMatchObject({ value: ">14.0", flag: "Critical high (HH)", marker: "limit-critical" });
  // HU and LU keep the lab's words, never "Critical".
  expect(byFlag("Significantly high (HU)").map((r) => [r.value, r.marker])).toEqual([["10.5", "point-flagged"]]);
  expect(byFlag("Significantly low (LU)").map((r) => [r.value, r.marker])).toEqual([["3.3", "point-flagged"]]);
  // Off scale is the instrument's limit, not a severity.
  expect(at(rows, "Feb 15, 2015, 9:00 AM")).toMatchObject({ value: ">14.0", flag: "Off scale high (>)", marker: "limit-neutral", notes: "Limit: drawn at 14.0 %, the actual value is above it." });
  expect(at(rows, "Jan 15, 2015, 9:00 AM")).toMatchObject({ value: "<4.0", flag: "Off scale low (<)", marker: "limit-neutral", notes: "Limit: drawn at 4.0 %, the actual value is below it." });
  expect(byFlag("Abnormal (A)").map((r) => r.marker)).toEqual(["point-flagged"]);
  expect(byFlag("Normal (N)").map((r) => r.marker)).toEqual(["point-neutral"]);
  // Interpretation as text only: the lab's word, graded by it. An unknown code whose words say "Normal": normal.
  expect(at(rows, "Mar 12, 2019, 8:45 AM")).toMatchObject({ value: "7.4", flag: "High", marker: "point-flagged" });
  expect(at(rows, "May 14, 2019, 8:50 AM")).toMatchObject({ value: "5.4", flag: "Normal", marker: "point-neutral" });
  // No interpretation: "Not flagged", with a marker of its own (a plain dot, not the lab's "Normal" ring).
  expect(at(rows, "Jul 16, 2019, 9:10 AM")).toMatchObject({ value: "6.1", flag: "Not flagged", marker: "dot" });
  // Codes that are no severity (POS, NEG, R, S, I, IE…) never read as abnormal.
  for (const code of ["POS", "NEG", "R", "S", "I", "IE", "U", "W", "HX", "LX", "EX"]) {
    const row = rows.find((r) => r.flag.endsWith(`(${code})`))!;
    expect(row.flag, code).not.toMatch(/critical|abnormal/i);
    expect(row.marker, code).toBe("point-neutral");
  }

  // The legend names each kind drawn, in the same words and markers.
  const entries = new Map(await legend(page));
  expect(entries.get("Not flagged")).toBe("dot");
  expect(entries.get("Normal")).toBe("point-neutral");
  expect(entries.get("High")).toBe("point-flagged");
  expect(entries.get("Significantly high")).toBe("point-flagged");
  expect(entries.get("Significantly low")).toBe("point-flagged");
  expect(entries.get("Critical high")).toBe("point-critical");
  expect(entries.get("Critical low")).toBe("point-critical");
  expect(entries.get("Critical abnormal")).toBe("point-critical");
  expect(entries.get("Abnormal")).toBe("point-flagged");
  expect(entries.get("Positive")).toBe("point-neutral");
  expect(entries.get("Insufficient evidence")).toBe("point-neutral");
  expect(entries.get("Limit: the value is below the mark — Off scale low")).toBe("limit-neutral");
  expect(entries.get("Limit: the value is above the mark — Off scale high")).toBe("limit-neutral");
  expect(entries.get("Limit: the value is above the mark — Critical high")).toBe("limit-critical");
  expect([...entries.keys()].filter((t) => /critical/i.test(t))).toEqual(["Critical high", "Critical low", "Critical abnormal", "Limit: the value is above the mark — Critical high"]);

  // On the chart: the three critical points and the critical limit, not the implausible 70 % flagged HH.
  await expect(chart(page, "Hemoglobin A1c").locator(".marker-critical")).toHaveCount(4);
  await expect(page.locator("#chart-description")).toContainText("20 flagged by the lab as outside the normal range, 4 of them critical. 2 reported by the lab as off the instrument's scale. 3 are limits drawn at the bound.");
});

test("clinical-traps, numbers: ambiguous and implausible values listed with why, integers, instants and 1,250 mg/dL read", async ({ page }) => {
  const rows = await openTraps(page);
  // A comma that may be a decimal comma: listed as sent, not drawn, with the reason.
  expect(at(rows, "Dec 14, 2021, 9:00 AM")).toMatchObject({
    value: "7,1 %",
    unit: "",
    flag: "High (H)",
    notes: 'Not on chart: The number is ambiguous: the comma in "7,1 %" may be a decimal comma or a thousands separator.',
  });
  // Numbers no HbA1c can have: listed, not drawn, each with the limit it broke.
  expect(at(rows, "Jun 15, 2021, 9:40 AM")).toMatchObject({ value: "70 %", notes: "Not on chart: Implausible value: 70 % is above 30 %, the highest plausible Hemoglobin A1c." });
  expect(at(rows, "Aug 17, 2021, 9:25 AM")).toMatchObject({ value: "-1.2 %", notes: "Not on chart: Implausible value: -1.2 % is not above 0 %." });
  expect(at(rows, "Oct 12, 2021, 9:35 AM")).toMatchObject({ value: "0 %", notes: "Not on chart: Implausible value: 0 % is not above 0 %." });
  // valueInteger and effectiveInstant are read and drawn.
  expect(at(rows, "May 12, 2020, 9:15 AM")).toMatchObject({ value: "7.0", unit: "%", flag: "High (H)", notes: "" });
  expect(at(rows, "Jul 14, 2020, 2:05 PM")).toMatchObject({ value: "6.9", unit: "%", flag: "High (H)", notes: "" });
  // Nothing implausible stretches the axis: the chart's extremes are real results.
  const description = page.locator("#chart-description");
  await expect(description).toContainText("Lowest 3.1 % on Jan 15, 2017; highest 15.5 % on Apr 15, 2015.");
  // The change is from the last drawn result, past the four that are not drawn.
  expect((await summary(page))["Change"]).toBe("+1.0 % since Apr 13, 2021");

  // Glucose: "1,250 mg/dL" is one thousand two hundred and fifty, drawn with the lab's critical-high flag.
  await chooseLab(page, "Glucose", 10);
  const glucose = await tableRows(page, "Glucose");
  expect(at(glucose, "Mar 8, 2021, 11:40 PM")).toMatchObject({ value: "1,250", unit: "mg/dL", flag: "Critical high (HH)", marker: "point-critical", notes: "Critical value called to Dr. Natarajan at 23:52." });
  await expect(description).toContainText("highest 1,250 mg/dL on Mar 8, 2021");
  await expect(chart(page, "Glucose").locator(".point")).toHaveCount(10);
  await expect(page.getByText("10 results, 10 on the chart.")).toBeVisible();
});

test.describe("in a time zone far from the lab's", () => {
  test.use({ timezoneId: "Asia/Tokyo" });

  test("clinical-traps, dates: report dates, year-only and month-only dates and a time without a zone are marked", async ({ page }) => {
    const rows = await openTraps(page);
    // Times with an offset are read on the reader's clock (08:55 UTC is 5:55 PM in Tokyo); a result dated by its
    // report only says so.
    expect(rows.map((r) => r.date)).toContain("Apr 12, 2022, 5:55 PM");
    expect(at(rows, "Sep 16, 2020, 1:40 AM (report date)")).toMatchObject({ value: "7.0", flag: "High (H)" });
    expect(at(rows, "2020 (year only)")).toMatchObject({ value: "6.8", notes: "Transcribed from an outside record: only the year is known." });
    expect(at(rows, "Feb 2021 (month only)")).toMatchObject({ value: "6.7", notes: "Transcribed from an outside record: only the month is known." });
    // No offset: the time as written, in every reader's zone, marked.
    expect(at(rows, "Apr 13, 2021, 8:30 AM (time zone not stated)")).toMatchObject({ value: "6.6", flag: "High (H)" });
    // The imprecise dates are drawn over their period, and the legend says so.
    await expect(legendList(page).getByText("Date known only to the month or year (line: the period)", { exact: true })).toBeVisible();
    await expect(chart(page, "Hemoglobin A1c").locator(".date-span")).toHaveCount(2);
  });
});

test("clinical-traps, status and goal: preliminary marked, no result from an order or a clotted specimen, the patient's own goal", async ({ page }) => {
  const rows = await openTraps(page);
  expect(at(rows, "Nov 12, 2019, 9:05 AM")).toMatchObject({ value: "7.8", flag: "High (H)", notes: "Preliminary." });
  await expect(legendList(page).getByText("Preliminary (hollow)", { exact: true })).toBeVisible();
  await expect(chart(page, "Hemoglobin A1c").locator(".marker-hollow")).toHaveCount(1);
  expect(at(rows, "Jan 14, 2020, 8:30 AM")).toMatchObject({ value: "", flag: "", notes: "Not on chart: Status registered: not a result yet." });
  expect(at(rows, "Mar 10, 2020, 9:00 AM")).toMatchObject({ value: "No value: Specimen clotted", notes: "Not on chart: No value: Specimen clotted." });

  // The active Goal (< 8.0 %, from 2022) is drawn and named as the patient's; the completed one (< 7.0 %) is not,
  // and no default replaces it.
  const goal = "Goal < 8.0 % — patient's goal";
  const sum = await summary(page);
  expect(sum).toMatchObject({ Latest: "7.6 % (High) on Apr 12, 2022", Goal: goal, Results: String(HBA1C_ROWS) });
  // The latest result is at the patient's goal: the interval at goal applies.
  expect(sum["Last test"]).toMatch(/ago — overdue: at goal, test at least every 6 months$/);
  await expect(legendList(page).getByText(goal, { exact: true })).toBeVisible();
  await expect(chart(page, "Hemoglobin A1c").locator(".target")).toHaveCount(1);
  await expect(page.getByText(/Goal < 7\.0 %/)).toHaveCount(0);
  await expect(page.locator("#chart-description")).toContainText(`${goal}, drawn as a line.`);
});

test("clinical-traps, ranges: sex-specific ranges listed for sex `other`, an unconvertible bound not drawn, recommended named", async ({ page }) => {
  await openTraps(page);
  await chooseLab(page, "Creatinine", 5);
  const rows = await tableRows(page, "Creatinine");
  // Neither the men's nor the women's range applies to a patient of sex `other`: both listed, neither drawn.
  expect(at(rows, "Jun 8, 2021, 9:00 AM").range).toBe("Also: Men: 0.74–1.35 mg/dL; Also: Women: 0.59–1.04 mg/dL");
  // The adult range applies to a 63-year-old, not the ranges for infants in months.
  expect(at(rows, "Jun 14, 2022, 9:00 AM").range).toBe("0.59–1.35 mg/dL");
  // A bound in "mg%" cannot be converted: the range is listed, not drawn as a one-sided range.
  expect(at(rows, "Jun 13, 2023, 9:00 AM").range).toBe("Also: 0.6–1.2 mg% (not drawn: mg% cannot be converted to mg/dL)");
  // Later results without a range show none.
  expect(rows.filter((r) => r.date.includes("2024")).map((r) => r.range)).toEqual(["", ""]);
  expect(rows.every((r) => r.flag === "Not flagged")).toBe(true);
  expect((await legend(page)).map(([text]) => text)).toEqual(["Not flagged", "Reference range"]);

  // Glucose: a `recommended` range is named so, beside the normal range that is drawn as the band.
  await chooseLab(page, "Glucose", 10);
  const glucose = await tableRows(page, "Glucose");
  expect(at(glucose, "Jul 20, 2021, 10:05 AM").range).toBe("70–99 mg/dL; Also: Recommended range: Recommended before meals with diabetes: 80–130 mg/dL");
  await expect(legendList(page).getByText("Reference range", { exact: true })).toBeVisible();
});

test("clinical-traps, methods: each eGFR equation and glucose method named, Change never across a method change", async ({ page }) => {
  await openTraps(page);
  await chooseLab(page, "eGFR", 16);
  const methods = [
    "Method: MDRD",
    "Method: MDRD, race-based (African American)",
    "Method: MDRD, race-based (non-African American)",
    "Method: CKD-EPI 2009",
    "Method: CKD-EPI 2009, race-based (African American)",
    "Method: CKD-EPI 2009, race-based (non-African American)",
    "Method: CKD-EPI 2021",
  ];
  expect((await legend(page)).map(([text]) => text)).toEqual(["Not flagged", "Low", "Reference range", ...methods, "Methods alternate (12 changes, not marked): told apart by line and frame"]);
  await expect(page.locator("#chart-description")).toContainText(`Results by 7 methods, each with its own line style: ${methods.map((m) => m.slice("Method: ".length)).join("; ")}; the method changes 12 times.`);
  await expect(chart(page, "eGFR").locator(".point")).toHaveCount(16);
  // The latest two are both CKD-EPI 2021: their change is computed.
  expect(await summary(page)).toMatchObject({ Latest: "55 mL/min/1.73 m² (Low) on Jun 11, 2024", Change: "−3 mL/min/1.73 m² since Jun 13, 2023" });

  // Glucose: the latest (fasting) is compared with the previous fasting result, not the serum one between.
  await chooseLab(page, "Glucose", 10);
  expect(await summary(page)).toMatchObject({ Latest: "104 mg/dL (High) on May 10, 2022", Change: "−8 mg/dL since Nov 16, 2021, the previous Fasting serum or plasma result" });
  const legendTexts = (await legend(page)).map(([text]) => text);
  expect(legendTexts).toEqual(expect.arrayContaining(["Method: Serum or plasma", "Method: Glucometer (capillary)", "Method: Fasting serum or plasma", "Methods alternate (9 changes, not marked): told apart by line and frame"]));
});

test("a server's warning on every page (Epic's partial-record notice) is shown once, and the results are all there", async ({ page }) => {
  await openChart(page, "hba1c-long", { error: "fhir_search_outcome" });
  await expect(page.getByRole("status")).toHaveText("Loaded 136 results");
  const note = page.getByText(/^The server warns: This response includes information available to the authorized user/);
  await expect(note).toHaveCount(1);
  await expect(page.getByRole("alert")).toHaveCount(0);
});
