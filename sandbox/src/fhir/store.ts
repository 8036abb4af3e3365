/**
 * An indexed, in-memory FHIR store, loaded from ordinary FHIR Bundles (load.ts; Synthea output works as is).
 * Resources are indexed by type, Observations and Encounters per patient (and Observations per code), the
 * clinical-context types (Goal, Condition, MedicationRequest, MedicationStatement) per patient, and Medications
 * by the patients whose records reference them, so a request touches only what it can match; care
 * relationships (who may see whom) are indexed at load time.
 */
import type { LoadReport } from "./load.ts";

export interface IndexedObservation {
  readonly resource: fhir4.Observation;
  /** Clinically relevant time in ms: effectiveDateTime, else effectivePeriod.start, else issued; NaN if none. */
  readonly time: number;
}

interface PatientObservations {
  /** Every Observation of the patient, sorted by time ascending (undated last). */
  readonly all: IndexedObservation[];
  /** `system|code` and bare `code` → Observations, each list sorted like `all`. */
  readonly byCode: Map<string, IndexedObservation[]>;
}

export function observationTime(o: fhir4.Observation): number {
  const raw = o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued;
  return raw ? Date.parse(raw) : Number.NaN;
}

function encounterTime(e: fhir4.Encounter): number {
  const raw = e.period?.start ?? e.period?.end;
  return raw ? Date.parse(raw) : Number.NaN;
}

function byTime<T extends { readonly time: number; readonly resource: fhir4.Resource }>(a: T, b: T): number {
  const at = Number.isNaN(a.time) ? Infinity : a.time;
  const bt = Number.isNaN(b.time) ? Infinity : b.time;
  return at - bt || (a.resource.id ?? "").localeCompare(b.resource.id ?? "");
}

/** The id in a `Type/<id>` reference (absolute or relative), or undefined. */
export function referencedId(reference: string | undefined, type: string): string | undefined {
  if (!reference) return undefined;
  const m = new RegExp(`^(?:.*/)?${type}/([^/]+)$`).exec(reference);
  return m?.[1];
}

/** The patient id a resource belongs to, from `subject` (`Patient/<id>`). */
export function subjectPatientId(resource: { subject?: fhir4.Reference }): string | undefined {
  return referencedId(resource.subject?.reference, "Patient");
}

/** Types listed per patient (by `subject`), in insertion order: few per patient, searched by scanning the list. */
export const PATIENT_LISTED_TYPES = ["Goal", "Condition", "MedicationRequest", "MedicationStatement"] as const;
export type PatientListedType = (typeof PATIENT_LISTED_TYPES)[number];
type PatientListed = fhir4.Goal | fhir4.Condition | fhir4.MedicationRequest | fhir4.MedicationStatement;

function isPatientListed(resource: fhir4.Resource): resource is PatientListed {
  return (PATIENT_LISTED_TYPES as readonly string[]).includes(resource.resourceType);
}

export class FhirStore {
  readonly #byType = new Map<string, Map<string, fhir4.Resource>>();
  readonly #observations = new Map<string, PatientObservations>();
  readonly #encounters = new Map<string, { resource: fhir4.Encounter; time: number }[]>();
  /** Indexes with entries added since they were last sorted; sorted on first use. */
  readonly #unsorted = new Set<{ sort(): void }>();
  /** Practitioner id → patients they care for; patients with any recorded care relationship. */
  readonly #careOf = new Map<string, Set<string>>();
  readonly #withCareTeam = new Set<string>();
  /** Type → patient id → that patient's resources of the type. */
  readonly #listed = new Map<string, Map<string, PatientListed[]>>();
  /** Medication id → patients whose MedicationRequests or MedicationStatements reference it. */
  readonly #medicationUsers = new Map<string, Set<string>>();
  #observationCount = 0;
  #size = 0;
  /** What `loadStore` (load.ts) loaded. */
  report: LoadReport | undefined;

  get observationCount(): number {
    return this.#observationCount;
  }

  get size(): number {
    return this.#size;
  }

  add(resource: fhir4.Resource): void {
    if (!resource.id) throw new Error(`A ${resource.resourceType} without an id cannot be stored`);
    let ofType = this.#byType.get(resource.resourceType);
    if (!ofType) {
      ofType = new Map();
      this.#byType.set(resource.resourceType, ofType);
    }
    if (ofType.has(resource.id)) throw new Error(`Duplicate resource ${resource.resourceType}/${resource.id}`);
    ofType.set(resource.id, resource);
    this.#size++;
    switch (resource.resourceType) {
      case "Observation":
        return this.#indexObservation(resource as fhir4.Observation);
      case "Encounter":
        return this.#indexEncounter(resource as fhir4.Encounter);
      case "Patient":
        for (const gp of (resource as fhir4.Patient).generalPractitioner ?? []) this.#careFor(referencedId(gp.reference, "Practitioner"), resource.id);
        return;
    }
    if (isPatientListed(resource)) this.#indexListed(resource);
  }

  read<T extends fhir4.Resource>(resourceType: T["resourceType"], id: string): T | undefined {
    return this.#byType.get(resourceType)?.get(id) as T | undefined;
  }

