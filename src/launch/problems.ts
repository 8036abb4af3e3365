/**
 * The launch page's words for why it will not go on: its configuration (config.json), a refused launch link or
 * address (plan.ts, allowList.ts), a FHIR server it cannot sign in at (discovery). Loaded only to show one (with screens.ts): the decisions are data, so
 * an EHR launch that goes well carries none of these words.
 */
import type { ConfigProblem } from "../config/file";
import type { DiscoveryProblem } from "../fhir/discovery";
import { language, t } from "../i18n/i18n";
import type { LaunchProblem } from "./plan";

/** A size in the reader's way, grouped in English too ("10,000"): message numbers otherwise stay as written there. */
const size = (n: number) => new Intl.NumberFormat(language()).format(n);

export type Problem = LaunchProblem | DiscoveryProblem | ConfigProblem;

/** The problem in the reader's language, with what they can do about it. */
export function sayProblem(problem: Problem): string {
  switch (problem.why) {
    case "config-unreachable":
      return t("The app's configuration (config.json) could not be loaded. Check your connection and reload.");
    case "config-http":
      return t("The app's configuration (config.json) could not be loaded (HTTP {status}).", { status: String(problem.status) });
    case "config-json":
      return t("config.json is not valid JSON.");
    case "config-invalid":
      // Told in config.json's own terms (its keys), for whoever maintains it: the detail stays English.
      return t("config.json: {detail}", { detail: problem.detail });
    case "no-address":
      return t("No FHIR server address (iss) was given.");
    case "too-long":
      return t("The FHIR server address is too long to be real.");
    case "not-url":
      return t('"{address}" is not a valid URL.', { address: problem.address });
    case "scheme":
      return t('The FHIR server address must start with https:// (it uses "{scheme}").', { scheme: problem.scheme });
    case "credentials":
      return t("The FHIR server address must not contain a user name or password.");
    case "fragment":
      return t("The FHIR server address must not contain a fragment (#…).");
    case "query":
      return t("The FHIR server address must not contain a query (?…).");
    case "not-allowed":
      return t("This app is not set up to connect to {address}. Ask your administrator to add it to the app's list of allowed FHIR servers (issAllowList in config.json).", { address: problem.address });
    case "overriding":
      return t("This launch link carries {names}, which this app does not accept: its settings come only from its own configuration. Launch the app again from your EHR, or ask the EHR's administrator to fix the launch link.", {
        names: problem.names.map((n) => `"${n}"`).join(", "),
      });
    case "repeated":
      return t("This launch link repeats the iss or launch parameter. Launch the app again from your EHR.");
    case "no-iss":
      return t("The EHR did not say which FHIR server to connect to (the launch link has no iss). Launch the app again from your EHR.");
    case "iss-spaces":
      return t("The FHIR server address (iss) has stray spaces. Launch the app again from your EHR.");
    case "empty-launch":
      return t("The EHR sent an empty launch parameter. Launch the app again from your EHR.");
    case "launch-too-long":
      return t("The launch parameter is {length} characters long, more than the {max} this app accepts. Launch the app again from your EHR.", { length: size(problem.length), max: size(problem.max) });
    case "no-configuration":
      return t("The FHIR server at {iss} does not publish its SMART sign-in configuration ({url} answered HTTP {status}). Check the server address, or ask its administrator whether it supports SMART App Launch.", {
        iss: problem.iss,
        url: problem.url,
        status: String(problem.status),
      });
    case "unreachable":
      return t("The FHIR server at {iss} could not be reached, or does not let this app read its SMART sign-in configuration ({url}). Check the address and your connection.", { iss: problem.iss, url: problem.url });
    case "no-endpoints":
      return t("The FHIR server at {iss} does not list valid authorization and token endpoints in its SMART configuration, so the app cannot sign in.", { iss: problem.iss });
    case "no-s256":
      return t('The FHIR server at {iss} does not offer PKCE with S256, which this app requires to sign in safely. If the server is known to support it anyway, an administrator can set "pkceMode": "unsafeV1" for it in config.json.', {
        iss: problem.iss,
      });
    case "plain-http-token":
      return t("The FHIR server at {iss} asks the app to fetch its sign-in from {origin} over plain http, which would send your sign-in unencrypted. The app uses plain http only when the FHIR server itself is on http (a local test server). Ask the server's administrator to publish an https token endpoint.", {
        iss: problem.iss,
        origin: problem.origin,
      });
  }
}
