import { t, tn } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import { formatFhirDate, parseFhirDate } from "../labs/dates";
import { ageInYears, medicalRecordNumber, patientName, sexLabel } from "./patient";

export type PatientBannerProps =
  | { readonly state: "loading" }
  | { readonly state: "error"; readonly message: string }
  | { readonly state: "ready"; readonly patient: fhir4.Patient; readonly today: Date };

/** The patient banner: an element named exactly "Patient" (the DOM contract), shown while the app has one. */
export function PatientBanner(props: PatientBannerProps) {
  useLanguage();
  const name = t("Patient");
  if (props.state === "loading") {
    return (
      <section aria-label={name} className="banner" aria-busy="true">
        <p className="banner-loading">{t("Loading patient…")}</p>
      </section>
    );
  }
  if (props.state === "error") {
    return (
      <section aria-label={name} className="banner">
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
    <section aria-label={name} className="banner">
      <h2 className="banner-name">{patientName(patient)}</h2>
      <dl className="banner-facts">
        {sex && (
          <div>
            <dt>{t("Sex")}</dt>
            <dd>{sex}</dd>
          </div>
        )}
        {birth && (
          <div>
            <dt>{t("Born")}</dt>
            <dd>
              {formatFhirDate(birth)}
              {age !== undefined && ` (${tn(age, "{count} year", "{count} years")})`}
            </dd>
          </div>
        )}
        {mrn && (
          <div>
            <dt>{t("MRN")}</dt>
            <dd>{mrn}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
