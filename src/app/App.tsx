import { useMemo, useSyncExternalStore } from "react";
import { useQuery } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import { scopeAllows } from "../fhir/scopes";
import { PatientBanner } from "../graph/PatientBanner";
import { LabPanel } from "./LabPanel";
import { PanelBoundary } from "./PanelBoundary";
import { patientQuery } from "./queries";
import { CannotShow, SessionEnded, SessionFailure, SignedOut, SigningIn } from "./SessionScreens";
import { SessionHeader } from "./SessionHeader";
import { useSmartStyle } from "./useSmartStyle";
import { useViewState } from "./useViewState";

function Chart({ session }: { readonly session: Session }) {
  const patientId = session.patientId;
  // Loaded even without a banner: age and sex choose among reference ranges.
  const patient = useQuery({ ...patientQuery(session, patientId ?? ""), enabled: patientId !== undefined });
  const [view, setView] = useViewState();
  const { gender, birthDate } = patient.data ?? {};
  const context = useMemo(() => ({ sex: gender, birthDate }), [gender, birthDate]);
  useSmartStyle(session);
  if (!patientId) {
    return <CannotShow status="No patient." message="The EHR did not say which patient to show. Open the app from a patient's chart." />;
  }
  if (!scopeAllows(session.grantedScope, "Observation", "s")) {
    return (
      <CannotShow
        status="No permission to read results."
        message={`The ${session.patientFacing ? "sign-in service" : "EHR"} did not give the app permission to read lab results (Observation), so it cannot show them. Ask the EHR's administrator to allow it, then sign in again.`}
        detail={`Granted scope: ${session.grantedScope || "(none)"}`}
      />
    );
  }
  return (
    <main className="page">
      <h1 className="visually-hidden">Lab graph</h1>
      {session.needPatientBanner && (
        <PanelBoundary what="patient's details">
          {patient.isPending ? (
            <PatientBanner state="loading" />
          ) : patient.isError ? (
            <PatientBanner state="error" message={`The patient's details could not be loaded. ${patient.error.message}`} />
          ) : (
            <PatientBanner state="ready" patient={patient.data} today={new Date()} />
          )}
        </PanelBoundary>
      )}
      <PanelBoundary what="lab results">
        <LabPanel session={session} patientId={patientId} patient={context} view={view} onView={setView} category={session.observationCategory} />
      </PanelBoundary>
    </main>
  );
}

function SignedIn({ session }: { readonly session: Session }) {
  const status = useSyncExternalStore(session.subscribe, session.status);
  if (status.state === "ended") {
    return <SessionEnded message={status.message} detail={status.detail} relaunchUrl={session.relaunchUrl} launchKind={session.launchKind} />;
  }
  if (status.state === "signed-out") {
    return <SignedOut message={status.message} relaunchUrl={session.relaunchUrl} launchKind={session.launchKind} />;
  }
  return (
    <>
      <SessionHeader session={session} />
      <Chart session={session} />
    </>
  );
}

export function App({ session }: { readonly session: Promise<Session> }) {
  const state = useQuery({ queryKey: ["session"], queryFn: () => session, staleTime: Infinity, retry: false });
  if (state.isPending) return <SigningIn />;
  if (state.isError) return <SessionFailure error={state.error} />;
  return <SignedIn session={state.data} />;
}
