/**
 * The launch page (launch.html): EHR launch (`?iss=…&launch=…`), or with no parameters a standalone landing
 * page listing the configured servers. Plain DOM, no React: it only decides and redirects.
 *
 * An EHR launch that goes well shows no words, so this first script carries none: the landing, every failure and
 * the reader's language (i18n, the `.launch` part of a catalog) load with screens.ts, only when one is shown.
 */
import "./launch.css";
import { loadConfig, type AppConfig } from "../config/config";
import { planLaunch } from "./plan";
import { sessionStorageAvailable } from "../fhir/storage";
import { fail, signIn } from "./signIn";

async function main(): Promise<void> {
  if (!sessionStorageAvailable()) return fail("storage-blocked");
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
      return import("./screens").then(({ showLanding }) => showLanding(config));
    case "standalone":
      return signIn("standalone", plan.iss, plan.server, config);
    case "ehr":
      return signIn("ehr", plan.iss, plan.server, config, plan.launch);
  }
}

void main();
