/**
 * The benchmark's baseline, launched like the public SMART sample apps: fhirclient's authorize() with the
 * EHR's iss and launch straight from the URL. Not shipped.
 */
import FHIR from "fhirclient";

void FHIR.oauth2.authorize({
  clientId: "lab-graph",
  scope: "launch openid fhirUser patient/Patient.rs patient/Observation.rs",
  redirectUri: "./index.html",
  completeInTarget: true,
});
