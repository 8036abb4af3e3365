/**
 * The login/consent step, decided without oidc-provider: an EHR launch names the user and patient and is
 * approved at once (or fails as its simulated error asks); a standalone `launch/patient` request gets a patient
 * picker and signs in as the chosen patient; anything else signs in the default practitioner.
 */
import { FAULTS, MARKUP } from "../faultCatalog.ts";
import type { LaunchCodec, LaunchContext } from "./launch.ts";
import type { Caregiver } from "./types.ts";
import { patientPicker } from "./pages.ts";
import { sameResource } from "./requests.ts";

export type Decision =
  | { readonly kind: "grant"; readonly context: LaunchContext }
  /** Back to the app with an OAuth error. */
  | { readonly kind: "deny"; readonly error: string; readonly description: string }
  /** An error page: the app's redirect cannot be trusted. */
  | { readonly kind: "error-page"; readonly error: string; readonly description: string }
  | { readonly kind: "page"; readonly status: number; readonly title: string; readonly html: string };

export interface InteractionInput {
  readonly params: Readonly<Record<string, string | undefined>>;
  /** The patient chosen in the picker's form, if this is its submission. */
  readonly chosenPatient: string | null;
  /** Or the caregiver (a RelatedPerson id) chosen there, who signs in for the patient they care for. */
  readonly chosenCaregiver: string | null;
  /** Where the picker's form posts. */
  readonly action: string;
  readonly fhirBase: string;
  readonly launches: LaunchCodec;
  readonly patients: () => readonly { id: string; name: string }[];
  readonly caregivers: () => readonly Caregiver[];
  readonly latestEncounter: (patientId: string) => string | undefined;
}

export async function decideInteraction(input: InteractionInput): Promise<Decision> {
  const { params } = input;
  const scopes = (params.scope ?? "").split(" ").filter(Boolean);
  const deny = (error: string, description: string): Decision => ({ kind: "deny", error, description });
  if (params.launch) {
    const launch = await input.launches.read(params.launch);
    if (!launch.ok) return deny("invalid_request", `The launch parameter cannot be used: ${launch.reason}. Launch the app again from the EHR.`);
    const { context } = launch;
    if (context.client && context.client !== params.client_id) return deny("invalid_request", "The launch was issued for another app.");
    if (context.iss && !sameResource(context.iss, input.fhirBase)) {
      return deny("invalid_request", `The launch was issued for the FHIR server ${context.iss}, not ${input.fhirBase}.`);
    }
    const simulated = context.error ? ` (simulated error ${context.error} chosen at launch: ${FAULTS[context.error].summary})` : "";
    switch (context.error) {
      case "invalid_client":
        return { kind: "error-page", error: "invalid_client", description: `The client ${params.client_id ?? ""} is not registered with this authorization server${simulated}` };
      case "invalid_redirect":
        return { kind: "error-page", error: "invalid_request", description: `The redirect_uri ${params.redirect_uri ?? ""} is not registered for this client${simulated}` };
      case "invalid_scope":
        return deny("invalid_scope", `The requested scope is not allowed for this app${simulated}`);
      case "access_denied":
        return deny("access_denied", `The user declined to authorize the app${simulated}`);
      case "access_denied_markup":
        return deny("access_denied", `${MARKUP} The user declined${simulated}`);
    }
    return { kind: "grant", context };
  }
  if (scopes.includes("launch")) return deny("invalid_scope", "The launch scope needs the launch parameter the EHR gave the app.");
  if (scopes.includes("launch/patient")) {
    const patients = input.patients();
    const caregivers = input.caregivers();
    const caregiver = caregivers.find((c) => c.id === input.chosenCaregiver);
    const chosen = caregiver?.patientId ?? input.chosenPatient;
    if (!chosen || !patients.some((p) => p.id === chosen)) {
      const rejected = input.chosenCaregiver ?? chosen;
      return { kind: "page", status: rejected ? 400 : 200, title: "Choose a patient", html: patientPicker(patients, caregivers, input.action, rejected, { clientId: params.client_id ?? "", scopes }) };
    }
    const encounter = scopes.includes("launch/encounter") ? input.latestEncounter(chosen) : undefined;
    // A caregiver signs in as themself (fhirUser RelatedPerson/<id>), with the patient they care for in context.
    const user = caregiver ? `RelatedPerson/${caregiver.id}` : `Patient/${chosen}`;
    return { kind: "grant", context: { user, patient: chosen, encounter, needPatientBanner: true, style: "light" } };
  }
  return { kind: "grant", context: { user: "Practitioner/prac-1", needPatientBanner: true, style: "light" } };
}
