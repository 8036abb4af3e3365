import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { EGFR } from "../labs/catalog";
import { toLabResults } from "../labs/results";
import { summarize } from "../labs/summary";
import { LabSummary } from "./LabSummary";

function egfr(id: string, date: string, code: string, value: number): fhir4.Observation {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code }] },
    effectiveDateTime: date,
    valueQuantity: { value, code: "mL/min/{1.73_m2}" },
  };
}

function changeText(...observations: fhir4.Observation[]): string | null {
  const summary = summarize(toLabResults(observations, EGFR).results, EGFR, Date.UTC(2024, 0, 1));
  const { container, unmount } = render(<LabSummary unit={EGFR.units[0]} goal={undefined} summary={summary} now={Date.UTC(2024, 0, 1)} />);
  const dd = [...container.querySelectorAll("dt")].find((dt) => dt.textContent === "Change")?.nextElementSibling;
  const words = dd ? dd.textContent : null;
  unmount();
  return words;
}

describe("LabSummary: Change across methods (docs/clinical-rules.md §7)", () => {
  it("says why it is not computed when the previous result used another method", () => {
    expect(changeText(egfr("a", "2022-01-01", "33914-3", 52), egfr("b", "2023-01-01", "98979-8", 58))).toBe("not computed: the previous result used another method (MDRD)");
  });

  it("names the method it compared within when another method's result lies between", () => {
    expect(changeText(egfr("a", "2022-01-01", "98979-8", 61), egfr("b", "2022-06-01", "33914-3", 40), egfr("c", "2023-01-01", "98979-8", 58))).toMatch(
      /^−3 mL\/min\/1\.73 m² since .*2022, the previous CKD-EPI 2021 result$/,
    );
  });

  it("one method: the change as before", () => {
    expect(changeText(egfr("a", "2022-01-01", "98979-8", 61), egfr("c", "2023-01-01", "98979-8", 58))).toMatch(/^−3 mL\/min\/1\.73 m² since [^,]*, 2022$/);
    expect(changeText(egfr("c", "2023-01-01", "98979-8", 58))).toBeNull();
    expect(screen.queryByText(/Change/)).toBeNull();
  });
});
