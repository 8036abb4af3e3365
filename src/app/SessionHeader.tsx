import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Session, SignedInUser } from "../fhir/session";
import { personName } from "../graph/patient";
import { canReadUser } from "./signedInUser";
import { roleOf } from "./userRole";
import { signedInUserQuery } from "./sessionQueries";
import { patientQuery } from "./queries";
import { t } from "../i18n/i18n";
import { LanguageControl } from "./LanguageControl.later";
import "./session.css";

function UserName({ session, user }: { readonly session: Session; readonly user: SignedInUser }) {
  const readable = canReadUser(session, user);
  // A patient reading their own record shares the banner's query: one request serves both.
  const own = user.resourceType === "Patient" && user.id === session.patientId;
  const patient = useQuery({ ...patientQuery(session, user.id), enabled: readable && own });
  const other = useQuery({ ...signedInUserQuery(session, user), enabled: readable && !own });
  const resource = own ? patient.data : other.data;
  const who = (resource && personName(resource, true)) ?? roleOf(user);
  return (
    <span className="signed-in">
      {own ? t("Signed in as {who} — these are your own records", { who }) : t("Signed in as {who}", { who })}
    </span>
  );
}

/** Who is signed in, the encounter when there is one, and Sign out (for patients on shared devices). */
export function SessionHeader({ session }: { readonly session: Session }) {
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  async function signOut(): Promise<void> {
    setSigningOut(true);
    await session.signOut();
    // Nothing of the patient's record stays in memory once signed out.
    queryClient.clear();
  }
  return (
    <header className="session-bar" aria-label={t("Session")}>
      {session.user && <UserName session={session} user={session.user} />}
      {session.encounterId && <span className="encounter">{t("Encounter {id}", { id: session.encounterId })}</span>}
      <LanguageControl />
      <button type="button" onClick={() => void signOut()} disabled={signingOut}>
        {signingOut ? t("Signing out…") : t("Sign out")}
      </button>
    </header>
  );
}
