import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { maxTimeTicks, niceTicks, tickFormatter, timeTicks } from "./ticks";

describe("niceTicks", () => {
  it("round steps that cover the values", () => {
    expect(niceTicks(3.57, 9.83)).toEqual({ domain: [3, 10], ticks: [3, 4, 5, 6, 7, 8, 9, 10] });
    expect(niceTicks(0, 587)).toEqual({ domain: [0, 600], ticks: [0, 100, 200, 300, 400, 500, 600] });
    expect(niceTicks(3.9, 6.1).ticks).toEqual([3.5, 4, 4.5, 5, 5.5, 6, 6.5]);
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 0.01, max: 1e4, noNaN: true }), (lo, width) => {
        const { domain, ticks } = niceTicks(lo, lo + width);
        expect(domain[0]).toBeLessThanOrEqual(lo + 1e-9);
        expect(domain[1]).toBeGreaterThanOrEqual(lo + width - 1e-9);
        expect(ticks.length).toBeLessThanOrEqual(12);
      }),
    );
  });
});

describe("timeTicks", () => {
  it("years for a decade, months for a year, days for weeks; never more than asked", () => {
    const ten = timeTicks(Date.UTC(2014, 2, 5), Date.UTC(2024, 9, 28));
    expect(ten.unit).toBe("year");
    expect(ten.ticks.map(tickFormatter("year", "en-US"))).toEqual(["2016", "2018", "2020", "2022", "2024"]);
    const year = timeTicks(Date.UTC(2023, 9, 28), Date.UTC(2024, 9, 28));
    expect(year.unit).toBe("month");
    expect(year.ticks.map(tickFormatter("month", "en-US"))[0]).toBe("Nov 2023");
    expect(timeTicks(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 20)).unit).toBe("day");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 86_400_000, max: 2e12 }), (from, span) => {
        const { ticks } = timeTicks(from, from + span);
        expect(ticks.length).toBeLessThanOrEqual(8);
        expect(ticks.every((t) => t >= from && t <= from + span)).toBe(true);
      }),
    );
  });

  it("asks for no more time ticks than the axis holds side by side, from 2 to 8, by label length and font size", () => {
    expect(maxTimeTicks("month", 652, 16)).toBe(7);
    expect(maxTimeTicks("month", 652, 24)).toBe(4);
    expect(maxTimeTicks("month", 220, 16)).toBe(2);
    expect(maxTimeTicks("year", 220, 16)).toBe(3);
    expect(maxTimeTicks("day", 40, 16)).toBe(2);
    expect(maxTimeTicks("year", 4000, 16)).toBe(8);
    // Nearly three years on a narrow axis: yearly labels, where monthly ones would not fit.
    const narrow = timeTicks(Date.UTC(2021, 6, 1), Date.UTC(2024, 4, 1), (u) => maxTimeTicks(u, 220, 16));
    expect(narrow).toEqual({ unit: "year", ticks: [Date.UTC(2022, 0, 1), Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 1)] });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 86_400_000, max: 2e12 }), fc.integer({ min: 2, max: 8 }), (from, span, max) => {
        // A span that starts and ends on a tick can hold one more than asked for, never two more.
        expect(timeTicks(from, from + span, max).ticks.length).toBeLessThanOrEqual(max + 1);
      }),
    );
  });
});
