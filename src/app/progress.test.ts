import { describe, expect, it } from "vitest";
import { progressText, type ProgressState } from "./progress";

const base: ProgressState = { labName: "Hemoglobin A1c", pending: false, failed: false, refreshing: false, stoppedByYou: false, loading: false, stop: undefined, shown: 136, fetched: 140, total: 140 };

describe("progressText", () => {
  it.each<[string, Partial<ProgressState>, string]>([
    ["before the first page", { pending: true }, "Loading Hemoglobin A1c results…"],
    ["a page failed", { failed: true }, "Stopped after 136 results: a page failed to load."],
    ["refreshing", { refreshing: true }, "Refreshing Hemoglobin A1c results…"],
    ["stopped by the reader, with a total", { stoppedByYou: true, fetched: 100 }, "Stopped at your request (40 more on the server). Loaded 136 results"],
    ["stopped by the reader, no total", { stoppedByYou: true, total: undefined }, "Stopped at your request. Loaded 136 results"],
    ["loading, with a total", { loading: true, fetched: 50 }, "Loaded 50 of 140 results…"],
    ["loading, no total", { loading: true, fetched: 50, total: undefined }, "Loaded 50 results…"],
    ["a foreign next link", { stop: { reason: "foreign-link", url: "https://elsewhere.test/p2" } }, "Stopped after 136 results: the next page is on another server, which the app does not send your sign-in to. Loaded 136 results"],
    ["a broken next link", { stop: { reason: "bad-link", url: "::" } }, "Stopped after 136 results: the server's next page link is not a valid address. Loaded 136 results"],
    ["a loop", { stop: { reason: "loop", url: "https://ehr.test/p1" } }, "Stopped: the server's next page link loops back. Loaded 136 results"],
    ["the page cap", { stop: { reason: "page-cap", pages: 3 } }, "Paused after 3 pages, the most the app reads at a stretch for one lab. Loaded 136 results"],
    ["the time budget", { stop: { reason: "time-budget", seconds: 2.5 } }, "Paused after 2.5 seconds of loading, the longest the app reads at a stretch for one lab. Loaded 136 results"],
    ["done", {}, "Loaded 136 results"],
  ])("%s", (_, state, text) => {
    expect(progressText({ ...base, ...state })).toBe(text);
  });

  it("ends reading 'Loaded N results' whenever reading has ended, early or not (the DOM contract)", () => {
    const ends: Partial<ProgressState>[] = [{}, { stoppedByYou: true }, { stop: { reason: "loop", url: "x" } }, { stop: { reason: "page-cap", pages: 1 } }];
    for (const state of ends) expect(progressText({ ...base, ...state })).toMatch(/Loaded 136 results$/);
  });
});
