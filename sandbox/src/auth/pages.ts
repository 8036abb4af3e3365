/** The authorization server's own pages: the standalone patient picker and error pages (no script). */
import type { IncomingMessage, ServerResponse } from "node:http";
import { escapeHtml, sendHtml } from "../http.ts";
import { oauthError } from "./requests.ts";
import type { Caregiver } from "./types.ts";

export function htmlPage(res: ServerResponse, status: number, title: string, body: string): void {
  sendHtml(res, status, pageHtml(title, body));
}

function pageHtml(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · SMART sandbox</title><link rel="stylesheet" href="/ehr.css"></head>
<body><main class="narrow"><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

export function errorPageHtml(error: string, description: string): string {
  return pageHtml(
    "The app cannot be authorized",
    `<p role="alert"><code>${escapeHtml(error)}</code>: ${escapeHtml(description)}</p>
<p>The authorization server did not send you back to the app, because it could not trust where to send you.</p>`,
  );
}

/**
 * An authorization error that cannot go back to the app (unknown client, unregistered redirect URI): a page
 * for a browser, OAuth error JSON for anything else.
 */
export function authorizationErrorPage(req: IncomingMessage, res: ServerResponse, status: number, error: string, description: string): void {
  if (!/text\/html/.test(req.headers.accept ?? "")) return oauthError(res, status, error, description);
  sendHtml(res, status, errorPageHtml(error, description));
}

export function patientPicker(
  patients: readonly { id: string; name: string }[],
  caregivers: readonly Caregiver[],
  action: string,
  rejected: string | null,
  request: { readonly clientId: string; readonly scopes: readonly string[] },
): string {
  const buttons = patients
    .map((p) => `<li><button type="submit" name="patient" value="${escapeHtml(p.id)}" aria-describedby="pick-${escapeHtml(p.id)}">${escapeHtml(p.name)}</button> <code id="pick-${escapeHtml(p.id)}">${escapeHtml(p.id)}</code></li>`)
    .join("");
  const warning = rejected ? `<p role="alert">There is no patient or caregiver "${escapeHtml(rejected)}". Choose one from the list.</p>` : "";
  const helpers = caregivers
    .map((c) => `<li><button type="submit" name="caregiver" value="${escapeHtml(c.id)}" aria-describedby="care-${escapeHtml(c.id)}">${escapeHtml(c.name)}</button> <span id="care-${escapeHtml(c.id)}">for ${escapeHtml(c.patientName)}${c.relationship ? ` (${escapeHtml(c.relationship.toLowerCase())})` : ""}</span></li>`)
    .join("");
  const caring = helpers ? `<h2>Or sign in as a caregiver</h2><p>A parent, child or carer signs in as themself (RelatedPerson) and sees the records of the patient they care for.</p><form method="post" action="${escapeHtml(action)}"><ul class="patients">${helpers}</ul></form>` : "";
  const scopes = request.scopes.map((s) => `<code>${escapeHtml(s)}</code>`).join(" ");
  return `${warning}<p>Sign in as a patient of this sandbox EHR. The app <code>${escapeHtml(request.clientId)}</code> will see this patient's records, as allowed by ${scopes || "no scopes"}.</p>
<form method="post" action="${escapeHtml(action)}"><ul class="patients">${buttons}</ul></form>${caring}`;
}
