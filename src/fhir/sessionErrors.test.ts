import { describe, expect, it } from "vitest";
import { classify, oauthErrorOf, unknownState } from "./classify.later";
import { sessionEnded, SessionError } from "./sessionErrors";
import type { LaunchRecord } from "./launchRecord";

const EHR: LaunchRecord = { launchUrl: "http://localhost:5173/launch.html?iss=x&launch=y", kind: "ehr" };
const STANDALONE: LaunchRecord = { launchUrl: "http://localhost:5173/launch.html?iss=x", kind: "standalone" };

/** What fhirclient throws for a failed token request: an HttpError with status and the OAuth error last. */
function httpError(status: number, body: string): Error & { status: number } {
  return Object.assign(new Error(`${status} Bad Request\nURL: http://127.0.0.1:4400/auth/token\n${body}`), { status });
}

function params(query: string): URLSearchParams {
  return new URLSearchParams(query);
}

describe("classify: authorization responses", () => {
  it("access_denied: its own message, the server's words as text, relaunch", () => {
    const error = classify(new Error("access_denied: The user said no"), params("error=access_denied&error_description=The%20user%20said%20no&state=s"), EHR);
    expect(error.kind).toBe("authorization-denied");
    expect(error.message).toBe("Access to the patient's records was not granted, so the app cannot show them. Launch the app again from your EHR.");
    expect(error.options).toMatchObject({ serverSaid: "The user said no", relaunchUrl: EHR.launchUrl, launchKind: "ehr" });
    expect(error.options.detail).toContain("error=access_denied");
  });

  it("access_denied in a standalone launch speaks to the patient", () => {
    const error = classify(new Error("access_denied"), params("error=access_denied"), STANDALONE);
    expect(error.message).toBe("You did not allow the app to see your records, so it cannot show them. Sign in again to continue.");
    expect(error.options.serverSaid).toBeUndefined();
  });

  it.each([
    ["invalid_scope", "refused the permissions"],
    ["invalid_client", "client id"],
    ["unauthorized_client", "client id"],
    ["server_error", "Try again in a moment"],
    ["temporarily_unavailable", "Try again in a moment"],
    ["login_required", "refused the app's request (login_required)"],
  ])("%s: a message of its own", (code, text) => {
    const error = classify(new Error(code), params(`error=${code}`), EHR);
    expect(error.kind).toBe("authorization-error");
    expect(error.message).toContain(text);
  });

  it("keeps a long error_description to 500 characters", () => {
    const error = classify(new Error("x"), params(`error=access_denied&error_description=${"a".repeat(2000)}`), EHR);
    expect(error.options.serverSaid).toHaveLength(500);
  });
});

describe("classify: fhirclient's ready() failures", () => {
  it("no state anywhere: opened without a launch, with no relaunch", () => {
    const error = classify(new Error("No 'state' parameter found. Please (re)launch the app."), params(""), undefined);
    expect(error.kind).toBe("no-launch");
    expect(error.options.relaunchUrl).toBeUndefined();
  });

  it("a state this tab does not know", () => {
    expect(classify(new Error("No state found! Please (re)launch the app."), params("code=c&state=s"), undefined).kind).toBe("unknown-state");
  });

  it("storage denied", () => {
    const error = classify(new DOMException("Access is denied for this document.", "SecurityError"), params(""), undefined);
    expect(error.kind).toBe("storage-blocked");
    expect(error.message).toContain("Open the app in its own window");
  });

  it("token endpoint: invalid_grant (an expired or replayed code)", () => {
    const error = classify(httpError(400, "invalid_grant: grant request is invalid"), params(""), EHR);
    expect(error.kind).toBe("token-failed");
    expect(error.message).toContain("refused the sign-in code: it may have expired or been used already");
    expect(error.options.detail).toContain("invalid_grant: grant request is invalid");
    expect(error.options.relaunchUrl).toBe(EHR.launchUrl);
  });

  it("token endpoint: invalid_client", () => {
    expect(classify(httpError(401, "invalid_client: no client authentication mechanism provided"), params(""), EHR).message).toContain("does not accept this app");
  });

  it("token endpoint: another status, with the OAuth code when there is one", () => {
    expect(classify(httpError(500, "server_error"), params(""), EHR).message).toContain("(HTTP 500, server_error)");
    expect(classify(httpError(502, "<html>bad gateway</html>"), params(""), EHR).message).toContain("(HTTP 502)");
  });

  it("token endpoint unreachable", () => {
    const error = classify(new TypeError("Failed to fetch"), params(""), STANDALONE);
    expect(error.kind).toBe("token-failed");
    expect(error.message).toBe("The app could not reach the EHR's sign-in service to finish signing in. Check the connection. Sign in again to continue.");
  });

  it("a token response without an access token", () => {
    expect(classify(new Error("Failed to obtain access token."), params(""), EHR).message).toContain("did not return an access token");
  });

  it("anything else: a generic message with the details", () => {
    const error = classify(new Error("boom"), params(""), EHR);
    expect(error).toBeInstanceOf(SessionError);
    expect(error.kind).toBe("failed");
    expect(error.options.detail).toBe("boom");
  });
});

describe("other session errors", () => {
  it("unknownState keeps its detail", () => {
    expect(unknownState("why").options.detail).toBe("why");
  });

  it("sessionEnded offers the relaunch of the launch it ended", () => {
    const error = sessionEnded(STANDALONE);
    expect(error.kind).toBe("no-token");
    expect(error.message).toBe("Your session has ended. Sign in again to continue.");
    expect(error.options.relaunchUrl).toBe(STANDALONE.launchUrl);
  });

  it("oauthErrorOf reads the last line only", () => {
    expect(oauthErrorOf("400 Bad Request\nURL: x\ninvalid_grant: expired")).toEqual({ code: "invalid_grant", description: "expired" });
    expect(oauthErrorOf("400 Bad Request\nURL: x\n\n{}")).toBeUndefined();
  });
});
