import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { barPlace, MedicationTimeline, type MedicationLine } from "./MedicationTimeline";

const DAY = 86_400_000;
const domain = [0, 100 * DAY] as const;
const formatDate = (t: number) => `day ${Math.round(t / DAY)}`;

describe("where a period sits on the chart's time axis", () => {
  it("in percent of the span; clipped at its ends; open-ended to the end while ongoing", () => {
    expect(barPlace({ key: "a", start: 10 * DAY, end: 30 * DAY, ongoing: false, status: "completed" }, domain)).toEqual({ left: 10, width: 20, open: false });
    expect(barPlace({ key: "b", start: -50 * DAY, end: 20 * DAY, ongoing: false, status: "stopped" }, domain)).toEqual({ left: 0, width: 20, open: false });
    expect(barPlace({ key: "c", start: 60 * DAY, end: undefined, ongoing: true, status: "active" }, domain)).toEqual({ left: 60, width: 40, open: true });
  });

  it("nothing for a period outside the span or without a start; a period without an end that is not ongoing is a point", () => {
    expect(barPlace({ key: "d", start: 120 * DAY, end: 130 * DAY, ongoing: false, status: "completed" }, domain)).toBeUndefined();
    expect(barPlace({ key: "e", start: -20 * DAY, end: -10 * DAY, ongoing: false, status: "completed" }, domain)).toBeUndefined();
    expect(barPlace({ key: "f", start: undefined, end: 10 * DAY, ongoing: false, status: "completed" }, domain)).toBeUndefined();
    expect(barPlace({ key: "g", start: 40 * DAY, end: undefined, ongoing: false, status: "unknown" }, domain)).toEqual({ left: 40, width: 0, open: false });
  });
});

describe("the medications under the chart", () => {
  const lines: MedicationLine[] = [
    { name: "Metformin 500 mg", periods: [{ key: "MedicationRequest/1", start: 10 * DAY, end: undefined, ongoing: true, status: "active" }] },
    {
      name: "Sitagliptin 100 mg",
      periods: [
        { key: "MedicationRequest/2", start: 20 * DAY, end: 40 * DAY, ongoing: false, status: "stopped" },
        { key: "MedicationStatement/3", start: undefined, end: undefined, ongoing: false, status: "unknown" },
      ],
    },
  ];

  it("names each medication on its own row, with a bar per period it can place", () => {
    const { container } = render(<MedicationTimeline lines={lines} domain={domain} formatDate={formatDate} />);
    expect(screen.getAllByRole("listitem").map((li) => li.querySelector(".med-name")?.textContent)).toEqual(["Metformin 500 mg", "Sitagliptin 100 mg"]);
    const bars = [...container.querySelectorAll<HTMLElement>(".med-bar")];
    expect(bars.map((b) => [b.style.left, b.style.width, b.classList.contains("med-open")])).toEqual([
      ["10%", "90%", true],
      ["20%", "20%", false],
    ]);
    expect(bars[1]!.title).toBe("day 20 – day 40");
  });

  it("says every period in a table: start, end (ongoing, or not recorded) and status", () => {
    render(<MedicationTimeline lines={lines} domain={domain} formatDate={formatDate} />);
    const table = screen.getByRole("table", { name: "Medications" });
    const rows = within(table).getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell").map((c) => c.textContent));
    expect(rows).toEqual([
      ["day 10", "ongoing", "active"],
      ["day 20", "day 40", "stopped"],
      ["not recorded", "not recorded", "unknown"],
    ]);
    expect(within(table).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["Metformin 500 mg", "Sitagliptin 100 mg", "Sitagliptin 100 mg"]);
  });
});
