import { describe, expect, it } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import { HBA1C } from "../labs/catalog";
import { toLabResults } from "../labs/results";
import { ChartSection } from "./ChartSection";

const a1c = (id: string, effectiveDateTime: string): fhir4.Observation => ({ resourceType: "Observation", id, status: "final", code: {}, effectiveDateTime, valueQuantity: { value: 7, code: "%" } });

function legendItems(observations: fhir4.Observation[]): { items: string[]; spans: number } {
  const { results } = toLabResults(observations, HBA1C);
  render(<ChartSection lab={HBA1C} unit={HBA1C.units[0]} shown={results} span={undefined} activeId={undefined} onActivate={() => undefined} onZoom={() => undefined} />);
  const items = within(screen.getByRole("list", { name: "Chart legend" })).getAllByRole("listitem").map((li) => li.textContent ?? "");
  const spans = screen.getByRole("figure", { name: "Hemoglobin A1c" }).querySelectorAll(".date-span").length;
  cleanup();
  return { items, spans };
}

describe("a date known only to the month or year (clinical rules §8)", () => {
  it("is drawn with a line across its period, and gets a legend entry when the chart shows one, and only then", () => {
    const imprecise = legendItems([a1c("y", "2019"), a1c("m", "2020-05"), a1c("d", "2021-03-04")]);
    expect(imprecise.items).toContain("Date known only to the month or year (line: the period)");
    expect(imprecise.spans).toBe(2);
    const exact = legendItems([a1c("d", "2021-03-04"), a1c("e", "2021-06-04")]);
    expect([exact.items.join("|"), exact.spans]).toEqual([expect.not.stringContaining("known only to"), 0]);
  });
});
