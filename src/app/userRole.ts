/** What to call the signed-in user in the session header when their name cannot be read: loaded with the header. */
import type { SignedInUser } from "../fhir/session";

const ROLE: Record<string, string> = { Practitioner: "a clinician", PractitionerRole: "a clinician", Patient: "a patient", RelatedPerson: "a patient's representative" };

/** What to call a user whose name the app may not read. */
export function roleOf(user: SignedInUser): string {
  return ROLE[user.resourceType] ?? "an EHR user";
}
