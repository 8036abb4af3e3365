import { describe, expect, it } from "vitest";
import { ALL, chartDomain, inWindow, windowOf } from "./timeRange";

describe("time ranges", () => {
  const latest = Date.UTC(2024, 9, 15);

  it("presets end at the latest result", () => {
    expect(windowOf({ kind: "preset", preset: "1y" }, latest)).toEqual({ from: Date.UTC(2023, 9, 15), to: latest });
    expect(windowOf({ kind: "preset", preset: "5y" }, latest)).toEqual({ from: Date.UTC(2019, 9, 15), to: latest });
    expect(windowOf(ALL, latest)).toBeUndefined();
    expect(windowOf({ kind: "preset", preset: "3y" }, undefined)).toBeUndefined();
  });

  it("a zoomed window is taken as is; undated results show only with everything", () => {
    const w = windowOf({ kind: "window", from: 10, to: 20 }, latest);
    expect([inWindow(10, w), inWindow(20, w), inWindow(21, w), inWindow(undefined, w), inWindow(undefined, undefined)]).toEqual([true, true, false, false, true]);
  });
});

describe("the span a lab's time axis draws", () => {
  const DAY = 86_400_000;
  it("a chosen window as it is; results with 2 % of room on each side, at least 15 days; nothing: the last year", () => {
    expect(chartDomain({ from: 10, to: 20 }, 0, 100)).toEqual([10, 20]);
    expect(chartDomain(undefined, 0, 1000 * DAY)).toEqual([-20 * DAY, 1020 * DAY]);
    expect(chartDomain(undefined, 0, 10 * DAY)).toEqual([-15 * DAY, 25 * DAY]);
    expect(chartDomain(undefined, undefined, undefined, 400 * DAY)).toEqual([35 * DAY, 400 * DAY]);
  });
});
