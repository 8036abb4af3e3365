/**
 * The side-by-side comparison with the plain page (bench/plain/): per run, the times that matter to a reader
 * of the chart, relative to the run's start; medians and spreads over runs; and a run's requests printed wave
 * by wave, so a reader can see where the time goes. Pure (no browser, no servers).
 */
import type { LoggedRequest } from "./servers.ts";
import { isObservationSearch, kindOf, waves } from "./waves.ts";

/** What launchRun() returns that the comparison reads: the run's start and the page's marks (epoch ms). */
export interface TimedRun {
  readonly start: number;
  readonly marks: { readonly firstPoint: number; readonly allPoints: number };
  readonly requests: readonly LoggedRequest[];
}

export interface RunTimes {
  /** End of the last Observation search response (first page or any later one). */
  readonly lastResult: number;
  readonly firstPoint: number;
  readonly allPoints: number;
}

/**
 * The run's times in ms from its start. Only requests that started before every point was drawn count: a page
 * may search for more (another lab) afterwards, and that is not what the chart waited for.
 */
export function runTimes(run: TimedRun): RunTimes {
  const searches = run.requests.filter((r) => isObservationSearch(r) && r.start <= run.marks.allPoints);
  const lastResult = searches.length ? Math.max(...searches.map((r) => r.end)) - run.start : Number.NaN;
  return { lastResult, firstPoint: run.marks.firstPoint - run.start, allPoints: run.marks.allPoints - run.start };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (!sorted.length) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The spread of a few runs: the lowest and highest (with 5 runs an interquartile range says little more). */
export function spread(values: readonly number[]): { min: number; max: number } {
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** A run's requests up to its last point, wave by wave, each with its start and end in ms from the run's start. */
export function traceLines(run: TimedRun): string[] {
  const at = (t: number) => Math.round(t - run.start);
  return waves(run.requests.filter((r) => r.start <= run.marks.allPoints)).map((wave) => {
    const requests = wave.requests.map((r) => {
      const url = new URL(r.url);
      const name = `${url.pathname.replace(/^.*\/(fhir|auth|assets)\//, "$1/")}${url.search ? "?…" : ""}`;
      return `${r.method} ${kindOf(r)} ${name.slice(0, 44)} ${at(r.start)}–${at(r.end)}`;
    });
    return `  wave ${String(wave.index).padStart(2)}: ${requests.join(" | ")}`;
  });
}
