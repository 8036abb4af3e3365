import { describe, expect, it } from "vitest";
import { HBA1C } from "../labs/catalog";
import { toLabResult, toLabResults } from "../labs/results";
import { chartPoint, dateText, describeChart, markerOf, notesOf, tableRow } from "./present";
import { observationsWithCodes, scenarioPatient } from "../test/scenarios";

const patient = scenarioPatient("odd-values");
const { results } = toLabResults(observationsWithCodes("odd-values", ["4548-4"]), HBA1C, { sex: patient.gender, birthDate: patient.birthDate });
const byId = (id: string) => results.find((r) => r.id === `odd-values-a1c-${id}`)!;
const [percent, mmol] = HBA1C.units;

describe("presenting results", () => {
  it("limits get an arrow marker and a note saying where the value lies", () => {
    expect(markerOf(byId("03"))).toBe("below");
    expect(markerOf(byId("04"))).toBe("above");
    expect(notesOf(byId("03"), percent, "en-US")).toEqual(["Limit: drawn at 4.0 %, the actual value is below it.", "Result may be falsely low: blood transfusion on 2019-10-28."]);
  });

  it("a row in another unit says what was recorded; a row not drawn says why", () => {
    expect(tableRow(byId("21"), mmol!, "en-US", "UTC")).toMatchObject({ valueText: "54", unit: "mmol/mol", range: "20–38 mmol/mol", notes: ["Recorded as 7.1 %."], flag: { marker: "H", text: "High (H)" } });
    expect(tableRow(byId("07"), percent, "en-US", "UTC")).toMatchObject({ valueText: "No value: Specimen clotted", unit: "", plotted: false, notes: ["Not on chart: No value: Specimen clotted."] });
    expect(tableRow(byId("10"), percent, "en-US", "UTC").notes).toEqual(["Preliminary."]);
  });

  it("describes the chart in words", () => {
    expect(describeChart(HBA1C, results, percent, "en-US")).toBe(
      "Hemoglobin A1c chart in %: 15 results from Feb 11, 2019 to Jun 10, 2024. Latest 7.1 % on Jun 10, 2024. Lowest 6.6 % on Aug 15, 2022; highest 9.1 % on Jun 1, 2020. 14 flagged by the lab as outside the normal range. 2 are limits drawn at the bound. Target line at 7.0 %.",
    );
    expect(describeChart(HBA1C, [], percent, "en-US")).toBe("Hemoglobin A1c: no results to draw.");
  });
});

describe("dates as the table, details and chart show them (clinical rules §8)", () => {
  const at = (fields: Partial<fhir4.Observation>) =>
    toLabResult({ resourceType: "Observation", id: "d", status: "final", code: {}, valueQuantity: { value: 7, code: "%" }, ...fields }, HBA1C);

  it("says when a date is the report date, or known only to the year or month, or has no time zone", () => {
    expect(tableRow(byId("06"), percent, "en-US", "UTC").date).toBe("Sep 14, 2020, 3:20 PM (report date)");
    expect(dateText(at({ effectiveDateTime: "2019" }), "en-US", "UTC")).toBe("2019 (year only)");
    expect(dateText(at({ effectiveDateTime: "2019-07" }), "en-US", "UTC")).toBe("Jul 2019 (month only)");
    expect(dateText(at({ issued: "2019-07" }), "en-US", "UTC")).toBe("Jul 2019 (month only; report date)");
    expect(dateText(at({ effectiveDateTime: "2021-03-04T23:30:00" }), "en-US", "America/Los_Angeles")).toBe("Mar 4, 2021, 11:30 PM (time zone not stated)");
    expect(dateText(at({ effectiveDateTime: "2021-03-04" }), "en-US", "UTC")).toBe("Mar 4, 2021");
  });

  it("a point whose date is known only to the month or year spans that period on the chart", () => {
    const year = chartPoint(at({ effectiveDateTime: "2019" }), percent, "en-US", "Europe/Paris");
    expect([year.time, year.periodEnd]).toEqual([Date.UTC(2018, 11, 31, 23), Date.UTC(2019, 11, 31, 23)]);
    expect(chartPoint(at({ effectiveDateTime: "2019-07-02" }), percent, "en-US", "UTC")).not.toHaveProperty("periodEnd");
  });
});
