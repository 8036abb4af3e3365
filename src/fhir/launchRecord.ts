/**
 * What the launch page knows and the graph page needs after the redirect: how to launch again, the server's
 * settings from config.json and its revocation endpoint. Kept in sessionStorage next to fhirclient's state,
 * under the same `state` key, so two launches in one tab never read each other's record. No token goes here.
 */
import type { PagingSettings } from "../config/paging";
import type { LabSettingsById } from "../labs/settings";

export interface LaunchRecord {
  /** The launch page URL that starts this launch again (EHR: with its iss and launch; standalone: with iss). */
  readonly launchUrl: string;
  readonly kind: "ehr" | "standalone";
  readonly observationCategory: string | null;
  readonly revocationEndpoint?: string;
  /** config.json's paging limits. */
  readonly paging?: PagingSettings;
  /** config.json's lab settings (checked by the launch page). */
  readonly labs?: LabSettingsById;
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
      observationCategory: typeof record.observationCategory === "string" ? record.observationCategory : null,
      revocationEndpoint: typeof record.revocationEndpoint === "string" ? record.revocationEndpoint : undefined,
      paging: record.paging && typeof record.paging === "object" ? record.paging : undefined,
      labs: record.labs && typeof record.labs === "object" ? record.labs : undefined,
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
