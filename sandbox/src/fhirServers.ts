/**
 * The FHIR servers the sandbox plays, one per role: each is a FHIR base on the shared data with its own
 * authorization server (issuer, clients, cookies) and settings. Seeds 000 and 001 register the same client id
 * with different authentication methods, so each gets its own issuer.
 */
import { SEED_CLIENT_ID, seed000Client, seed001Client, type ClientRecord } from "./auth/clients.ts";
import type { ScopeVersion } from "./scopes.ts";
import { EHR_PROFILES, type EhrProfile } from "./profiles.ts";

export type FhirServerId = "main" | "v1" | "seed-000" | "seed-001" | "epic" | "oracle";

export interface FhirServerSettings {
  readonly id: FhirServerId;
  readonly title: string;
  /** Path of the FHIR base, e.g. `/fhir`. */
  readonly fhirPath: string;
  /** Path the authorization server is mounted at (its issuer). */
  readonly authPath: string;
  readonly scopeVersions: readonly ScopeVersion[];
  /** Dynamic registration (seed 003) and `PUT /Client/{id}` (seed 002) create clients here. */
  readonly registration: boolean;
  /** Clients besides the app's own public client, which every server knows. */
  readonly clients: readonly ClientRecord[];
  /** An EHR's documented habits (profiles.ts); none: the sandbox's own behaviour. */
  readonly profile?: EhrProfile;
}

export const FHIR_SERVERS: readonly FhirServerSettings[] = [
  {
    id: "main",
    title: "SMART v1 + v2 (Aidbox and SMART Example Server roles: seeds 002, 003)",
    fhirPath: "/fhir",
    authPath: "/auth",
    scopeVersions: ["v1", "v2"],
    registration: true,
    clients: [],
  },
  {
    id: "v1",
    title: "SMART v1 only (no permission-v2; v2 scopes are not granted)",
    fhirPath: "/v1/fhir",
    authPath: "/v1/auth",
    scopeVersions: ["v1"],
    registration: false,
    clients: [],
  },
  {
    id: "seed-000",
    title: `SMART worked example, asymmetric client authentication (seed 000: ${SEED_CLIENT_ID}, private_key_jwt)`,
    fhirPath: "/seeds/000/fhir",
    authPath: "/seeds/000/auth",
    scopeVersions: ["v1", "v2"],
    registration: false,
    clients: [seed000Client],
  },
  {
    id: "seed-001",
    title: `SMART worked example, symmetric client authentication (seed 001: ${SEED_CLIENT_ID}, client secret)`,
    fhirPath: "/seeds/001/fhir",
    authPath: "/seeds/001/auth",
    scopeVersions: ["v1", "v2"],
    registration: false,
    clients: [seed001Client],
  },
  {
    id: "epic",
    title: "Epic profile (category or code required on Observation searches, _sort ignored, message 4119 on every page, need_patient_banner as a string, SMART v1 scopes)",
    fhirPath: "/epic/fhir",
    authPath: "/epic/auth",
    // The scopes Epic grants are v1 `.read` forms (the published trace in the README's EHR profiles).
    scopeVersions: ["v1"],
    registration: false,
    clients: [],
    profile: EHR_PROFILES.epic,
  },
  {
    id: "oracle",
    title: "Oracle Health profile (newest first, _sort ignored, _count 50 by default and at most 200, 570 s tokens, offline_access for patients only)",
    fhirPath: "/oracle/fhir",
    authPath: "/oracle/auth",
    scopeVersions: ["v1", "v2"],
    registration: false,
    clients: [],
    profile: EHR_PROFILES.oracle,
  },
];

export function isFhirServerId(value: unknown): value is FhirServerId {
  return FHIR_SERVERS.some((s) => s.id === value);
}
