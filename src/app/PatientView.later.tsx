/**
 * The patient's view (docs/patient-view.md): the `View` control that switches between it and the clinician's, and
 * the "In plain words" section above the chart. Loaded after the first chart, with afterChart.later.ts; the graph
 * page's first load only reads the choice from the hash and sets the page's class.
 */
import { useQuery } from "@tanstack/react-query";
import type { Session } from "../fhir/session";
import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import type { LabDefinition, LabUnit } from "../labs/catalog";
import type { GoalChoice } from "../labs/goals";
import type { LabResult } from "../labs/results";
import { personName } from "../graph/patient";
import { medicationsQuery } from "./ClinicalContext";
import { aboutLab, flagSentence, goalSentences, latestResult, latestSentence, type Voice } from "./plainWords.later";
import { legendWords, medicationSentences, type MedicationsState } from "./plainMarks.later";
import { patientQuery } from "./queries";
import type { SetView } from "./useViewState";
import type { Reader, ViewState } from "./viewState";
import "./patientView.css";

/**
 * `View`: Clinician or Patient. The default is the patient's for a patient-facing session (session.ts: a Patient or
 * RelatedPerson user, or a standalone launch naming no user); choosing the default removes the choice from the hash.
 */
export function ViewSwitch({ view, onView, patientFacing }: { readonly view: ViewState; readonly onView: SetView; readonly patientFacing: boolean }) {
  useLanguage();
  const byDefault: Reader = patientFacing ? "patient" : "clinician";
  const reader = view.reader ?? byDefault;
  const choose = (next: Reader) => onView({ ...view, reader: next === byDefault ? undefined : next });
  return (
    <fieldset className="view-switch no-print">
      <legend>{t("View")}</legend>
      <label>
        <input type="radio" name="view" value="clinician" checked={reader === "clinician"} onChange={() => choose("clinician")} /> {t("Clinician")}
      </label>
      <label>
        <input type="radio" name="view" value="patient" checked={reader === "patient"} onChange={() => choose("patient")} /> {t("Patient")}
      </label>
    </fieldset>
  );
}

export interface PlainWordsProps {
  readonly session: Session;
  readonly patientId: string;
  readonly lab: LabDefinition;
  readonly unit: LabUnit;
  /** Every result loaded, newest first: the latest is spoken of. */
  readonly results: readonly LabResult[];
  /** The results in the time range shown: the marks explained are the chart's. */
  readonly shown: readonly LabResult[];
  readonly goal: GoalChoice | undefined;
}

/** The lab in plain words, to the patient or to a parent or caregiver (a RelatedPerson signed in). */
export function PlainWords({ session, patientId, lab, unit, results, shown, goal }: PlainWordsProps) {
  useLanguage();
  const caregiver = session.user?.resourceType === "RelatedPerson";
  // The banner's query: no second read.
  const patient = useQuery({ ...patientQuery(session, patientId), enabled: caregiver });
  const name = caregiver && patient.data ? personName(patient.data) : undefined;
  const voice: Voice = { caregiver, ...(name && { name }) };
  const medications = useQuery(medicationsQuery(session, patientId));
  const state: MedicationsState = medications.isPending ? { status: "pending" } : medications.isError ? { status: "error", message: medications.error.message } : { status: "read", read: medications.data };
  const latest = latestResult(results);
  const legend = legendWords(shown, unit, goal?.line, voice);
  return (
    <section aria-label={t("In plain words")} className="plain-words">
      <h3>{t("In plain words")}</h3>
      <p className="plain-latest">{[latestSentence(results, lab, unit, voice), ...(latest ? [flagSentence(latest.flag)] : []), ...goalSentences(goal, results, lab, unit, voice)].join(" ")}</p>
      <p className="plain-about">{aboutLab(lab.id)}</p>
      {legend.length > 0 && (
        <>
          <h4>{t("What the chart shows")}</h4>
          <ul className="plain-legend">
            {legend.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
      <p className="plain-medicines">{medicationSentences(state, lab, voice).join(" ")}</p>
    </section>
  );
}
