/** Replays the four seed documents' exchanges against a sandbox: `npm run seeds`. */
import { replayAidbox } from "./aidbox.ts";
import { replayExampleServer } from "./example-server.ts";
import { replaySmartExample } from "./smart-example.ts";
import { Replay, type Step } from "./steps.ts";

export const SEEDS = [
  { seed: "000 SMART example, asymmetric client auth", run: (origin: string, r: Replay) => replaySmartExample(origin, "/seeds/000", r) },
  { seed: "001 SMART example, symmetric client auth", run: (origin: string, r: Replay) => replaySmartExample(origin, "/seeds/001", r) },
  { seed: "002 Aidbox", run: replayAidbox },
  { seed: "003 SMART Example Server", run: replayExampleServer },
] as const;

/** Runs every seed (a failing seed stops at its failing step; the others still run). */
export async function replaySeeds(origin: string, onStep?: (step: Step) => void): Promise<Step[]> {
  const steps: Step[] = [];
  for (const { seed, run } of SEEDS) {
    const replay = new Replay(seed, onStep);
    try {
      await run(origin, replay);
    } catch {
      // Recorded as the failed step.
    }
    steps.push(...replay.steps);
  }
  return steps;
}
