/**
 * The words for a FHIR answer the app cannot use (liveSession.ts): loaded only when one comes, never with the
 * first chart.
 */
import { t, tn } from "../i18n/i18n";

/** The server answered a request that carried the token with a redirect, which the app does not follow. */
export function redirected(): string {
  return t("The FHIR server answered with a redirect to somewhere else. The app does not follow redirects with your sign-in, so nothing was read; the server's administrator can say where the records moved.");
}

/** The body of `length` characters is not JSON (cut off, or something else). */
export function notJson(length: number): string {
  return tn(length, "The FHIR server's answer is not valid JSON ({count} characters, perhaps cut off), so the app cannot read it.", "The FHIR server's answer is not valid JSON ({count} characters, perhaps cut off), so the app cannot read it.");
}
