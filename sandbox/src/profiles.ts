/**
 * EHR profiles: FHIR bases that behave as Epic's and Oracle Health's (Cerner's) FHIR R4 APIs are documented to
 * behave, so that an app meets their habits before it meets them. Each habit is one setting here, and each comes
 * from a public page named next to it (docs: README "EHR profiles"). Only documented behaviour is reproduced.
 */
import { EPIC_PARTIAL_RECORD_NOTICE } from "./fhir/searchOutcome.ts";

export type ProfileId = "epic" | "oracle";

export interface EhrProfile {
  readonly id: ProfileId;
  /** Named in the CapabilityStatement (`implementation.description`). */
  readonly name: string;
  /**
   * Observation searches must name a `code` or a `category` (besides the patient); without either, 400.
   * Epic: "Both patient and code or category are required" (https://open.epic.com/Clinical/Observation).
   */
  readonly observationNeedsCodeOrCategory: boolean;
  /**
   * Results come in this order (`-date`: newest first by effective date) and `_sort` is accepted and ignored,
   * as FHIR R4 lets a server ignore a parameter it does not support (https://hl7.org/fhir/R4/search.html):
   * the sandbox's choice, so that an app that relies on `_sort` is caught.
   */
  readonly observationOrder: "date" | "-date";
  /** An OperationOutcome every Observation search page carries (`search.mode: "outcome"`). */
  readonly searchNotice?: fhir4.OperationOutcome;
  /** `need_patient_banner` is sent as the string "true"/"false" instead of a boolean. */
  readonly bannerAsString: boolean;
  /** Access-token lifetime in seconds, unless the launch sets one. */
  readonly accessTokenLifetime?: number;
  /** `offline_access` is granted only to patients (patient-facing apps); a practitioner's launch is refused it. */
  readonly offlineAccessForPatientsOnly: boolean;
}

export const EHR_PROFILES: Readonly<Record<ProfileId, EhrProfile>> = {
  epic: {
    id: "epic",
    name: "Epic profile",
    observationNeedsCodeOrCategory: true,
    // Epic documents no order for Observation searches; the sandbox sends them oldest first.
    observationOrder: "date",
    // Epic's message 4119 in searchset Bundles: https://github.com/onc-healthit/inferno-program/issues/229
    searchNotice: EPIC_PARTIAL_RECORD_NOTICE,
    // A published Epic EHR-launch trace: `"need_patient_banner": "true"` (see README, EHR profiles).
    bannerAsString: true,
    offlineAccessForPatientsOnly: false,
  },
  oracle: {
    id: "oracle",
    name: "Oracle Health profile",
    observationNeedsCodeOrCategory: false,
    // "Results are sorted by effective date and time in descending order":
    // https://docs.oracle.com/en/industries/health/millennium-platform-apis/mfrap/op-observation-get.html
    observationOrder: "-date",
    bannerAsString: false,
    // A Cerner token response quoted by Cerner staff: "expires_in": 570
    // (https://groups.google.com/g/cerner-fhir-developers/c/xpEiZU86Z0E).
    accessTokenLifetime: 570,
    // "We do not currently support provider facing applications accessing with offline_access, only patient
    // facing applications" (https://groups.google.com/g/cerner-fhir-developers/c/y9rCj4D7IQk); provider apps use
    // online_access (https://fhir.cerner.com/authorization/).
    offlineAccessForPatientsOnly: true,
  },
};
