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
