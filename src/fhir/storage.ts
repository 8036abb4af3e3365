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

export const STORAGE_BLOCKED_MESSAGE =
  "This browser does not let the app keep its sign-in inside the EHR window (storage for embedded apps is blocked, for example by strict privacy settings). Open the app in its own window to continue.";
