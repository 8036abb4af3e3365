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

/** A person's display name: the official (else first current) name, with its prefix ("Dr."). */
export function personName(resource: { readonly name?: readonly fhir4.HumanName[] }): string | undefined {
  const name = resource.name?.find((n) => n.use === "official") ?? resource.name?.find((n) => n.use !== "old") ?? resource.name?.[0];
  if (!name) return undefined;
  if (name.text) return name.text;
  const parts = [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(" ") : undefined;
}

const ROLE: Record<string, string> = { Practitioner: "a clinician", PractitionerRole: "a clinician", Patient: "a patient", RelatedPerson: "a patient's representative" };

/** What to call a user whose name the app may not read. */
export function roleOf(user: SignedInUser): string {
  return ROLE[user.resourceType] ?? "an EHR user";
}
