import { startTransition, useCallback, useEffect, useState } from "react";
import { parseViewState, viewHash, type ViewState } from "./viewState";

/**
 * The view, mirrored in the URL hash (replaced, so toggles add no history entries). Changes render as a
 * transition: redrawing 10 000 results after a zoom yields to input instead of blocking the page.
 */
export function useViewState(): [ViewState, (next: ViewState) => void] {
  const [view, setView] = useState(() => parseViewState(window.location.hash));

  useEffect(() => {
    const onHashChange = () => startTransition(() => setView(parseViewState(window.location.hash)));
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);

  const set = useCallback((next: ViewState) => {
    const url = new URL(window.location.href);
    url.hash = viewHash(next);
    window.history.replaceState(window.history.state, "", url.href);
    startTransition(() => setView(next));
  }, []);
  return [view, set];
}
