import { render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { HBA1C } from "../labs/catalog";
import { toLabResults, type LabResult } from "../labs/results";
import { hba1cObservation } from "../test/observations";
import { SAME_FRAME_ROWS, TableSection, type TableSectionProps } from "./TableSection";

/** `count` monthly HbA1c results, newest first (as the panel passes them). */
function history(count: number): readonly LabResult[] {
  const observations = Array.from({ length: count }, (_, i) =>
    hba1cObservation({ id: `o${i}`, effectiveDateTime: new Date(Date.UTC(2000, i, 15)).toISOString(), valueQuantity: { value: 6 + (i % 20) / 10, code: "%", system: "http://unitsofmeasure.org" } }),
  );
  return toLabResults(observations, HBA1C).results;
}

function props(results: readonly LabResult[], shown: readonly LabResult[], ranged: boolean): TableSectionProps {
  return { name: HBA1C.name, unit: HBA1C.units[0], results, shown, ranged, charted: true, excluded: 0, activeId: undefined, onActivate: () => {}, onDownload: () => {} };
}

/** A table following a range renders hundreds of rows in a transition: slow in jsdom on a busy machine. */
const FOLLOWS = { timeout: 10_000 };

const rows = () => within(screen.getByRole("table", { name: HBA1C.name })).getAllByRole("row").length - 1;
const counts = () => screen.getByText(/results? in this time range|^\d+ results?/).textContent;

describe("TableSection", () => {
  it("takes a new time range at once when the table stays small", () => {
    const results = history(SAME_FRAME_ROWS + 50);
    const view = render(<TableSection {...props(results, results, false)} />);
    expect(rows()).toBe(SAME_FRAME_ROWS + 50);
    view.rerender(<TableSection {...props(results, results.slice(0, 12), true)} />);
    expect(rows()).toBe(12);
    expect(counts()).toMatch(/^12 of 150 results in this time range/);
  });

  it("keeps a large table's rows and counts until the chart's frame is painted, then takes the new range", async () => {
    const frames = vi.spyOn(window, "requestAnimationFrame");
    const results = history(300);
    const zoomed = results.slice(40, 40 + SAME_FRAME_ROWS + 20);
    const view = render(<TableSection {...props(results, results.slice(0, 12), true)} />);
    expect(rows()).toBe(12);
    view.rerender(<TableSection {...props(results, zoomed, true)} />);
    // The same render: the old rows, and counts that still agree with them.
    expect(rows()).toBe(12);
    expect(counts()).toMatch(/^12 of 300 results in this time range/);
    expect(frames).toHaveBeenCalled();
    await waitFor(() => expect(rows()).toBe(zoomed.length), FOLLOWS);
    expect(counts()).toMatch(new RegExp(`^${zoomed.length} of 300 results in this time range`));
    frames.mockRestore();
  });

  it("ends on the latest range when ranges change faster than frames", async () => {
    const results = history(400);
    const view = render(<TableSection {...props(results, results.slice(0, 5), true)} />);
    view.rerender(<TableSection {...props(results, results.slice(0, 250), true)} />);
    view.rerender(<TableSection {...props(results, results.slice(100, 220), true)} />);
    await waitFor(() => expect(rows()).toBe(120), FOLLOWS);
    await new Promise((done) => setTimeout(done, 100));
    expect(rows()).toBe(120);
    expect(screen.getAllByRole("row")[1]).toHaveAttribute("data-id", results[100]!.id);
  });

  it("shows new results at once, however large the table (a page arriving, the last one counted)", () => {
    const all = history(300);
    const view = render(<TableSection {...props(all.slice(0, 150), all.slice(0, 150), false)} />);
    view.rerender(<TableSection {...props(all, all, false)} />);
    expect(rows()).toBe(300);
    expect(counts()).toMatch(/^300 results/);
  });

  it("downloads the rows it shows", async () => {
    const results = history(300);
    const onDownload = vi.fn();
    const view = render(<TableSection {...props(results, results, false)} onDownload={onDownload} />);
    view.rerender(<TableSection {...props(results, results.slice(0, 150), true)} onDownload={onDownload} />);
    await waitFor(() => expect(rows()).toBe(150), FOLLOWS);
    screen.getByRole("button", { name: "Download CSV" }).click();
    expect(onDownload).toHaveBeenCalledWith(results.slice(0, 150));
  });
});
