/**
 * Generates the sandbox's scenario data (`sandbox/data/*.json`): FHIR R4 Bundles, deterministic (a seeded
 * PRNG, fixed dates), so the expected counts in docs/sandbox.md stay true. Run: `npm run sandbox:data`.
 * `generate-data.test.ts` fails when the committed files and this generator disagree.
 */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { SCENARIO_FILES, scenarioText } from "./scenarios/index.ts";

const OUT = fileURLToPath(new URL("../data", import.meta.url));

await mkdir(OUT, { recursive: true });
for (const file of await readdir(OUT)) if (file.endsWith(".json") && !(file in SCENARIO_FILES)) await rm(join(OUT, file));
for (const file of Object.keys(SCENARIO_FILES)) {
  const text = scenarioText(file);
  await writeFile(join(OUT, file), text);
  console.log(`${file}: ${(text.length / 1024).toFixed(0)} KiB`);
}
