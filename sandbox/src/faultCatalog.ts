/**
 * Simulated errors and fault modes: one typed list, chosen per launch (`error=<name>` on `/launch`, `/ehr`, the
 * EHR page, seed 002's get-launch-uri `ctx.error`) or per token (`POST /auth/debug/token` `error`). The name
 * travels in the signed launch value and is kept with the grant, so every token of that launch carries it.
 *
 * `stage` says where the fault acts:
 * - `authorize`: the authorization request fails (the launch never reaches the app's redirect with a code);
 * - `token`: the token endpoint (token lifetimes, refresh);
 * - `fhir`: the FHIR requests of the launch (every one, or those its summary names);
 * - `search`: Observation search pages only (reads of Patient, Encounter… are unaffected), so an app gets as
 *   far as its lab query before the fault shows.
 */

export type FaultStage = "authorize" | "token" | "fhir" | "search";

export interface FaultInfo {
  readonly stage: FaultStage;
  /** What happens, for the EHR page and docs/sandbox.md. */
  readonly summary: string;
}

/** Delay of `fhir_slow` responses. */
export const SLOW_MS = 3000;
/**
 * Lifetime of access tokens under `expired_access_token` / `expired_refresh_token`: short enough that an app refreshes
 * before every request, long enough to use. Token times are whole seconds (`exp` = issued second + lifetime), so a
 * token lives between lifetime − 1 and lifetime seconds: at 1 s, one issued late in its second was dead on arrival.
 */
export const SHORT_TOKEN_SECONDS = 3;
/** `Retry-After` seconds of the 503 / 429 faults. */
export const RETRY_AFTER_SECONDS = 1;
/** `fhir_401_later`: FHIR requests that succeed before the grant is revoked. */
export const REQUESTS_BEFORE_REVOKE = 2;
/** Set on `window` by the markup of `access_denied_markup` and `fhir_markup`, should a page ever run it. */
export const MARKUP_RAN = "__markupRan";
/** Markup and script, as a hostile or careless server could put in any text: a page must show it as text. */
export const MARKUP = `<img src=x onerror="window.${MARKUP_RAN}=1"><script>window.${MARKUP_RAN}=2</script><b>bold</b>`;

export const FAULTS = {
  invalid_client: {
    stage: "authorize",
    summary: "The authorization server does not recognize the client: an error page, no redirect to the app.",
  },
  invalid_redirect: {
    stage: "authorize",
    summary: "The redirect URI is refused: an error page, no redirect to the app.",
  },
  invalid_scope: {
    stage: "authorize",
    summary: "Redirects back to the app with error=invalid_scope.",
  },
  access_denied: {
    stage: "authorize",
    summary: "Redirects back to the app with error=access_denied (the user declined).",
  },
  access_denied_markup: {
    stage: "authorize",
    summary: "Redirects back to the app with error=access_denied and an error_description full of HTML markup and script.",
  },
  invalid_token: {
    stage: "fhir",
    summary: "Every FHIR request answers 401 with an OperationOutcome.",
  },
  expired_access_token: {
    stage: "token",
    summary: `Access tokens expire after ${SHORT_TOKEN_SECONDS} s; refresh works.`,
  },
  expired_refresh_token: {
    stage: "token",
    summary: `Access tokens expire after ${SHORT_TOKEN_SECONDS} s and the refresh is refused with invalid_grant.`,
  },
  fhir_500: {
    stage: "fhir",
    summary: "Every FHIR request answers 500 with an OperationOutcome.",
  },
  fhir_slow: {
    stage: "fhir",
    summary: `Every FHIR response is delayed ${SLOW_MS / 1000} s.`,
  },
  fhir_500_once: {
    stage: "search",
    summary: "Each Observation search page answers 500 the first time it is asked for, then succeeds.",
  },
  fhir_503_retry_after: {
    stage: "search",
    summary: `Each Observation search page answers 503 with Retry-After: ${RETRY_AFTER_SECONDS} the first time, then succeeds.`,
  },
  fhir_429_retry_after: {
    stage: "search",
    summary: `Each Observation search page answers 429 with Retry-After: ${RETRY_AFTER_SECONDS} the first time, then succeeds.`,
  },
  fhir_truncated_json: {
    stage: "search",
    summary: "Observation search pages arrive cut off in the middle of the JSON.",
  },
  fhir_not_bundle: {
    stage: "search",
    summary: "Observation searches answer 200 with a resource that is not a Bundle.",
  },
  fhir_next_loop: {
    stage: "search",
    summary: "The second page's next link points back to the first page.",
  },
  fhir_next_foreign: {
    stage: "search",
    summary: "The first page's next link points to another origin (a listener that records what reaches it).",
  },
  fhir_gone_later_page: {
    stage: "search",
    summary: "Every page after the first answers 410 Gone (an expired search, as HAPI does).",
  },
  fhir_gone_once: {
    stage: "search",
    summary: "The first request for a later page answers 410 Gone; the search works when restarted.",
  },
  fhir_401_later: {
    stage: "fhir",
    summary: `After ${REQUESTS_BEFORE_REVOKE} FHIR requests the launch's authorization is revoked: 401 from then on, refresh refused.`,
  },
  fhir_empty_page: {
    stage: "search",
    summary: "The second page has no entries but still links to the third.",
  },
  fhir_duplicates: {
    stage: "search",
    summary: "Each page after the first repeats the previous page's last entry.",
  },
  fhir_next_endless: {
    stage: "search",
    summary: "Every page links to a further one, forever (empty pages past the end): only a page cap stops a client.",
  },
  fhir_search_outcome: {
    stage: "search",
    summary: "Every Observation search page also carries an OperationOutcome entry (search.mode outcome): Epic's warning that the response may not contain the entire record.",
  },
  fhir_markup: {
    stage: "fhir",
    summary: "Patient names and Observation texts (code, notes, performer, reference range) carry HTML markup and script.",
  },
  medication_request_forbidden: {
    stage: "fhir",
    summary: "MedicationRequest searches and reads answer 403 (the server does not share prescriptions with this app); every other request works.",
  },
} as const satisfies Record<string, FaultInfo>;

export type FaultName = keyof typeof FAULTS;

export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

export function isFaultName(value: unknown): value is FaultName {
  return typeof value === "string" && Object.hasOwn(FAULTS, value);
}

export function faultStage(name: FaultName | undefined): FaultStage | undefined {
  return name === undefined ? undefined : FAULTS[name].stage;
}
