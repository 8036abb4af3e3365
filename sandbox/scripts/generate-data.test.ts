/** The committed scenario data is exactly what the generator writes, and has the counts docs/sandbox.md lists. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SCENARIO_FILES, scenarioText } from "./scenarios/index.ts";
import { CLINICAL_TRAPS_NOTICE, V3_INTERPRETATIONS } from "./scenarios/clinical-traps.ts";
import { RX, RXNORM } from "./scenarios/context.ts";
import { patientSearchOutcome } from "../src/fhir/searchOutcome.ts";

const DATA = new URL("../data/", import.meta.url);

function observationsOf(file: string): fhir4.Observation[] {
  return SCENARIO_FILES[file]!().filter((r): r is fhir4.Observation => r.resourceType === "Observation");
}

function tally(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

const codes = (file: string) => tally(observationsOf(file).map((o) => o.code.coding?.[0]?.code ?? ""));
const types = (file: string) => tally(SCENARIO_FILES[file]!().map((r) => r.resourceType));

function ofType<T extends fhir4.Resource>(file: string, type: T["resourceType"]): T[] {
  return SCENARIO_FILES[file]!().filter((r): r is T => r.resourceType === type);
}
const statuses = (file: string) => tally(observationsOf(file).map((o) => o.status));

describe("scenario data", () => {
  it.each(Object.keys(SCENARIO_FILES))("%s is up to date (npm run sandbox:data)", async (file) => {
    expect(await readFile(new URL(file, DATA), "utf8")).toBe(scenarioText(file));
  });

  it("has the codes and statuses docs/sandbox.md lists per patient", () => {
    expect(codes("hba1c-long.json")).toEqual({ "4548-4": 140 });
    expect(statuses("hba1c-long.json")).toEqual({ final: 136, "entered-in-error": 4 });
    expect(codes("hba1c-mixed.json")).toEqual({ "59261-8": 9, "17856-6": 8, "4548-4": 10 });
    expect(observationsOf("no-labs.json")).toEqual([]);
    expect(observationsOf("single-result.json").map((o) => o.effectiveDateTime)).toEqual(["2023-11-08"]);
    expect(codes("odd-values.json")).toEqual({ "4548-4": 21 });
    expect(statuses("odd-values.json")).toEqual({ final: 16, "entered-in-error": 1, cancelled: 1, preliminary: 1, amended: 1, corrected: 1 });
    expect(codes("other-labs.json")).toEqual({
      "2345-7": 16, "2339-0": 4, "14749-6": 2, "15074-8": 2,
      "2093-3": 12, "2085-9": 12, "2089-1": 4, "13457-7": 4, "18262-6": 4, "2571-8": 12,
      "2160-0": 18, "14682-9": 6, "33914-3": 8, "62238-1": 6, "98979-8": 10, "4548-4": 12,
    });
    expect(codes("scale-10k.json")).toEqual({ "2339-0": 10_000, "4548-4": 30 });
    expect(codes("clinical-traps.json")).toEqual({
      "4548-4": 68, "2345-7": 4, "41653-7": 3, "1558-6": 3,
      "33914-3": 2, "48642-3": 2, "48643-1": 2, "88294-4": 3, "88293-6": 3, "62238-1": 1, "98979-8": 3, "2160-0": 5,
    });
    expect(statuses("clinical-traps.json")).toEqual({ final: 96, preliminary: 1, registered: 1, "entered-in-error": 1 });
  });

  it("clinical-traps: one HbA1c result per interpretation code, a patient Goal, and its search message", () => {
    const resources = SCENARIO_FILES["clinical-traps.json"]!();
    const a1c = observationsOf("clinical-traps.json").filter((o) => o.code.coding?.[0]?.code === "4548-4");
    const v3 = a1c.flatMap((o) => o.interpretation ?? []).flatMap((i) => i.coding ?? []).filter((c) => c.system === "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation");
    expect(new Set(v3.map((c) => c.code))).toEqual(new Set(V3_INTERPRETATIONS.map(([code]) => code)));
    expect(V3_INTERPRETATIONS).toHaveLength(49);
    const goals = resources.filter((r): r is fhir4.Goal => r.resourceType === "Goal");
    expect(goals.map((g) => [g.lifecycleStatus, g.target?.[0]?.detailQuantity?.comparator, g.target?.[0]?.detailQuantity?.value])).toEqual([
      ["completed", "<", 7],
      ["active", "<", 8],
    ]);
    const person = resources.find((r): r is fhir4.Patient => r.resourceType === "Patient");
    expect(patientSearchOutcome(person)?.issue[0]).toMatchObject({ severity: "information", code: "informational", details: { text: CLINICAL_TRAPS_NOTICE } });
  });

  it("links results, diagnoses and therapy to encounters, practitioners, conditions and medications that exist", () => {
    const all = Object.values(SCENARIO_FILES).flatMap((make) => make());
    const ids = new Set(all.map((r) => `${r.resourceType}/${r.id}`));
    const references = all.flatMap((r) => {
      switch (r.resourceType) {
        case "Observation": {
          const o = r as fhir4.Observation;
          return [o.encounter?.reference, ...(o.performer ?? []).map((p) => p.reference)];
        }
        case "Encounter":
          return ((r as fhir4.Encounter).participant ?? []).map((p) => p.individual?.reference);
        case "Condition": {
          const c = r as fhir4.Condition;
          return [c.subject.reference, c.encounter?.reference, c.recorder?.reference];
        }
        case "MedicationRequest": {
          const m = r as fhir4.MedicationRequest;
          const medication = m.medicationReference?.reference;
          if (medication?.startsWith("#")) expect(m.contained?.map((c) => `#${c.id}`)).toContain(medication);
          return [m.subject.reference, m.encounter?.reference, m.requester?.reference, ...(m.reasonReference ?? []).map((x) => x.reference), medication?.startsWith("#") ? undefined : medication];
        }
        case "MedicationStatement": {
          const m = r as fhir4.MedicationStatement;
          return [m.subject.reference, m.informationSource?.reference];
        }
        default:
          return [];
      }
    });
    const linked = references.filter((ref): ref is string => ref !== undefined);
    expect(linked.filter((ref) => ref.startsWith("Encounter/")).length).toBeGreaterThan(30);
    expect(linked.filter((ref) => ref.startsWith("Condition/") || ref.startsWith("Medication/")).length).toBe(8);
    expect(linked.filter((ref) => !ids.has(ref))).toEqual([]);
    expect(ids.size).toBe(all.length);
  });
});

/** A resource's clinically relevant time, in ms. */
const at = (date: string | undefined) => Date.parse(date ?? "");
const finalA1c = (file: string) => observationsOf(file).filter((o) => o.status === "final" && o.code.coding?.[0]?.code === "4548-4");
/** The last final HbA1c (%) before `time`. */
const a1cBefore = (file: string, time: number) => finalA1c(file).filter((o) => at(o.effectiveDateTime) < time).at(-1)?.valueQuantity?.value;
const meanA1c = (file: string, from: number, to: number) => {
  const values = finalA1c(file).filter((o) => at(o.effectiveDateTime) >= from && at(o.effectiveDateTime) < to).map((o) => o.valueQuantity?.value ?? Number.NaN);
  return values.reduce((a, b) => a + b, 0) / values.length;
};
const rxCodes = (concept: fhir4.CodeableConcept | undefined) => (concept?.coding ?? []).filter((c) => c.system === RXNORM).map((c) => c.code);
const YEAR = 365.25 * 86_400_000;

