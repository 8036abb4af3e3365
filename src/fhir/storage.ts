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
