import { formatFhirDate, parseFhirDate } from "../labs/dates";
import { ageInYears, medicalRecordNumber, patientName, sexLabel } from "./patient";

export type PatientBannerProps =
  | { readonly state: "loading" }
  | { readonly state: "error"; readonly message: string }
  | { readonly state: "ready"; readonly patient: fhir4.Patient; readonly today: Date };

/** The patient banner: an element named exactly "Patient" (the DOM contract), shown while the app has one. */
export function PatientBanner(props: PatientBannerProps) {
  if (props.state === "loading") {
    return (
      <section aria-label="Patient" className="banner" aria-busy="true">
        <p className="banner-loading">Loading patient…</p>
      </section>
    );
  }
  if (props.state === "error") {
    return (
      <section aria-label="Patient" className="banner">
        <p role="alert">{props.message}</p>
      </section>
    );
  }
  const { patient, today } = props;
  const birth = patient.birthDate ? parseFhirDate(patient.birthDate) : undefined;
  const age = patient.birthDate ? ageInYears(patient.birthDate, today) : undefined;
  const mrn = medicalRecordNumber(patient);
  const sex = sexLabel(patient.gender);
  return (
    <section aria-label="Patient" className="banner">
      <h2 className="banner-name">{patientName(patient)}</h2>
      <dl className="banner-facts">
        {sex && (
          <div>
            <dt>Sex</dt>
            <dd>{sex}</dd>
          </div>
        )}
        {birth && (
          <div>
            <dt>Born</dt>
            <dd>
              {formatFhirDate(birth)}
              {age !== undefined && ` (${age} years)`}
            </dd>
          </div>
        )}
        {mrn && (
          <div>
            <dt>MRN</dt>
            <dd>{mrn}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
