/**
 * Messages a server puts into a search's results: an OperationOutcome entry with `search.mode: "outcome"`
 * (FHIR R4 Bundle.entry.search.mode; Epic sends one, e.g. "This response includes information available to
 * the authorized user at the time of the request…"). The FHIR API asks a `SearchOutcome` for each
 * Observation search page; the default one reads a patient's own message from its scenario data (an
 * extension on the Patient), and a launch option (`error=search_outcome`) adds one to every page.
 */
import type { ObservationQuery } from "./search.ts";

/** What the FHIR API asks for each Observation search page: an OperationOutcome to add to it, or nothing. */
export type SearchOutcome = (query: ObservationQuery & { readonly patient: string }, offset: number) => fhir4.OperationOutcome | undefined;

/**
 * Extension on a Patient of the scenario data: every Observation search of that patient carries this message.
 * Sub-extensions: `severity` (valueCode: fatal | error | warning | information), `code` (valueCode, an
 * IssueType; default `informational`), `text` (valueString, the message).
 */
export const SEARCH_OUTCOME_EXTENSION = "urn:lab-graph:sandbox:search-outcome";

type Severity = fhir4.OperationOutcomeIssue["severity"];
const SEVERITIES: readonly Severity[] = ["fatal", "error", "warning", "information"];

/** An OperationOutcome of one issue whose text is in `details.text`, as Epic and the FHIR examples send it. */
export function searchMessage(severity: Severity, code: fhir4.OperationOutcomeIssue["code"], text: string, coding?: fhir4.Coding): fhir4.OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity, code, details: { ...(coding ? { coding: [coding] } : {}), text } }] };
}

/** The searchset entry that carries `outcome`. */
export function outcomeEntry(outcome: fhir4.OperationOutcome): fhir4.BundleEntry {
  return { resource: outcome, search: { mode: "outcome" } };
}

/** The Patient extension that switches a patient's message on, as scenario data writes it. */
export function searchOutcomeExtension(severity: Severity, text: string, code: fhir4.OperationOutcomeIssue["code"] = "informational"): fhir4.Extension {
  return {
    url: SEARCH_OUTCOME_EXTENSION,
    extension: [
      { url: "severity", valueCode: severity },
      { url: "code", valueCode: code },
      { url: "text", valueString: text },
    ],
  };
}

/** The message a Patient's scenario data asks its searches to carry, or undefined. */
export function patientSearchOutcome(patient: fhir4.Patient | undefined): fhir4.OperationOutcome | undefined {
  const ext = patient?.extension?.find((e) => e.url === SEARCH_OUTCOME_EXTENSION);
  if (!ext) return undefined;
  const part = (name: string) => ext.extension?.find((e) => e.url === name);
  const text = part("text")?.valueString;
  const severity = part("severity")?.valueCode as Severity | undefined;
  if (!text || !severity || !SEVERITIES.includes(severity)) return undefined;
  return searchMessage(severity, (part("code")?.valueCode as fhir4.OperationOutcomeIssue["code"] | undefined) ?? "informational", text);
}

/**
 * Epic's own notice on searches (code 4119 of its message system, severity warning), as Epic's FHIR server
 * sends it in searchset Bundles; the launch option `error=search_outcome` adds it to every Observation page.
 * Source: https://github.com/onc-healthit/inferno-program/issues/229 (an Epic searchset quoted in full).
 */
export const EPIC_PARTIAL_RECORD_NOTICE = searchMessage(
  "warning",
  "processing",
  "This response includes information available to the authorized user at the time of the request. It may not contain the entire record available in the system.",
  { system: "urn:oid:1.2.840.114350.1.13.5325.1.7.2.657369", code: "4119", display: "This response includes information available to the authorized user at the time of the request. It may not contain the entire record available in the system." },
);

/** Adds `outcome` to a searchset page, after its matches. */
export function withOutcome(bundle: fhir4.Bundle, outcome: fhir4.OperationOutcome | undefined): fhir4.Bundle {
  if (!outcome) return bundle;
  return { ...bundle, entry: [...(bundle.entry ?? []), outcomeEntry(outcome)] };
}
