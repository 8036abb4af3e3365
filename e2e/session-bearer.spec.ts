/** The bearer token never leaves the FHIR server, even when the server's own links point elsewhere. */
import { test, expect, launchFromEhr, SANDBOX } from "./fixtures";

test("a next link to another origin is not followed: nothing reaches the other origin, and the app says why it stopped", async ({ page, request, requests }) => {
  await launchFromEhr(page, "hba1c-long", { error: "fhir_next_foreign" });
  await expect(page.getByRole("status")).toContainText("another server");
  const foreign = (await (await request.get(`${SANDBOX}/debug/foreign-requests`)).json()) as { requests: unknown[] };
  expect(foreign.requests).toEqual([]);
  expect(requests.filter((r) => r.authorization !== undefined).every((r) => r.url.startsWith(`${SANDBOX}/fhir/`))).toBe(true);
});
