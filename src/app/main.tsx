import { enforcePolicy } from "../security/policy";
import { startSession } from "../fhir/session";
import { nearServer } from "../fhir/storage";
import { appSession } from "./appSession";
import { startFirstReads } from "./firstReads";
import { t } from "../i18n/i18n";
import { showPreferredLanguage } from "../i18n/languages";

/**
 * The build holds the `<link rel="prefetch">` tags of this page's React and chart chunks, inert, in a `<template>`
 * (vite-plugins.ts preloadDynamicImports); moved into the document, they are fetched at idle priority.
 */
function releasePrefetch(): void {
  const template = document.getElementById("prefetch-own-chunks") as HTMLTemplateElement | null;
  if (template) document.head.append(template.content);
}

/**
 * A page's first Intl formatter loads the browser's date and time-zone data: 30–150 ms on a slow machine, once per
 * page; any formatter after it, whatever its options, takes about a millisecond. One is made in a task of its own
 * while the main thread would otherwise wait, so that neither the first reads nor the first drawing (the patient
 * banner's dates, the axis) wait for it: from a far server during the token's round trip, once the token request is
 * out; from a near server, whose token comes back sooner than that, once the first reads are on their way.
 */
const warmFormats = () => new Intl.DateTimeFormat();

// The first script: it completes the code exchange, exactly once per page load, and sends the lab search and the
// Patient read the moment the token arrives. React, React Query, the chart and the rest are downloaded meanwhile
// but compiled and evaluated only once those requests are on their way, or the sign-in has failed; they draw from
// the reads already in flight. Before all of it, the page's Content-Security-Policy (src/security/policy.ts).
enforcePolicy();
const session = startSession().then(appSession);
// Their download starts in the next task, once the token request is on its way (fhirclient sends it after reading
// sessionStorage, without leaving this task): it runs during the token's round trip and competes neither with
// loading this script nor with sending that request. From a near server (src/fhir/authorize.ts) the token comes back
// before they could arrive: they download once the first reads are sent instead, when this script imports them.
const near = nearServer();
if (!near) setTimeout(releasePrefetch);
const reads = session.then(startFirstReads);
// The reader's language (kept choice, else the browser's), read once the token request is on its way too (the first
// use of localStorage waits on the browser): another language's catalog loads beside the sign-in.
const words = new Promise<void>((resolve) => setTimeout(() => resolve(showPreferredLanguage())));
if (!near) setTimeout(warmFormats);

reads
  .catch(() => undefined)
  .then(() => words)
  .then(() => {
    if (near) setTimeout(warmFormats);
    return import("./render");
  })
  .then(({ render }) => render(session, reads))
  .catch(() => {
    // The page's own code could not load (a deploy replaced it, the connection dropped): said plainly.
    const alert = document.createElement("p");
    alert.setAttribute("role", "alert");
    alert.textContent = t("The app could not load. Check your connection, then reload the page.");
    document.getElementById("root")?.replaceChildren(alert);
  });
