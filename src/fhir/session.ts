/**
 * The graph page's SMART session: completes the code exchange with fhirclient's `ready()` (exactly once per
 * page load) and wraps the client in the small interface the rest of the app uses.
 */
import FHIR from "fhirclient";
import type Client from "fhirclient/lib/Client";
import { createLiveSession, type LiveSession, type SmartClient } from "./liveSession";
import { readLaunchRecord, removeLaunchRecord, type LaunchRecord } from "./launchRecord";
import { SessionError, sessionEnded, startOver, type LaunchKind } from "./sessionErrors";
import { isOnFhirServer } from "./urls";
import { preflightSearch } from "./observations";
import { sessionStorageAvailable } from "./storage";
import { t } from "../i18n/i18n";

export type { SessionStatus } from "./liveSession";

/** The signed-in user, from the id_token's `fhirUser` claim (decoded, not verified: for display only). */
export interface SignedInUser {
  readonly resourceType: string;
  readonly id: string;
}

export interface Session extends LiveSession {
  /** The FHIR base URL. */
  readonly serverUrl: string;
  readonly patientId: string | undefined;
  readonly encounterId: string | undefined;
  /** `need_patient_banner`, which some EHRs send as the string "true"/"false". Defaults to true. */
  readonly needPatientBanner: boolean;
  readonly styleUrl: string | undefined;
  /** The scope the server granted (which can differ from the one asked for). */
  readonly grantedScope: string;
  readonly user: SignedInUser | undefined;
  readonly launchKind: LaunchKind | undefined;
  /** The user is the patient (a standalone patient launch): the app speaks to them as "you". */
  readonly patientFacing: boolean;
  /** The launch page URL that starts this launch again, when known. */
  readonly relaunchUrl: string | undefined;
  /** The app's settings for this launch as the launch page kept them, unread here (src/app/appSession.ts reads them). */
  readonly launchSettings: unknown;
}

// A public client must name itself when it refreshes; fhirclient leaves client_id out unless told.
FHIR.oauth2.settings.refreshTokenWithClientId = true;

/** history.state entry naming this page's launch, so that a reload never picks up another launch's state. */
const HISTORY_KEY = "labGraphLaunch";

export function bannerFlag(value: unknown): boolean {
  return !(value === false || value === "false");
}

export function parseFhirUser(value: string | null | undefined): SignedInUser | undefined {
  const m = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(value ?? "");
  return m ? { resourceType: m[1]!, id: m[2]! } : undefined;
}

function pinnedLaunch(): string | undefined {
  const state: unknown = window.history.state;
  const key = state && typeof state === "object" ? (state as Record<string, unknown>)[HISTORY_KEY] : undefined;
  return typeof key === "string" ? key : undefined;
}

/**
 * Removes what the authorization server put in the address bar (code, state, errors, RFC 9207 `iss`) and
 * pins this page to its launch in history.state, which survives reloads but not a new tab.
 */
function cleanAddressBar(stateKey: string | undefined): void {
  const url = new URL(window.location.href);
  for (const name of ["code", "state", "iss", "session_state", "error", "error_description", "error_uri"]) url.searchParams.delete(name);
  const state: unknown = window.history.state;
  const kept = state && typeof state === "object" ? state : {};
  window.history.replaceState(stateKey ? { ...kept, [HISTORY_KEY]: stateKey } : kept, "", url.href);
}

/**
 * The id_token's `fhirUser` (or SMART v1's `profile`) when it names a resource on this FHIR server: an absolute
 * URL elsewhere names someone the app cannot look up here, so it is not shown as the signed-in user.
 */
