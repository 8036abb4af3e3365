/**
 * Why the graph page has no session, in words for people: one SessionError with its own message per cause. What
 * fhirclient's `ready()` throws is read by classify.later.ts, loaded only when a sign-in fails.
 */
import { t } from "../i18n/i18n";
import type { LaunchRecord } from "./launchRecord";

export type SessionErrorKind =
  | "storage-blocked"
  | "no-launch"
  | "unknown-state"
  | "authorization-denied"
  | "authorization-error"
  | "token-failed"
  | "no-token"
  | "failed";

export type LaunchKind = LaunchRecord["kind"];

export interface SessionErrorOptions {
  /** Technical details for the collapsible section. */
  readonly detail?: string;
  /** The authorization server's own words (`error_description`), shown as text. */
  readonly serverSaid?: string;
  /** The launch page URL that starts this launch again, when known. */
  readonly relaunchUrl?: string;
  readonly launchKind?: LaunchKind;
}

export class SessionError extends Error {
  override readonly name = "SessionError";
  /** The message in the language shown now: a failure at start-up happens before the reader's words arrive. */
  readonly say: () => string;

  constructor(
    readonly kind: SessionErrorKind,
    message: string | (() => string),
    readonly options: SessionErrorOptions = {},
  ) {
    const say = typeof message === "string" ? () => message : message;
    super(say());
    this.say = say;
  }
}

/** The sentence that tells the user how to start over. */
export function startOver(kind: LaunchKind | undefined): string {
  return kind === "standalone" ? t("Sign in again to continue.") : t("Launch the app again from your EHR.");
}

/** A frame that may not keep the sign-in (third-party storage blocked). */
export const storageBlocked = () =>
  t("This browser does not let the app keep its sign-in inside the EHR window (storage for embedded apps is blocked, for example by strict privacy settings). Open the app in its own window to continue.");

/** A redirect whose `state` this tab never issued: expired, from another tab, or tampered with. */
export function unknownState(detail: string): SessionError {
  return new SessionError(
    "unknown-state",
    () => t("This sign-in does not belong to this browser tab: it may have expired, been opened in another tab, or been altered. Launch the app again."),
    { detail },
  );
}

/** A client without an access token: the page was reloaded after a failed exchange, or the session ended. */
export function sessionEnded(record: LaunchRecord | undefined, detail?: string): SessionError {
  return new SessionError("no-token", () => `${t("Your session has ended.")} ${startOver(record?.kind)}`, {
    relaunchUrl: record?.launchUrl,
    launchKind: record?.kind,
    detail,
  });
}
