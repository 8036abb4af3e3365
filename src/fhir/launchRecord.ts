/**
 * What the launch page knows and the graph page needs after the redirect: how to launch again, the server's
 * revocation endpoint, and the app's settings for this launch (opaque here: the app writes and reads them). Kept in
 * sessionStorage next to fhirclient's state, under the same `state` key, so two launches in one tab never read
 * each other's record. No token goes here.
 */

export interface LaunchRecord {
  /** The launch page URL that starts this launch again (EHR: with its iss and launch; standalone: with iss). */
  readonly launchUrl: string;
  readonly kind: "ehr" | "standalone";
  readonly revocationEndpoint?: string;
  /** The app's settings for this launch, as JSON (src/config/launchSettings.ts reads them; this layer does not). */
  readonly settings?: unknown;
}

const PREFIX = "lab-graph:launch:";

export function saveLaunchRecord(stateKey: string, record: LaunchRecord): void {
  sessionStorage.setItem(PREFIX + stateKey, JSON.stringify(record));
}

export function readLaunchRecord(stateKey: string | null | undefined): LaunchRecord | undefined {
  if (!stateKey) return undefined;
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(PREFIX + stateKey) ?? "null");
    if (!value || typeof value !== "object") return undefined;
    const record = value as Partial<LaunchRecord>;
    if (typeof record.launchUrl !== "string" || (record.kind !== "ehr" && record.kind !== "standalone")) return undefined;
    // Relaunch navigates there: only ever to this app's own origin.
    if (new URL(record.launchUrl, location.href).origin !== location.origin) return undefined;
    return {
      launchUrl: record.launchUrl,
      kind: record.kind,
      revocationEndpoint: typeof record.revocationEndpoint === "string" ? record.revocationEndpoint : undefined,
      settings: record.settings,
    };
  } catch {
    return undefined;
  }
}

export function removeLaunchRecord(stateKey: string): void {
  sessionStorage.removeItem(PREFIX + stateKey);
}

/** fhirclient drops the tab's previous launch state when it authorizes again; its record goes with it. */
export function removePreviousLaunchRecord(): void {
  const previous = sessionStorage.getItem("SMART_KEY");
  if (previous) removeLaunchRecord(previous.replace(/^"|"$/g, ""));
}
