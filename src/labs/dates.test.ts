import { describe, expect, it } from "vitest";
import { formatFhirDate, parseFhirDate } from "./dates";

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
