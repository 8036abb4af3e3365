import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { HBA1C } from "../labs/catalog";
import { toLabResults } from "../labs/results";
import { hba1cObservation } from "../test/observations";
import { markerChipCss } from "./markerChips";
import { MarkerChip } from "./MarkerIcon";
import { LIMIT, Marker, PATHS, type MarkerKind } from "./markers";
import { ResultsTable } from "./ResultsTable";

const KINDS: readonly MarkerKind[] = ["none", "N", "H", "HH", "L", "LL", "A", "AA", "other", "below", "above"];
const css = () => markerChipCss();

describe("markerChips.css", () => {
  it("is what markerChips.ts makes from the chart's marker shapes", async () => {
    await expect(css()).toMatchFileSnapshot("./markerChips.css");
  });

  it("gives every marker kind a shape, and a limit one per tone", () => {
    const rules = css();
    for (const kind of KINDS) expect(rules).toMatch(new RegExp(`^\\.chip-${kind} \\{ --shape: url\\("data:image/svg\\+xml,`, "m"));
    for (const kind of ["below", "above"]) {
      expect(rules).toMatch(new RegExp(`^\\.chip-${kind} \\{ --shape: .*d='${LIMIT.neutral}'`, "m"));
      expect(rules).toMatch(new RegExp(`^\\.chip-${kind}\\.marker-flagged \\{ --shape: .*d='${LIMIT.flagged}'`, "m"));
      expect(rules).toMatch(new RegExp(`^\\.chip-${kind}\\.marker-critical \\{ --shape: .*d='${LIMIT.critical}'`, "m"));
    }
    expect(rules).toMatch(/^\.chip-above\.marker-critical \{ --shape: .*transform='scale\(1,-1\)'/m);
    expect(rules).not.toMatch(/^\.chip-below[^\n]*transform=/m);
  });

  it("draws a point's shape from markers.tsx, with the ring and the doubled shapes' holes", () => {
    const rules = css().split("\n");
    for (const [kind, d] of Object.entries(PATHS)) expect(rules.find((line) => line.startsWith(`.chip-${kind} {`))).toContain(`fill-rule='evenodd' d='${d}'`);
    expect(rules.find((line) => line.startsWith(".chip-none {"))).toContain("circle r='4.5'");
  });

  it("escapes what a CSS data URL cannot carry", () => {
    const urls = [...css().matchAll(/url\("([^"]*)"\)/g)].map((m) => m[1]!);
    expect(urls.length).toBe(Object.keys(PATHS).length + 1 + 6);
    for (const url of urls) expect(url).not.toMatch(/[<>#"]/);
  });
});

describe("MarkerChip", () => {
  it("carries the chart marker's own classes (kind and tone) for every kind and flag, hidden from assistive technology", () => {
    for (const kind of KINDS) {
      for (const [critical, flagged] of [[false, false], [false, true], [true, true]] as const) {
        const { container, unmount } = render(
          <div>
            <svg>
              <Marker kind={kind} x={0} y={0} critical={critical} flagged={flagged} />
            </svg>
            <MarkerChip kind={kind} critical={critical} flagged={flagged} />
          </div>,
        );
        const drawn = container.querySelector("svg .marker")!;
        const chip = container.querySelector(".marker-chip")!;
        expect([...chip.classList].filter((c) => c !== "marker-chip" && c !== `chip-${kind}`)).toEqual([...drawn.classList]);
        expect(chip).toHaveClass(`chip-${kind}`);
        expect(chip).toHaveAttribute("aria-hidden", "true");
        unmount();
      }
    }
  });

  it("finds a shape in the CSS for each chip a limit can be", () => {
    const rules = css();
    for (const kind of ["below", "above"] as const) {
      for (const [critical, flagged] of [[false, false], [false, true], [true, false]] as const) {
        const { container, unmount } = render(<MarkerChip kind={kind} critical={critical} flagged={flagged} />);
        const chip = container.querySelector(".marker-chip")!;
        const tone = [...chip.classList].find((c) => c === "marker-flagged" || c === "marker-critical");
        expect(rules).toContain(`.chip-${kind}${tone ? `.${tone}` : ""} { --shape:`);
        unmount();
      }
    }
  });

  it("marks a flagged row of the results table, next to the flag's words", () => {
    const high = hba1cObservation({ interpretation: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "H" }] }] });
    const results = toLabResults([high], HBA1C).results;
    render(<ResultsTable name={HBA1C.name} results={results} unit={HBA1C.units[0]} activeId={undefined} onActivate={() => {}} />);
    const flag = within(screen.getByRole("table")).getAllByRole("row")[1]!.querySelector(".flag")!;
    expect(flag.querySelector(".marker-chip.chip-H.marker-point.marker-flagged")).not.toBeNull();
    expect(flag.querySelector("svg")).toBeNull();
    expect(flag.textContent).toMatch(/High/);
  });
});
