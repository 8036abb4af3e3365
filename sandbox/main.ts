/** Runs the sandbox EHR: `npm run sandbox` (or `npm start`, with the app). */
import { DEFAULT_APP_LAUNCH_URL, startSandbox } from "./src/sandbox.ts";

const port = Number(process.env.SANDBOX_PORT ?? 4400);
const appPort = Number(process.env.APP_PORT ?? 5173);

const sandbox = await startSandbox({
  port,
  publicOrigin: process.env.SANDBOX_PUBLIC_URL,
  dataDir: process.env.SANDBOX_DATA_DIR || undefined,
  appLaunchUrl: process.env.SANDBOX_APP_URL ?? DEFAULT_APP_LAUNCH_URL.replace(":5173", `:${appPort}`),
  redirectUris: (process.env.SANDBOX_REDIRECT_URIS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
  foreignPort: process.env.SANDBOX_FOREIGN_PORT ? Number(process.env.SANDBOX_FOREIGN_PORT) : undefined,
  log: process.env.SANDBOX_LOG === "1",
});

const { report } = sandbox.store;
console.log(`Sandbox EHR listening on ${sandbox.origin}/ (FHIR base ${sandbox.fhirBase}, ${sandbox.store.observationCount} Observations` +
  `${report ? ` from ${report.files} files${report.duplicates ? `, ${report.duplicates} repeated resources skipped` : ""}` : ""})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.close().finally(() => process.exit(0));
  });
}
