/**
 * Starts a SMART authorization (EHR or standalone launch) with fhirclient: PKCE S256, a random UUID as `state`,
 * and the scope chosen from the server's discovery document. Used by the launch page only.
 */
import FHIR from "fhirclient";
import { discover, DiscoveryError, isHttpUrl } from "./discovery";
import { tokenEndpointAllowed } from "./urls";
import { removePreviousLaunchRecord, saveLaunchRecord } from "./launchRecord";
import { buildScope } from "./scopeRequest";
import type { fhirclient } from "fhirclient/lib/types";

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
