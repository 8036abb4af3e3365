/** Errors of the FHIR API, carried as an HTTP status and an OperationOutcome. */

export type IssueCode =
  | "invalid"
  | "not-supported"
  | "not-found"
  | "security"
  | "login"
  | "forbidden"
  | "expired"
  | "too-costly"
  | "exception"
  | "transient"
  | "throttled"
  | "processing";

export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly code: IssueCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  get outcome(): fhir4.OperationOutcome {
    return operationOutcome(this.code, this.message, this.status >= 500 ? "fatal" : "error");
  }
}

export function operationOutcome(
  code: IssueCode,
  diagnostics: string,
  severity: fhir4.OperationOutcomeIssue["severity"] = "error",
): fhir4.OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity, code, diagnostics }] };
}

export const badRequest = (message: string) => new FhirError(400, "invalid", message);
export const notFound = (message: string) => new FhirError(404, "not-found", message);
export const forbidden = (message: string) => new FhirError(403, "forbidden", message);
export const unauthorized = (message: string, error = "invalid_token") =>
  new FhirError(401, "login", message, {
    "WWW-Authenticate": `Bearer realm="fhir", error="${error}", error_description="${message.replace(/"/g, "'")}"`,
  });
