/** Run in a child process with --expose-gc: prints the store's load time and retained heap as JSON. */
import { loadStore } from "../../sandbox/src/fhir/load.ts";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const dir = process.argv[2] ?? "";
gc();
const before = process.memoryUsage().heapUsed;
const t = performance.now();
const store = await loadStore(dir);
store.observationsOf("store-p0", []);
const loadMs = performance.now() - t;
gc();
const heapMiB = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
console.log(JSON.stringify({ heapMiB, loadMs, observations: store.observationCount }));
