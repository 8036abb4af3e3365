/** Whether this page may use sessionStorage (a cross-site EHR frame can be denied it). */
export function sessionStorageAvailable(): boolean {
  try {
    const key = "__lab_graph_probe__";
    window.sessionStorage.setItem(key, "1");
    window.sessionStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/**
 * sessionStorage key the launch page sets when the tab's server is near (src/fhir/authorize.ts): its token comes
 * back too soon for the graph page's React and chart to download meanwhile.
 */
export const NEAR_SERVER_KEY = "lab-graph:near";

/**
 * Whether the launch page found this tab's server near; false when it could not tell. Read once, by the graph page
 * that follows the launch, and removed: the app keeps nothing of a launch it does not need.
 */
export function nearServer(): boolean {
  try {
    const near = sessionStorage.getItem(NEAR_SERVER_KEY);
    sessionStorage.removeItem(NEAR_SERVER_KEY);
    return !!near;
  } catch {
    return false;
  }
}
