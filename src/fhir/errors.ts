/** Failures of FHIR requests, normalized to one shape at the edge of the FHIR layer. */
import { t } from "../i18n/i18n";

export class FhirRequestError extends Error {
  override readonly name = "FhirRequestError";

  constructor(
    message: string,
    /** HTTP status, or 0 when no response arrived. */
    readonly status: number,
    readonly url: string,
  ) {
    super(message);
  }
}

/** The first diagnostics/details text of an OperationOutcome-shaped body, if any. */
export function outcomeText(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const outcome = body as Partial<fhir4.OperationOutcome>;
  if (outcome.resourceType !== "OperationOutcome") return undefined;
  const issue = outcome.issue?.[0];
  return issue?.diagnostics ?? issue?.details?.text;
}

export function describeStatus(status: number): string {
  switch (status) {
    case 0:
      return t("The FHIR server could not be reached.");
    case 401:
      return t("The FHIR server no longer accepts this sign-in (401).");
    case 403:
      return t("The FHIR server refused access to these records (403).");
    case 404:
      return t("The FHIR server did not find what the app asked for (404).");
    case 410:
      return t("The FHIR server discarded this search before all pages were read (410).");
    case 429:
      return t("The FHIR server is busy and asked the app to slow down (429).");
    default:
      return status >= 500 ? t("The FHIR server had an error ({status}).", { status }) : t("The FHIR server refused the request ({status}).", { status });
  }
}
