import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseFhirDate, plotTime } from "../labs/dates";
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
    const ten = timeTicks(Date.UTC(2014, 2, 5), Date.UTC(2024, 9, 28), 8, "UTC");
    expect(ten.unit).toBe("year");
    expect(ten.ticks.map(tickFormatter("year", "en-US", "UTC"))).toEqual(["2016", "2018", "2020", "2022", "2024"]);
    const year = timeTicks(Date.UTC(2023, 9, 28), Date.UTC(2024, 9, 28), 8, "UTC");
    expect(year.unit).toBe("month");
    expect(year.ticks.map(tickFormatter("month", "en-US", "UTC"))[0]).toBe("Nov 2023");
    expect(timeTicks(Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 20), 8, "UTC").unit).toBe("day");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 86_400_000, max: 2e12 }), (from, span) => {
        const { ticks } = timeTicks(from, from + span, 8, "UTC");
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
    const narrow = timeTicks(Date.UTC(2021, 6, 1), Date.UTC(2024, 4, 1), (u) => maxTimeTicks(u, 220, 16), "UTC");
    expect(narrow).toEqual({ unit: "year", ticks: [Date.UTC(2022, 0, 1), Date.UTC(2023, 0, 1), Date.UTC(2024, 0, 1)] });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.integer({ min: 86_400_000, max: 2e12 }), fc.integer({ min: 2, max: 8 }), (from, span, max) => {
        // A span that starts and ends on a tick can hold one more than asked for, never two more.
        expect(timeTicks(from, from + span, max, "UTC").ticks.length).toBeLessThanOrEqual(max + 1);
      }),
    );
  });
});

describe("time ticks in the table's time zone (clinical rules §8)", () => {
  it("falls on local midnights, labelled in that zone, across a daylight-saving change", () => {
    const zone = "America/New_York";
    const days = timeTicks(Date.UTC(2021, 2, 12, 12), Date.UTC(2021, 2, 17, 12), 8, zone);
    expect(days.unit).toBe("day");
    expect(days.ticks).toEqual([13, 14, 15, 16, 17].map((d) => Date.UTC(2021, 2, d, d <= 14 ? 5 : 4)));
    expect(days.ticks.map(tickFormatter("day", "en-US", zone))).toEqual(["Mar 13", "Mar 14", "Mar 15", "Mar 16", "Mar 17"]);
    const months = timeTicks(Date.UTC(2023, 9, 28), Date.UTC(2024, 9, 28), 8, "Asia/Kolkata");
    expect(months.ticks[0]).toBe(Date.UTC(2023, 9, 31, 18, 30));
    expect(months.ticks.map(tickFormatter("month", "en-US", "Asia/Kolkata"))[0]).toBe("Nov 2023");
  });

  it("a date-only result sits exactly on its day's tick in any zone", () => {
    for (const zone of ["America/Los_Angeles", "Asia/Kolkata", "Pacific/Kiritimati", "UTC"]) {
      const at = plotTime(parseFhirDate("2021-03-04")!, zone);
      const { ticks } = timeTicks(at - 3 * 86_400_000, at + 3 * 86_400_000, 8, zone);
      expect(ticks, zone).toContain(at);
      expect(tickFormatter("day", "en-US", zone)(at), zone).toBe("Mar 4");
    }
  });
});
