import { describe, expect, it, vi } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { HBA1C } from "../labs/catalog";
import { chooseGoal } from "../labs/goals";
import { toLabResults } from "../labs/results";
import { fakeSession, a1c } from "../test/fakeSession";
import { PlainWords, ViewSwitch } from "./PatientView.later";
import { parseViewState } from "./viewState";

const SCOPES = "patient/Observation.rs patient/Patient.rs patient/MedicationRequest.rs patient/MedicationStatement.rs";
const bundle = (resources: fhir4.Resource[]): fhir4.Bundle => ({ resourceType: "Bundle", type: "searchset", entry: resources.map((resource) => ({ resource })) });
const metformin: fhir4.MedicationRequest = { resourceType: "MedicationRequest", id: "m1", status: "active", intent: "order", subject: { reference: "Patient/p1" }, medicationCodeableConcept: { text: "metformin 500 mg tablet" }, authoredOn: "2019-03-04" };
const patient: fhir4.Patient = { resourceType: "Patient", id: "p1", name: [{ use: "official", given: ["Amelia"], family: "Rhodes" }] };

function wrap(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

function respond(url: string): unknown {
  if (url.includes("MedicationRequest")) return bundle([metformin]);
  if (url.includes("MedicationStatement")) return bundle([]);
  if (url.endsWith("/Patient/p1")) return patient;
  throw new Error(`unexpected ${url}`);
}

const { results } = toLabResults([a1c("a", "2023-01-05", 8.2), a1c("b", "2024-06-10", 7.1)], HBA1C);

function plainWords(user: { resourceType: string; id: string } | undefined, launchKind: "ehr" | "standalone" = "standalone") {
  const session = fakeSession(respond, { grantedScope: SCOPES, user, launchKind });
  wrap(<PlainWords session={session} patientId="p1" lab={HBA1C} unit={HBA1C.units[0]} results={results} shown={results} goal={chooseGoal(HBA1C, { status: "read", goals: [] })} />);
  return session;
}

describe("the View control", () => {
  it("is a group named View with Clinician and Patient; choosing the reader's default leaves no choice in the hash", async () => {
    const onView = vi.fn();
    const view = parseViewState("");
    const { rerender } = render(<ViewSwitch view={view} onView={onView} patientFacing />);
    const group = screen.getByRole("group", { name: "View" });
    expect(within(group).getByRole("radio", { name: "Patient" })).toBeChecked();
    await userEvent.click(within(group).getByRole("radio", { name: "Clinician" }));
    expect(onView).toHaveBeenLastCalledWith({ ...view, reader: "clinician" });
    rerender(<ViewSwitch view={{ ...view, reader: "clinician" }} onView={onView} patientFacing />);
    expect(within(group).getByRole("radio", { name: "Clinician" })).toBeChecked();
    await userEvent.click(within(group).getByRole("radio", { name: "Patient" }));
    expect(onView).toHaveBeenLastCalledWith({ ...view, reader: undefined });
  });
});

describe("the plain words", () => {
  it("to the patient: their last result, the flag, the general goal, what the test is, the marks and their medicines", async () => {
    const session = plainWords({ resourceType: "Patient", id: "p1" });
    const section = screen.getByRole("region", { name: "In plain words" });
    expect(section).toHaveTextContent("Your last HbA1c result was 7.1 % on June 10, 2024. The lab did not mark this result as high or low. For many adults with diabetes, the goal is below 7.0 %.");
    expect(section).toHaveTextContent("HbA1c shows the average amount of sugar in the blood over the past 3 months.");
    expect(within(section).getByRole("list")).toHaveTextContent("A plain dot: a result the lab did not mark as high or low.");
    expect(section).toHaveTextContent("Reading the medicines on record…");
    expect(await within(section).findByText("Medicines on your record that affect this test: metformin 500 mg tablet (since 2019).")).toBeInTheDocument();
    // The patient's own name is not needed to speak to them: no read of the Patient for it.
    expect(session.calls.some((u) => u.endsWith("/Patient/p1"))).toBe(false);
  });

  it("to a parent or caregiver (a RelatedPerson): by the patient's name, and 'their' medicines", async () => {
    plainWords({ resourceType: "RelatedPerson", id: "rp1" });
    const section = screen.getByRole("region", { name: "In plain words" });
    expect(await within(section).findByText(/^Amelia Rhodes's last HbA1c result was 7\.1 % on June 10, 2024\./)).toBeInTheDocument();
    expect(section).toHaveTextContent("Ask their care team what their own goal is.");
    expect(await within(section).findByText("Medicines on their record that affect this test: metformin 500 mg tablet (since 2019).")).toBeInTheDocument();
  });
});
