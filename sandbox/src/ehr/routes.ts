/**
 * The EHR simulator's routes: its home page (patient list and launch options), its stylesheet, `/launch`
 * (mint a launch and redirect to the app) and `/ehr` (the app framed in an EHR page), and the
 * `smart_style_url` documents, hostile ones included.
 */
import type { ServerResponse } from "node:http";
import type { LaunchContext } from "../auth/launch.ts";
import type { Caregiver } from "../auth/types.ts";
import type { FhirServerId } from "../fhirServers.ts";
import type { FhirStore } from "../fhir/store.ts";
import { JSON_TYPE, OPEN_CORS, redirect, sendHtml, sendJson } from "../http.ts";
import { defaultPractitioner, parseLaunchOptions } from "./launchOptions.ts";
import { EHR_CSS, errorPage, framePage, homePage, type PatientSummary } from "./pages.ts";
import { STYLES, hostileStyleBody, isStyle } from "./styles.ts";

export function displayName(resource: fhir4.Patient | fhir4.Practitioner | fhir4.RelatedPerson): string {
  const name = resource.name?.find((n) => n.use === "official") ?? resource.name?.[0];
  if (!name) return resource.id ?? "";
  return name.text ?? [...(name.prefix ?? []), ...(name.given ?? []), name.family].filter(Boolean).join(" ");
}

/** The store's patients as the EHR lists them. */
export function patientSummaries(store: FhirStore): PatientSummary[] {
  return [...store.all<fhir4.Patient>("Patient")].map((p) => ({
    id: p.id ?? "",
    name: displayName(p),
    birthDate: p.birthDate,
    gender: p.gender,
    observations: store.observationsOf(p.id ?? "", []).length,
  }));
}

/** The store's caregivers (active RelatedPersons), each with the patient they care for, for the standalone sign-in. */
export function caregiverSummaries(store: FhirStore): Caregiver[] {
  return [...store.all<fhir4.RelatedPerson>("RelatedPerson")].flatMap((r) => {
    // Loaded data (Synthea output) may lack the required patient: such a RelatedPerson is left out.
    const patientId = /^Patient\/(.+)$/.exec(r.patient?.reference ?? "")?.[1];
    const patient = patientId ? store.read<fhir4.Patient>("Patient", patientId) : undefined;
    if (r.active === false || !r.id || !patient || !patientId) return [];
    return [{ id: r.id, name: displayName(r), patientId, patientName: displayName(patient), relationship: r.relationship?.[0]?.text ?? r.relationship?.[0]?.coding?.[0]?.display }];
  });
}

export interface EhrRoutes {
  readonly store: FhirStore;
  readonly origin: string;
  readonly appLaunchUrl: string;
  readonly servers: readonly { readonly id: FhirServerId; readonly title: string; readonly fhirBase: string }[];
  readonly fhirBase: string;
  readonly openFhirBase: string;
  readonly fhirBaseOf: (id: FhirServerId) => string;
  readonly launchUrl: (app: string, context: LaunchContext, server?: FhirServerId) => Promise<string>;
}

/** Serves a GET of the EHR's routes; false when `url` is none of them. */
export async function serveEhr(res: ServerResponse, url: URL, ehr: EhrRoutes): Promise<boolean> {
  const path = url.pathname;
  const { store } = ehr;
  switch (path) {
    case "/": {
      const practitioners = [...store.all<fhir4.Practitioner>("Practitioner")].map((p) => ({ id: p.id ?? "", name: displayName(p) }));
      sendHtml(
        res,
        200,
        homePage({
          patients: patientSummaries(store),
          practitioners,
          practitioner: defaultPractitioner(store),
          servers: ehr.servers,
          appUrl: ehr.appLaunchUrl,
          fhirBase: ehr.fhirBase,
          openFhirBase: ehr.openFhirBase,
          query: url.searchParams.get("q") ?? "",
        }),
      );
      return true;
    }
    case "/ehr.css":
      res.writeHead(200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=300" });
      res.end(EHR_CSS);
      return true;
    case "/launch":
    case "/ehr": {
      const launch = parseLaunchOptions(url.searchParams, store, ehr.appLaunchUrl, ehr.fhirBaseOf);
      if (typeof launch === "string") sendHtml(res, 400, errorPage("Cannot launch", launch));
      else if (path === "/launch") redirect(res, await ehr.launchUrl(launch.app, launch.context, launch.server));
      else {
        const frameSrc = new URL("/launch", ehr.origin);
        for (const [k, v] of url.searchParams) frameSrc.searchParams.set(k, v);
        const patient = store.read<fhir4.Patient>("Patient", launch.context.patient ?? "");
        sendHtml(res, 200, framePage({ patientName: patient ? displayName(patient) : "", launchUrl: frameSrc.pathname + frameSrc.search }));
      }
      return true;
    }
  }
  const style = /^\/styles\/([\w-]+)\.json$/.exec(path)?.[1];
  const styleHeaders = { ...OPEN_CORS, "Cache-Control": "public, max-age=3600" };
  if (style && style in STYLES) {
    sendJson(res, 200, STYLES[style as keyof typeof STYLES], styleHeaders);
    return true;
  }
  const hostile = isStyle(style) ? hostileStyleBody(style) : undefined;
  if (hostile === undefined) return false;
  res.writeHead(200, { ...styleHeaders, "Content-Type": JSON_TYPE, "Content-Length": Buffer.byteLength(hostile) });
  res.end(hostile);
  return true;
}
