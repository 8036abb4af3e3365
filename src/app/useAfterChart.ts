/**
 * The lab panel's parts that load after its first chart (afterChart.later.ts): started once the first page of
 * results is in, shared by every component that shows one, and retried on request when the chunk could not be
 * fetched (a network failure must not leave the table missing without a word).
 */
import { useCallback, useEffect, useSyncExternalStore } from "react";
import type * as AfterChartModule from "./afterChart.later";

export type AfterChart = typeof AfterChartModule;

interface State {
  readonly parts: AfterChart | undefined;
  readonly error: Error | undefined;
}

let state: State = { parts: undefined, error: undefined };
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

function set(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Starts loading the parts (once; again after a failure). */
export function loadAfterChart(): Promise<void> {
  loading ??= import("./afterChart.later").then(
    (parts) => set({ parts, error: undefined }),
    (error: unknown) => {
      loading = undefined;
      set({ parts: undefined, error: error instanceof Error ? error : new Error(String(error)) });
    },
  );
  return loading;
}

/** The parts if they have loaded, read at the moment of use (a tooltip's hover), without re-rendering anyone. */
export function afterChartParts(): AfterChart | undefined {
  return state.parts;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The parts once loaded; `start` begins loading them (the panel passes true once its first page is in). */
export function useAfterChart(start = false): State & { retry: () => void } {
  const current = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (start && !current.parts) void loadAfterChart();
  }, [start, current.parts]);
  const retry = useCallback(() => void loadAfterChart(), []);
  return { ...current, retry };
}