  /** All resources of a type, in insertion order. */
  all<T extends fhir4.Resource>(resourceType: T["resourceType"]): Iterable<T> {
    return (this.#byType.get(resourceType)?.values() ?? []) as Iterable<T>;
  }

  count(resourceType: string): number {
    return this.#byType.get(resourceType)?.size ?? 0;
  }

  /**
   * Whether a practitioner may see a patient: they are its general practitioner, took part in one of its
   * encounters or performed one of its Observations — or nobody is recorded as caring for the patient.
   */
  practitionerMaySee(practitionerId: string, patientId: string): boolean {
    return !this.#withCareTeam.has(patientId) || (this.#careOf.get(practitionerId)?.has(patientId) ?? false);
  }

  /**
   * A patient's Observations matching any of `codes` (`system|code`, `code`, or `|code` for no system),
   * or all of them when `codes` is empty; sorted by time ascending, without duplicates.
   */
  observationsOf(patientId: string, codes: readonly string[]): readonly IndexedObservation[] {
    const index = this.#observations.get(patientId);
    if (!index) return [];
    this.#sorted(index);
    if (codes.length === 0) return index.all;
    const lists = codes.map((c) => index.byCode.get(c.startsWith("|") ? `|${c.slice(1)}` : c) ?? []);
    if (lists.length === 1) return lists[0] ?? [];
    const seen = new Set<IndexedObservation>();
    const merged: IndexedObservation[] = [];
    for (const list of lists) {
      for (const o of list) {
        if (seen.has(o)) continue;
        seen.add(o);
        merged.push(o);
      }
    }
    return merged.sort(byTime);
  }

  /** A patient's resources of a per-patient type (Goal, Condition, MedicationRequest, MedicationStatement). */
  listedOf<T extends PatientListed>(resourceType: T["resourceType"] & PatientListedType, patientId: string): readonly T[] {
    return (this.#listed.get(resourceType)?.get(patientId) ?? []) as T[];
  }

  /** The patients whose MedicationRequests or MedicationStatements reference `Medication/<id>`. */
  medicationUsers(medicationId: string): readonly string[] {
    return [...(this.#medicationUsers.get(medicationId) ?? [])];
  }

  /** A patient's Encounters, sorted by period start ascending (undated last). */
  encountersOf(patientId: string): readonly { readonly resource: fhir4.Encounter; readonly time: number }[] {
    const list = this.#encounters.get(patientId);
    if (!list) return [];
    this.#sorted(list);
    return list;
  }

  #sorted(index: PatientObservations | { resource: fhir4.Encounter; time: number }[]): void {
    const sortable = Array.isArray(index) ? index : index.all;
    if (!this.#unsorted.delete(sortable)) return;
    sortable.sort(byTime);
    if (!Array.isArray(index)) for (const list of index.byCode.values()) list.sort(byTime);
  }

  #careFor(practitionerId: string | undefined, patientId: string | undefined): void {
    if (!practitionerId || !patientId) return;
    this.#withCareTeam.add(patientId);
    const patients = this.#careOf.get(practitionerId) ?? new Set<string>();
    patients.add(patientId);
    this.#careOf.set(practitionerId, patients);
  }

  #indexObservation(o: fhir4.Observation): void {
    const patientId = subjectPatientId(o);
    if (!patientId) return;
    let index = this.#observations.get(patientId);
    if (!index) {
      index = { all: [], byCode: new Map() };
      this.#observations.set(patientId, index);
    }
    const entry: IndexedObservation = { resource: o, time: observationTime(o) };
    index.all.push(entry);
    this.#unsorted.add(index.all);
    this.#observationCount++;
    for (const performer of o.performer ?? []) this.#careFor(referencedId(performer.reference, "Practitioner"), patientId);
    const keys = new Set<string>();
    for (const coding of o.code?.coding ?? []) {
      if (!coding.code) continue;
      keys.add(coding.code);
      keys.add(`${coding.system ?? ""}|${coding.code}`);
    }
    for (const key of keys) {
      const list = index.byCode.get(key);
      if (list) list.push(entry);
      else index.byCode.set(key, [entry]);
    }
  }

  #indexListed(resource: PatientListed): void {
    const patientId = subjectPatientId(resource);
    if (!patientId) return;
    let byPatient = this.#listed.get(resource.resourceType);
    if (!byPatient) {
      byPatient = new Map();
      this.#listed.set(resource.resourceType, byPatient);
    }
    const list = byPatient.get(patientId) ?? [];
    list.push(resource);
    byPatient.set(patientId, list);
    if (resource.resourceType !== "MedicationRequest" && resource.resourceType !== "MedicationStatement") return;
    const medicationId = referencedId(resource.medicationReference?.reference, "Medication");
    if (!medicationId) return;
    const users = this.#medicationUsers.get(medicationId) ?? new Set<string>();
    users.add(patientId);
    this.#medicationUsers.set(medicationId, users);
  }

  #indexEncounter(e: fhir4.Encounter): void {
    const patientId = subjectPatientId(e);
    if (!patientId) return;
    const list = this.#encounters.get(patientId) ?? [];
    list.push({ resource: e, time: encounterTime(e) });
    this.#encounters.set(patientId, list);
    this.#unsorted.add(list);
    for (const p of e.participant ?? []) this.#careFor(referencedId(p.individual?.reference, "Practitioner"), patientId);
  }

}
