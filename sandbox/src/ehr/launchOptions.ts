/** The launch options shared by `GET /launch`, `GET /ehr` and the EHR page's form. */
import type { LaunchContext } from "../auth/launch.ts";
import { STYLE_NAMES, isStyle } from "./styles.ts";
import { FAULT_NAMES, isFaultName } from "../faultCatalog.ts";
import type { FhirStore } from "../fhir/store.ts";
import { FHIR_SERVERS, isFhirServerId, type FhirServerId } from "../fhirServers.ts";
import { MAX_COUNT } from "../fhir/search.ts";

export const MAX_LIFETIME = 24 * 3600;

export interface LaunchRequest {
  readonly app: string;
  readonly server: FhirServerId;
  readonly context: LaunchContext;
}

/** Reads and checks the launch options; a message saying what is wrong otherwise. */
export function parseLaunchOptions(params: URLSearchParams, store: FhirStore, defaultApp: string, fhirBaseOf: (id: FhirServerId) => string): LaunchRequest | string {
  const app = URL.parse(params.get("app") || defaultApp);
  if (!app || (app.protocol !== "http:" && app.protocol !== "https:")) return "The app launch URL must be an http or https URL.";
  const patient = params.get("patient") ?? "";
  if (!store.read("Patient", patient)) return `There is no patient "${patient}" in this sandbox.`;
  const practitioner = params.get("practitioner") || defaultPractitioner(store);
  if (!practitioner || !store.read("Practitioner", practitioner)) return `There is no practitioner "${practitioner ?? ""}" in this sandbox.`;
  // `server` (the EHR page's "Server", e.g. server=epic) and its older name `fhir` choose the FHIR base.
  const named = params.get("server") || undefined;
  const older = params.get("fhir") || undefined;
  if (named && older && named !== older) return `The server and fhir options name different servers (${named}, ${older}); give one.`;
  const server = named ?? older ?? "main";
  if (!isFhirServerId(server)) return `The server option must be one of ${FHIR_SERVERS.map((s) => s.id).join(", ")}.`;
  let encounter = params.get("encounter") || undefined;
  if (encounter === "latest") encounter = store.encountersOf(patient).at(-1)?.resource.id;
  else if (encounter !== undefined && store.read<fhir4.Encounter>("Encounter", encounter)?.subject?.reference !== `Patient/${patient}`) {
    return `There is no encounter "${encounter}" of patient "${patient}".`;
  }
  const style = params.get("style") || "light";
  if (!isStyle(style)) return `The style "${style}" is not one of ${STYLE_NAMES.join(", ")}.`;
  const banner = params.get("banner") || "true";
  if (banner !== "true" && banner !== "false") return "The banner option must be true or false.";
  const lifetimeText = params.get("lifetime");
  const lifetime = lifetimeText ? Number(lifetimeText) : undefined;
  if (lifetime !== undefined && (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_LIFETIME)) {
    return `The token lifetime must be a whole number of seconds from 1 to ${MAX_LIFETIME}.`;
  }
  const maxCountText = params.get("max_count");
  const maxCount = maxCountText ? Number(maxCountText) : undefined;
  if (maxCount !== undefined && (!Number.isInteger(maxCount) || maxCount < 1 || maxCount > MAX_COUNT)) {
    return `The largest page (max_count) must be a whole number of results from 1 to ${MAX_COUNT}.`;
  }
  const error = params.get("error") || undefined;
  if (error !== undefined && !isFaultName(error)) return `The error "${error}" is not one of: ${FAULT_NAMES.join(", ")}.`;
  return {
    app: app.href,
    server,
    context: {
      iss: fhirBaseOf(server),
      user: `Practitioner/${practitioner}`,
      patient,
      encounter,
      needPatientBanner: banner === "true",
      style,
      lifetime,
      maxCount,
      error,
      intent: params.get("intent") || undefined,
      tenant: params.get("tenant") || undefined,
    },
  };
}

/** `Practitioner/<id>` or `Patient/<id>` for a reference or a bare id of either; undefined when unknown. */
export function userReference(value: string, store: FhirStore): string | undefined {
  const [type, id] = value.includes("/") ? value.split("/", 2) : [undefined, value];
  for (const candidate of type ? [type] : ["Practitioner", "Patient"]) {
    if ((candidate === "Practitioner" || candidate === "Patient") && store.read(candidate, id ?? "")) return `${candidate}/${id}`;
  }
  return undefined;
}

/** `prac-1` when the data has it (the scenario data), else the first practitioner (e.g. in Synthea output). */
export function defaultPractitioner(store: FhirStore): string | undefined {
  if (store.read("Practitioner", "prac-1")) return "prac-1";
  for (const p of store.all<fhir4.Practitioner>("Practitioner")) return p.id;
  return undefined;
}
