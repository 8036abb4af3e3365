/** The sandbox's scenario data doubles as the unit tests' fixtures. */
import { readFileSync } from "node:fs";

function resources(file: string): fhir4.Resource[] {
  const bundle = JSON.parse(readFileSync(`sandbox/data/${file}.json`, "utf8")) as fhir4.Bundle;
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is fhir4.Resource => r !== undefined);
}

export function scenarioObservations(patient: string): fhir4.Observation[] {
  return resources(patient).filter((r): r is fhir4.Observation => r.resourceType === "Observation");
}

export function scenarioPatient(patient: string): fhir4.Patient {
  return resources(patient).find((r): r is fhir4.Patient => r.resourceType === "Patient")!;
}

export function observationsWithCodes(patient: string, codes: readonly string[]): fhir4.Observation[] {
  return scenarioObservations(patient).filter((o) => o.code.coding?.some((c) => c.code !== undefined && codes.includes(c.code)));
}
