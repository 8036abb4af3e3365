/**
 * The words for an unusable answer load on use (answers.later.ts). When even they cannot load (the app's own
 * files unreachable), the failure is still a failure, said in words: that the app could not load.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLiveSession, RedirectRefusedError, type SmartClient } from "./liveSession";
import { FhirRequestError } from "./errors";

vi.mock("./answers.later", () => {
  throw new TypeError("Failed to fetch dynamically imported module");
});

const client: SmartClient = {
  accessToken: () => "a",
  refreshToken: () => undefined,
  expiresAt: () => undefined,
  refresh: async () => undefined,
  forget: async () => undefined,
};
const live = () => createLiveSession(client, { serverUrl: "https://ehr.test/fhir", clientId: "c", grantedScope: "patient/*.rs", launchKind: "ehr", revocationEndpoint: undefined });
const SAID = "The app could not load. Check your connection, then reload the page.";

afterEach(() => vi.unstubAllGlobals());

describe("an unusable answer when its words cannot load", () => {
  it("a redirect is still refused, not followed, and said", async () => {
    vi.stubGlobal("fetch", async () => new Response(null, { status: 302, headers: { location: "/elsewhere" } }));
    const failure = await live().get("Patient/p1").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RedirectRefusedError);
    expect(failure).toMatchObject({ message: SAID, status: 302 });
  });

  it("a body that is not JSON is still the server's failure, said", async () => {
    vi.stubGlobal("fetch", async () => new Response("<html>", { status: 200 }));
    const failure = await live().get("Observation").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(FhirRequestError);
    expect(failure).toMatchObject({ message: SAID, status: 200 });
  });
});
