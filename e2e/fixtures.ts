/**
 * Shared e2e fixtures. Every test records the requests that carry an Authorization header and fails if one
 * goes anywhere but the sandbox's origin: the bearer token must never leave the FHIR server.
 */
import { test as base, expect, type Page } from "@playwright/test";

export const SANDBOX = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 4400}`;
export const FHIR_BASE = `${SANDBOX}/fhir`;
export const APP = `http://localhost:${process.env.APP_PORT ?? 5173}`;
export const APP_LAUNCH = `${APP}/launch.html`;

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly authorization: string | undefined;
}

export const test = base.extend<{ requests: RecordedRequest[] }>({
  requests: [
    async ({ context }, use) => {
      const requests: RecordedRequest[] = [];
      context.on("request", (request) => {
        requests.push({ url: request.url(), method: request.method(), authorization: request.headers().authorization });
      });
      await use(requests);
      const leaked = requests.filter((r) => r.authorization?.startsWith("Bearer") && new URL(r.url).origin !== SANDBOX);
      expect(leaked, "bearer tokens sent outside the FHIR server").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the sandbox EHR's launch endpoint for a patient (as the EHR's Launch button does). */
export async function launchFromEhr(page: Page, patient: string, options: Record<string, string> = {}): Promise<void> {
  const params = new URLSearchParams({ app: APP_LAUNCH, patient, ...options });
  await page.goto(`${SANDBOX}/launch?${params}`);
}
