import { useEffect } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import { smartStyleQuery } from "./queries";
import { styleUrlAllowed } from "./smartStyle";

/**
 * Applies the EHR's style to the page while the session lasts: custom properties on the root element and a
 * `data-theme` the stylesheet reads. A style that is refused, fails or is absent leaves the app's own look.
 */
export function useSmartStyle(session: Session, allowList: readonly string[] = []): void {
  const url = session.styleUrl;
  const allowed = url !== undefined && styleUrlAllowed(url, session.serverUrl, allowList);
  const style = useQuery({ ...smartStyleQuery(url ?? ""), enabled: allowed });
  const applied = style.data;

  useEffect(() => {
    if (url !== undefined && !allowed) console.warn(`Ignoring smart_style_url ${url}: not on the FHIR server's origin or an allow-listed one.`);
  }, [url, allowed]);

  useEffect(() => {
    if (!applied) return;
    const root = document.documentElement;
    for (const [name, value] of Object.entries(applied.properties)) root.style.setProperty(name, value);
    if (applied.theme) root.dataset.theme = applied.theme;
    if (applied.ignored.length) console.warn(`Ignored smart_style_url fields: ${applied.ignored.join(", ")}`);
    return () => {
      for (const name of Object.keys(applied.properties)) root.style.removeProperty(name);
      delete root.dataset.theme;
    };
  }, [applied]);
}
