import { act, renderHook, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.doUnmock("./afterChart.later");
  vi.resetModules();
});

describe("useAfterChart", () => {
  it("loads nothing until asked, then the parts once for every user", async () => {
    vi.resetModules();
    const factory = vi.fn(() => ({ ResultsTable: "table" }));
    vi.doMock("./afterChart.later", factory);
    const { useAfterChart } = await import("./useAfterChart");
    const waiting = renderHook(() => useAfterChart(false));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(factory).not.toHaveBeenCalled();
    expect(waiting.result.current.parts).toBeUndefined();
    const starter = renderHook(() => useAfterChart(true));
    await waitFor(() => expect(starter.result.current.parts).toMatchObject({ ResultsTable: "table" }));
    expect(waiting.result.current.parts).toBe(starter.result.current.parts);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it("says why when the parts cannot be fetched, and fetches them again on Retry", async () => {
    vi.resetModules();
    let reachable = false;
    vi.doMock("./afterChart.later", () => {
      if (!reachable) throw new Error("Failed to fetch dynamically imported module");
      return { ResultsTable: "table" };
    });
    const { useAfterChart } = await import("./useAfterChart");
    const { result } = renderHook(() => useAfterChart(true));
    await waitFor(() => expect(result.current.error).toBeInstanceOf(Error));
    expect(result.current.parts).toBeUndefined();
    reachable = true;
    vi.resetModules();
    act(() => result.current.retry());
    await waitFor(() => expect(result.current.parts).toMatchObject({ ResultsTable: "table" }));
    expect(result.current.error).toBeUndefined();
  });
});
