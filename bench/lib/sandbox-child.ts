/**
 * The sandbox in a process of its own (run with --expose-gc), for the soak test: prints its origin, and
 * answers a "heap" message with the heap in use after a full garbage collection.
 */
import { startSandbox } from "../../sandbox/src/sandbox.ts";

const gc = (globalThis as { gc?: () => void }).gc;
const sandbox = await startSandbox({ port: 0 });
process.send?.({ origin: sandbox.origin });
process.on("message", (message) => {
  if (message !== "heap") return;
  gc?.();
  process.send?.({ heapBytes: process.memoryUsage().heapUsed });
});
process.on("disconnect", () => void sandbox.close().finally(() => process.exit(0)));
