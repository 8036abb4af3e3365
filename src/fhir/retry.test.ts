import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY, isRetryableStatus, retryAfterMs, retryDecision } from "./retry";

const NOW = 1_700_000_000_000;

describe("retryDecision", () => {
  it("backs off exponentially within ±20 %, for retryable statuses only, and never past the last try", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 599 }), fc.integer({ min: 1, max: 6 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (status, attempt, random) => {
        const decision = retryDecision(status, null, attempt, DEFAULT_RETRY, NOW, random);
        const backoff = DEFAULT_RETRY.baseDelayMs * 2 ** (attempt - 1);
        if (!isRetryableStatus(status) || attempt >= DEFAULT_RETRY.attempts) expect(decision.retry).toBe(false);
        else expect(decision.retry && decision.delayMs).toSatisfy((ms: number) => ms >= Math.floor(backoff * 0.8) && ms <= Math.ceil(backoff * 1.2));
      }),
    );
  });

  it("honours Retry-After up to the bound, and refuses to wait longer", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (seconds) => {
        const decision = retryDecision(503, String(seconds), 1, DEFAULT_RETRY, NOW, 0.5);
        expect(decision).toEqual(seconds * 1000 <= DEFAULT_RETRY.maxWaitMs ? { retry: true, delayMs: seconds * 1000 } : { retry: false, why: expect.stringContaining(`${seconds} s`) });
      }),
    );
  });

  it("retries only no answer, 408, 429, 500, 502, 503 and 504", () => {
    expect([...Array(600).keys()].filter(isRetryableStatus)).toEqual([0, 408, 429, 500, 502, 503, 504]);
  });
});

describe("retryAfterMs", () => {
  it("reads delta-seconds and HTTP dates; ignores what it cannot read", () => {
    expect(retryAfterMs("3", NOW)).toBe(3000);
    expect(retryAfterMs(new Date(NOW + 7000).toUTCString(), NOW)).toBe(7000);
    expect(retryAfterMs(new Date(NOW - 7000).toUTCString(), NOW)).toBe(0);
    for (const bad of [null, undefined, "", "soon", "-1", "1.5"]) expect(retryAfterMs(bad, NOW), String(bad)).toBeUndefined();
  });
});
