import { describe, expect, it } from "vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Medications, problemsLine } from "./ClinicalContext";
import { LABS } from "../labs/catalog";
import { fakeSession, httpError } from "../test/fakeSession";

const HBA1C = LABS.find((l) => l.id === "hba1c")!;
const SCOPES = { grantedScope: "patient/Observation.rs patient/MedicationRequest.rs patient/MedicationStatement.rs patient/Medication.rs patient/Condition.rs" };
const RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
const bundle = (resources: fhir4.Resource[]): fhir4.Bundle => ({ resourceType: "Bundle", type: "searchset", entry: resources.map((resource) => ({ resource })) });
const order = (id: string, text: string, authoredOn: string, status: fhir4.MedicationRequest["status"] = "active", end?: string): fhir4.MedicationRequest => ({
  resourceType: "MedicationRequest",
  id,
  status,
  intent: "order",
  subject: { reference: "Patient/p1" },
  medicationCodeableConcept: { text, coding: [{ system: RXNORM, display: text }] },
  authoredOn,
  ...(end ? { dispenseRequest: { validityPeriod: { start: authoredOn, end } } } : {}),
});

function wrap(node: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

function medications(respond: (url: string) => unknown, scopes = SCOPES) {
  const session = fakeSession(respond, scopes);
  wrap(<Medications session={session} patientId="p1" lab={HBA1C} shown={[]} span={{ from: Date.UTC(2010, 0, 1), to: Date.UTC(2024, 0, 1) }} />);
  return session;
}

describe("the medications under the chart", () => {
  it("loading, then the ones that bear on the lab as bars and a table; every medication on request", async () => {
    medications((url) =>
      url.includes("MedicationRequest")
        ? bundle([order("1", "metformin 500 MG Oral Tablet", "2012-03-01"), order("2", "sitagliptin 100 MG Oral Tablet", "2015-06-01", "stopped", "2018-06-01"), order("3", "amoxicillin 500 MG Oral Capsule", "2016-01-01", "completed", "2016-01-10")])
        : bundle([]),
    );
    const section = screen.getByRole("region", { name: "Medications" });
    expect(section).toHaveTextContent("Reading medications…");
    expect(await within(section).findByText("metformin 500 MG Oral Tablet", { selector: ".med-name" })).toBeInTheDocument();
    expect([...section.querySelectorAll(".med-name")].map((n) => n.textContent)).toEqual(["metformin 500 MG Oral Tablet", "sitagliptin 100 MG Oral Tablet"]);
    const rows = within(within(section).getByRole("table", { name: "Medications" })).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell").at(-1)!.textContent)).toEqual(["active", "stopped"]);
    await userEvent.click(within(section).getByRole("checkbox", { name: "Show every medication (3)" }));
    expect([...section.querySelectorAll(".med-name")].map((n) => n.textContent)).toContain("amoxicillin 500 MG Oral Capsule");
  });

  it("prescriptions refused (403): says so in one line, and shows what the statements hold", async () => {
    medications((url) => {
      if (url.includes("MedicationRequest")) throw httpError(403);
      const taken: fhir4.MedicationStatement = { resourceType: "MedicationStatement", id: "s1", status: "active", subject: { reference: "Patient/p1" }, medicationCodeableConcept: { text: "insulin glargine" }, effectiveDateTime: "2019-01-01" };
      return bundle([taken]);
    });
    const section = screen.getByRole("region", { name: "Medications" });
    expect(await within(section).findByText("Prescriptions are not available from this EHR.")).toBeInTheDocument();
    expect(within(section).getByText("insulin glargine", { selector: ".med-name" })).toBeInTheDocument();
  });

  it("neither part granted: one line, and nothing is asked", async () => {
    const session = medications(() => bundle([]), { grantedScope: "patient/Observation.rs" });
    expect(await screen.findByText("Medications are not available from this EHR.")).toBeInTheDocument();
    expect(session.calls).toEqual([]);
  });

  it("none that bear on the lab: says so, and offers the others", async () => {
    medications((url) => (url.includes("MedicationRequest") ? bundle([order("3", "amoxicillin 500 MG Oral Capsule", "2016-01-01")]) : bundle([])));
    expect(await screen.findByText("No medications that bear on Hemoglobin A1c are on record.")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Show every medication (1)" })).not.toBeChecked();
  });

  it("a failure is said, with the server's words", async () => {
    medications(() => {
      throw httpError(500);
    });
    expect(await screen.findByText("Prescriptions could not be read: The FHIR server had an error (500).")).toBeInTheDocument();
  });
});

describe("the problems line of the summary", () => {
  const diabetes: fhir4.Condition = {
    resourceType: "Condition",
    id: "c1",
    subject: { reference: "Patient/p1" },
    clinicalStatus: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }] },
    code: { coding: [{ system: "http://snomed.info/sct", code: "44054006", display: "Diabetes mellitus type 2" }] },
    onsetDateTime: "2011-04-02",
  };
  it("names the relevant active problems with their onset, or says why there are none", () => {
    expect(problemsLine({ status: "read", items: [diabetes] }, HBA1C)).toBe("Type 2 diabetes since 2011");
    expect(problemsLine({ status: "read", items: [] }, HBA1C)).toBe("none on record that bear on Hemoglobin A1c");
    expect(problemsLine({ status: "unavailable", why: "scope" }, HBA1C)).toBe("not available from this EHR");
    expect(problemsLine({ status: "failed", message: "HTTP 500" }, HBA1C)).toBe("could not be read (HTTP 500)");
    expect(problemsLine(undefined, HBA1C)).toBeUndefined();
  });
});
