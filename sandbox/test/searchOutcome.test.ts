/**
 * Messages in search results: an OperationOutcome entry with `search.mode: "outcome"` on Observation search
 * pages, switched on per patient (scenario data), per launch (`error=fhir_search_outcome`) or by the API's
 * `searchOutcome` option. Over HTTP against a sandbox on a free port.
 */
import { describe, expect, it } from "vitest";
import { FhirApi } from "../src/fhir/api.ts";
import { OPEN_ACCESS } from "../src/fhir/access.ts";
import { EPIC_PARTIAL_RECORD_NOTICE, searchMessage } from "../src/fhir/searchOutcome.ts";
import { CLINICAL_TRAPS_NOTICE } from "../scripts/scenarios/clinical-traps.ts";
import { bearer, ehrLaunch } from "./client.ts";
import { useSandbox } from "./useSandbox.ts";

const sandbox = useSandbox();

const HBA1C = `code=${encodeURIComponent("http://loinc.org|4548-4")}&_sort=-date&_count=50`;

async function launch(patient: string, options: Record<string, string> = {}): Promise<string> {
  const { token } = await ehrLaunch(sandbox.origin, { patient, ...options });
  return String(token.access_token);
}

async function pages(access: string, url = `${sandbox.fhirBase}/Observation?${HBA1C}`): Promise<fhir4.Bundle[]> {
  const out: fhir4.Bundle[] = [];
  for (let next: string | undefined = url; next; ) {
    const response = await fetch(next, bearer(access));
    expect(response.status).toBe(200);
    const bundle = (await response.json()) as fhir4.Bundle;
    out.push(bundle);
    next = bundle.link?.find((l) => l.relation === "next")?.url;
  }
  return out;
}

const outcomes = (bundle: fhir4.Bundle) => (bundle.entry ?? []).filter((e) => e.search?.mode === "outcome");
const matches = (bundle: fhir4.Bundle) => (bundle.entry ?? []).filter((e) => e.search?.mode === "match");

describe("a patient whose scenario data asks for a message (clinical-traps)", () => {
  it("every Observation search page carries it once, after the matches; total counts only the matches", async () => {
    const read = await pages(await launch("clinical-traps"));
    expect(read).toHaveLength(2);
    for (const bundle of read) {
      expect(bundle.total).toBe(68);
      const [entry, ...more] = outcomes(bundle);
      expect(more).toEqual([]);
      expect(bundle.entry?.at(-1)).toBe(entry);
      expect(entry).toEqual({
        resource: { resourceType: "OperationOutcome", issue: [{ severity: "information", code: "informational", details: { text: CLINICAL_TRAPS_NOTICE } }] },
        search: { mode: "outcome" },
      });
    }
    expect(read.flatMap(matches)).toHaveLength(68);
    expect(read.flatMap(matches).every((e) => e.resource?.resourceType === "Observation")).toBe(true);
  });

  it("reads of the patient and its results carry none (they are not searches)", async () => {
    const access = await launch("clinical-traps");
    const patient = (await (await fetch(`${sandbox.fhirBase}/Patient/clinical-traps`, bearer(access))).json()) as fhir4.Patient;
    expect(patient.resourceType).toBe("Patient");
    const observation = (await (await fetch(`${sandbox.fhirBase}/Observation/clinical-traps-a1c-01`, bearer(access))).json()) as fhir4.Resource;
    expect(observation.resourceType).toBe("Observation");
  });

  it("the store holds the patient's Goals", () => {
    expect(sandbox.store.read<fhir4.Goal>("Goal", "clinical-traps-goal-a1c-2022")?.lifecycleStatus).toBe("active");
    expect(sandbox.store.read<fhir4.Goal>("Goal", "clinical-traps-goal-a1c-2018")?.lifecycleStatus).toBe("completed");
  });
});

describe("other patients", () => {
  it("carry no message by default", async () => {
    const read = await pages(await launch("hba1c-long"));
    expect(read.flatMap(outcomes)).toEqual([]);
    expect(read.flatMap(matches)).toHaveLength(140);
  });

  it("carry Epic's notice on every page with the launch option error=fhir_search_outcome", async () => {
    const read = await pages(await launch("hba1c-long", { error: "fhir_search_outcome" }));
    expect(read).toHaveLength(3);
    for (const bundle of read) expect(outcomes(bundle).map((e) => e.resource)).toEqual([EPIC_PARTIAL_RECORD_NOTICE]);
    expect(read.flatMap(matches)).toHaveLength(140);
    expect(EPIC_PARTIAL_RECORD_NOTICE.issue[0]).toMatchObject({ severity: "warning", code: "processing", details: { coding: [{ code: "4119" }] } });
  });
});

describe("the FHIR API's searchOutcome option", () => {
  it("is asked for each page with the query (its patient filled in) and the offset, and may answer nothing", async () => {
    const asked: [string, number][] = [];
    const api = new FhirApi(sandbox.store, "http://fhir.test", {
      searchOutcome: (query, offset) => {
        asked.push([query.patient, offset]);
        return offset === 0 ? searchMessage("warning", "incomplete", "Only the first page is annotated.") : undefined;
      },
    });
    const first = await api.observationPage(new URLSearchParams({ patient: "hba1c-long", _count: "100" }), OPEN_ACCESS);
    expect(outcomes(first.bundle).map((e) => e.resource)).toEqual([searchMessage("warning", "incomplete", "Only the first page is annotated.")]);
    const next = new URL(first.bundle.link!.find((l) => l.relation === "next")!.url!);
    const second = await api.observationPage(next.searchParams, OPEN_ACCESS);
    expect(outcomes(second.bundle)).toEqual([]);
    expect(asked).toEqual([
      ["hba1c-long", 0],
      ["hba1c-long", 100],
    ]);
  });
});
