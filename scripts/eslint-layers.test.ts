/** The layer rule in the project's real lint configuration: an import that runs upward fails `npm run lint`. */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: new URL("..", import.meta.url).pathname });

/** The layer-rule messages `npm run lint` would print for a file at `filePath` holding `source`. */
async function layerErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "layers/direction").map((m) => m.message);
}

describe("layers/direction", () => {
  it.each([
    ["src/labs/probe.ts", "../graph/present", "src/labs imports only src/i18n"],
    ["src/labs/probe.ts", "../fhir/session", "src/labs imports only src/i18n"],
    ["src/graph/probe.ts", "../app/queries", "src/graph imports only src/labs, src/i18n"],
    ["src/graph/probe.ts", "../fhir/session", "src/graph imports only src/labs, src/i18n"],
    ["src/config/probe.ts", "../fhir/scopes", "src/config imports only src/labs, src/i18n"],
    ["src/fhir/probe.ts", "../launch/plan", "src/fhir imports only src/labs, src/i18n"],
    ["src/fhir/probe.ts", "../app/queries", "src/fhir imports only src/labs, src/i18n"],
    ["src/fhir/probe.ts", "../config/launchSettings", "src/fhir imports only src/labs, src/i18n"],
    ["src/launch/probe.ts", "../graph/present", "src/launch imports only src/labs, src/config, src/fhir, src/i18n, src/security"],
    ["src/launch/probe.ts", "../app/App", "src/launch imports only src/labs, src/config, src/fhir, src/i18n, src/security"],
    ["src/i18n/probe.ts", "../labs/catalog", "src/i18n imports only itself"],
    ["src/security/probe.ts", "../i18n/i18n", "src/security imports only itself"],
    ["src/labs/probe.ts", "../test/scenarios", "only test files import the test helpers (src/test)"],
    ["src/app/probe.ts", "../../sandbox/src/sandbox.ts", "src/ and sandbox/ never import each other"],
    ["sandbox/src/probe.ts", "../../src/labs/catalog", "sandbox/ and src/ never import each other"],
  ])("%s may not import %s", async (file, source, why) => {
    const errors = await layerErrors(file, `import { x } from "${source}";`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(why);
  });

  it("catches re-exports and dynamic imports too", async () => {
    expect(await layerErrors("src/labs/probe.ts", `export { x } from "../graph/present";\nconst x = 1;`)).toHaveLength(1);
    expect(await layerErrors("src/graph/probe.ts", `const x = await import("../app/queries");`)).toHaveLength(1);
  });

  it.each([
    ["src/labs/probe.ts", "../i18n/i18n"],
    ["src/launch/probe.ts", "../i18n/i18n"],
    ["src/graph/probe.ts", "../labs/catalog"],
    ["src/graph/probe.ts", "./markers"],
    ["src/fhir/probe.ts", "../labs/settings"],
    ["src/launch/probe.ts", "../fhir/scopes"],
    ["src/launch/probe.ts", "../security/policy"],
    ["src/app/probe.ts", "../security/policy"],
    ["src/app/probe.ts", "../graph/present"],
    ["src/labs/probe.test.ts", "../test/scenarios"],
    ["sandbox/test/probe.ts", "../src/sandbox.ts"],
  ])("%s may import %s", async (file, source) => {
    expect(await layerErrors(file, `import { x } from "${source}";`)).toEqual([]);
  });
});
