/**
 * The graph page's session: the FHIR layer's (transport and token context) with this launch's settings, which the
 * app owns: read once, when the sign-in completes, from what the launch page kept (src/config/launchSettings.ts).
 */
import type { Session } from "../fhir/session";
import { DEFAULT_PAGING, type PagingLimits } from "../fhir/paging";
import type { PagingSettings } from "../config/paging";
import { readLaunchSettings } from "../config/launchSettings";
import type { LabSettingsById } from "../labs/settings";

export interface AppSession extends Session {
  /** Added to Observation searches for servers that need it (config.json `observationCategory`). */
  readonly observationCategory: string | null;
  /** Limits on reading one search's pages (config.json `paging`). */
  readonly paging: PagingLimits;
  /** Targets and retest intervals that replace the catalog's (config.json `labs`). */
  readonly labSettings: LabSettingsById;
  /** Origins besides the FHIR server's from which the EHR's style may come (config.json `styleAllowList`). */
  readonly styleAllowList: readonly string[];
}

/** The limits to apply; a setting that is not a number above 0 (say, from an altered sessionStorage) is not one. */
export function pagingLimits(settings: PagingSettings | undefined): PagingLimits {
  const above0 = (n: unknown): n is number => typeof n === "number" && n > 0 && n < Infinity;
  return {
    maxPages: above0(settings?.maxPages) ? Math.ceil(settings.maxPages) : DEFAULT_PAGING.maxPages,
    timeBudgetMs: above0(settings?.timeBudgetSeconds) ? settings.timeBudgetSeconds * 1000 : DEFAULT_PAGING.timeBudgetMs,
  };
}

export function appSession(session: Session): AppSession {
  const settings = readLaunchSettings(session.launchSettings);
  return { ...session, observationCategory: settings.observationCategory, paging: pagingLimits(settings.paging), labSettings: settings.labs ?? {}, styleAllowList: settings.styleAllowList ?? [] };
}
