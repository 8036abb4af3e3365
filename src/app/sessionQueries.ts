/** Query factories for the session's own reads: the signed-in user when it is not the launch patient. */
import { queryOptions } from "@tanstack/react-query";
import type { Session, SignedInUser } from "../fhir/session";
import { sessionKey } from "./queries";

export function signedInUserQuery(session: Session, user: SignedInUser) {
  return queryOptions({
    queryKey: [...sessionKey(session), "signed-in-user", user.resourceType, user.id],
    queryFn: ({ signal }) => session.get<fhir4.Practitioner | fhir4.RelatedPerson | fhir4.Person>(`${user.resourceType}/${encodeURIComponent(user.id)}`, signal),
    staleTime: Infinity,
  });
}
