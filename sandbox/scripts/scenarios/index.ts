/** Every scenario file of `sandbox/data/`, and how it is written. */
import { clinicalTraps } from "./clinical-traps.ts";
import { bundle, practitioner } from "./fhir.ts";
import { hba1cLong, hba1cMixed, noLabs, singleResult } from "./hba1c.ts";
import { medsStatementsOnly } from "./meds-statements-only.ts";
import { oddValues } from "./odd-values.ts";
import { otherLabs } from "./other-labs.ts";
import { scale10k } from "./scale.ts";

export const SCENARIO_FILES: Readonly<Record<string, () => fhir4.Resource[]>> = {
  "practitioners.json": () => [practitioner("prac-1", "Priya", "Natarajan"), practitioner("prac-2", "Samuel", "Okafor")],
  "hba1c-long.json": hba1cLong,
  "hba1c-mixed.json": hba1cMixed,
  "no-labs.json": noLabs,
  "single-result.json": singleResult,
  "odd-values.json": oddValues,
  "other-labs.json": otherLabs,
  "scale-10k.json": scale10k,
  "clinical-traps.json": clinicalTraps,
  "meds-statements-only.json": medsStatementsOnly,
};

/** Files larger than this are written minified, the others indented to read and diff. */
const PRETTY_LIMIT = 500;

/** The file's exact text. */
export function scenarioText(file: string): string {
  const make = SCENARIO_FILES[file];
  if (!make) throw new Error(`No scenario file ${file}`);
  const resources = make();
  return `${JSON.stringify(bundle(resources), null, resources.length > PRETTY_LIMIT ? undefined : 1)}\n`;
}
