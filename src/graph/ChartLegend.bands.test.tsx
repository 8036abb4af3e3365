import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { ChartLegend } from "./ChartLegend";

describe("ChartLegend: range bands", () => {
  it("names a recommended range apart from a reference range, and only the kinds drawn", () => {
    const { rerender } = render(<ChartLegend entries={[]} preliminary={false} band={new Set(["recommended"])} target={undefined} />);
    const legend = () => within(screen.getByRole("list", { name: "Chart legend" }));
    expect(legend().getByText("Recommended range")).toBeInTheDocument();
    expect(legend().queryByText("Reference range")).toBeNull();
    rerender(<ChartLegend entries={[]} preliminary={false} band={new Set(["normal", "recommended"])} target={undefined} />);
    expect(legend().getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Reference range", "Recommended range"]);
    rerender(<ChartLegend entries={[]} preliminary={false} band={new Set()} target={undefined} />);
    expect(legend().queryAllByRole("listitem")).toHaveLength(0);
  });
});
