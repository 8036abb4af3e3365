import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { EGFR, HBA1C } from "../labs/catalog";
import { toLabResults } from "../labs/results";
import { summarize } from "../labs/summary";
import { loincObservation } from "../test/observations";
import { LabSummary } from "./LabSummary";

const egfr = (id: string, date: string, code: string, value: number) => loincObservation(id, date, code, value, "mL/min/{1.73_m2}");

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

const a1c = (id: string, fields: Partial<fhir4.Observation>): fhir4.Observation => ({
  resourceType: "Observation",
  id,
  status: "final",
  code: {},
  effectiveDateTime: "2024-05-02",
  valueQuantity: { value: 7.9, code: "%" },
  ...fields,
});

function latestLine(observations: fhir4.Observation[]): string {
  const { results } = toLabResults(observations, HBA1C);
  const { container } = render(<LabSummary unit={HBA1C.units[0]} goal={undefined} summary={summarize(results, HBA1C, Date.UTC(2024, 5, 1))} now={Date.UTC(2024, 5, 1)} />);
  return within(container).getByText("Latest").closest("div")!.textContent!;
}

describe("the summary's Latest line (clinical rules §9)", () => {
  it("says when the latest result is preliminary", () => {
    expect(latestLine([a1c("p", { status: "preliminary" }), a1c("f", { effectiveDateTime: "2023-01-02", valueQuantity: { value: 7, code: "%" } })])).toBe("Latest7.9 % on May 2, 2024 — preliminary");
  });

  it("says when its date is the report date or known only to the month", () => {
    expect(latestLine([a1c("i", { effectiveDateTime: undefined, issued: "2024-05-02T10:00:00Z" })])).toMatch(/^Latest7\.9 % on May 2, 2024 \(report date\)$/);
    expect(latestLine([a1c("m", { effectiveDateTime: "2024-05" })])).toBe("Latest7.9 % on May 2024 (month only)");
  });
});
