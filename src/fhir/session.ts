/**
 * The graph page's SMART session: completes the code exchange with fhirclient's `ready()` (exactly once per
 * page load) and wraps the client in the small interface the rest of the app uses.
 */
import FHIR from "fhirclient";
import type Client from "fhirclient/lib/Client";
import { FhirRequestError, describeStatus, outcomeText } from "./errors";
import { isOnFhirServer } from "./urls";

export interface Session {
  /** The FHIR base URL. */
  readonly serverUrl: string;
  readonly patientId: string | undefined;
  readonly encounterId: string | undefined;
  /** `need_patient_banner`, which some EHRs send as the string "true"/"false". Defaults to true. */
  readonly needPatientBanner: boolean;
  readonly styleUrl: string | undefined;
  /** The scope the server granted (which can differ from the one asked for). */
  readonly grantedScope: string;
  /** GETs a URL on the FHIR server (relative to the base, or absolute under it) with the bearer token. */
  get<T>(url: string, signal?: AbortSignal): Promise<T>;
}

export type SessionErrorKind = "storage-blocked" | "no-launch" | "unknown-state" | "authorization-denied" | "token-failed" | "no-token" | "failed";

export class SessionError extends Error {
  override readonly name = "SessionError";

  constructor(
    readonly kind: SessionErrorKind,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

function bannerFlag(value: unknown): boolean {
  if (value === false || value === "false") return false;
  return true;
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Turns what fhirclient's `ready()` throws into a SessionError with a message for people. */
function classify(error: unknown, params: URLSearchParams): SessionError {
  const detail = errorDetail(error);
  const authError = params.get("error");
  if (authError) {
    const description = params.get("error_description");
    const message =
      authError === "access_denied"
        ? "Access to your records was not granted, so the app cannot show them."
        : `The sign-in service refused the app's request (${authError}).`;
    return new SessionError("authorization-denied", message, description ?? detail);
  }
  if (/No 'state' parameter found/i.test(detail)) {
    return new SessionError("no-launch", "The app was opened without a launch. Open it from your EHR, or start it from its launch page.", detail);
  }
  if (/No state found/i.test(detail)) {
    return new SessionError("unknown-state", "This sign-in does not belong to this browser session (it may have expired or been opened in another tab). Launch the app again.", detail);
  }
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number") {
    return new SessionError("token-failed", `The sign-in could not be completed: the EHR's token service answered ${status}.`, detail);
  }
  if (error instanceof DOMException && error.name === "SecurityError") {
    return new SessionError("storage-blocked", "This browser does not let the app keep its sign-in inside the EHR window.", detail);
  }
  return new SessionError("failed", "The sign-in could not be completed.", detail);
}

/**
 * The JSON body of a failed fhirclient request. fhirclient reads the body before it throws and appends it to
 * the message after a blank line, so that is where it is found.
 */
function jsonBodyOf(error: unknown): unknown {
  const message = errorDetail(error);
  const start = message.indexOf("\n\n");
  if (start < 0) return undefined;
  try {
    return JSON.parse(message.slice(start + 2));
  } catch {
    return undefined;
  }
}

function wrap(client: Client): Session {
  const token = client.state.tokenResponse ?? {};
  const serverUrl = client.state.serverUrl;
  return {
    serverUrl,
    patientId: typeof token.patient === "string" ? token.patient : undefined,
    encounterId: typeof token.encounter === "string" ? token.encounter : undefined,
    needPatientBanner: bannerFlag(token.need_patient_banner),
    styleUrl: typeof token.smart_style_url === "string" ? token.smart_style_url : undefined,
    grantedScope: typeof token.scope === "string" ? token.scope : "",
    async get<T>(url: string, signal?: AbortSignal): Promise<T> {
      const absolute = new URL(url, serverUrl.endsWith("/") ? serverUrl : `${serverUrl}/`).href;
      if (!isOnFhirServer(absolute, serverUrl)) {
        throw new FhirRequestError(`The app refused to send your sign-in to ${new URL(absolute).origin}, which is not the FHIR server.`, 0, absolute);
      }
      try {
        return (await client.request<T>({ url: absolute, signal })) as T;
      } catch (error) {
        if (error instanceof DOMException && error.name === "AbortError") throw error;
        const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : 0;
        const diagnostics = outcomeText(jsonBodyOf(error));
        throw new FhirRequestError(diagnostics ? `${describeStatus(status)} ${diagnostics}` : describeStatus(status), status, absolute);
      }
    },
  };
}

/**
 * fhirclient removes `code` and `state` from the address bar after the exchange; the authorization server's
 * `iss` (RFC 9207) stays behind. Nothing of the authorization response should outlive it there.
 */
function cleanAddressBar(): void {
  const url = new URL(window.location.href);
  for (const name of ["code", "state", "iss", "session_state"]) url.searchParams.delete(name);
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url.href);
}

/** Completes the SMART authorization. Call once per page load (a second call would post the code twice). */
export async function startSession(): Promise<Session> {
  const params = new URLSearchParams(window.location.search);
  try {
    window.sessionStorage.getItem("SMART_KEY");
  } catch (error) {
    throw classify(error, params);
  }
  let client: Client;
  try {
    client = await FHIR.oauth2.ready();
  } catch (error) {
    throw classify(error, params);
  }
  cleanAddressBar();
  if (!client.state.tokenResponse?.access_token) {
    throw new SessionError("no-token", "Your session has ended. Launch the app again from your EHR.");
  }
  return wrap(client);
}
