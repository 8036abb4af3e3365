#!/usr/bin/env node
/**
 * Puts a config file into the built app as its config.json, and rewrites both pages' Content-Security-Policy
 * for it (`connect-src` names the origins that configuration lets the app call; scripts/csp.mjs):
 * `npm run configure -- <file> [dist]` (or `node scripts/use-config.mjs <file> [dist]`). `npm run build:demo`
 * uses it for the hosted demo; a deployer does the same with their own file. Editing dist/config.json by hand
 * keeps the policy the copy was built or configured with.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { contentSecurityPolicy, withPolicy } from "./csp.mjs";

const [source, dist = "dist"] = process.argv.slice(2);
if (!source) {
  console.error("usage: node scripts/use-config.mjs <config file> [dist folder]");
  process.exit(2);
}
const text = await readFile(source, "utf8");
const config = JSON.parse(text);
if (!config.clientId || !Array.isArray(config.issAllowList)) {
  console.error(`${source} does not look like a config.json (clientId and issAllowList are required).`);
  process.exit(1);
}
let policy;
try {
  policy = contentSecurityPolicy(config);
} catch (error) {
  console.error(`${source}: ${error.message}`);
  process.exit(1);
}
// The $schema reference points into the source tree; the built app carries the schema next to config.json.
config.$schema = "./config.schema.json";
for (const page of ["launch.html", "index.html"]) {
  const file = join(dist, page);
  await writeFile(file, withPolicy(await readFile(file, "utf8"), policy));
}
await writeFile(join(dist, "config.json"), `${JSON.stringify(config, null, 2)}\n`);
console.log(`${source} → ${join(dist, "config.json")}; connect-src of launch.html and index.html: ${policy.match(/connect-src ([^;]*)/)[1]}`);
