/** `npm run seeds`: the four seed documents' exchanges replayed over HTTP, every step passing. */
import { expect, it } from "vitest";
import { startSandbox } from "../src/sandbox.ts";
import { useSandbox } from "./useSandbox.ts";
import { SEEDS, replaySeeds } from "../replay/replay.ts";

const sandbox = useSandbox();


it("replays seeds 000–003 step by step, and every step passes", async () => {
  const steps = await replaySeeds(sandbox.origin);
  expect(steps.filter((s) => !s.ok)).toEqual([]);
  expect(new Set(steps.map((s) => s.seed))).toEqual(new Set(SEEDS.map((s) => s.seed)));
  expect(steps.length).toBeGreaterThanOrEqual(24);
});

it("reports a failed step for each seed when no sandbox answers", async () => {
  const other = await startSandbox({ port: 0 });
  const origin = other.origin;
  await other.close();
  const steps = await replaySeeds(origin);
  expect(steps.length).toBe(SEEDS.length);
  expect(steps.every((s) => !s.ok && s.detail.length > 0)).toBe(true);
});
