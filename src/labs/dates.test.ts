import { describe, expect, it } from "vitest";
import { formatFhirDateTime } from "./dateWords";
import { formatFhirDate, parseFhirDate, periodEnd, plotPeriodEnd, plotTime, timeToWallClock, wallClockToTime } from "./dates";

describe("FHIR dates", () => {
  it("keeps a date-only value on its calendar day in every time zone", () => {
    const day = parseFhirDate("2021-03-04")!;
    expect(day.precision).toBe("day");
    for (const zone of ["Pacific/Kiritimati", "America/Los_Angeles", "UTC", "Pacific/Pago_Pago"]) {
      expect(formatFhirDate(day, "en-US", zone)).toBe("Mar 4, 2021");
    }
  });

  it("shows a dateTime in the reader's time zone", () => {
    const instant = parseFhirDate("2021-03-04T23:30:00-05:00")!;
    expect(instant.precision).toBe("time");
    expect(formatFhirDate(instant, "en-US", "America/New_York")).toBe("Mar 4, 2021");
    expect(formatFhirDate(instant, "en-US", "Europe/Paris")).toBe("Mar 5, 2021");
  });

  it("keeps year and month precision", () => {
    expect(formatFhirDate(parseFhirDate("2019")!, "en-US")).toBe("2019");
    expect(formatFhirDate(parseFhirDate("2019-07")!, "en-US")).toBe("Jul 2019");
  });

  it("refuses what is not a FHIR date", () => {
    for (const bad of [undefined, "", "yesterday", "2021-13-45T", "04/03/2021"]) expect(parseFhirDate(bad), String(bad)).toBeUndefined();
  });
});

describe("partial dates and times without a UTC offset (clinical rules §8)", () => {
  it("a year-only or month-only date knows the period it covers", () => {
    expect(periodEnd(parseFhirDate("2019")!)).toBe(Date.UTC(2020, 0, 1));
    expect(periodEnd(parseFhirDate("2019-12")!)).toBe(Date.UTC(2020, 0, 1));
    expect(periodEnd(parseFhirDate("2019-12-03")!)).toBeUndefined();
    expect(periodEnd(parseFhirDate("2019-12-03T10:00:00Z")!)).toBeUndefined();
  });

  it("a time without an offset is the wall-clock time as written: never shifted, in any reader's zone", () => {
    const floating = parseFhirDate("2021-03-04T23:30:00")!;
    expect(floating).toMatchObject({ precision: "time", zoneless: true, time: Date.UTC(2021, 2, 4, 23, 30) });
    for (const zone of ["Pacific/Kiritimati", "America/Los_Angeles", "UTC"]) {
      expect(formatFhirDateTime(floating, "en-US", zone)).toBe("Mar 4, 2021, 11:30 PM");
      expect(formatFhirDate(floating, "en-US", zone)).toBe("Mar 4, 2021");
    }
    expect(parseFhirDate("2021-03-04T23:30:00Z")!.zoneless).toBeUndefined();
    expect(parseFhirDate("2021-03-04T23:30:00+05:30")!.time).toBe(Date.UTC(2021, 2, 4, 18, 0));
  });

  it("places dates on the chart at the start of their day in the reader's zone, so they sit on that day's tick", () => {
    expect(plotTime(parseFhirDate("2021-03-04")!, "America/Los_Angeles")).toBe(Date.UTC(2021, 2, 4, 8));
    expect(plotTime(parseFhirDate("2021-03-04")!, "Asia/Kolkata")).toBe(Date.UTC(2021, 2, 3, 18, 30));
    expect(plotTime(parseFhirDate("2019-07")!, "Europe/Paris")).toBe(Date.UTC(2019, 5, 30, 22));
    expect(plotPeriodEnd(parseFhirDate("2019")!, "Europe/Paris")).toBe(Date.UTC(2019, 11, 31, 23));
    expect(plotTime(parseFhirDate("2021-03-04T23:30:00")!, "America/New_York")).toBe(Date.UTC(2021, 2, 5, 4, 30));
    const zoned = parseFhirDate("2021-03-04T23:30:00-05:00")!;
    expect(plotTime(zoned, "Asia/Tokyo")).toBe(zoned.time);
  });

  it("converts between instants and wall-clock times across a daylight-saving change", () => {
    // 2021-03-14: New York moves from UTC−5 to UTC−4 at 2 am.
    expect(wallClockToTime(Date.UTC(2021, 2, 14), "America/New_York")).toBe(Date.UTC(2021, 2, 14, 5));
    expect(wallClockToTime(Date.UTC(2021, 2, 15), "America/New_York")).toBe(Date.UTC(2021, 2, 15, 4));
    expect(timeToWallClock(Date.UTC(2021, 2, 15, 4), "America/New_York")).toBe(Date.UTC(2021, 2, 15));
  });
});
