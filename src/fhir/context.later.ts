/**
 * Reading the clinical context the chart shows beside a lab: the patient's medications (MedicationRequest and
 * MedicationStatement, with the Medication resources they point to) and problems (Condition). Loaded after the
 * first chart. Never a failure of the page: a part whose scope was not granted, or which the server does not
 * offer (400, 403, 404, 405, 501), is "unavailable"; any other failure is returned with its message.
 */
import { FhirRequestError } from "./errors";
import { scopeAllows } from "./scopes";
import type { Session } from "./session";
import { resolveOnServer } from "./urls";
import { t } from "../i18n/i18n";

export type ContextRead<T> =
  | { readonly status: "read"; readonly items: readonly T[] }
  | { readonly status: "unavailable"; readonly why: "scope" | "refused" }
  | { readonly status: "failed"; readonly message: string };

const NOT_HERE = new Set([400, 403, 404, 405, 501]);
/** Pages of one context search read at most (100 entries each): a longer history is cut, not waited for. */
const MAX_PAGES = 10;
/** Medication resources read one by one for their names, at most. */
const MAX_MEDICATION_READS = 30;

interface Found<T> {
  readonly items: T[];
  readonly medications: fhir4.Medication[];
}

/** Every page of a search (following `next` links on the FHIR server only, never the same page twice). */
async function searchAll<T extends fhir4.FhirResource>(session: Session, type: T["resourceType"], params: URLSearchParams, signal: AbortSignal | undefined): Promise<Found<T>> {
  const found: Found<T> = { items: [], medications: [] };
  const seen = new Set<string>();
  let url: string | undefined = resolveOnServer(`${type}?${params.toString()}`, session.serverUrl);
  for (let page = 0; url && page < MAX_PAGES && !seen.has(url); page++) {
    seen.add(url);
    const bundle: Partial<fhir4.Bundle> | null = await session.get<Partial<fhir4.Bundle> | null>(url, signal);
    if (bundle?.resourceType !== "Bundle") throw new Error(t("the answer was not a search result"));
    for (const entry of Array.isArray(bundle.entry) ? bundle.entry : []) {
      const resource = entry?.resource;
      if (resource?.resourceType === type && entry.search?.mode !== "include") found.items.push(resource as T);
      else if (resource?.resourceType === "Medication") found.medications.push(resource as fhir4.Medication);
    }
    const next = (Array.isArray(bundle.link) ? bundle.link : []).find((l) => l?.relation === "next")?.url;
    url = typeof next === "string" ? resolveOnServer(next, session.serverUrl) : undefined;
  }
  return found;
}

async function readPart<T extends fhir4.FhirResource>(session: Session, type: T["resourceType"], params: URLSearchParams, signal: AbortSignal | undefined): Promise<{ read: ContextRead<T>; medications: fhir4.Medication[] }> {
  if (!scopeAllows(session.grantedScope, type, "s")) return { read: { status: "unavailable", why: "scope" }, medications: [] };
  try {
    const found = await searchAll<T>(session, type, params, signal);
    return { read: { status: "read", items: found.items }, medications: found.medications };
  } catch (error) {
    if (signal?.aborted) throw error;
    if (error instanceof FhirRequestError && NOT_HERE.has(error.status)) return { read: { status: "unavailable", why: "refused" }, medications: [] };
    return { read: { status: "failed", message: error instanceof Error ? error.message : String(error) }, medications: [] };
  }
}

export interface MedicationsRead {
  readonly requests: ContextRead<fhir4.MedicationRequest>;
  readonly statements: ContextRead<fhir4.MedicationStatement>;
  /** Medication resources by the reference that names them ("Medication/abc"). */
  readonly medications: ReadonlyMap<string, fhir4.Medication>;
}

/** The references to Medication resources on this server that the resources make (contained ones need no read). */
function medicationReferences(resources: readonly (fhir4.MedicationRequest | fhir4.MedicationStatement)[]): string[] {
  const references = resources.map((r) => r.medicationReference?.reference).filter((ref): ref is string => typeof ref === "string" && /^Medication\/[A-Za-z0-9\-.]{1,64}$/.test(ref));
  return [...new Set(references)];
}

/**
 * The patient's MedicationRequests and MedicationStatements, searched side by side, and the Medication resources
 * they reference (a failed Medication read only loses that name: the period is still drawn).
 */
export async function readMedications(session: Session, patientId: string, signal?: AbortSignal): Promise<MedicationsRead> {
  const params = () => new URLSearchParams({ patient: patientId, _count: "100" });
  const [requests, statements] = await Promise.all([
    readPart<fhir4.MedicationRequest>(session, "MedicationRequest", params(), signal),
    readPart<fhir4.MedicationStatement>(session, "MedicationStatement", params(), signal),
  ]);
  const medications = new Map<string, fhir4.Medication>();
  for (const m of [...requests.medications, ...statements.medications]) if (m.id) medications.set(`Medication/${m.id}`, m);
  const items = [...(requests.read.status === "read" ? requests.read.items : []), ...(statements.read.status === "read" ? statements.read.items : [])];
  const missing = medicationReferences(items).filter((ref) => !medications.has(ref)).slice(0, MAX_MEDICATION_READS);
  await Promise.all(
    missing.map((ref) =>
      session.get<Partial<fhir4.Medication> | null>(ref, signal).then(
        (m) => void (m?.resourceType === "Medication" && medications.set(ref, m as fhir4.Medication)),
        () => undefined,
      ),
    ),
  );
  return { requests: requests.read, statements: statements.read, medications };
}

/**
 * The patient's Conditions. Some servers answer a search without `category` with 400 (they list problems and
 * diagnoses apart): then the problem list is asked for.
 */
export async function readConditions(session: Session, patientId: string, signal?: AbortSignal): Promise<ContextRead<fhir4.Condition>> {
  const params = new URLSearchParams({ patient: patientId, _count: "100" });
  const first = await readPart<fhir4.Condition>(session, "Condition", params, signal);
  if (first.read.status !== "unavailable" || first.read.why !== "refused") return first.read;
  params.set("category", "problem-list-item");
  return (await readPart<fhir4.Condition>(session, "Condition", params, signal)).read;
}
