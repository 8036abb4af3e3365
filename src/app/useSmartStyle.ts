import { useEffect } from "react";
import { useQuery } from "@tanstack/react-query";
import type { AppSession } from "./appSession";
import { smartStyleQuery } from "./queries";
import { styleUrlAllowed } from "./styleUrl";

/**
 * Applies the EHR's style to the page while the session lasts: custom properties on the root element and a
 * `data-theme` the stylesheet reads. A style that is refused, fails or is absent leaves the app's own look.
 * A style loads only from the FHIR server's origin or one that config.json's styleAllowList names (as the launch
 * page kept it for this launch).
 */
export function useSmartStyle(session: AppSession): void {
  const url = session.styleUrl;
  const allowed = url !== undefined && styleUrlAllowed(url, session.serverUrl, session.styleAllowList);
  const style = useQuery(smartStyleQuery(allowed ? url : undefined));
  const applied = style.data;
  // Refused (not the FHIR server's origin, nor one config.json's styleAllowList names) or failed: said once, for the
  // developer.
  const why = url !== undefined && !allowed ? "origin not allowed (config.json styleAllowList)" : style.error?.message;
  useEffect(() => {
    if (why) console.warn(`Ignoring smart_style_url ${url}: ${why}`);
  }, [url, why]);

  useEffect(() => {
    if (!applied) return;
    const root = document.documentElement;
    for (const [name, value] of Object.entries(applied.properties)) root.style.setProperty(name, value);
    if (applied.theme) root.dataset.theme = applied.theme;
    return () => {
      for (const name of Object.keys(applied.properties)) root.style.removeProperty(name);
      delete root.dataset.theme;
    };
  }, [applied]);
}
