import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import { methodChanges } from "../labs/methods";
import { ChartLegend } from "./ChartLegend";
import { LabChart, type ChartPoint } from "./LabChart";
import { linePath } from "./ChartLayers";
import { ChartPointer } from "./ChartPointer";
import { ResultDetails } from "./ResultDetails";
import { describeMethods } from "./methods";
import { EGFR } from "../labs/catalog";
import { toLabResult } from "../labs/results";

const DAY = 86_400_000;
const point = (i: number, value: number, method: string | undefined): ChartPoint => ({ id: `p${i}`, time: i * 90 * DAY, value, marker: "N", critical: false, flagged: false, preliminary: false, method });
const POINTS = [point(1, 52, "MDRD"), point(2, 50, "MDRD"), point(3, 58, "CKD-EPI 2021"), point(4, 57, "CKD-EPI 2021")];
const METHODS = ["MDRD", "CKD-EPI 2021"];
const CHANGES = methodChanges(POINTS.map((p) => ({ time: p.time, method: p.method })));

function chart(points: readonly ChartPoint[], methods: readonly (string | undefined)[], pointer?: typeof ChartPointer) {
  return render(
    <LabChart
      name="eGFR"
      unit="mL/min/1.73 m²"
      points={points}
      bands={[]}
      target={undefined}
      domain={[0, (points.length + 1) * 90 * DAY]}
      activeId={undefined}
      onActivate={() => undefined}
      onStep={() => undefined}
      onZoom={() => undefined}
      description="eGFR"
      tooltip={() => null}
      methods={methods}
      methodChanges={methodChanges(points.map((p) => ({ time: p.time, method: p.method })))}
      pointer={pointer}
    />,
  );
}

describe("the chart's pointer (ChartPointer, loaded after the first chart)", () => {
  it("the first chart draws its points without it; once given, one pointer surface covers the plot area", () => {
    const without = chart(POINTS, METHODS);
    expect(without.container.querySelectorAll(".marker")).not.toHaveLength(0);
    expect(without.container.querySelector(".pointer-surface")).toBeNull();
    without.unmount();
    const { container } = chart(POINTS, METHODS, ChartPointer);
    expect(container.querySelectorAll(".pointer-surface")).toHaveLength(1);
  });
});

describe("methods on the chart (docs/clinical-rules.md §7)", () => {
  it("two methods: their own lines, a frame on the second method's points, the change marked with its methods", () => {
    const { container } = chart(POINTS, METHODS);
    expect(container.querySelectorAll(".method-change")).toHaveLength(1);
    expect(container.querySelector(".method-change text")).toHaveTextContent("Method changed: MDRD → CKD-EPI 2021");
    expect(container.querySelectorAll(".method-frame")).toHaveLength(2);
    const lines = [...container.querySelectorAll("path.line")];
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.getAttribute("stroke-dasharray") ?? "none")).toEqual(["none", "7 4"]);
  });

  it("one method: one line, no frames, no change marks", () => {
    const { container } = chart(POINTS.map((p) => ({ ...p, method: "CKD-EPI 2021" })), ["CKD-EPI 2021"]);
    expect(container.querySelectorAll(".method-change, .method-frame")).toHaveLength(0);
    expect(container.querySelectorAll("path.line")).toHaveLength(1);
  });

  it("the legend lists each method and the change mark only when there is more than one method", () => {
    render(<ChartLegend entries={[]} preliminary={false} band={new Set()} target={undefined} methods={[...METHODS, undefined]} methodChanges={CHANGES.length} />);
    const legend = within(screen.getByRole("list", { name: "Chart legend" }));
    expect(legend.getByText("Method: MDRD")).toBeInTheDocument();
    expect(legend.getByText("Method: CKD-EPI 2021")).toBeInTheDocument();
    expect(legend.getByText("Method not identified")).toBeInTheDocument();
    expect(legend.getByText("Method changed (dotted vertical line)")).toBeInTheDocument();
  });

  it("methods that alternate often are not marked at each change; the legend says so", () => {
    const alternating = Array.from({ length: 8 }, (_, i) => point(i, 100 + i, i % 2 ? "Glucometer (capillary)" : "Serum or plasma"));
    const { container } = chart(alternating, ["Serum or plasma", "Glucometer (capillary)"]);
    expect(container.querySelectorAll(".method-change")).toHaveLength(0);
    expect(container.querySelectorAll(".method-frame")).toHaveLength(4);
    render(<ChartLegend entries={[]} preliminary={false} band={new Set()} target={undefined} methods={["A", "B"]} methodChanges={7} />);
    expect(screen.getByText("Methods alternate (7 changes, not marked): told apart by line and frame")).toBeInTheDocument();
  });
});

describe("the tooltip names the result's method when the chart has several", () => {
  const r = toLabResult({ resourceType: "Observation", id: "x", status: "final", code: { coding: [{ system: "http://loinc.org", code: "48643-1" }] }, effectiveDateTime: "2020-01-01", valueQuantity: { value: 61, code: "mL/min/{1.73_m2}" } }, EGFR);

  it("shows it when asked, and not otherwise", () => {
    const { container, rerender } = render(<ResultDetails result={r} unit={EGFR.units[0]} showMethod />);
    expect(container).toHaveTextContent("Method: MDRD, race-based (African American)");
    rerender(<ResultDetails result={r} unit={EGFR.units[0]} />);
    expect(container).not.toHaveTextContent("Method:");
    rerender(<ResultDetails result={{ ...r, method: undefined }} unit={EGFR.units[0]} showMethod />);
    expect(container).toHaveTextContent("Method: not identified");
  });
});

describe("the methods in words, for screen readers", () => {
  it("names each method and how often it changes; says nothing for one method", () => {
    expect(describeMethods(METHODS, CHANGES)).toBe("Results by 2 methods, each with its own line style: MDRD; CKD-EPI 2021; the method changes once.");
    expect(describeMethods(["A", undefined], [...CHANGES, ...CHANGES])).toBe("Results by 2 methods, each with its own line style: A; method not identified; the method changes 2 times.");
    expect(describeMethods(["MDRD"], [])).toBe("");
  });
});

describe("linePath", () => {
  const at = (time: number, value: number, limit?: string): ChartPoint => ({ id: String(time), time, value, marker: "none", critical: false, flagged: false, preliminary: false, ...(limit ? { limit } : {}) });
  const px = (p: ChartPoint) => p.time * 10;
  const py = (p: ChartPoint) => 100 - p.value;

  it("joins measured values in order, and breaks at a limit and at a point it cannot place", () => {
    expect(linePath([at(1, 5), at(2, 6), at(3, 4, "<4"), at(4, 7), at(5, Number.NaN), at(6, 8), at(7, 9)], px, py)).toBe("M10.0,95.0L20.0,94.0M40.0,93.0M60.0,92.0L70.0,91.0");
  });

  it("draws nothing for no points or only limits", () => {
    expect(linePath([], px, py)).toBe("");
    expect(linePath([at(1, 4, "<4")], px, py)).toBe("");
  });
});
