import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import Ajv2020 from "ajv/dist/2020";
import { ConfigError, parseConfig, serverFor } from "./config";
import { checkIss } from "./allowList";

const shipped: unknown = JSON.parse(readFileSync("public/config.json", "utf8"));
const schema: object = JSON.parse(readFileSync("public/config.schema.json", "utf8"));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

describe("config.json", () => {
  it("the shipped file satisfies the committed JSON Schema", () => {
    expect(validate(shipped), JSON.stringify(validate.errors)).toBe(true);
  });

  it("the shipped file parses, and lists the sandbox for standalone launch", () => {
    const config = parseConfig(shipped);
    expect(config.clientId).toBe("lab-graph");
    expect(config.issAllowList).toContain("http://127.0.0.1:4400/fhir");
    const sandbox = serverFor(config, new URL("http://127.0.0.1:4400/fhir/"));
    expect(sandbox).toMatchObject({ name: "Local sandbox", standalone: true, pkceMode: "required" });
  });

  it("the schema refuses what the parser refuses", () => {
    const bad = [
      {},
      { clientId: "x", scope: "s" },
      { clientId: "x", scope: "s", issAllowList: ["javascript:alert(1)"] },
      { clientId: "x", scope: "s", issAllowList: [], servers: [{ iss: "https://a/fhir", pkceMode: "plain" }] },
      { clientId: "x", scope: "s", issAllowList: [], servers: [{ iss: "https://a/fhir", standalone: "yes" }] },
      { clientId: "x", scope: "s", issAllowList: [], styleAllowList: ["https://styles.example.org/path/style.json"] },
      { clientId: "x", scope: "s", issAllowList: [], styleAllowList: "https://styles.example.org" },
      { clientId: "x", scope: "s", issAllowList: [], paging: { maxPages: 0 } },
      { clientId: "x", scope: "s", issAllowList: [], paging: { maxPages: 2.5 } },
      { clientId: "x", scope: "s", issAllowList: [], paging: { timeBudgetSeconds: 0 } },
      { clientId: "x", scope: "s", issAllowList: [], paging: { timeBudgetSeconds: "60" } },
      { clientId: "x", scope: "s", issAllowList: [], paging: { pageCap: 10 } },
      { clientId: "x", scope: "s", issAllowList: [], paging: 10 },
      { clientId: "x", scope: "s", issAllowList: [], labs: [] },
      { clientId: "x", scope: "s", issAllowList: [], labs: { a1c: { target: 7 } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { target: 0 } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { target: "7" } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { overdueAfterMonths: 1.5 } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { goal: 7 } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { target: { comparator: "=", value: 7, basis: "ADA" } } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { target: { comparator: "<", value: 0, basis: "ADA" } } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { target: { comparator: "<", value: 7 } } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { target: { comparator: "<", value: 7, basis: "" } } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { target: { comparator: "<", value: 7, basis: "ADA", unit: "%" } } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { target: [7] } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { retestMonthsAtGoal: 0 } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { retestMonthsNotAtGoal: "3" } } },
      { clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: 7 } },
    ];
    for (const value of bad) {
      expect(validate(value), JSON.stringify(value)).toBe(false);
      expect(() => parseConfig(value), JSON.stringify(value)).toThrow(ConfigError);
    }
  });

  it("names the wrong field", () => {
    expect(() => parseConfig({ clientId: "x", scope: "s", issAllowList: [], servers: [{ iss: "https://a/fhir", pkceMode: "plain" }] })).toThrow(
      'config.json: servers[0].pkceMode must be "required" or "unsafeV1".',
    );
  });

  it("fills server defaults: PKCE required, no category, not standalone", () => {
    const config = parseConfig({ clientId: "x", scope: "s", issAllowList: [], servers: [{ iss: "https://a.example/fhir" }] });
    expect(config.servers[0]).toEqual({ iss: "https://a.example/fhir", name: undefined, description: undefined, standalone: false, clientId: undefined, pkceMode: "required", observationCategory: null });
  });

  it("the demo configuration (deploy/config.demo.json) satisfies the schema and lists a public sandbox first", () => {
    const demo: unknown = JSON.parse(readFileSync("deploy/config.demo.json", "utf8"));
    expect(validate(demo), JSON.stringify(validate.errors)).toBe(true);
    const config = parseConfig(demo);
    expect(config.servers[0]).toMatchObject({ standalone: true, iss: expect.stringMatching(/^https:\/\//), description: expect.any(String) });
    for (const server of config.servers) expect(checkIss(server.iss, config.issAllowList).ok, server.iss).toBe(true);
  });

  it("a server's description must be text", () => {
    expect(() => parseConfig({ clientId: "x", scope: "s", issAllowList: [], servers: [{ iss: "https://a/fhir", description: 3 }] })).toThrow("servers[0].description must be a string.");
  });

  it("paging limits: each optional, kept as given", () => {
    expect(parseConfig({ clientId: "x", scope: "s", issAllowList: [] }).paging).toEqual({});
    const config = { clientId: "x", scope: "s", issAllowList: [], paging: { maxPages: 20, timeBudgetSeconds: 30 } };
    expect(validate(config)).toBe(true);
    expect(parseConfig(config).paging).toEqual({ maxPages: 20, timeBudgetSeconds: 30 });
  });

  it("lab settings: each optional, null removes, and a wrong lab or value is named", () => {
    expect(parseConfig({ clientId: "x", scope: "s", issAllowList: [] }).labs).toEqual({});
    const config = {
      clientId: "x",
      scope: "s",
      issAllowList: [],
      labs: {
        hba1c: { target: { comparator: "<", value: 7, basis: "ADA: many non-pregnant adults" }, retestMonthsAtGoal: 6, retestMonthsNotAtGoal: 3 },
        glucose: { target: null, retestMonthsAtGoal: null, retestMonthsNotAtGoal: null },
        ldl: { target: 100, overdueAfterMonths: 12 },
        egfr: { target: { comparator: ">=", value: 60, basis: "KDIGO" }, overdueAfterMonths: null },
      },
    };
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(parseConfig(config).labs).toEqual(config.labs);
    expect(() => parseConfig({ clientId: "x", scope: "s", issAllowList: [], labs: { a1c: { target: 7 } } })).toThrow(
      "config.json: labs.a1c is not a lab of this app; its labs are hba1c, glucose, ldl, hdl, cholesterol, triglycerides, creatinine, egfr.",
    );
    expect(() => parseConfig({ clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { target: -1 } } })).toThrow("config.json: labs.hba1c may hold target");
    expect(() => parseConfig({ clientId: "x", scope: "s", issAllowList: [], labs: { hba1c: { target: { value: 7 } } } })).toThrow(
      'config.json: labs.hba1c may hold target (a number above 0 in the lab\'s first unit, {"comparator": "<", "value": 7, "basis": "words"}, or null) and retestMonthsAtGoal, retestMonthsNotAtGoal (whole months from 1, or null).',
    );
  });

});
