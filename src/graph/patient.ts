/** Patient details for the banner: pure helpers. */
import { t } from "../i18n/i18n";
import { list, record, text } from "../labs/json";

/**
 * A person's display name, whatever JSON the server sends: the official (else first current, else first) name,
 * its own text, else its parts. `withPrefix` keeps a prefix such as "Dr." (for a signed-in clinician).
 */
export function personName(resource: { readonly name?: readonly fhir4.HumanName[] }, withPrefix = false): string | undefined {
  const names = list(resource.name).map(record).filter((n): n is fhir4.HumanName => n !== undefined);
  const name = names.find((n) => n.use === "official") ?? names.find((n) => n.use !== "old") ?? names[0];
  if (!name) return undefined;
  const own = text(name.text);
  if (own) return own;
  const parts = [...(withPrefix ? list(name.prefix).map(text) : []), ...list(name.given).map(text), text(name.family)].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(" ") : undefined;
}

export function patientName(patient: fhir4.Patient): string {
  return personName(patient) ?? t("Unnamed patient");
}

/** Whole years between a FHIR birth date and `today`. */
export function ageInYears(birthDate: string, today: Date): number | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birthDate);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  let age = today.getFullYear() - year;
  if (today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day)) age--;
  return age >= 0 ? age : undefined;
}

/** The medical record number: an identifier typed MR, else the first one marked usual. */
export function medicalRecordNumber(patient: fhir4.Patient): string | undefined {
  const ids = patient.identifier ?? [];
  const mr = ids.find((i) => i.type?.coding?.some((c) => c.code === "MR"));
  return (mr ?? ids.find((i) => i.use === "usual"))?.value;
}

export function sexLabel(gender: fhir4.Patient["gender"]): string | undefined {
  return gender && { male: t("Male"), female: t("Female"), other: t("Other"), unknown: t("Unknown") }[gender];
}
