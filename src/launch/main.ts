/**
 * The launch page (launch.html): EHR launch (`?iss=…&launch=…`), or with no parameters a standalone landing
 * page listing the configured servers. Plain DOM, no React: it only decides and redirects.
 *
 * An EHR launch that goes well shows no words, so this first script carries none: the landing, every failure and
 * the reader's language (i18n, the `.launch` part of a catalog) load with screens.ts, only when one is shown.
 */
import { enforcePolicy } from "../security/policy";
import { loadConfig, type AppConfig } from "../config/config";
import { planLaunch } from "./plan";
import { sessionStorageAvailable } from "../fhir/storage";
import { fail, signIn } from "./signIn";

// Before anything else: the page's Content-Security-Policy (src/security/policy.ts).
enforcePolicy();

/**
 * An EHR launch that goes well leaves for the authorization server within moments and draws nothing on the way:
 * launch.html keeps the page hidden, and its style sheet and busy bar load only if the launch takes longer than
 * this (a slow server), or with the landing or a failure (screens.ts). Nothing competes with config.json, discovery
 * and the redirect: no style sheet holding this script back, no layout, no animation frames.
 */
const BUSY_AFTER_MS = 400;
setTimeout(() => {
  void import("./launch.css").then(() => {
    (document.getElementById("launch") as HTMLElement).hidden = false;
  });
}, BUSY_AFTER_MS);

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = await loadConfig();
  } catch (error) {
    return fail(error);
  }
  const plan = planLaunch(new URLSearchParams(window.location.search), config);
  switch (plan.kind) {
    case "refused":
      return fail(plan.problem);
    case "landing":
      if (!sessionStorageAvailable()) return fail("storage-blocked");
      return import("./screens").then(({ showLanding }) => showLanding(config));
    case "standalone":
      return signIn("standalone", plan.iss, plan.server, config);
    case "ehr":
      return signIn("ehr", plan.iss, plan.server, config, plan.launch);
  }
}

void main();
