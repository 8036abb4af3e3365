/**
 * Reading a server's JSON as it is, not as its types promise: a field the FHIR types call a string or a list
 * may be missing, null, or something else entirely, and must not take the page down.
 */

/** The value when it is a string. */
export function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The value when it is an array, else none. */
export function list<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** The value when it is a finite number. */
export function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The value when it is an object (not null, not an array). */
export function record<T extends object>(value: T | undefined): T | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

/** A CodeableConcept in words: its text, else a coding's display, else a coding's code. */
export function conceptText(c: fhir4.CodeableConcept | undefined): string | undefined {
  const concept = record(c);
  if (!concept) return undefined;
  const codings = list(concept.coding).map(record);
  return text(concept.text) ?? codings.map((x) => text(x?.display)).find(Boolean) ?? codings.map((x) => text(x?.code)).find(Boolean);
}
