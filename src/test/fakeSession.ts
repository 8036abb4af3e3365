import type { AppSession } from "../app/appSession";
import { FhirRequestError } from "../fhir/errors";
import { DEFAULT_PAGING } from "../fhir/paging";
import { hba1cObservation } from "./observations";

export const TEST_BASE = "https://ehr.test/fhir";

type Responder = (url: string) => unknown;

/** A Session whose GETs are answered by `respond` (throw to fail); records every URL asked for. */
export function fakeSession(respond: Responder, overrides: Partial<AppSession> = {}): AppSession & { readonly calls: string[] } {
  const calls: string[] = [];
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
    async get<T>(url: string): Promise<T> {
      const absolute = new URL(url, `${TEST_BASE}/`).href;
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
