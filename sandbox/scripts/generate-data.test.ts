/** The committed scenario data is exactly what the generator writes, and has the counts the README lists. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { SCENARIO_FILES, scenarioText } from "./scenarios/index.ts";
import { CLINICAL_TRAPS_NOTICE, V3_INTERPRETATIONS } from "./scenarios/clinical-traps.ts";
import { patientSearchOutcome } from "../src/fhir/search-outcome.ts";

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
const statuses = (file: string) => tally(observationsOf(file).map((o) => o.status));

describe("scenario data", () => {
  it.each(Object.keys(SCENARIO_FILES))("%s is up to date (npm run sandbox:data)", async (file) => {
    expect(await readFile(new URL(file, DATA), "utf8")).toBe(scenarioText(file));
  });

  it("has the codes and statuses the README lists per patient", () => {
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

  it("links results to encounters and practitioners that exist", () => {
    const all = Object.values(SCENARIO_FILES).flatMap((make) => make());
    const ids = new Set(all.map((r) => `${r.resourceType}/${r.id}`));
    const references = all.flatMap((r) => {
      if (r.resourceType === "Observation") {
        const o = r as fhir4.Observation;
        return [o.encounter?.reference, ...(o.performer ?? []).map((p) => p.reference)];
      }
      if (r.resourceType === "Encounter") return ((r as fhir4.Encounter).participant ?? []).map((p) => p.individual?.reference);
      return [];
    });
    const linked = references.filter((ref): ref is string => ref !== undefined);
    expect(linked.filter((ref) => ref.startsWith("Encounter/")).length).toBeGreaterThan(30);
    expect(linked.filter((ref) => !ids.has(ref))).toEqual([]);
    expect(ids.size).toBe(all.length);
  });
});