describe("clinical context in the scenario data", () => {
  it("adds diagnoses and therapy to hba1c-long and other-labs, and a statements-only patient", () => {
    expect(types("hba1c-long.json")).toEqual({ Patient: 1, RelatedPerson: 1, Observation: 140, Condition: 1, Medication: 1, MedicationRequest: 5 });
    expect(types("other-labs.json")).toEqual({ Patient: 1, Encounter: 24, Observation: 132, Condition: 4, MedicationRequest: 2 });
    expect(types("meds-statements-only.json")).toEqual({ Patient: 1, Observation: 20, MedicationStatement: 5 });
    expect(codes("meds-statements-only.json")).toEqual({ "4548-4": 20 });
    for (const file of Object.keys(SCENARIO_FILES).filter((f) => !["hba1c-long.json", "other-labs.json", "meds-statements-only.json"].includes(f))) {
      expect(Object.keys(types(file)).filter((t) => ["Condition", "Medication", "MedicationRequest", "MedicationStatement"].includes(t)), file).toEqual([]);
    }
  });

  it("hba1c-long: type 2 diabetes diagnosed before the first HbA1c, and therapy that follows the results", () => {
    const [diagnosis] = ofType<fhir4.Condition>("hba1c-long.json", "Condition");
    expect(diagnosis?.code?.coding?.map((c) => `${c.system}|${c.code}`)).toEqual(["http://snomed.info/sct|44054006", "http://hl7.org/fhir/sid/icd-10-cm|E11.9"]);
    expect(diagnosis?.code?.text).toBe("Type 2 diabetes mellitus");
    const firstA1c = Math.min(...observationsOf("hba1c-long.json").map((o) => at(o.effectiveDateTime)));
    expect(at(diagnosis?.onsetDateTime)).toBeLessThan(firstA1c);

    const requests = ofType<fhir4.MedicationRequest>("hba1c-long.json", "MedicationRequest");
    const byId = (suffix: string) => requests.find((r) => r.id === `hba1c-long-rx-${suffix}`)!;
    const [metformin, metforminEr, sitagliptin, insulin] = [byId("metformin"), byId("metformin-er"), byId("sitagliptin"), byId("insulin-glargine")];
    // Metformin from the diagnosis; the second agent after months of HbA1c near 9 %; insulin when it relapses above 8 %.
    expect(metformin.authoredOn?.slice(0, 10)).toBe(diagnosis?.onsetDateTime);
    expect(metforminEr.authoredOn?.slice(0, 10)).toBe(metformin.dispenseRequest?.validityPeriod?.end);
    expect(at(sitagliptin.authoredOn) - at(metformin.authoredOn)).toBeGreaterThan(0.5 * YEAR);
    expect(a1cBefore("hba1c-long.json", at(sitagliptin.authoredOn))).toBeGreaterThanOrEqual(8.5);
    expect(a1cBefore("hba1c-long.json", at(insulin.authoredOn))).toBeGreaterThan(8);
    const insulinStart = at(insulin.authoredOn);
    expect(meanA1c("hba1c-long.json", insulinStart + 0.5 * YEAR, insulinStart + 1.5 * YEAR)).toBeLessThan(meanA1c("hba1c-long.json", insulinStart - 0.5 * YEAR, insulinStart) - 0.5);
    expect(sitagliptin.dispenseRequest?.validityPeriod?.end).toBe(insulin.authoredOn?.slice(0, 10));

    // Stopped and completed ones carry their end; active ones stay open.
    for (const request of requests) {
      const end = request.dispenseRequest?.validityPeriod?.end;
      if (request.status === "active") expect(end, request.id).toBeUndefined();
      if (request.status === "stopped" || request.status === "completed") expect(at(end), request.id).toBeGreaterThan(at(request.authoredOn));
    }
    expect(tally(requests.map((r) => r.status))).toEqual({ completed: 1, active: 2, "entered-in-error": 1, stopped: 1 });

    // One by reference to a Medication, one contained, the rest RxNorm concepts with product and ingredient codes.
    const [medication] = ofType<fhir4.Medication>("hba1c-long.json", "Medication");
    expect(metforminEr.medicationReference?.reference).toBe(`Medication/${medication?.id}`);
    expect(rxCodes(medication?.code)).toEqual([RX.metforminEr500.code, RX.metformin.code]);
    expect(insulin.medicationReference?.reference).toBe("#glargine");
    expect((insulin.contained?.[0] as fhir4.Medication | undefined)?.code?.text).toMatch(/insulin glargine/);
    const concepts = requests.filter((r) => r.medicationCodeableConcept);
    expect(concepts).toHaveLength(3);
    expect(concepts.map((r) => rxCodes(r.medicationCodeableConcept))).toEqual([
      [RX.metformin500.code, RX.metformin.code],
      [RX.metforminEr500.code, RX.metformin.code],
      [RX.januvia100.code],
    ]);
  });

  it("other-labs: a statin after the high LDL, an ACE inhibitor, hyperlipidaemia and chronic kidney disease", () => {
    const requests = ofType<fhir4.MedicationRequest>("other-labs.json", "MedicationRequest");
    expect(requests.map((r) => [r.status, rxCodes(r.medicationCodeableConcept)])).toEqual([
      ["active", [RX.lisinopril10.code]],
      ["active", [RX.atorvastatin80.code]],
    ]);
    const ldl = observationsOf("other-labs.json").filter((o) => ["2089-1", "13457-7", "18262-6"].includes(o.code.coding?.[0]?.code ?? ""));
    const statinStart = at(requests[1]?.authoredOn);
    expect(ldl.filter((o) => at(o.effectiveDateTime) < statinStart).at(-1)?.valueQuantity?.value).toBeGreaterThan(130);
    expect(Math.max(...ldl.filter((o) => at(o.effectiveDateTime) > statinStart + YEAR).map((o) => o.valueQuantity?.value ?? 0))).toBeLessThan(110);

    const conditions = ofType<fhir4.Condition>("other-labs.json", "Condition");
    const summary = conditions.map((c) => [c.code?.text, c.clinicalStatus?.coding?.[0]?.code]);
    expect(summary).toEqual([
      ["Prediabetes", "active"],
      ["Chronic kidney disease stage 2", "inactive"],
      ["Hyperlipidemia", "active"],
      ["Chronic kidney disease stage 3a", "active"],
    ]);
    // Stage 3a from when eGFR had been below 60 for more than 3 months; stage 2 ends that day.
    const [, stage2, , stage3a] = conditions;
    const egfr = observationsOf("other-labs.json").filter((o) => o.code.text?.startsWith("eGFR") && at(o.effectiveDateTime) <= at(stage3a?.onsetDateTime) + 86_400_000);
    const low = egfr.filter((o) => (o.valueQuantity?.value ?? 100) < 60);
    expect(egfr.at(-1)?.valueQuantity?.value).toBeLessThan(60);
    expect(at(low.at(-1)?.effectiveDateTime) - at(low.at(-2)?.effectiveDateTime)).toBeGreaterThan(80 * 86_400_000);
    expect(stage2?.abatementDateTime).toBe(stage3a?.onsetDateTime);
  });

  it("meds-statements-only: what the patient reports taking, lined up with her HbA1c", () => {
    const statements = ofType<fhir4.MedicationStatement>("meds-statements-only.json", "MedicationStatement");
    expect(statements.map((m) => [m.status, m.medicationCodeableConcept?.text])).toEqual([
      ["active", "Metformin ER 500 mg tablet"],
      ["entered-in-error", "Metformin ER 500 mg tablet"],
      ["stopped", "Victoza (liraglutide) 18 mg/3 mL pen"],
      ["active", "Omeprazole 20 mg capsule, over the counter"],
      ["active", "Ozempic (semaglutide) 0.5 mg weekly pen"],
    ]);
    for (const m of statements) expect(m.effectivePeriod?.end === undefined, m.id).toBe(m.status !== "stopped");
    // HbA1c falls after each glucose-lowering start and rises after liraglutide stops.
    const file = "meds-statements-only.json";
    for (const id of ["metformin", "liraglutide", "semaglutide"]) {
      const start = at(statements.find((m) => m.id === `meds-statements-only-ms-${id}`)?.effectivePeriod?.start);
      expect(meanA1c(file, start, start + YEAR), id).toBeLessThan(a1cBefore(file, start)!);
    }
    const stop = at(statements[2]?.effectivePeriod?.end);
    expect(meanA1c(file, stop, stop + YEAR)).toBeGreaterThan(a1cBefore(file, stop)!);
  });
});
