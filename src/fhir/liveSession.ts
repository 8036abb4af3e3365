/**
 * A signed-in session's life: GETs on the FHIR server with the bearer token, refresh before expiry and once
 * after a 401, the end of the session when no refresh is possible, and sign-out with revocation.
 * The app sends FHIR requests itself rather than through fhirclient's `request()`, which wipes the stored
 * session on the first 401 (so it could never refresh then) and follows links to any origin.
 */
import { t, tn } from "../i18n/i18n";
import { FhirRequestError, describeStatus, outcomeText } from "./errors";
import { DEFAULT_RETRY, retryDecision, sleep, type RetryPolicy } from "./retry";
import { grantsRefresh } from "./scopes";
import { isOnFhirServer, resolveOnServer } from "./urls";
import { startOver, type LaunchKind } from "./sessionErrors";
import type { Ending, RenewReason } from "./renewal.later";
import type * as AnswerWords from "./answers.later";

export type SessionStatus =
  | { readonly state: "active" }
  | { readonly state: "ended"; readonly message: string; readonly detail: string }
  | { readonly state: "signed-out"; readonly message: string };

/** What the session needs from fhirclient's Client (an interface, so unit tests can fake it). */
export interface SmartClient {
  readonly accessToken: () => string | undefined;
  readonly refreshToken: () => string | undefined;
  /** Expiry of the access token, in seconds since the epoch, when the server said. */
  readonly expiresAt: () => number | undefined;
  /** Exchanges the refresh token for new tokens (fhirclient's `refresh()`), keeping them in sessionStorage. */
  readonly refresh: () => Promise<void>;
  /** Drops the tokens from storage (session ended), or the whole launch (sign-out). */
  readonly forget: (everything: boolean) => Promise<void>;
}

export interface LiveSessionOptions {
  readonly serverUrl: string;
  readonly clientId: string;
  readonly grantedScope: string;
  readonly launchKind: LaunchKind | undefined;
  readonly revocationEndpoint: string | undefined;
  /** How failed reads are retried; tests shorten it. */
  readonly retry?: RetryPolicy;
}

export interface LiveSession {
  /**
   * GETs a URL on the FHIR server (relative to the base, or absolute under it) with the bearer token; with `form`,
   * POSTs it as a form body instead (a search by POST, FHIR R4 http.html#search), read and retried as a GET is.
   */
  get<T>(url: string, signal?: AbortSignal, form?: URLSearchParams): Promise<T>;
  /** Active, ended (tokens refused and not renewable) or signed out; `subscribe` hears every change. */
  status(): SessionStatus;
  subscribe(listener: () => void): () => void;
  /** Revokes the tokens where the server allows it and forgets the launch; never throws for a failed revocation. */
  signOut(): Promise<void>;
}

/** What renews the tokens, and says why a session ends: loaded only when a token expires or is refused. */
const renewal = () => import("./renewal.later");

/** Refresh this many seconds before the access token expires (as fhirclient does). */
const EXPIRY_MARGIN_S = 10;
const ACTIVE: SessionStatus = { state: "active" };

/** The session ended: requests fail with 401 and the app shows the relaunch screen. */
export class SessionEndedError extends FhirRequestError {}

/**
 * The FHIR server answered a request that carried the token with a redirect. Requests with a token never follow
 * one (`redirect: "manual"`): a 3xx could send the token to a path outside the FHIR base, or re-send a body. Not
 * retried: the same request would be redirected again.
 */
export class RedirectRefusedError extends FhirRequestError {}

async function errorFrom(response: Response, url: string, ...more: (string | undefined)[]): Promise<FhirRequestError> {
  let diagnostics: string | undefined;
  try {
    diagnostics = outcomeText(await response.json());
  } catch {
    diagnostics = undefined;
  }
  const text = [describeStatus(response.status), diagnostics, ...more].filter(Boolean).join(" ");
  return new FhirRequestError(text, response.status, url);
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/**
 * What the app says about an answer it cannot use (answers.later.ts, loaded only now); if even that cannot load,
 * that the app's own code could not.
 */
async function unusable(say: (words: typeof AnswerWords) => string): Promise<string> {
  try {
    return say(await import("./answers.later"));
  } catch {
    return t("The app could not load. Check your connection, then reload the page.");
  }
}

/** The body as JSON; a body that is cut off or not JSON is the server's failure, said in words. */
async function readJson<T>(response: Response, url: string): Promise<T> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new FhirRequestError(describeStatus(0), 0, url);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new FhirRequestError(await unusable((words) => words.notJson(text.length)), response.status, url);
  }
}

