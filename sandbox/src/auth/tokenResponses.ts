/**
 * What a SMART token response carries beyond OAuth's: the launch context kept for the grant (patient,
 * encounter, banner, style, intent, tenant), on the first response and on every refresh, and a `scope` that
 * lists everything granted (oidc-provider reports only the resource's scopes when a resource is granted).
 */
import type { KoaContextWithOIDC } from "oidc-provider";
import type { GrantRecords } from "./grants.ts";
import type { AuthServerOptions } from "./types.ts";

/** Completes a successful token response (`body`) of `ctx` in place. */
export function withLaunchContext(
  ctx: KoaContextWithOIDC,
  body: Record<string, unknown>,
  grants: GrantRecords,
  options: Pick<AuthServerOptions, "bannerAsString" | "origin">,
): void {
  const { AuthorizationCode: code, RefreshToken: refresh, Grant: grant } = ctx.oidc.entities;
  const grantId = code?.grantId ?? refresh?.grantId ?? grant?.jti;
  const launch = grants.context(grantId);
  const oidcScopes = grant ? grant.getOIDCScopeFiltered(new Set((code?.scope ?? refresh?.scope ?? "").split(" "))) : "";
  body.scope = [...new Set([...oidcScopes.split(" "), ...String(body.scope ?? "").split(" ")].filter(Boolean))].join(" ");
  if (!launch) return;
  if (launch.patient) body.patient = launch.patient;
  if (launch.encounter) {
    body.encounter = launch.encounter;
    body.fhirContext = [{ reference: `Encounter/${launch.encounter}` }];
  }
  body.need_patient_banner = options.bannerAsString ? String(launch.needPatientBanner) : launch.needPatientBanner;
  if (launch.style !== "none") body.smart_style_url = `${options.origin}/styles/${launch.style}.json`;
  if (launch.intent) body.intent = launch.intent;
  if (launch.tenant) body.tenant = launch.tenant;
}
