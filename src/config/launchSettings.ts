/**
 * What config.json says about one launch that the graph page applies (the server's Observation category, paging
 * limits, lab settings, the origins an EHR's style may come from). The graph page never reads config.json
 * itself: the launch page chooses these; the FHIR layer carries them through the sign-in in its
 * launch record without reading them; the graph page reads them back here. No token goes with them.
 */
import type { LabSettingsById } from "../labs/settings";
import type { PagingSettings } from "./paging";

export interface LaunchSettings {
  /** Added to Observation searches for servers that need it (config.json `observationCategory`). */
  readonly observationCategory: string | null;
  /** config.json's paging limits. */
  readonly paging?: PagingSettings;
  /** config.json's lab settings (checked by the launch page). */
  readonly labs?: LabSettingsById;
  /** config.json's styleAllowList (origins, checked by the launch page): where besides the FHIR server a style may come from. */
  readonly styleAllowList?: readonly string[];
}

function object<T>(value: unknown): T | undefined {
  return value && typeof value === "object" ? (value as T) : undefined;
}

/** The settings as stored in sessionStorage, which can be altered: a field of the wrong kind is left out. */
export function readLaunchSettings(stored: unknown): LaunchSettings {
  const settings = object<Partial<Record<keyof LaunchSettings, unknown>>>(stored) ?? {};
  return {
    observationCategory: typeof settings.observationCategory === "string" ? settings.observationCategory : null,
    paging: object<PagingSettings>(settings.paging),
    labs: object<LabSettingsById>(settings.labs),
    styleAllowList: Array.isArray(settings.styleAllowList) && settings.styleAllowList.every((o) => typeof o === "string") ? (settings.styleAllowList as string[]) : undefined,
  };
}
