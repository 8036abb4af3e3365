/** What each FHIR base advertises: `.well-known/smart-configuration` and the CapabilityStatement. */
import { NON_RESOURCE_SCOPES, SERVED_RESOURCE_TYPES, type ScopeVersion } from "../scopes.ts";
import { CONTEXT_SEARCH_PARAMS } from "./contextSearch.ts";

export interface DiscoveryInput {
  readonly origin: string;
  readonly fhirBase: string;
  readonly issuer: string;
  readonly scopeVersions: readonly ScopeVersion[];
  readonly registration: boolean;
  /** Client authentication methods clients of this server can use. */
  readonly authMethods: readonly string[];
  /** The EHR profile's name, when the base plays one (profiles.ts). */
  readonly profileName?: string;
}

const COMMON_CAPABILITIES = [
  "launch-ehr",
  "launch-standalone",
  "authorize-post",
  "client-public",
  "sso-openid-connect",
  "context-passthrough-banner",
  "context-passthrough-style",
  "context-ehr-patient",
  "context-ehr-encounter",
  "context-standalone-patient",
  "context-standalone-encounter",
  "permission-offline",
  "permission-online",
  "permission-patient",
  "permission-user",
];

export function smartConfiguration(input: DiscoveryInput): Record<string, unknown> {
  const v2 = input.scopeVersions.includes("v2");
  const v1 = input.scopeVersions.includes("v1");
  const wildcards = ["patient", "user"].flatMap((c) => [...(v2 ? [`${c}/*.rs`, `${c}/*.cruds`] : []), ...(v1 ? [`${c}/*.read`, `${c}/*.*`] : [])]);
  // Every served type's read scopes, so a client sees which types (MedicationRequest, Condition…) it may ask for.
  const typed = ["patient", "user"].flatMap((c) => SERVED_RESOURCE_TYPES.flatMap((type) => [...(v2 ? [`${c}/${type}.rs`] : []), ...(v1 ? [`${c}/${type}.read`] : [])]));
  return {
    issuer: input.issuer,
    jwks_uri: `${input.issuer}/jwks`,
    authorization_endpoint: `${input.issuer}/authorize`,
    token_endpoint: `${input.issuer}/token`,
    introspection_endpoint: `${input.issuer}/introspect`,
    revocation_endpoint: `${input.issuer}/revoke`,
    ...(input.registration ? { registration_endpoint: `${input.issuer}/register` } : {}),
    userinfo_endpoint: `${input.issuer}/userinfo`,
    grant_types_supported: ["authorization_code", "refresh_token"],
    response_types_supported: ["code"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: input.authMethods,
    ...(input.authMethods.includes("private_key_jwt") ? { token_endpoint_auth_signing_alg_values_supported: ["RS384", "ES384"] } : {}),
    scopes_supported: [...NON_RESOURCE_SCOPES, ...wildcards, ...typed],
    capabilities: [
      ...COMMON_CAPABILITIES,
      ...(input.authMethods.some((m) => m.startsWith("client_secret")) ? ["client-confidential-symmetric"] : []),
      ...(input.authMethods.includes("private_key_jwt") ? ["client-confidential-asymmetric"] : []),
      ...(v1 ? ["permission-v1"] : []),
      ...(v2 ? ["permission-v2"] : []),
    ],
  };
}

export function capabilityStatement(input: DiscoveryInput): fhir4.CapabilityStatement {
  const oauth = (url: string, valueUri: string) => ({ url, valueUri });
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-01-01",
    kind: "instance",
    fhirVersion: "4.0.1",
    format: ["json"],
    implementation: { description: input.profileName ? `SMART sandbox EHR: ${input.profileName}` : "SMART sandbox EHR", url: input.fhirBase },
    rest: [
      {
        mode: "server",
        security: {
          service: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" }] }],
          extension: [
            {
              url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
              extension: [
                oauth("authorize", `${input.issuer}/authorize`),
                oauth("token", `${input.issuer}/token`),
                oauth("introspect", `${input.issuer}/introspect`),
                oauth("revoke", `${input.issuer}/revoke`),
                ...(input.registration ? [oauth("register", `${input.issuer}/register`)] : []),
              ],
            },
          ],
        },
        resource: [
          {
            type: "Patient",
            interaction: [{ code: "read" }, { code: "search-type" }],
            searchParam: [
              { name: "_id", type: "token" },
              { name: "name", type: "string" },
            ],
          },
          { type: "Practitioner", interaction: [{ code: "read" }] },
          {
            type: "Encounter",
            interaction: [{ code: "read" }, { code: "search-type" }],
            searchParam: [
              { name: "patient", type: "reference" },
              { name: "date", type: "date" },
              { name: "status", type: "token" },
            ],
          },
          {
            type: "Observation",
            interaction: [{ code: "read" }, { code: "search-type" }],
            searchParam: [
              { name: "patient", type: "reference" },
              { name: "subject", type: "reference" },
              { name: "code", type: "token" },
              { name: "category", type: "token" },
              { name: "date", type: "date" },
              { name: "status", type: "token" },
            ],
          },
          {
            type: "Goal",
            interaction: [{ code: "read" }, { code: "search-type" }],
            searchParam: [
              { name: "patient", type: "reference" },
              { name: "lifecycle-status", type: "token" },
            ],
          },
          ...(["Condition", "MedicationRequest", "MedicationStatement"] as const).map((type) => ({
            type,
            interaction: [{ code: "read" as const }, { code: "search-type" as const }],
            ...(type === "Condition" ? {} : { searchInclude: [`${type}:medication`] }),
            searchParam: CONTEXT_SEARCH_PARAMS[type].map((name) => ({ name, type: searchParamType(name) })),
          })),
          {
            type: "Medication",
            interaction: [{ code: "read" }, { code: "search-type" }],
            searchParam: [
              { name: "_id", type: "token" },
              { name: "code", type: "token" },
            ],
          },
        ],
      },
    ],
  };
}

function searchParamType(name: string): fhir4.CapabilityStatementRestResourceSearchParam["type"] {
  if (name === "patient" || name === "subject") return "reference";
  return name === "authoredon" ? "date" : "token";
}
