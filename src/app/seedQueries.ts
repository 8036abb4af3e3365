/**
 * Hands the first reads (firstReads.ts), already on their way, to React Query, and starts the reads that come
 * after the lab search: the patient's Goals beside it, the signed-in user once its first page is in. Same query
 * factories as the components, so the components find the data, or the request in flight.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { FirstReads } from "./firstReads";
import { goalsQuery, observationsQuery, patientQuery } from "./queries";
import { signedInUserQuery } from "./sessionQueries";
import { canReadUser } from "./signedInUser";

export function seedQueries(client: QueryClient, { session, patient, search }: FirstReads): void {
  const lab = search ? client.prefetchInfiniteQuery(observationsQuery(session, search)) : Promise.resolve();
  if (patient) {
    void client.prefetchQuery({ ...patientQuery(session, patient.id), queryFn: () => patient.read });
    void client.prefetchQuery(goalsQuery(session, patient.id));
  }
  // The header's name of the signed-in user (unless that is the patient, read anyway).
  const { user } = session;
  if (user && canReadUser(session, user) && !(user.resourceType === "Patient" && user.id === session.patientId)) {
    void lab.then(() => client.prefetchQuery(signedInUserQuery(session, user)));
  }
}
