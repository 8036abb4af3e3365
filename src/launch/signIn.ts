/**
 * Starts a sign-in from the launch page (an EHR launch, or a server chosen on the landing). It shows no words: an
 * EHR launch that goes well leaves for the authorization server at once. Whatever fails is shown by screens.ts,
 * loaded only then, with the reader's language.
 */
import type { AppConfig, ServerConfig } from "../config/config";
import { startAuthorization } from "../fhir/authorize";
import { sessionStorageAvailable } from "../fhir/storage";
import type { LaunchSettings } from "../config/launchSettings";
import type { Failure } from "./screens";

/** Shows why the app could not start (loading the page's words first). */
export async function fail(failure: Failure): Promise<void> {
  const { showFailure } = await import("./screens");
  await showFailure(failure);
}

export async function signIn(kind: "ehr" | "standalone", iss: string, server: ServerConfig | undefined, config: AppConfig, launch?: string): Promise<void> {
  const launchUrl = new URL(window.location.pathname, window.location.href);
  launchUrl.searchParams.set("iss", iss);
  if (launch) launchUrl.searchParams.set("launch", launch);
  const authorization = startAuthorization({
    kind,
    iss,
    launch,
    clientId: server?.clientId ?? config.clientId,
    scopeTemplate: config.scope,
    pkceMode: server?.pkceMode ?? "required",
    launchUrl: launchUrl.href,
    settings: { observationCategory: server?.observationCategory ?? null, paging: config.paging, labs: config.labs, styleAllowList: config.styleAllowList } satisfies LaunchSettings,
  });
  // sessionStorage's first use waits on the browser: checked while the discovery request is on its way rather
  // than ahead of it. Without sessionStorage the authorization stops before it leaves (nothing can be kept).
  if (!sessionStorageAvailable()) {
    authorization.catch(() => undefined);
    return fail("storage-blocked");
  }
  try {
    await authorization;
  } catch (error) {
    await fail(error);
  }
}
