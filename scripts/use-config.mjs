#!/usr/bin/env node
/**
 * Puts a config file into the built app as its config.json: `node scripts/use-config.mjs <file> [dist]`.
 * `npm run build:demo` uses it for the hosted demo; a deployer can do the same with their own file.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

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
// The $schema reference points into the source tree; the built app carries the schema next to config.json.
config.$schema = "./config.schema.json";
await writeFile(join(dist, "config.json"), `${JSON.stringify(config, null, 2)}\n`);
console.log(`${source} → ${join(dist, "config.json")}`);