function signedInUser(client: Client, serverUrl: string): SignedInUser | undefined {
  const token = client.getIdToken();
  const claim: unknown = token?.fhirUser ?? token?.profile;
  if (typeof claim !== "string") return undefined;
  if (/^https?:\/\//i.test(claim) && !isOnFhirServer(claim, serverUrl)) return undefined;
  return parseFhirUser(claim.split("/").slice(-2).join("/"));
}

function smartClient(client: Client): SmartClient {
  const storage = client.environment.getStorage();
  return {
    accessToken: () => client.state.tokenResponse?.access_token,
    refreshToken: () => client.state.tokenResponse?.refresh_token,
    expiresAt: () => client.state.expiresAt,
    refresh: async () => {
      await client.refresh();
    },
    async forget(everything) {
      const key = client.state.key ?? "";
      if (!everything) {
        client.state.tokenResponse = {};
        await storage.set(key, client.state);
        return;
      }
      await storage.unset(key);
      removeLaunchRecord(key);
      if ((await storage.get("SMART_KEY")) === key) await storage.unset("SMART_KEY");
      window.history.replaceState(null, "", window.location.href);
    },
  };
}

function wrap(client: Client, record: LaunchRecord | undefined): Session {
  const token = client.state.tokenResponse ?? {};
  // RFC 6749 §5.1: no `scope` in the token response means the requested scope was granted. fhirclient reads
  // it before refreshing, so it is filled in where fhirclient looks.
  const grantedScope = typeof token.scope === "string" ? token.scope : (client.state.scope ?? "");
  token.scope = grantedScope;
  const serverUrl = client.state.serverUrl;
  const user = signedInUser(client, serverUrl);
  const live = createLiveSession(smartClient(client), {
    serverUrl,
    clientId: client.state.clientId ?? "",
    grantedScope,
    launchKind: record?.kind,
    revocationEndpoint: record?.revocationEndpoint,
  });
  return {
    ...live,
    serverUrl,
    patientId: typeof token.patient === "string" ? token.patient : undefined,
    encounterId: typeof token.encounter === "string" ? token.encounter : undefined,
    needPatientBanner: bannerFlag(token.need_patient_banner),
    styleUrl: typeof token.smart_style_url === "string" ? token.smart_style_url : undefined,
    grantedScope,
    user,
    launchKind: record?.kind,
    patientFacing: user ? user.resourceType === "Patient" || user.resourceType === "RelatedPerson" : record?.kind === "standalone",
    relaunchUrl: record?.launchUrl,
    launchSettings: record?.settings,
  };
}

/**
 * Why the sign-in failed, in words (classify.later.ts, loaded only now); if even that cannot load, the failure is
 * still said, with what fhirclient reported as the detail.
 */
async function classifyFailure(error: unknown, params: URLSearchParams, record: LaunchRecord | undefined): Promise<SessionError> {
  try {
    return (await import("./classify.later")).classify(error, params, record);
  } catch {
    const detail = error instanceof Error ? error.message : String(error);
    return new SessionError("failed", () => `${t("The sign-in could not be completed.")} ${startOver(record?.kind)}`, { detail, relaunchUrl: record?.launchUrl, launchKind: record?.kind });
  }
}

/** Completes the SMART authorization. Call once per page load (a second call would post the code twice). */
export async function startSession(): Promise<Session> {
  const params = new URLSearchParams(window.location.search);
  // Said by classify.later.ts, as what fhirclient would throw then: a SecurityError.
  if (!sessionStorageAvailable()) throw await classifyFailure(new DOMException("sessionStorage is not available.", "SecurityError"), new URLSearchParams(), undefined);
  const stateParam = params.get("state");
  const pinned = pinnedLaunch();
  let client: Client;
  try {
    // An authorization error counts only when it answers a request this tab made (OAuth: check state first): its
    // state must name a launch record the launch page wrote for it, not merely any item in sessionStorage (such
    // as fhirclient's own SMART_KEY).
    if (params.has("error") && !readLaunchRecord(stateParam)) {
      throw await classifyFailure(new Error(`No state found: error=${params.get("error")} answers a state this tab did not issue.`), new URLSearchParams(), undefined);
    }
    // While the code is exchanged, the lab search's preflight (observations.ts), on the FHIR server this launch
    // authorized as the launch page kept it in fhirclient's state (none kept: fhirclient says so next).
    if (stateParam && params.has("code")) {
      try {
        preflightSearch(String((JSON.parse(sessionStorage.getItem(stateParam) ?? "{}") as { serverUrl?: unknown }).serverUrl));
      } catch {
        // Not JSON: fhirclient's ready() says so below.
      }
    }
    client = await FHIR.oauth2.ready(stateParam || !pinned ? undefined : { stateKey: pinned });
  } catch (error) {
    cleanAddressBar(undefined);
    if (error instanceof SessionError) throw error;
    throw await classifyFailure(error, params, readLaunchRecord(stateParam ?? pinned));
  }
  const key = client.state.key;
  const record = readLaunchRecord(key);
  if (!client.state.tokenResponse?.access_token) {
    cleanAddressBar(key);
    throw sessionEnded(record, "No access token is stored.");
  }
  const session = wrap(client, record);
  // fhirclient has already taken the code out of the address bar. The rest of the cleaning, and the pin, wait for
  // the next task: the first reads go out before it, since nothing but them may run between the token's arrival and
  // those requests (history.replaceState waits on the browser, which is busy receiving the page's chunks then). A
  // session signed out meanwhile is not pinned again.
  setTimeout(() => cleanAddressBar(session.status().state === "signed-out" ? undefined : key));
  return session;
}
