/**
 * Who is asking and what they may see: the bearer token's parsed scopes, launch patient and user, and the
 * permit that follows for one resource type (everything with system scopes or on the open endpoint, what the
 * user may see with user scopes, only the launch patient with patient scopes).
 */
import type { FhirStore } from "./store.ts";
import { referencedId } from "./store.ts";
import { badRequest, forbidden, type FhirError } from "./outcome.ts";
import { parseScopes, scopesAllowing, type Interaction, type ResourceScope } from "../scopes.ts";

/** Who is asking: the token's parsed scopes, its launch patient and its user. */
export interface Access {
  readonly scopes: readonly ResourceScope[];
  readonly patient: string | undefined;
  /** `Practitioner/<id>` or `Patient/<id>`: whose view `user/` scopes give. */
  readonly user: string | undefined;
  /** Unrestricted (the clearly marked open endpoint). */
  readonly open?: boolean;
}

export function accessFor(scope: string, patient: string | undefined, user: string | undefined): Access {
  return { scopes: parseScopes(scope), patient, user };
}

export const OPEN_ACCESS: Access = { scopes: [], patient: undefined, user: undefined, open: true };

/** What a request may see of one resource type. */
export interface Permit {
  /** `patient/` scopes: the launch patient, the only one. */
  readonly confinedTo?: string;
  readonly restrictions: readonly ReadonlyMap<string, string>[];
  maySee(patientId: string | undefined): boolean;
}

const ALL: Permit = { restrictions: [], maySee: () => true };

/**
 * What a request may do with `resourceType`: see everything (system scopes, the open endpoint), what the
 * user may see (user scopes), or only the launch patient (patient scopes); 403 when no scope allows it.
 */
export function permitFor(store: FhirStore, access: Access, resourceType: string, interaction: Interaction): Permit {
  if (access.open) return ALL;
  const allowing = scopesAllowing(access.scopes, resourceType, interaction);
  if (allowing.length === 0) {
    throw forbidden(`The access token's scopes do not allow ${interaction === "s" ? "search" : "read"} of ${resourceType}.`);
  }
  const broad = allowing.filter((s) => s.context !== "patient");
  const chosen = broad.length > 0 ? broad : allowing;
  const restrictions = chosen.every((s) => s.restriction.size > 0) ? chosen.map((s) => s.restriction) : [];
  if (broad.some((s) => s.context === "system")) return { restrictions, maySee: () => true };
  if (broad.length > 0) return { restrictions, maySee: (patientId) => userMaySee(store, access.user, patientId) };
  const patient = access.patient;
  if (!patient) throw forbidden("The token has patient scopes but no patient in its launch context.");
  return { confinedTo: patient, restrictions, maySee: (patientId) => patientId === patient };
}

function userMaySee(store: FhirStore, user: string | undefined, patientId: string | undefined): boolean {
  if (!patientId) return false;
  const practitioner = referencedId(user, "Practitioner");
  if (practitioner) return store.practitionerMaySee(practitioner, patientId);
  return referencedId(user, "Patient") === patientId;
}

/**
 * Medications are not in the patient compartment: a token may see one that a MedicationRequest or
 * MedicationStatement of a patient it may see references (all of them with system scopes).
 */
export function mayUseMedication(store: FhirStore, permit: Permit, medicationId: string): boolean {
  return permit.maySee(undefined) || store.medicationUsers(medicationId).some((patientId) => permit.maySee(patientId));
}

export function notVisible(access: Access, permit: Permit, type: string, patientId: string | undefined): FhirError {
  if (permit.confinedTo !== undefined) return forbidden(`This token may only access its launch patient's records, not ${type === "Patient" ? `Patient/${patientId}` : `this ${type}`}.`);
  return forbidden(`The signed-in user ${access.user ?? "(none)"} may not see the records of Patient/${patientId ?? "?"}.`);
}

/** The patient a search is about: the one named (if the token may see it), else the launch patient. */
export function searchedPatient(named: string | undefined, permit: Permit, access: Access, type: string): string {
  if (named !== undefined) {
    if (!permit.maySee(named)) throw notVisible(access, permit, "Patient", named);
    return named;
  }
  if (permit.confinedTo !== undefined) return permit.confinedTo;
  throw badRequest(`${type} searches need a patient (or subject) parameter.`);
}
