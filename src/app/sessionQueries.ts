/** Query factories for the session's own reads: the signed-in user when it is not the launch patient. */
import { queryOptions } from "@tanstack/react-query";
import type { Session, SignedInUser } from "../fhir/session";

export function signedInUserQuery(session: Session, user: SignedInUser) {
  return queryOptions({
    queryKey: ["signed-in-user", session.serverUrl, user.resourceType, user.id],
    queryFn: ({ signal }) => session.get<fhir4.Practitioner | fhir4.RelatedPerson | fhir4.Person>(`${user.resourceType}/${encodeURIComponent(user.id)}`, signal),
    staleTime: Infinity,
  });
}
