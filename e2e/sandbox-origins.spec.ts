/**
 * The running sandbox against a page on another origin, as a developer who leaves it running meets one: the
 * page can neither mint a token nor read a patient. Only the other site's page is made up by the test; every
 * request it sends goes to the real sandbox over HTTP.
 */
import { test, expect, SANDBOX } from "./fixtures";

const ATTACKER = "https://attacker.example";

test("a page on another origin can neither mint a token nor read a patient", async ({ page, context }) => {
  // Chromium lets a secure public page reach this machine once the user allows it (Local Network Access);
  // other browsers do not ask. The sandbox must refuse by itself, so the permission is granted here.
  await context.grantPermissions(["local-network-access"], { origin: ATTACKER });
  await page.route(`${ATTACKER}/**`, (route) => route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Another site</title><p>Nothing to see.</p>" }));
  await page.goto(`${ATTACKER}/`);
  // While any route is set, Playwright answers CORS preflights itself: the sandbox must answer them.
  await page.unrouteAll();

  // What the sandbox answered, seen from the browser's network layer (the page itself is not told).
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  const sent = new Map<string, string>();
  const statuses = new Map<string, number>();
  cdp.on("Network.requestWillBeSent", (event) => sent.set(event.requestId, `${event.request.method} ${event.request.url}`));
  cdp.on("Network.responseReceivedExtraInfo", (event) => statuses.set(event.requestId, event.statusCode ?? 0));

  const read = await page.evaluate(async (sandbox) => {
    const mint = JSON.stringify({ client_id: "lab-graph", scope: "patient/*.rs", patient_id: "hba1c-long" });
    const attempt = async (url: string, init?: RequestInit) => {
      try {
        const response = await fetch(url, init);
        return { status: response.status, body: await response.text() };
      } catch (error) {
        return { nothing: String(error) };
      }
    };
    return {
      "mint, text/plain (no preflight)": await attempt(`${sandbox}/auth/debug/token`, { method: "POST", body: mint }),
      "mint, JSON (preflight)": await attempt(`${sandbox}/auth/debug/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: mint }),
      "open FHIR patient": await attempt(`${sandbox}/open-fhir/Patient/hba1c-long`),
      "open FHIR search": await attempt(`${sandbox}/open-fhir/Observation?patient=hba1c-long&_count=1`),
    };
  }, SANDBOX);

  // What the page could read: no status, no body, only a failed fetch.
  for (const [name, result] of Object.entries(read)) {
    expect(result, name).toEqual({ nothing: expect.stringContaining("Failed to fetch") });
  }
  // It was the sandbox that said no, to each request and to the preflight; the JSON mint itself never went out.
  await expect.poll(() => statuses.size).toBe(4);
  const answered = [...statuses].map(([id, status]) => `${sent.get(id)} → ${status}`).sort();
  expect(answered).toEqual([
    `GET ${SANDBOX}/open-fhir/Observation?patient=hba1c-long&_count=1 → 403`,
    `GET ${SANDBOX}/open-fhir/Patient/hba1c-long → 403`,
    `OPTIONS ${SANDBOX}/auth/debug/token → 403`,
    `POST ${SANDBOX}/auth/debug/token → 403`,
  ]);
});
