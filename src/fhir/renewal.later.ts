/**
 * Renewing a session's tokens, and the words for a session that cannot be renewed: loaded only when the access
 * token is about to expire or the FHIR server refuses it (liveSession.ts), never with the first chart.
 */
import type { SmartClient } from "./liveSession";
import { grantsRefresh } from "./scopes";
import { t } from "../i18n/i18n";

/** Why the session ends: the message shown, and the technical detail. */
export type Ending = readonly [message: string, detail: string];

/** What led to the renewal. */
export type RenewReason = "expiring" | "refused";

function refreshBlocker(client: SmartClient, grantedScope: string): string | undefined {
  if (!client.refreshToken()) return t("The server granted no refresh token (the app asks for one with offline_access).");
  if (!grantsRefresh(grantedScope)) {
    return t("The server sent a refresh token, but the scope it granted lists neither offline_access nor online_access, so the app may not use it.");
  }
  return undefined;
}

/** Refreshes the tokens; when no refresh is possible or it fails, says why the session ends instead. */
export async function refreshOrEnd(client: SmartClient, grantedScope: string, reason: RenewReason): Promise<Ending | undefined> {
  const why = reason === "expiring" ? t("The access token was about to expire.") : t("The FHIR server refused the access token (401).");
  const blocker = refreshBlocker(client, grantedScope);
  if (blocker) return [t("Your session has ended: the sign-in expired."), `${why} ${blocker}`];
  try {
    await client.refresh();
    return undefined;
  } catch (error) {
    return [t("Your session has ended: the EHR would not renew the sign-in."), `${why} ${t("The refresh failed: {message}", { message: error instanceof Error ? error.message : String(error) })}`];
  }
}

/** The FHIR server refused the token again after a refresh: the session ends. */
export function refusedAfterRefresh(said: string): Ending {
  return [t("Your session has ended: the FHIR server no longer accepts the sign-in."), t("After a refresh: {message}", { message: said })];
}
