/**
 * The graph page's first reads — the Patient, the first page of the lab in view, the patient's Goals (right after the lab
 * search, never before it) and the signed-in user — started the moment the
 * session exists, before React and the chart have loaded, into the query cache the page then renders from.
 * Same query factories as the components, so the components find the data (or the request in flight).
 */
import type { QueryClient } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import { scopeAllows } from "../fhir/scopes";
import { goalsQuery, observationSearch, observationsQuery, patientQuery } from "./queries";
import { signedInUserQuery } from "./sessionQueries";
import { canReadUser } from "./signedInUser";
import { parseViewState } from "./viewState";

export function startFirstReads(client: QueryClient, session: Session): void {
  const { patientId, user } = session;
  // The header's name of the signed-in user (unless that is the patient, read below anyway).
  if (user && canReadUser(session, user) && !(user.resourceType === "Patient" && user.id === patientId)) {
    void client.prefetchQuery(signedInUserQuery(session, user));
  }
  if (!patientId || !scopeAllows(session.grantedScope, "Observation", "s")) return;
  const { lab } = parseViewState(window.location.hash);
  void client.prefetchQuery(patientQuery(session, patientId));
  void client.prefetchInfiniteQuery(observationsQuery(session, observationSearch(patientId, lab, session.observationCategory)));
  void client.prefetchQuery(goalsQuery(session, patientId));
}
