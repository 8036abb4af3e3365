import { useQuery } from "@tanstack/react-query";
import { SessionError, type Session } from "../fhir/session";
import { HBA1C } from "../labs/catalog";
import { PatientBanner } from "../graph/PatientBanner";
import { LabPanel } from "./LabPanel";
import { patientQuery } from "./queries";

function SessionFailure({ error }: { readonly error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  const detail = error instanceof SessionError ? error.detail : undefined;
  return (
    <main className="page">
      <h1>Lab graph</h1>
      <p role="status">The app could not start.</p>
      <div role="alert" className="alert">
        <p>{message}</p>
        {detail && detail !== message && (
          <details>
            <summary>Details</summary>
            <pre>{detail}</pre>
          </details>
        )}
      </div>
    </main>
  );
}

function Chart({ session }: { readonly session: Session }) {
  const patientId = session.patientId;
  const patient = useQuery({ ...patientQuery(session, patientId ?? ""), enabled: patientId !== undefined && session.needPatientBanner });
  if (!patientId) {
    return (
      <main className="page">
        <h1>Lab graph</h1>
        <p role="status">No patient.</p>
        <p role="alert" className="alert">
          The EHR did not say which patient to show. Open the app from a patient's chart.
        </p>
      </main>
    );
  }
  return (
    <main className="page">
      <h1 className="visually-hidden">Lab graph</h1>
      {session.needPatientBanner &&
        (patient.isPending ? (
          <PatientBanner state="loading" />
        ) : patient.isError ? (
          <PatientBanner state="error" message={`The patient's details could not be loaded. ${patient.error.message}`} />
        ) : (
          <PatientBanner state="ready" patient={patient.data} today={new Date()} />
        ))}
      <LabPanel session={session} patientId={patientId} lab={HBA1C} category={null} />
    </main>
  );
}

export function App({ session }: { readonly session: Promise<Session> }) {
  const state = useQuery({ queryKey: ["session"], queryFn: () => session, staleTime: Infinity, retry: false });
  if (state.isPending) {
    return (
      <main className="page">
        <h1>Lab graph</h1>
        <p role="status">Signing in…</p>
      </main>
    );
  }
  if (state.isError) return <SessionFailure error={state.error} />;
  return <Chart session={state.data} />;
}
