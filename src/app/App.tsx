import { useEffect, useMemo, useSyncExternalStore } from "react";
import { useQuery } from "@tanstack/react-query";
import type { AppSession } from "./appSession";
import { SessionError } from "../fhir/sessionErrors";
import { scopeAllows } from "../fhir/scopes";
import { t, tn } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import { LABS } from "../labs/catalog";
import { PatientBanner } from "../graph/PatientBanner";
import { LabPanel } from "./LabPanel";
import { PanelBoundary } from "./PanelBoundary";
import { patientQuery } from "./queries";
import { PlainScreen, SigningIn } from "./SessionScreens";
import { useAfterChart } from "./useAfterChart";
import { useSmartStyle } from "./useSmartStyle";
import { useViewState } from "./useViewState";

function Chart({ session }: { readonly session: AppSession }) {
  const patientId = session.patientId;
  // Loaded even without a banner: age and sex choose among reference ranges.
  const patient = useQuery({ ...patientQuery(session, patientId), enabled: patientId !== undefined });
  const [view, setView] = useViewState();
  // The patient's view (docs/patient-view.md): chosen in the hash, else the default for who is signed in.
  const plain = view.reader ? view.reader === "patient" : session.patientFacing;
  const { gender, birthDate } = patient.data ?? {};
  const context = useMemo(() => ({ sex: gender, birthDate }), [gender, birthDate]);
  useSmartStyle(session);
  const allowed = scopeAllows(session.grantedScope, "Observation", "s");
  // With no chart to wait for, the header (Sign out) loads at once, and so does the Overview (it comes with
  // the same parts); otherwise the lab panel starts it.
  const { parts, error, retry } = useAfterChart(!patientId || !allowed || view.overview === true);
  // Failures only: their words come with the later parts; until then, the status alone.
  if (!patientId) return parts ? <parts.CannotShow reason="no-patient" session={session} /> : <PlainScreen status={t("No patient.")} />;
  if (!allowed) return parts ? <parts.CannotShow reason="no-permission" session={session} /> : <PlainScreen status={t("No permission to read results.")} />;
  return (
    <main className={plain ? "page patient-view" : "page"}>
      <h1 className="visually-hidden">{t("Lab graph")}</h1>
      {session.needPatientBanner && (
        <PanelBoundary what="patient">
          {patient.isPending ? (
            <PatientBanner state="loading" />
          ) : patient.isError ? (
            <PatientBanner state="error" message={t("The patient's details could not be loaded. {message}", { message: patient.error.message })} />
          ) : (
            <PatientBanner state="ready" patient={patient.data} today={new Date()} />
          )}
        </PanelBoundary>
      )}
      <PanelBoundary what="results">
        {!view.overview ? (
          <LabPanel session={session} patientId={patientId} patient={context} view={view} onView={setView} category={session.observationCategory} plain={plain} />
        ) : parts ? (
          <parts.Overview session={session} patientId={patientId} patient={context} view={view} onView={setView} category={session.observationCategory} />
        ) : error ? (
          <div role="alert" className="alert">
            <p>{t("{name} could not be read: {message}", { name: t("Overview"), message: error.message })}</p>
            <button type="button" onClick={retry}>
              {t("Retry")}
            </button>
          </div>
        ) : (
          <p role="status">{tn(LABS.length, "Reading {done} of {count} lab…", "Reading {done} of {count} labs…", { done: 0 })}</p>
        )}
      </PanelBoundary>
    </main>
  );
}

function SignedIn({ session }: { readonly session: AppSession }) {
  const status = useSyncExternalStore(session.subscribe, session.status);
  // The header (the signed-in user, Sign out) arrives with the parts that load after the first chart; so do the
  // screens for a session that ended.
  const { parts } = useAfterChart(status.state === "ended" || status.state === "signed-out");
  if (status.state === "ended") {
    if (!parts) return <PlainScreen status={t("Session ended.")} message={status.message} />;
    return <parts.SessionEnded message={status.message} detail={status.detail} relaunchUrl={session.relaunchUrl} launchKind={session.launchKind} />;
  }
  if (status.state === "signed-out") {
    if (!parts) return <PlainScreen status={status.message} />;
    return <parts.SignedOut message={status.message} relaunchUrl={session.relaunchUrl} launchKind={session.launchKind} />;
  }
  return (
    <>
      {parts && <parts.SessionHeader session={session} />}
      <Chart session={session} />
    </>
  );
}

export function App({ session }: { readonly session: Promise<AppSession> }) {
  // A new language draws the whole page again in it; the view (lab, zoom, selection) is state, and stays.
  const shown = useLanguage();
  useEffect(() => void (document.title = t("Lab graph")), [shown]);
  const state = useQuery({ queryKey: ["session"], queryFn: () => session, staleTime: Infinity, retry: false });
  const { parts } = useAfterChart(state.isError);
  if (state.isPending) return <SigningIn />;
  if (state.isError) {
    if (!parts) return <PlainScreen status={t("The app could not start.")} message={state.error instanceof SessionError ? state.error.say() : state.error.message} />;
    return <parts.SessionFailure error={state.error} />;
  }
  return <SignedIn session={state.data} />;
}
