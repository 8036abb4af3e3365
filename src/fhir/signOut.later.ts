/**
 * Sign-out's talk with the EHR (RFC 7009 revocation), loaded only when the user signs out: each token revoked in
 * its own attempt, never over plain http unless the FHIR server is on http too, never following a redirect (a
 * 307 would re-send the token in the body wherever it points). Returns what the app tells the user.
 */
import { tokenEndpointAllowed } from "./urls";
import { t } from "../i18n/i18n";

export type TokenToRevoke = readonly [token: string | undefined, hint: "refresh_token" | "access_token"];

async function revoke(endpoint: string, token: string, hint: string, clientId: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token, token_type_hint: hint, client_id: clientId }),
      redirect: "manual",
    });
  } catch {
    throw new Error(t("it could not be reached"));
  }
  if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
    throw new Error(t("it answered with a redirect, which the app does not follow with a token"));
  }
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

/** Revokes each token at `endpoint` (when it may be sent one) and says how the sign-out went. Never throws. */
export async function revocationMessage(endpoint: string | undefined, serverUrl: string, clientId: string, tokens: readonly TokenToRevoke[]): Promise<string> {
  if (!endpoint) {
    return t("You are signed out of the app on this device. This EHR offers the app no way to cancel the sign-in itself; it ends when it expires.");
  }
  if (!tokenEndpointAllowed(endpoint, serverUrl)) {
    return t("You are signed out of the app on this device. The EHR's cancellation address ({address}) is not secure (https), so the app did not send it your sign-in; it ends when it expires.", { address: URL.parse(endpoint)?.origin ?? endpoint });
  }
  const failures: string[] = [];
  // One attempt per token: a refused refresh-token revocation must not spare the access token.
  for (const [token, hint] of tokens) {
    if (!token) continue;
    try {
      await revoke(endpoint, token, hint, clientId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(hint === "refresh_token" ? t("the refresh token: {message}", { message }) : t("the access token: {message}", { message }));
    }
  }
  return failures.length
    ? t("You are signed out of the app on this device, but the EHR could not be told to cancel all of the sign-in ({failures}); what was not cancelled ends when it expires.", { failures: failures.join("; ") })
    : t("You are signed out. The EHR has cancelled the app's sign-in, and the app keeps nothing of it on this device.");
}
