/**
 * The graph page's screen while it signs in, and the frame of every screen around the chart. The screens for what
 * went wrong (SessionScreens.later.tsx) load when needed; until they are in, `PlainScreen` already says what
 * happened, so no failure waits on a download to be shown (or goes unsaid if the download fails).
 */
import type { ReactNode } from "react";
import { t } from "../i18n/i18n";

export function Screen({ status, children }: { readonly status: string; readonly children: ReactNode }) {
  return (
    <main className="page session-screen">
      <h1>{t("Lab graph")}</h1>
      <p role="status">{status}</p>
      {children}
    </main>
  );
}

export function SigningIn() {
  return <Screen status={t("Signing in…")}>{null}</Screen>;
}

/** A screen that says what happened in a sentence, while the full screen (with the way forward) loads. */
export function PlainScreen({ status, message }: { readonly status: string; readonly message?: string }) {
  return (
    <Screen status={status}>
      {message && (
        <div role="alert" className="alert">
          <p>{message}</p>
        </div>
      )}
    </Screen>
  );
}
