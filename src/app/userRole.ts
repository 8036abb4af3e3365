/** What to call the signed-in user in the session header when their name cannot be read: loaded with the header. */
import type { SignedInUser } from "../fhir/session";
import { t } from "../i18n/i18n";

/** What to call a user whose name the app may not read. */
export function roleOf(user: SignedInUser): string {
  switch (user.resourceType) {
    case "Practitioner":
    case "PractitionerRole":
      return t("a clinician");
    case "Patient":
      return t("a patient");
    case "RelatedPerson":
      return t("a patient's representative");
    default:
      return t("an EHR user");
  }
}
