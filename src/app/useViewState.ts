import { startTransition, useCallback, useEffect, useState } from "react";
import { parseViewState, viewHash, type ViewState } from "./viewState";

export type SetView = (next: ViewState, options?: { readonly transition?: boolean }) => void;

/**
 * The view, mirrored in the URL hash (replaced, so toggles add no history entries). A change made with
 * `transition` (a zoom by dragging, a preset) renders as a transition: redrawing 10 000 results yields to input
 * instead of blocking the page. Changes from form controls stay urgent, or React would undo what was typed.
 */
export function useViewState(): [ViewState, SetView] {
  const [view, setView] = useState(() => parseViewState(window.location.hash));

  useEffect(() => {
    const onHashChange = () => startTransition(() => setView(parseViewState(window.location.hash)));
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);

  const set = useCallback<SetView>((next, options) => {
    const url = new URL(window.location.href);
    url.hash = viewHash(next);
    window.history.replaceState(window.history.state, "", url.href);
    if (options?.transition) startTransition(() => setView(next));
    else setView(next);
  }, []);
  return [view, set];
}
