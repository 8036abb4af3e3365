#!/usr/bin/env node
/**
 * `npm start`: the sandbox EHR and the app's dev server together. Prints the URL to open once both listen;
 * Ctrl-C (SIGINT) or SIGTERM stops both.
 */
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4400);
const appPort = Number(process.env.APP_PORT ?? 5173);
const env = { ...process.env, SANDBOX_PORT: String(sandboxPort), APP_PORT: String(appPort) };

const children = [
  { name: "sandbox", child: spawn("node_modules/.bin/tsx", ["sandbox/main.ts"], { env, stdio: ["ignore", "inherit", "inherit"] }) },
  { name: "app", child: spawn("node_modules/.bin/vite", ["--clearScreen", "false"], { env, stdio: ["ignore", "ignore", "inherit"] }) },
];

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 2000).unref();
  Promise.all(children.map(({ child }) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null))).then(() => process.exit(code));
}

for (const { name, child } of children) {
  child.once("exit", (code) => {
    if (!stopping) {
      console.error(`${name} exited (${code ?? "signal"}); stopping.`);
      stop(code || 1);
    }
  });
}
process.once("SIGINT", () => stop(0));
process.once("SIGTERM", () => stop(0));

async function listening(url) {
  for (let i = 0; i < 300 && !stopping; i++) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer`);
}

try {
  await Promise.all([listening(`http://127.0.0.1:${sandboxPort}/fhir/metadata`), listening(`http://127.0.0.1:${appPort}/launch.html`)]);
  console.log(`
  Lab graph is running.

  Open the sandbox EHR:  http://127.0.0.1:${sandboxPort}/
  and click "Launch" next to a patient (Amelia Jane Rhodes has 10 years of HbA1c results).

  Standalone launch:     http://localhost:${appPort}/launch.html
  Press Ctrl-C to stop.
`);
} catch (error) {
  console.error(String(error));
  stop(1);
}
