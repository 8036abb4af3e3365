import { describe, expect, it } from "vitest";
import { HBA1C } from "../labs/catalog";
import { toLabResults } from "../labs/results";
import { describeChart, markerOf, notesOf, tableRow } from "./present";
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
      "Hemoglobin A1c chart in %: 15 results from Feb 11, 2019 to Jun 10, 2024. Latest 7.1 % on Jun 10, 2024. Lowest 6.6 % on Aug 15, 2022; highest 9.1 % on Jun 1, 2020. 14 flagged by the lab as outside the normal range. 2 are limits drawn at the bound.",
    );
    expect(describeChart(HBA1C, results, percent, "en-US", "Goal < 8.0 % — patient's goal")).toMatch(/drawn at the bound\. Goal < 8\.0 % — patient's goal, drawn as a line\.$/);
    expect(describeChart(HBA1C, [], percent, "en-US")).toBe("Hemoglobin A1c: no results to draw.");
  });
});
