import { describe, expect, it } from "vitest";
import { render, within } from "@testing-library/react";
import { HBA1C } from "../labs/catalog";
import { toLabResults } from "../labs/results";
import { summarize } from "../labs/summary";
import { LabSummary } from "./LabSummary";

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
  const { container } = render(<LabSummary lab={HBA1C} unit={HBA1C.units[0]} summary={summarize(results, HBA1C, Date.UTC(2024, 5, 1))} now={Date.UTC(2024, 5, 1)} />);
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
