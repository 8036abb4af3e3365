/**
 * How long the end-to-end tests wait. A CI machine can be several times slower than a developer's (a cold Vite
 * dev server, two Chromiums and the sandbox on two cores), so under `CI` every wait is stretched by
 * `E2E_TIMEOUT_SCALE` (default 3; 1 elsewhere). Only the waits grow: a test that passes takes as long as before.
 */
export const TIMEOUT_SCALE = Number(process.env.E2E_TIMEOUT_SCALE ?? (process.env.CI ? 3 : 1));

/** `ms`, stretched for the machine the tests run on. */
export function wait(ms: number): number {
  return ms * TIMEOUT_SCALE;
}
