/**
 * The graph page's screens for what went wrong: every way a sign-in fails, a session that ended, signed out, a
 * session that cannot show the chart. Each says what happened and what to do next; the technical details fold
 * away. Loaded only when one is needed (with afterChart.later.ts).
 */
import type { Session } from "../fhir/session";
import { SessionError, type LaunchKind } from "../fhir/sessionErrors";
import { t } from "../i18n/i18n";
import { Screen } from "./SessionScreens";
import "./session.css";

const LAUNCH_PAGE = "./launch.html";

function Details({ text }: { readonly text: string | undefined }) {
  if (!text) return null;
  return (
    <details>
      <summary>{t("Details")}</summary>
      <pre>{text}</pre>
    </details>
  );
}

export function Relaunch({ url, kind }: { readonly url: string | undefined; readonly kind: LaunchKind | undefined }) {
  if (!url) return null;
  return (
    <a className="action" href={url}>
      {kind === "standalone" ? t("Sign in again") : t("Launch again")}
    </a>
  );
}

function openLaunchPageInNewWindow(): void {
  window.open(new URL(LAUNCH_PAGE, document.baseURI).href, "_blank", "noopener");
}

/** Why there is no session: one message per cause (see sessionErrors.ts), with the way forward. */
export function SessionFailure({ error }: { readonly error: unknown }) {
  const session = error instanceof SessionError ? error : undefined;
  // In the language shown now (a failure at start-up is older than the reader's words).
  const message = session ? session.say() : error instanceof Error ? error.message : String(error);
  const { detail, serverSaid, relaunchUrl, launchKind } = session?.options ?? {};
  const kind = session?.kind;
  return (
    <Screen status={t("The app could not start.")}>
      <div role="alert" className="alert">
        <p>{message}</p>
        {serverSaid && <p className="server-said">{t("The sign-in service said: “{words}”", { words: serverSaid })}</p>}
        <Details text={detail !== message ? detail : undefined} />
      </div>
      <p className="actions">
        {kind === "storage-blocked" ? (
          <button type="button" onClick={openLaunchPageInNewWindow}>
            {t("Open in a new window")}
          </button>
        ) : relaunchUrl ? (
          <Relaunch url={relaunchUrl} kind={launchKind} />
        ) : (
          <a className="action" href={LAUNCH_PAGE}>
            {t("Go to the launch page")}
          </a>
        )}
      </p>
    </Screen>
  );
}

export function SessionEnded({ message, detail, relaunchUrl, launchKind }: { readonly message: string; readonly detail: string; readonly relaunchUrl: string | undefined; readonly launchKind: LaunchKind | undefined }) {
  return (
    <Screen status={t("Session ended.")}>
      <div role="alert" className="alert">
        <p>{message}</p>
        <Details text={detail} />
      </div>
      <p className="actions">
        <Relaunch url={relaunchUrl} kind={launchKind} />
      </p>
    </Screen>
  );
}

export function SignedOut({ message, relaunchUrl, launchKind }: { readonly message: string; readonly relaunchUrl: string | undefined; readonly launchKind: LaunchKind | undefined }) {
  return (
    <Screen status={message}>
      <p className="actions">
        <Relaunch url={relaunchUrl} kind={launchKind} />
      </p>
    </Screen>
  );
}

/** A session that cannot show the chart: no patient in context, or no permission to read results. */
/** Why the app cannot show results for this launch, in words: no patient in the launch, or no Observation scope. */
export function CannotShow({ reason, session }: { readonly reason: "no-patient" | "no-permission"; readonly session: Pick<Session, "patientFacing" | "grantedScope"> }) {
  const noPatient = reason === "no-patient";
  return (
    <Screen status={noPatient ? t("No patient.") : t("No permission to read results.")}>
      <div role="alert" className="alert">
        <p>
          {noPatient
            ? t("The EHR did not say which patient to show. Open the app from a patient's chart.")
            : session.patientFacing
              ? t("The sign-in service did not give the app permission to read lab results (Observation), so it cannot show them. Ask the EHR's administrator to allow it, then sign in again.")
              : t("The EHR did not give the app permission to read lab results (Observation), so it cannot show them. Ask the EHR's administrator to allow it, then sign in again.")}
        </p>
        {!noPatient && <Details text={t("Granted scope: {scope}", { scope: session.grantedScope || t("(none)") })} />}
      </div>
    </Screen>
  );
}
