/**
 * Starts a SMART authorization (EHR or standalone launch) with fhirclient: PKCE S256, a random UUID as `state`,
 * and the scope chosen from the server's discovery document. Used by the launch page only.
 */
import FHIR from "fhirclient";
import { discover, DiscoveryError, isHttpUrl, wellKnownUrl } from "./discovery";
import { NEAR_SERVER_KEY } from "./storage";
import { tokenEndpointAllowed } from "./urls";
import { removePreviousLaunchRecord, saveLaunchRecord } from "./launchRecord";
import { buildScope } from "./scopeRequest";
import type { fhirclient } from "fhirclient/lib/types";

/**
 * A server whose discovery document came back within this many milliseconds is near (the same building, a sandbox
 * on this computer): its token comes back too soon for the graph page's React and chart to download meanwhile, and
 * downloading them then only holds back the token's answer and the first reads (src/app/main.tsx). A farther
 * server leaves a round trip to hide them in. On a 2-core machine the local sandbox answered in 9–38 ms, and with
 * 100 ms of added latency in 106–138 ms (docs/performance.md).
 */
export const NEAR_SERVER_MS = 50;

/** Keeps, for the graph page that follows in this tab, whether the server is near (by its discovery round trip). */
export function rememberServerDistance(discoveryMs: number | undefined): void {
  if (discoveryMs !== undefined && discoveryMs < NEAR_SERVER_MS) sessionStorage.setItem(NEAR_SERVER_KEY, "1");
  else sessionStorage.removeItem(NEAR_SERVER_KEY);
}

export interface AuthorizeRequest {
  readonly kind: "ehr" | "standalone";
  readonly iss: string;
  readonly launch?: string;
  readonly clientId: string;
  readonly scopeTemplate: string;
  readonly pkceMode: NonNullable<fhirclient.AuthorizeParams["pkceMode"]>;
  /** The launch page URL that starts this launch again (offered after a failure). */
  readonly launchUrl: string;
  /** The app's settings for this launch, kept for the graph page as they are (JSON). */
  readonly settings?: unknown;
}

export async function startAuthorization(request: AuthorizeRequest): Promise<void> {
  const smart = await discover(request.iss);
  // How far the server is, for the graph page's downloads (above): the discovery round trip as the browser timed it
  // (a cross-origin entry still has its duration).
  rememberServerDistance(performance.getEntriesByName(wellKnownUrl(request.iss), "resource")[0]?.duration);
  const s256 = (smart.code_challenge_methods_supported ?? []).includes("S256");
  if (!s256 && request.pkceMode === "required") {
    throw new DiscoveryError({ why: "no-s256", iss: request.iss });
  }
  if (!tokenEndpointAllowed(smart.token_endpoint, request.iss)) {
    throw new DiscoveryError({ why: "plain-http-token", iss: request.iss, origin: URL.parse(smart.token_endpoint)?.origin ?? smart.token_endpoint });
  }
  const smartV2 = (smart.capabilities ?? []).includes("permission-v2");
  const stateKey = crypto.randomUUID();
  removePreviousLaunchRecord();
  saveLaunchRecord(stateKey, {
    launchUrl: request.launchUrl,
    kind: request.kind,
    revocationEndpoint: isHttpUrl(smart.revocation_endpoint) ? smart.revocation_endpoint : undefined,
    settings: request.settings,
  });
  // fhirclient takes `iss` from the page's own address before its options: the address must carry the base the
  // app checked and discovered (the same discovery cache key, and the `aud` the server expects).
  const here = new URL(window.location.href);
  if (here.searchParams.has("iss") && here.searchParams.get("iss") !== request.iss) {
    here.searchParams.set("iss", request.iss);
    window.history.replaceState(window.history.state, "", here.href);
  }
  await FHIR.oauth2.authorize({
    iss: request.iss,
    launch: request.launch,
    clientId: request.clientId,
    scope: buildScope(request.scopeTemplate, request.kind, smartV2),
    redirectUri: "./index.html",
    pkceMode: request.pkceMode,
    stateKey,
    completeInTarget: true,
  });
}
