import { useCallback, useMemo, useSyncExternalStore } from "react";
import { parseViewState, viewHash, type ViewState } from "./viewState";

const CHANGE = "lab-graph:view";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener("hashchange", onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const snapshot = () => window.location.hash;

/** The view in the URL hash, and a setter that replaces it (no history entry per toggle). */
export function useViewState(): [ViewState, (next: ViewState) => void] {
  const hash = useSyncExternalStore(subscribe, snapshot);
  const set = useCallback((next: ViewState) => {
    const url = new URL(window.location.href);
    url.hash = viewHash(next);
    window.history.replaceState(window.history.state, "", url.href);
    window.dispatchEvent(new Event(CHANGE));
  }, []);
  const view = useMemo(() => parseViewState(hash), [hash]);
  return [view, set];
}