export function createLiveSession(client: SmartClient, options: LiveSessionOptions, now: () => number = Date.now, random: () => number = Math.random): LiveSession {
  const retry = options.retry ?? DEFAULT_RETRY;
  let status: SessionStatus = ACTIVE;
  let renewing: Promise<Ending | undefined> | undefined;
  const listeners = new Set<() => void>();

  function setStatus(next: SessionStatus): void {
    status = next;
    for (const listener of listeners) listener();
  }

  function end(message: string, detail: string, url = options.serverUrl): SessionEndedError {
    if (status.state === "active") {
      setStatus({ state: "ended", message: `${message} ${startOver(options.launchKind)}`, detail });
      void client.forget(false);
    }
    return new SessionEndedError(status.state === "ended" ? status.message : message, 401, url);
  }

  /** A refresh token the granted scope lets the app use (renewal.later.ts says why not, when not). */
  const canRefresh = () => Boolean(client.refreshToken()) && grantsRefresh(options.grantedScope);

  /**
   * One refresh at a time, whoever asks; when it is not possible or fails, the session ends. What renews (and its
   * words) loads only now: a chunk that cannot be fetched is a failure to reach the server, retried as one.
   */
  async function renew(reason: RenewReason, url: string): Promise<void> {
    renewing ??= renewal()
      .then(
        ({ refreshOrEnd }) => refreshOrEnd(client, options.grantedScope, reason),
        () => {
          throw new FhirRequestError(describeStatus(0), 0, url);
        },
      )
      .finally(() => {
        renewing = undefined;
      });
    const ending = await renewing;
    if (ending) throw end(...ending, url);
  }

  async function send(url: string, token: string | undefined, signal: AbortSignal | undefined, form: URLSearchParams | undefined): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        // A form body goes as application/x-www-form-urlencoded, which needs no CORS preflight of its own.
        method: form && "POST",
        body: form,
        headers: { accept: "application/fhir+json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        redirect: "manual",
        signal,
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new FhirRequestError(describeStatus(0), 0, url);
    }
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
      throw new RedirectRefusedError(await unusable((words) => words.redirected()), response.status, url);
    }
    return response;
  }

  /** The access token, refreshed first when it is about to expire and a refresh is possible. */
  async function freshToken(url: string): Promise<string | undefined> {
    const expiresAt = client.expiresAt();
    if (expiresAt !== undefined && expiresAt - EXPIRY_MARGIN_S < now() / 1000 && canRefresh()) {
      await renew("expiring", url);
    }
    return client.accessToken();
  }

  /** One GET with the token; a 401 gets one refresh and one more try, then ends the session. */
  async function authorizedGet(absolute: string, signal: AbortSignal | undefined, form: URLSearchParams | undefined): Promise<Response> {
    if (status.state !== "active") throw new SessionEndedError(status.message, 401, absolute);
    const sent = await freshToken(absolute);
    let response = await send(absolute, sent, signal, form);
    if (response.status === 401) {
      // A request that raced a refresh only needs the new token; otherwise refresh once.
      if (client.accessToken() === sent) await renew("refused", absolute);
      response = await send(absolute, client.accessToken(), signal, form);
      if (response.status === 401) {
        const error = await errorFrom(response, absolute);
        // Loaded by the refresh just made (here or by the request it raced).
        const { refusedAfterRefresh } = await renewal();
        throw end(...refusedAfterRefresh(error.message), absolute);
      }
    }
    return response;
  }

  async function get<T>(url: string, signal?: AbortSignal, form?: URLSearchParams): Promise<T> {
    const absolute = resolveOnServer(url, options.serverUrl) ?? url;
    if (!isOnFhirServer(absolute, options.serverUrl)) {
      const origin = URL.parse(absolute)?.origin ?? absolute;
      throw new FhirRequestError(`The app refused to send your sign-in to ${origin}, which is not the FHIR server.`, 0, absolute);
    }
    for (let attempt = 1; ; attempt++) {
      let response: Response | undefined;
      let failure: FhirRequestError;
      try {
        response = await authorizedGet(absolute, signal, form);
        if (response.ok) return await readJson<T>(response, absolute);
        failure = await errorFrom(response, absolute);
      } catch (error) {
        if (!(error instanceof FhirRequestError) || error instanceof SessionEndedError || error instanceof RedirectRefusedError || error.status !== 0) throw error;
        failure = error;
      }
      const decision = retryDecision(failure.status, response?.headers.get("retry-after"), attempt, retry, now(), random());
      if (!decision.retry) {
        const tried = attempt > 1 ? tn(attempt, "The app tried {count} times.", "The app tried {count} times.") : undefined;
        if (!decision.why && !tried) throw failure;
        throw new FhirRequestError([failure.message, decision.why, tried].filter(Boolean).join(" "), failure.status, absolute);
      }
      await sleep(decision.delayMs, signal);
    }
  }

  async function signOut(): Promise<void> {
    let message: string;
    try {
      // Loaded on use: signing out is one click, never part of the first chart.
      const { revocationMessage } = await import("./signOut.later");
      message = await revocationMessage(options.revocationEndpoint, options.serverUrl, options.clientId, [
        [client.refreshToken(), "refresh_token"],
        [client.accessToken(), "access_token"],
      ]);
    } catch {
      message = t("You are signed out of the app on this device, but the app could not load what tells the EHR to cancel the sign-in (check your connection); it ends when it expires.");
    }
    await client.forget(true);
    setStatus({ state: "signed-out", message });
  }

  return {
    get,
    signOut,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
