import { describe, expect, it } from "vitest";
import { GLUCOSE, HBA1C } from "../labs/catalog";
import { parseViewState, viewHash, withLab } from "./viewState";

describe("view state in the URL hash", () => {
  it("defaults to HbA1c, its canonical unit, everything", () => {
    expect(parseViewState("")).toEqual({ lab: HBA1C, unit: HBA1C.units[0], range: { kind: "preset", preset: "all" } });
    expect(viewHash(parseViewState(""))).toBe("");
  });

  it("round-trips a lab, a unit, a preset and a window", () => {
    for (const hash of ["#lab=glucose&unit=mmol%2FL&range=5y", "#unit=mmol%2Fmol&range=2019-01-01..2020-06-30", "#lab=egfr&range=1y"]) {
      expect(viewHash(parseViewState(hash))).toBe(hash);
    }
    const window = parseViewState("#range=2019-01-01..2019-01-01").range;
    expect(window).toEqual({ kind: "window", from: Date.UTC(2019, 0, 1), to: Date.UTC(2019, 0, 2) - 1 });
  });

  it("ignores what it does not know", () => {
    expect(parseViewState("#lab=nope&unit=furlong&range=2019-02-30..2019-03-01")).toEqual(parseViewState(""));
    expect(parseViewState("#lab=glucose&unit=mmol%2Fmol").unit).toBe(GLUCOSE.units[0]);
    expect(parseViewState("#range=2020-01-01..2019-01-01").range.kind).toBe("preset");
  });

  it("a new lab keeps a preset, drops the unit and a window", () => {
    expect(withLab(parseViewState("#unit=mmol%2Fmol&range=3y"), GLUCOSE)).toEqual({ lab: GLUCOSE, unit: GLUCOSE.units[0], range: { kind: "preset", preset: "3y" } });
    expect(withLab(parseViewState("#range=2019-01-01..2019-02-01"), GLUCOSE).range).toEqual({ kind: "preset", preset: "all" });
  });

  it("the Overview is `#lab=overview`, with its range; a lab chosen from it keeps a zoomed window", () => {
    const overview = parseViewState("#lab=overview&range=2019-01-01..2020-06-30");
    expect(overview.overview).toBe(true);
    expect(viewHash(overview)).toBe("#lab=overview&range=2019-01-01..2020-06-30");
    expect(viewHash({ ...parseViewState(""), overview: true })).toBe("#lab=overview");
    const opened = withLab(overview, GLUCOSE);
    expect(opened.overview).toBeUndefined();
    expect(opened.range).toEqual(overview.range);
    expect(viewHash(opened)).toBe("#lab=glucose&range=2019-01-01..2020-06-30");
  });

  it("the reader's view is `view=patient|clinician`, kept with the rest and by a new lab; none is the default", () => {
    for (const hash of ["#view=patient", "#view=clinician", "#lab=glucose&range=5y&view=patient", "#lab=overview&view=clinician"]) expect(viewHash(parseViewState(hash))).toBe(hash);
    expect(parseViewState("#view=patient").reader).toBe("patient");
    expect(parseViewState("#view=doctor").reader).toBeUndefined();
    expect(viewHash(parseViewState("#view=doctor"))).toBe("");
    expect(withLab(parseViewState("#view=patient"), GLUCOSE).reader).toBe("patient");
    expect(viewHash({ ...parseViewState("#view=patient"), reader: undefined })).toBe("");
  });
});
