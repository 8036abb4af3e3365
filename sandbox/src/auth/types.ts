/** The authorization server's options and what it tells the rest of the sandbox. */
import type { ClientRecord } from "./clients.ts";
import type { LaunchCodec, LaunchContext } from "./launch.ts";
import type { ScopeVersion } from "../scopes.ts";
import type { FaultName } from "../faultCatalog.ts";

/** A RelatedPerson who may sign in for the patient they care for. */
export interface Caregiver {
  readonly id: string;
  readonly name: string;
  readonly patientId: string;
  readonly patientName: string;
  readonly relationship?: string;
}

export interface UserSummary {
  readonly name?: string;
  readonly given?: string;
  readonly family?: string;
}

export interface AuthServerOptions {
  /** Absolute URL of the issuer; its path is where the provider is mounted (e.g. `http://host/auth`). */
  readonly issuer: string;
  /** The FHIR base URL: the only resource (`aud`) tokens are issued for. */
  readonly fhirBase: string;
  /** Absolute URL prefix of the sandbox, for style URLs. */
  readonly origin: string;
  readonly clients: readonly ClientRecord[];
  readonly launches: LaunchCodec;
  /** Client ids that may use any loopback redirect URI (RFC 8252 style) in addition to their registered ones. */
  readonly loopbackClients: readonly string[];
  /** Lists patients for the standalone patient picker. */
  readonly patients: () => readonly { id: string; name: string }[];
  /** Lists caregivers (RelatedPersons) who may sign in on a patient's behalf, for the same picker. */
  readonly caregivers: () => readonly Caregiver[];
  /** The patient's latest encounter, for a standalone `launch/encounter`. */
  readonly latestEncounter: (patientId: string) => string | undefined;
  /** Names for the OpenID `profile` claims, from a `Practitioner/<id>`, `Patient/<id>` or `RelatedPerson/<id>` reference. */
  readonly user: (reference: string) => UserSummary | undefined;
  /** Unique per provider in one process: cookies of several providers on one host must not collide. */
  readonly cookiePrefix: string;
  readonly scopeVersions: readonly ScopeVersion[];
  /** Dynamic client registration (RFC 7591) and client upserts (seed 002's `PUT /Client/{id}`). */
  readonly registration: boolean;
  /** Default access-token lifetime in seconds. */
  readonly accessTokenLifetime?: number;
  /** Send `need_patient_banner` as the string "true"/"false" (an EHR profile's habit). */
  readonly bannerAsString?: boolean;
  /** Grant `offline_access` only when the signed-in user is a patient (an EHR profile's habit). */
  readonly offlineAccessForPatientsOnly?: boolean;
}

/** What the FHIR API learns from a valid bearer token. */
export interface TokenGrant {
  readonly grantId: string | undefined;
  readonly clientId: string;
  /** `Practitioner/<id>`, `Patient/<id>`, or a client id for tokens minted without a user. */
  readonly accountId: string;
  readonly scope: string;
  readonly expiresAt: number;
  readonly context: LaunchContext | undefined;
}

export type TokenCheck = { ok: true; grant: TokenGrant } | { ok: false; reason: string; error: "invalid_token" };

/** Per-client settings that oidc-provider's client metadata has no place for. */
export interface ClientSettings {
  /** The SMART resource scopes the client registered for (seed 003); undefined: any. */
  readonly smartScope?: string;
  /** The app's launch URL (seed 002's `smart.launch_uri`), for get-launch-uri. */
  readonly launchUri?: string;
  /** Access-token lifetime in seconds (seed 002's `access_token_expiration`). */
  readonly lifetime?: number;
}

export interface MintRequest {
  readonly clientId: string;
  readonly scope: string;
  readonly user: string;
  readonly patient?: string;
  readonly lifetime?: number;
  readonly error?: FaultName;
  /** When the refresh token (the approval) expires, in Unix seconds; default as for any refresh token. */
  readonly refreshExpiresAt?: number;
}
