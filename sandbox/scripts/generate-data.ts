/**
 * Generates the sandbox's scenario data (`sandbox/data/*.json`): FHIR R4 Bundles, deterministic (a seeded
 * PRNG, fixed dates), so the expected counts in the README stay true. Run: `npm run sandbox:data`.
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const OUT = fileURLToPath(new URL("../data", import.meta.url));
const LOINC = "http://loinc.org";
const UCUM = "http://unitsofmeasure.org";
const LAB_CATEGORY: fhir4.CodeableConcept[] = [
  { coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory", display: "Laboratory" }] },
];

/** mulberry32: a small, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function patient(id: string, given: string[], family: string, gender: fhir4.Patient["gender"], birthDate: string, mrn: string): fhir4.Patient {
  return {
    resourceType: "Patient",
    id,
    identifier: [
      {
        use: "usual",
        type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR", display: "Medical record number" }] },
        system: "urn:oid:2.16.840.1.113883.19.5",
        value: mrn,
      },
    ],
    name: [{ use: "official", family, given }],
    gender,
    birthDate,
  };
}

function practitioner(id: string, given: string, family: string): fhir4.Practitioner {
  return { resourceType: "Practitioner", id, name: [{ use: "official", prefix: ["Dr."], given: [given], family }] };
}

function bundle(resources: fhir4.Resource[]): fhir4.Bundle {
  return {
    resourceType: "Bundle",
    type: "collection",
    entry: resources.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id}`, resource })),
  };
}

/** ISO dateTime with a fixed US Eastern-like offset, as EHRs often record. */
function isoWithOffset(ms: number, offsetHours: number): string {
  const local = new Date(ms + offsetHours * 3600_000);
  const sign = offsetHours < 0 ? "-" : "+";
  const hh = String(Math.abs(offsetHours)).padStart(2, "0");
  return `${local.toISOString().slice(0, 19)}${sign}${hh}:00`;
}

const HBA1C_RANGE: fhir4.ObservationReferenceRange[] = [
  { low: { value: 4, unit: "%", system: UCUM, code: "%" }, high: { value: 5.6, unit: "%", system: UCUM, code: "%" }, text: "4.0–5.6 %" },
];

function interpretation(value: number, high: number): fhir4.CodeableConcept[] {
  const code = value > high ? "H" : "N";
  return [
    {
      coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code, display: code === "H" ? "High" : "Normal" }],
    },
  ];
}

/**
 * `hba1c-long`: 140 HbA1c results (LOINC 4548-4, %) every ~4 weeks from 2014-03 to 2024-11 (over 10 years),
 * 4 of them entered-in-error: 136 shown. At `_count=50` the search takes 3 pages.
 */
function hba1cLong(): fhir4.Resource[] {
  const random = prng(4548);
  const id = "hba1c-long";
  const out: fhir4.Resource[] = [patient(id, ["Amelia", "Jane"], "Rhodes", "female", "1961-04-12", "MRN-100001")];
  const enteredInError = new Set([17, 58, 93, 121]);
  const start = Date.UTC(2014, 2, 3, 14, 20);
  for (let i = 0; i < 140; i++) {
    const t = start + i * 28 * 86_400_000 + Math.floor(random() * 5) * 86_400_000 + Math.floor(random() * 300) * 60_000;
    // Poorly controlled at first, better after treatment changes, a relapse in the middle years.
    const trend = 9.2 - 2.4 * Math.min(1, i / 45) + (i > 80 && i < 105 ? 1.1 * Math.sin(((i - 80) / 25) * Math.PI) : 0);
    const value = Math.round((trend + (random() - 0.5) * 0.8) * 10) / 10;
    const effective = isoWithOffset(t, -5);
    const observation: fhir4.Observation = {
      resourceType: "Observation",
      id: `${id}-a1c-${String(i + 1).padStart(3, "0")}`,
      status: enteredInError.has(i) ? "entered-in-error" : "final",
      category: LAB_CATEGORY,
      code: { coding: [{ system: LOINC, code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood" }], text: "Hemoglobin A1c" },
      subject: { reference: `Patient/${id}` },
      effectiveDateTime: effective,
      issued: new Date(t + 6 * 3600_000).toISOString(),
      performer: [{ reference: "Practitioner/prac-1", display: "Dr. Priya Natarajan" }],
      valueQuantity: { value, unit: "%", system: UCUM, code: "%" },
      interpretation: interpretation(value, 5.6),
      referenceRange: HBA1C_RANGE,
    };
    out.push(observation);
  }
  return out;
}

/** `no-labs`: a patient with no Observations at all. */
function noLabs(): fhir4.Resource[] {
  return [patient("no-labs", ["Jonah"], "Whitfield", "male", "1990-08-03", "MRN-100002")];
}

const FILES: Record<string, () => fhir4.Resource[]> = {
  "practitioners.json": () => [practitioner("prac-1", "Priya", "Natarajan"), practitioner("prac-2", "Samuel", "Okafor")],
  "hba1c-long.json": hba1cLong,
  "no-labs.json": noLabs,
};

await mkdir(OUT, { recursive: true });
for (const file of await readdir(OUT)) if (file.endsWith(".json") && !(file in FILES)) await rm(join(OUT, file));
for (const [file, make] of Object.entries(FILES)) {
  const resources = make();
  await writeFile(join(OUT, file), `${JSON.stringify(bundle(resources), null, 1)}\n`);
  console.log(`${file}: ${resources.length} resources`);
}
