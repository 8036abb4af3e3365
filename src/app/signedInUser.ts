/** Who is signed in: whether the app may read the fhirUser resource, and how to name it. Pure functions. */
import type { Session, SignedInUser } from "../fhir/session";
import { scopeAllows } from "../fhir/scopes";

/**
 * Whether the granted scope lets the app read the signed-in user's resource: a user/system scope for its type,
 * or — for a patient reading their own record — the patient scope that covers the launch patient.
 */
export function canReadUser(session: Pick<Session, "grantedScope" | "patientId">, user: SignedInUser): boolean {
  if (scopeAllows(session.grantedScope, user.resourceType, "r", ["user", "system"])) return true;
  return user.resourceType === "Patient" && user.id === session.patientId && scopeAllows(session.grantedScope, "Patient", "r", ["patient"]);
}

const ROLE: Record<string, string> = { Practitioner: "a clinician", PractitionerRole: "a clinician", Patient: "a patient", RelatedPerson: "a patient's representative" };

/** What to call a user whose name the app may not read. */
export function roleOf(user: SignedInUser): string {
  return ROLE[user.resourceType] ?? "an EHR user";
}
