import type { AppSession } from "../app/appSession";
import { FhirRequestError } from "../fhir/errors";
import { DEFAULT_PAGING } from "../fhir/paging";
import { hba1cObservation } from "./observations";

export const TEST_BASE = "https://ehr.test/fhir";

type Responder = (url: string) => unknown;

/**
 * A Session whose GETs are answered by `respond` (throw to fail); records every URL asked for. A search by POST
 * (`[type]/_search` with a form) is answered and recorded as the GET of the same search, as a FHIR server answers
 * it; `posted` records that it came by POST.
 */
export function fakeSession(respond: Responder, overrides: Partial<AppSession> = {}): AppSession & { readonly calls: string[]; readonly posted: string[] } {
  const calls: string[] = [];
  const posted: string[] = [];
  return {
    serverUrl: TEST_BASE,
    patientId: "p1",
    encounterId: undefined,
    needPatientBanner: true,
    styleUrl: undefined,
    grantedScope: "launch patient/Observation.rs patient/Patient.rs",
    user: undefined,
    launchKind: "ehr",
    patientFacing: false,
    observationCategory: null,
    relaunchUrl: undefined,
    launchSettings: undefined,
    paging: DEFAULT_PAGING,
    labSettings: {},
    styleAllowList: [],
    status: () => ({ state: "active" }),
    subscribe: () => () => undefined,
    signOut: async () => undefined,
    calls,
    posted,
    async get<T>(url: string, _signal?: AbortSignal, form?: URLSearchParams): Promise<T> {
      let absolute = new URL(url, `${TEST_BASE}/`).href;
      if (form) {
        posted.push(absolute);
        absolute = `${absolute.replace(/\/_search$/, "")}?${form.toString()}`;
      }
      calls.push(absolute);
      return respond(absolute) as T;
    },
    ...overrides,
  };
}

/** Patient p1's HbA1c result `id` of `value` % on `date` (the shared builder, test/observations.ts). */
export function a1c(id: string, date: string, value: number, status: fhir4.Observation["status"] = "final"): fhir4.Observation {
  return hba1cObservation({ id, status, subject: { reference: "Patient/p1" }, effectiveDateTime: date, valueQuantity: { value, unit: "%", system: "http://unitsofmeasure.org", code: "%" } });
}

export function searchBundle(observations: fhir4.Observation[], next?: string, total?: number): fhir4.Bundle {
  return {
    resourceType: "Bundle",
    type: "searchset",
    total,
    link: next ? [{ relation: "next", url: next }] : [],
    entry: observations.map((resource) => ({ resource })),
  };
}

export function httpError(status: number, url = TEST_BASE): FhirRequestError {
  return new FhirRequestError(`The FHIR server had an error (${status}).`, status, url);
}
