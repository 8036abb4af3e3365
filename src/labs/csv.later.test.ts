import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CREATININE, HBA1C } from "./catalog";
import { csvCell, toCsv } from "./csv.later";
import { toLabResults } from "./results";
import { findUnit, formatIn } from "./units";

describe("CSV export", () => {
  const { results } = toLabResults(
    [
      {
        resourceType: "Observation",
        id: "a",
        status: "final",
        code: { text: "HbA1c" },
        effectiveDateTime: "2024-03-04",
        valueQuantity: { value: 53, code: "mmol/mol" },
        interpretation: [{ coding: [{ code: "H" }] }],
        referenceRange: [{ low: { value: 20, code: "mmol/mol" }, high: { value: 41, code: "mmol/mol" } }],
        note: [{ text: 'He said "fasting", then left' }],
      },
      { resourceType: "Observation", id: "b", status: "final", code: { text: "HbA1c" }, effectiveDateTime: "2023-01-02", valueString: "=HYPERLINK(\"x\")" },
    ],
    HBA1C,
  );

  it("one line per row with unit, flag, range and why a row is not drawn", () => {
    const lines = toCsv(results, HBA1C, HBA1C.units[0]).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Date,Value,Unit,Flag,Reference range,Status,On chart,Recorded as,Test,Performer,Notes");
    expect(lines[1]).toBe('2024-03-04,7.0,%,High (H),4.0–5.9 %,final,yes,53 mmol/mol,HbA1c,,"He said ""fasting"", then left"');
    expect(lines[2]).toBe(`2023-01-02,,,,,final,no: No numeric value,"'=HYPERLINK(""x"")",HbA1c,,`);
  });

  it("in the unit chosen", () => {
    expect(toCsv(results, HBA1C, findUnit(HBA1C, "mmol/mol")!).split("\r\n")[1]).toMatch(/^2024-03-04,53,mmol\/mol,High \(H\),20–41 mmol\/mol,/);
  });

  it("defuses formulas but keeps numbers", () => {
    expect(csvCell("-3.5")).toBe("-3.5");
    expect(csvCell("+1")).toBe("+1");
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
  });
});

describe("CSV rounding (clinical rules §9)", () => {
  const creatinine = (value: number) =>
    toLabResults([{ resourceType: "Observation", id: "c", status: "final", code: { text: "Creatinine" }, effectiveDateTime: "2024-03-04", valueQuantity: { value, code: "mg/dL" } }], CREATININE).results;
  const csvValue = (value: number) => toCsv(creatinine(value), CREATININE, CREATININE.units[0]).split("\r\n")[1]!.split(",")[1];

  it("rounds exactly as the screen does: 1.005 is 1.01 in both", () => {
    for (const [value, shown] of [[1.005, "1.01"], [1.045, "1.05"], [2.675, "2.68"], [0.125, "0.13"], [1.004, "1.00"]] as const) {
      expect(csvValue(value), String(value)).toBe(shown);
      expect(formatIn(value, CREATININE.units[0], "en-US"), String(value)).toBe(shown);
    }
  });

  it("for any value, the CSV's number is the number on screen, with '.' decimals and no grouping", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 199, noNaN: true }), (value) => {
        expect(csvValue(value)).toBe(formatIn(value, CREATININE.units[0], "en-US").replace(/,/g, ""));
      }),
    );
  });
});

describe("CSV dates (clinical rules §8)", () => {
  it("keep the FHIR value as recorded, and say in the notes when it is a report date or only a year", () => {
    const { results } = toLabResults(
      [
        { resourceType: "Observation", id: "i", status: "final", code: { text: "HbA1c" }, issued: "2024-03-04T10:00:00Z", valueQuantity: { value: 7, code: "%" }, note: [{ text: "Fasting" }] },
        { resourceType: "Observation", id: "y", status: "final", code: { text: "HbA1c" }, effectiveDateTime: "2019", valueQuantity: { value: 7, code: "%" } },
      ],
      HBA1C,
    );
    const lines = toCsv(results, HBA1C, HBA1C.units[0]).trimEnd().split("\r\n");
    expect(lines[1]).toBe("2024-03-04T10:00:00Z,7.0,%,Not flagged,,final,yes,7 %,HbA1c,,Date: report date | Fasting");
    expect(lines[2]).toBe("2019,7.0,%,Not flagged,,final,yes,7 %,HbA1c,,Date: year only");
  });
});
