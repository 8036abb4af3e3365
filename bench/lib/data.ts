/** Benchmark data: FHIR Bundles written to bench/.tmp, generated deterministically. */
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

export function patient(id: string, family: string): fhir4.Patient {
  return { resourceType: "Patient", id, name: [{ use: "official", given: ["Bench"], family }], gender: "female", birthDate: "1970-01-01" };
}

/** `count` lab results for `patientId`, one a day going back from 2025-01-01, values on a gentle wave. */
export function observations(patientId: string, count: number, code = "4548-4", unit = "%"): fhir4.Observation[] {
  const out: fhir4.Observation[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < count; i++) {
    out.push({
      resourceType: "Observation",
      id: `${patientId}-${i}`,
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }],
      code: { coding: [{ system: "http://loinc.org", code }] },
      subject: { reference: `Patient/${patientId}` },
      effectiveDateTime: new Date(start - i * 86_400_000).toISOString(),
      valueQuantity: { value: Math.round((7 + Math.sin(i / 20) * 1.5) * 10) / 10, unit, system: "http://unitsofmeasure.org", code: unit },
    });
  }
  return out;
}

export function bundle(resources: fhir4.Resource[]): string {
  return JSON.stringify({ resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) });
}

/** The streaming patient: about 10 Observation pages at the app's page size of 200. */
export const TEN_PAGE_PATIENT = "bench-10page";
export const TEN_PAGE_RESULTS = 2000;

/** The plain comparison's longer history (the shorter one is the sandbox's `hba1c-long`, 137 results). */
export const PLAIN_LONG_PATIENT = "bench-500";
export const PLAIN_LONG_RESULTS = 500;

/** Patients with 100, 1 000 and 10 000 HbA1c results, for the render-scale and memory figures. */
export const SCALE_PATIENTS = { 100: "bench-100", 1000: "bench-1000", 10000: "bench-10000" } as const;

/**
 * The sandbox's own scenario data plus the streaming patient (2 000 HbA1c results: 10 pages at _count=200),
 * the plain comparison's 500-result patient and the scale patients.
 */
export async function appData(tmp: string): Promise<string> {
  const dir = join(tmp, "data-app");
  await rm(dir, { recursive: true, force: true });
  await cp("sandbox/data", dir, { recursive: true });
  await writeFile(join(dir, `${TEN_PAGE_PATIENT}.json`), bundle([patient(TEN_PAGE_PATIENT, "TenPages"), ...observations(TEN_PAGE_PATIENT, TEN_PAGE_RESULTS)]));
  await writeFile(join(dir, `${PLAIN_LONG_PATIENT}.json`), bundle([patient(PLAIN_LONG_PATIENT, "Plain500"), ...observations(PLAIN_LONG_PATIENT, PLAIN_LONG_RESULTS)]));
  for (const [count, id] of Object.entries(SCALE_PATIENTS)) {
    await writeFile(join(dir, `${id}.json`), bundle([patient(id, `Scale${count}`), ...observations(id, Number(count))]));
  }
  return dir;
}

/** A store of `patients` × `perPatient` Observations (plus the two practitioners the sandbox expects). */
export async function storeData(tmp: string, patients: number, perPatient: number): Promise<string> {
  const dir = join(tmp, `store-${patients * perPatient}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp("sandbox/data/practitioners.json", join(dir, "practitioners.json"));
  for (let p = 0; p < patients; p++) {
    const id = `store-p${p}`;
    await writeFile(join(dir, `${id}.json`), bundle([patient(id, `Store${p}`), ...observations(id, perPatient, p % 2 ? "2345-7" : "4548-4", p % 2 ? "mg/dL" : "%")]));
  }
  return dir;
}
