/**
 * The graph page's first reads, sent the moment the token arrives and before React, React Query or the chart
 * have been evaluated: the first page of the lab in view (its reader reads the pages after it as they come), and
 * the Patient beside it. Nothing else goes out in this wave; the other reads (the patient's Goals, the signed-in
 * user, the EHR's style) start once the page's code runs (seedQueries.ts), after the lab search.
 * React-free on purpose: this is the first script's work.
 */
import type { AppSession } from "./appSession";
import type { ObservationSearch } from "../fhir/observations";
import { scopeAllows } from "../fhir/scopes";
import { observationSearch, pageReader, patientPath } from "./searches";
import { parseViewState } from "./viewState";

export interface FirstReads {
  readonly session: AppSession;
  /** The launch patient's id and their Patient read, on its way; absent without a patient or results to show. */
  readonly patient?: { readonly id: string; readonly read: Promise<fhir4.Patient> };
  /** The lab search whose first page is on its way (its reader holds it for the query that shows it). */
  readonly search?: ObservationSearch;
}

export function startFirstReads(session: AppSession): FirstReads {
  const { patientId } = session;
  if (!patientId || !scopeAllows(session.grantedScope, "Observation", "s")) return { session };
  const { lab } = parseViewState(window.location.hash);
  const search = observationSearch(patientId, lab, session.observationCategory, session.paging);
  pageReader(session, search).start();
  // Loaded even without a banner: age and sex choose among reference ranges.
  const read = session.get<fhir4.Patient>(patientPath(patientId));
  read.catch(() => undefined);
  return { session, patient: { id: patientId, read }, search };
}
