/**
 * `npm run seeds`: replays seeds 000–003 and prints each step. Against `SEEDS_ORIGIN` (e.g. the running
 * sandbox, http://127.0.0.1:4400) when set; otherwise against a sandbox started here on a free port.
 */
import { startSandbox } from "../src/sandbox.ts";
import { replaySeeds } from "./replay.ts";

const given = process.env.SEEDS_ORIGIN?.replace(/\/$/, "");
const sandbox = given ? undefined : await startSandbox({ port: 0 });
const origin = given ?? sandbox!.origin;
console.log(`Replaying the seed documents against ${origin}\n`);

let seed = "";
const steps = await replaySeeds(origin, (step) => {
  if (step.seed !== seed) console.log(`${(seed = step.seed)}`);
  console.log(`  ${step.ok ? "ok  " : "FAIL"} ${step.name}\n       ${step.detail}`);
});
await sandbox?.close();
const failed = steps.filter((s) => !s.ok).length;
console.log(`\n${steps.length - failed} of ${steps.length} steps passed${failed ? `, ${failed} failed` : ""}.`);
process.exitCode = failed ? 1 : 0;
