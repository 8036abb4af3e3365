/**
 * When a failed FHIR read is worth another try, and when. Only reads are retried (every FHIR request the app
 * sends is a GET), only for answers that can change on their own — no answer at all, 408, 429, 500, 502, 503,
 * 504 — with exponential backoff, or after the server's `Retry-After` when it says, within a bound: a server
 * that asks for a long wait gets a message instead of a page that hangs.
 */
import { t } from "../i18n/i18n";

export interface RetryPolicy {
  /** Tries in all, the first one included. */
  readonly attempts: number;
  /** Backoff before the second try; doubled for each further one, with ±20 % jitter. */
  readonly baseDelayMs: number;
  /** The longest `Retry-After` the app waits for by itself. */
  readonly maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxWaitMs: 10_000 };

const RETRYABLE = new Set([0, 408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE.has(status);
}

/** `Retry-After` in milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT") has a month name; Date.parse would also read "-1".
  const date = /[a-z]{3}/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false; readonly why?: string };

/**
 * Whether to try again after try number `attempt` (1-based) failed with `status` (0: no answer), and after how
 * long. `random` is in [0, 1).
 */
export function retryDecision(status: number, retryAfter: string | null | undefined, attempt: number, policy: RetryPolicy, now: number, random: number): RetryDecision {
  if (!isRetryableStatus(status) || attempt >= policy.attempts) return { retry: false };
  const asked = retryAfterMs(retryAfter, now);
  if (asked !== undefined) {
    if (asked > policy.maxWaitMs) return { retry: false, why: t("It asked the app to wait {seconds} s before trying again.", { seconds: Math.ceil(asked / 1000) }) };
    return { retry: true, delayMs: asked };
  }
  const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
  return { retry: true, delayMs: Math.round(backoff * (0.8 + 0.4 * random)) };
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
