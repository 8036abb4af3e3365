/**
 * The plain page's launch, as the public SMART sample apps (smart-on-fhir/client-js-examples) make it:
 * fhirclient's authorize() with the EHR's iss and launch straight from the URL. Not shipped.
 */
import FHIR from "fhirclient";

void FHIR.oauth2.authorize({
  clientId: "lab-graph",
  scope: "launch openid fhirUser patient/Patient.rs patient/Observation.rs",
  redirectUri: "./index.html",
});
