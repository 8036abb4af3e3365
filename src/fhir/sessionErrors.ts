/**
 * Why the graph page has no session, in words for people: one SessionError with its own message per cause. What
 * fhirclient's `ready()` throws is read by classify.later.ts, loaded only when a sign-in fails.
 */
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

  constructor(
    readonly kind: SessionErrorKind,
    message: string,
    readonly options: SessionErrorOptions = {},
  ) {
    super(message);
  }
}

/** The sentence that tells the user how to start over. */
export function startOver(kind: LaunchKind | undefined): string {
  return kind === "standalone" ? "Sign in again to continue." : "Launch the app again from your EHR.";
}

/** A redirect whose `state` this tab never issued: expired, from another tab, or tampered with. */
export function unknownState(detail: string): SessionError {
  return new SessionError(
    "unknown-state",
    "This sign-in does not belong to this browser tab: it may have expired, been opened in another tab, or been altered. Launch the app again.",
    { detail },
  );
}

/** A client without an access token: the page was reloaded after a failed exchange, or the session ended. */
export function sessionEnded(record: LaunchRecord | undefined, detail?: string): SessionError {
  return new SessionError("no-token", `Your session has ended. ${startOver(record?.kind)}`, {
    relaunchUrl: record?.launchUrl,
    launchKind: record?.kind,
    detail,
  });
}
