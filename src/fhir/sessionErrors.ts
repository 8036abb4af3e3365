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

/** A client without an access token: the page was reloaded after a failed exchange, or the session ended. */
export function sessionEnded(record: LaunchRecord | undefined, detail?: string): SessionError {
  return new SessionError("no-token", () => `${t("Your session has ended.")} ${startOver(record?.kind)}`, {
    relaunchUrl: record?.launchUrl,
    launchKind: record?.kind,
    detail,
  });
}
