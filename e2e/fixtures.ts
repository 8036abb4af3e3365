/**
 * Shared e2e fixtures. Every test records every request the browser makes and, at the end, fails if the
 * bearer token went anywhere but the FHIR server: an Authorization header only on a FHIR base of the sandbox,
 * and no token the sandbox issued (seen in its token responses) in any URL, or in any header or body sent to
 * another origin.
 */
import { test as base, expect, type Page, type Request } from "@playwright/test";

export const SANDBOX = `http://127.0.0.1:${process.env.SANDBOX_PORT ?? 4400}`;
export const FHIR_BASE = `${SANDBOX}/fhir`;
export const APP = `http://localhost:${process.env.APP_PORT ?? 5173}`;
export const APP_LAUNCH = `${APP}/launch.html`;

export interface RecordedRequest {
  readonly url: string;
  readonly method: string;
  readonly authorization: string | undefined;
  /** The body, if any. */
  readonly postData: string | null;
  /** Every header value and the body, to look for tokens in. */
  readonly sent: string;
}

/**
 * The Observation search a request sent, as the URL of the same search by GET: a GET of `<base>/Observation?…`, or
 * a search by POST to `<base>/Observation/_search` with its parameters as a form (how the app asks for a first
 * page); undefined for any other request. Takes a recorded request or a Playwright one.
 */
export function observationSearch(request: RecordedRequest | Request, base = FHIR_BASE): URL | undefined {
  const [href, method, body] = "sent" in request ? [request.url, request.method, request.postData] : [request.url(), request.method(), request.postData()];
  const url = new URL(href);
  if (method === "GET" && href.startsWith(`${base}/Observation?`)) return url;
  if (method !== "POST" || href !== `${base}/Observation/_search`) return undefined;
  const search = new URL(`${base}/Observation`);
  search.search = new URLSearchParams(body ?? "").toString();
  return search;
}

/** A FHIR base of the sandbox (`/fhir`, `/v1/fhir`, …): the only place a bearer token may go. */
function onSandboxFhir(url: string): boolean {
  const parsed = new URL(url);
  return parsed.origin === SANDBOX && /(^|\/)fhir(\/|$)/.test(parsed.pathname);
}

export const test = base.extend<{ requests: RecordedRequest[] }>({
  requests: [
    async ({ context }, use) => {
      const requests: RecordedRequest[] = [];
      const tokens = new Set<string>();
      const reading: Promise<void>[] = [];
      context.on("request", (request) => {
        const headers = request.headers();
        const postData = request.postData();
        requests.push({
          url: request.url(),
          method: request.method(),
          authorization: headers.authorization,
          postData,
          sent: [...Object.values(headers), postData ?? ""].join("\n"),
        });
      });
      context.on("response", (response) => {
        if (response.request().method() !== "POST" || !/\/token$/.test(new URL(response.url()).pathname) || !response.ok()) return;
        reading.push(
          response.json().then(
            (body: Record<string, unknown>) => {
              for (const name of ["access_token", "refresh_token"]) if (typeof body[name] === "string") tokens.add(body[name]);
            },
            () => undefined,
          ),
        );
      });
      await use(requests);
      await Promise.all(reading);
      const misplaced = requests.filter((r) => r.authorization?.toLowerCase().startsWith("bearer") && !onSandboxFhir(r.url));
      expect(misplaced, "bearer tokens sent outside the FHIR server").toEqual([]);
      const leaked = requests.filter((r) => [...tokens].some((t) => r.url.includes(t) || (new URL(r.url).origin !== SANDBOX && r.sent.includes(t))));
      expect(leaked, "tokens in URLs or sent to another origin").toEqual([]);
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

/** The token response fhirclient keeps in the page's sessionStorage for the current launch. */
export async function storedTokens(page: Page): Promise<{ access_token?: string; refresh_token?: string }> {
  return page.evaluate(() => {
    const key = JSON.parse(sessionStorage.getItem("SMART_KEY") ?? "null") as string | null;
    const state = key ? (JSON.parse(sessionStorage.getItem(key) ?? "{}") as { tokenResponse?: Record<string, string> }) : {};
    return state.tokenResponse ?? {};
  });
}
