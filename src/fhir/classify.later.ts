/**
 * What fhirclient's `ready()` threw (and what the authorization server put in the redirect), as one SessionError
 * with its own message per cause. Loaded only when a sign-in fails (session.ts).
 */
import type { LaunchRecord } from "./launchRecord";
import { t } from "../i18n/i18n";
import { SessionError, startOver, type LaunchKind } from "./sessionErrors";

const MAX_SERVER_TEXT = 500;

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

function authorizationMessage(code: string, kind: LaunchKind | undefined): string {
  switch (code) {
    case "access_denied":
      return kind === "standalone"
        ? t("You did not allow the app to see your records, so it cannot show them.")
        : t("Access to the patient's records was not granted, so the app cannot show them.");
    case "invalid_scope":
      return t("The sign-in service refused the permissions the app asked for. An administrator may need to allow them for this app.");
    case "invalid_client":
    case "unauthorized_client":
      return t("The sign-in service does not allow this app to sign in. Ask the EHR's administrator to check the app's registration (its client id).");
    case "server_error":
    case "temporarily_unavailable":
      return t("The sign-in service had a problem and could not sign the app in. Try again in a moment.");
    default:
      return t("The sign-in service refused the app's request ({code}).", { code });
  }
}

/** The OAuth error code of a failed token request: fhirclient appends `error: error_description` as the last line. */
export function oauthErrorOf(message: string): { code: string; description?: string } | undefined {
  const last = message.split("\n").at(-1) ?? "";
  const m = /^([a-z_]+)(?::\s([\s\S]*))?$/.exec(last);
  return m ? { code: m[1]!, description: m[2] } : undefined;
}

function tokenMessage(error: unknown, detail: string): string {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status !== "number") {
    return error instanceof TypeError
      ? t("The app could not reach the EHR's sign-in service to finish signing in. Check the connection.")
      : t("The EHR's sign-in service did not return an access token.");
  }
  const oauth = oauthErrorOf(detail);
  if (oauth?.code === "invalid_grant") {
    return t("The EHR's sign-in service refused the sign-in code: it may have expired or been used already.");
  }
  if (oauth?.code === "invalid_client" || oauth?.code === "unauthorized_client") {
    return t("The EHR's sign-in service does not accept this app (its client id). Ask the EHR's administrator to check the app's registration.");
  }
  return t("The EHR's sign-in service could not finish signing in (HTTP {status}).", { status: oauth ? `${status}, ${oauth.code}` : String(status) });
}

/** Turns what `ready()` threw into a SessionError. `params` is the redirect's query; `record` the launch's, if known. */
export function classify(error: unknown, params: URLSearchParams, record: LaunchRecord | undefined): SessionError {
  const detail = error instanceof Error ? error.message : String(error);
  const base = { relaunchUrl: record?.launchUrl, launchKind: record?.kind };
  const code = params.get("error");
  if (code) {
    const description = params.get("error_description")?.slice(0, MAX_SERVER_TEXT) || undefined;
    const kind = code === "access_denied" ? "authorization-denied" : "authorization-error";
    const uri = params.get("error_uri");
    return new SessionError(kind, () => `${authorizationMessage(code, record?.kind)} ${startOver(record?.kind)}`, {
      ...base,
      serverSaid: description,
      detail: [`error=${code}`, description && `error_description=${description}`, uri && `error_uri=${uri}`].filter(Boolean).join("\n"),
    });
  }
  if (error instanceof DOMException && error.name === "SecurityError") {
    return new SessionError("storage-blocked", storageBlocked, { ...base, detail });
  }
  if (/No 'state' parameter found/i.test(detail)) {
    return new SessionError("no-launch", () => t("The app was opened without a launch. Open it from your EHR, or start it from its launch page."), { detail });
  }
  if (/No state found/i.test(detail)) {
    return unknownState(detail);
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === "number" || error instanceof TypeError || /access token/i.test(detail)) {
    return new SessionError("token-failed", () => `${tokenMessage(error, detail)} ${startOver(record?.kind)}`, { ...base, detail });
  }
  return new SessionError("failed", () => `${t("The sign-in could not be completed.")} ${startOver(record?.kind)}`, { ...base, detail });
}

