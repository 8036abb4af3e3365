import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HBA1C } from "../labs/catalog";
import { toLabResults } from "../labs/results";
import { hba1cObservation } from "../test/observations";
import { markerChipCss } from "./markerChips";
import { MarkerChip } from "./MarkerIcon";
import { LIMIT, PATHS, TONES } from "./markers";
import { ResultsTable } from "./ResultsTable";

describe("markerChips.css", () => {
  it("is what markerChips.ts makes from the chart's marker shapes", async () => {
    await expect(markerChipCss()).toMatchFileSnapshot("./markerChips.css");
  });

  it("gives every marker kind a shape, and a limit one per tone", () => {
    const rules = css();
    for (const kind of ["none", ...Object.keys(PATHS)]) expect(rules).toMatch(new RegExp(`^\\.chip-${kind} \\{ --shape: url\\("data:image/svg\\+xml,`, "m"));
    for (const kind of ["below", "above"]) {
      expect(rules).toMatch(new RegExp(`^\\.chip-${kind} \\{ --shape: .*d='${LIMIT.neutral}'`, "m"));
      expect(rules).toMatch(new RegExp(`^\\.chip-${kind}\\.chip-flagged \\{ --shape: .*d='${LIMIT.flagged}'`, "m"));
      expect(rules).toMatch(new RegExp(`^\\.chip-${kind}\\.chip-critical \\{ --shape: .*d='${LIMIT.critical}'`, "m"));
    }
    expect(rules).toMatch(/^\.chip-above\.chip-critical \{ --shape: .*transform='scale\(1,-1\)'/m);
    expect(rules).not.toMatch(/^\.chip-below[^\n]*transform=/m);
  });

  it("draws a point's shape from markers.tsx, with the ring and the doubled shapes' holes", () => {
    const rules = css();
    for (const [kind, d] of Object.entries(PATHS)) {
      const rule = rules.split("\n").find((line) => line.startsWith(`.chip-${kind} {`));
      expect(rule).toContain(`fill-rule='evenodd' d='${d}'`);
    }
  });

  it("colours what the chart colours: flagged and critical points by kind, limits by their flag", () => {
    const colours = css().split("\n").find((line) => line.includes("var(--flag)"))!;
    const selectors = colours.slice(0, colours.indexOf("{")).split(",").map((s) => s.trim());
    expect(selectors.sort()).toEqual(
      [...Object.keys(TONES).map((k) => `.chip-${k}`), ".chip-below.chip-flagged", ".chip-below.chip-critical", ".chip-above.chip-flagged", ".chip-above.chip-critical"].sort(),
    );
    expect(selectors).not.toContain(".chip-N");
    expect(selectors).not.toContain(".chip-other");
  });

  it("escapes what a CSS data URL cannot carry", () => {
    const urls = [...css().matchAll(/url\("([^"]*)"\)/g)].map((m) => m[1]!);
    expect(urls.length).toBe(Object.keys(PATHS).length + 1 + 6);
    for (const url of urls) expect(url).not.toMatch(/[<>#"]/);
  });
});

describe("MarkerChip", () => {
  it("names its kind, and a limit's flag, as the CSS's rules expect; hidden from assistive technology", () => {
    const { container } = render(
      <div>
        <MarkerChip kind="HH" />
        <MarkerChip kind="above" critical flagged />
        <MarkerChip kind="below" flagged />
      </div>,
    );
    const chips = [...container.querySelectorAll(".marker-chip")];
    expect(chips.map((c) => c.className)).toEqual(["marker-chip chip-HH", "marker-chip chip-above chip-critical", "marker-chip chip-below chip-flagged"]);
    for (const chip of chips) expect(chip).toHaveAttribute("aria-hidden", "true");
    const rules = css();
    for (const chip of chips) expect(rules).toContain(`.${[...chip.classList].slice(1).join(".")} { --shape:`);
  });

  it("marks a flagged row of the results table, next to the flag's words", () => {
    const high = hba1cObservation({ interpretation: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "H" }] }] });
    const results = toLabResults([high], HBA1C).results;
    render(<ResultsTable name={HBA1C.name} results={results} unit={HBA1C.units[0]} activeId={undefined} onActivate={() => {}} />);
    const row = within(screen.getByRole("table")).getAllByRole("row")[1]!;
    const flag = row.querySelector(".flag")!;
    expect(flag.querySelector(".marker-chip.chip-H")).not.toBeNull();
    expect(flag.querySelector("svg")).toBeNull();
    expect(flag.textContent).toMatch(/High/);
  });
});

function css(): string {
  return markerChipCss();
}
