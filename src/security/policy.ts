/**
 * The built pages carry their Content-Security-Policy in an inert `<meta name="content-security-policy">`
 * (scripts/csp.mjs), and each page's first script puts it in force before it does anything else. A
 * `<meta http-equiv="Content-Security-Policy">` in the HTML itself would hold Chromium's preload scanner back:
 * it fetches none of the page's scripts until the parser has applied such a tag, which on a busy machine cost the
 * launch page about 30 ms and the graph page about 70 ms before their first script was even requested. Before that
 * first script runs, the page is only its own static HTML; everything the app does (every request, every DOM
 * change, every later chunk) happens under the policy. The development server has no policy.
 */
export const POLICY_META_NAME = "content-security-policy";

/** Enforces the page's policy: the inert meta becomes `http-equiv` (a child of `<head>`, where it must be). */
export function enforcePolicy(doc: Document = document): void {
  const source = doc.head.querySelector<HTMLMetaElement>(`:scope > meta[name="${POLICY_META_NAME}"]`);
  if (!source) return;
  const meta = doc.createElement("meta");
  meta.httpEquiv = "Content-Security-Policy";
  meta.content = source.content;
  source.replaceWith(meta);
}
