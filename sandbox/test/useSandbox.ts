/** The sandbox a test file runs against: started on a free port before its tests, closed after them. */
import { afterAll, beforeAll } from "vitest";
import { startSandbox, type Sandbox, type SandboxOptions } from "../src/sandbox.ts";

/**
 * Registers the file's `beforeAll`/`afterAll` and returns the sandbox, usable inside tests and hooks (it is
 * started by then): `const sandbox = useSandbox(); … fetch(`${sandbox.origin}/fhir/metadata`)`.
 */
export function useSandbox(options: Omit<SandboxOptions, "port"> = {}): Sandbox {
  let started: Sandbox | undefined;
  beforeAll(async () => {
    started = await startSandbox({ port: 0, ...options });
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as Sandbox, {
    get(_, key) {
      if (!started) throw new Error(`sandbox.${String(key)} was read before the sandbox started (use it inside a test or hook).`);
      const value: unknown = Reflect.get(started, key);
      return typeof value === "function" ? value.bind(started) : value;
    },
  });
}
