/**
 * An indexed, in-memory FHIR store loaded from ordinary FHIR Bundles (Synthea output works as is).
 * Observations are indexed per patient and per code so that a search touches only the results it can match.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";

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

function byTime(a: IndexedObservation, b: IndexedObservation): number {
  const at = Number.isNaN(a.time) ? Infinity : a.time;
  const bt = Number.isNaN(b.time) ? Infinity : b.time;
  return at - bt || (a.resource.id ?? "").localeCompare(b.resource.id ?? "");
}

/** The patient id an Observation belongs to, from `subject` (`Patient/<id>` or `urn:uuid:<id>`). */
export function subjectPatientId(o: fhir4.Observation): string | undefined {
  const ref = o.subject?.reference;
  if (!ref) return undefined;
  const m = /^(?:.*\/)?Patient\/([^/]+)$/.exec(ref) ?? /^urn:uuid:(.+)$/.exec(ref);
  return m?.[1];
}

export class FhirStore {
  readonly #resources = new Map<string, fhir4.Resource>();
  readonly #observations = new Map<string, PatientObservations>();
  /** Indexes with entries added since they were last sorted; sorted on first use. */
  readonly #unsorted = new Set<PatientObservations>();
  #observationCount = 0;

  get observationCount(): number {
    return this.#observationCount;
  }

  get size(): number {
    return this.#resources.size;
  }

  /** Adds every resource of the bundle; `urn:uuid:` references (Synthea) are rewritten to `Type/id`. */
  addBundle(bundle: fhir4.Bundle): void {
    const urnToRef = new Map<string, string>();
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource;
      if (r?.id && entry.fullUrl?.startsWith("urn:uuid:")) urnToRef.set(entry.fullUrl, `${r.resourceType}/${r.id}`);
    }
    for (const entry of bundle.entry ?? []) {
      if (!entry.resource) continue;
      const resource = urnToRef.size ? rewriteReferences(entry.resource, urnToRef) : entry.resource;
      this.add(resource);
    }
  }

  add(resource: fhir4.Resource): void {
    if (!resource.id) throw new Error(`A ${resource.resourceType} without an id cannot be stored`);
    const key = `${resource.resourceType}/${resource.id}`;
    if (this.#resources.has(key)) throw new Error(`Duplicate resource ${key}`);
    this.#resources.set(key, resource);
    if (resource.resourceType === "Observation") this.#indexObservation(resource as fhir4.Observation);
  }

  read<T extends fhir4.Resource>(resourceType: T["resourceType"], id: string): T | undefined {
    return this.#resources.get(`${resourceType}/${id}`) as T | undefined;
  }

  /** All resources of a type, in insertion order. */
  *all<T extends fhir4.Resource>(resourceType: T["resourceType"]): Iterable<T> {
    for (const r of this.#resources.values()) if (r.resourceType === resourceType) yield r as T;
  }

  /**
   * A patient's Observations matching any of `codes` (`system|code`, `code`, or `|code` for no system),
   * or all of them when `codes` is empty; sorted by time ascending, without duplicates.
   */
  observationsOf(patientId: string, codes: readonly string[]): readonly IndexedObservation[] {
    const index = this.#observations.get(patientId);
    if (!index) return [];
    if (this.#unsorted.delete(index)) {
      index.all.sort(byTime);
      for (const list of index.byCode.values()) list.sort(byTime);
    }
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
    this.#unsorted.add(index);
    this.#observationCount++;
    const keys = new Set<string>();
    for (const coding of o.code.coding ?? []) {
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


  static async fromDirectory(dir: string): Promise<FhirStore> {
    const store = new FhirStore();
    const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
    for (const file of files) {
      const bundle = JSON.parse(await readFile(join(dir, file), "utf8")) as fhir4.Bundle;
      if (bundle.resourceType !== "Bundle") throw new Error(`${file} is not a FHIR Bundle`);
      store.addBundle(bundle);
    }
    return store;
  }
}

function rewriteReferences<T>(value: T, urnToRef: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((v) => rewriteReferences(v, urnToRef)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === "reference" && typeof v === "string" && urnToRef.has(v) ? urnToRef.get(v) : rewriteReferences(v, urnToRef);
    }
    return out as T;
  }
  return value;
}
