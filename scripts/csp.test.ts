import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { connectSources, contentSecurityPolicy, withPolicy } from "./csp.mjs";
import { POLICY_META_NAME } from "../src/security/policy";

describe("the policy written from config.json", () => {
  it("connect-src: 'self', then the origin of each allow-listed FHIR base, style host and connectOrigins entry, once each", () => {
    const config = {
      issAllowList: ["https://fhir.hospital.example/r4/", "https://FHIR.hospital.example:443/other", "http://127.0.0.1:4400/fhir"],
      styleAllowList: ["https://styles.hospital.example"],
      connectOrigins: ["https://auth.hospital.example", "http://localhost:*"],
    };
    expect(connectSources(config)).toEqual([
      "'self'",
      "https://fhir.hospital.example",
      "http://127.0.0.1:4400",
      "https://styles.hospital.example",
      "https://auth.hospital.example",
      "http://localhost:*",
    ]);
  });

  it("no loopback, no https wildcard, no IPv6 source unless the configuration names one", () => {
    const policy = contentSecurityPolicy({ issAllowList: ["https://fhir.hospital.example/r4"] });
    expect(policy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self' https://fhir.hospital.example; object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(policy).not.toMatch(/localhost|127\.0\.0\.1|\[::1\]|https:(?!\/\/)/);
  });

  it.each([
    [{ issAllowList: ["http://[::1]:4400/fhir"] }, "IPv6"],
    [{ issAllowList: ["ftp://files.example/fhir"] }, "not an http(s) URL"],
    [{ issAllowList: ["https://fhir.example"], connectOrigins: ["https://auth.example/token"] }, "with no path"],
    [{ issAllowList: ["https://fhir.example"], connectOrigins: ["*"] }, "must be an http(s) origin"],
    [{ issAllowList: ["https://fhir.example"], connectOrigins: "https://auth.example" }, "must be a list"],
    [{}, "issAllowList is required"],
  ])("refuses %j (%s): a source the browser would reject or that would open the policy", (config, why) => {
    expect(() => contentSecurityPolicy(config)).toThrow(why);
  });

  it("replaces a page's policy in place, or puts it right after <meta charset>, in the inert meta the first script enforces", () => {
    const page = '<head>\n    <meta charset="utf-8" />\n    <title>x</title>';
    const once = withPolicy(page, "default-src 'self'");
    expect(once).toContain(`<meta charset="utf-8" />\n    <meta name="${POLICY_META_NAME}" content="default-src 'self'" />\n    <title>`);
    const twice = withPolicy(once, "default-src 'none'");
    expect(twice.match(/content-security-policy/gi)).toHaveLength(1);
    expect(twice).toContain("content=\"default-src 'none'\"");
    // No http-equiv policy in the HTML: it would hold the browser's preload scanner back.
    expect(twice).not.toMatch(/http-equiv/i);
  });

  it("moves a copy built with an http-equiv policy to the inert meta", () => {
    const page = '<head><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="default-src \'self\'" /><title>x</title>';
    expect(withPolicy(page, "default-src 'none'")).toBe(`<head><meta charset="utf-8" /><meta name="${POLICY_META_NAME}" content="default-src 'none'" /><title>x</title>`);
  });
});

describe("npm run configure (scripts/use-config.mjs)", () => {
  let dist: string;
  afterEach(() => rm(dist, { recursive: true, force: true }));

  async function configure(config: unknown): Promise<{ code: number; output: string }> {
    dist = await mkdtemp(join(tmpdir(), "lab-graph-configure-"));
    const page = '<!doctype html><html><head><meta charset="utf-8" /><meta http-equiv="Content-Security-Policy" content="connect-src \'self\' https:" /></head></html>';
    await writeFile(join(dist, "launch.html"), page);
    await writeFile(join(dist, "index.html"), page);
    const file = join(dist, "new-config.json");
    await writeFile(file, JSON.stringify(config));
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ["scripts/use-config.mjs", file, dist]);
      return { code: 0, output: stdout };
    } catch (error) {
      const failure = error as { code: number; stderr: string };
      return { code: failure.code, output: failure.stderr };
    }
  }

  it("puts the file in as config.json and rewrites both pages' connect-src for it", async () => {
    const result = await configure({ clientId: "lab-graph", scope: "openid", issAllowList: ["https://fhir.hospital.example/r4"], connectOrigins: ["https://auth.hospital.example"] });
    expect(result.code).toBe(0);
    for (const page of ["launch.html", "index.html"]) {
      const html = await readFile(join(dist, page), "utf8");
      expect(html).toContain("connect-src 'self' https://fhir.hospital.example https://auth.hospital.example;");
      expect(html).not.toContain("https:;");
    }
    expect(JSON.parse(await readFile(join(dist, "config.json"), "utf8"))).toMatchObject({ $schema: "./config.schema.json", connectOrigins: ["https://auth.hospital.example"] });
  });

  it("refuses a configuration whose policy would be invalid, and changes nothing", async () => {
    const result = await configure({ clientId: "lab-graph", scope: "openid", issAllowList: ["http://[::1]:4400/fhir"] });
    expect(result.code).toBe(1);
    expect(result.output).toContain("IPv6");
    expect(await readFile(join(dist, "index.html"), "utf8")).toContain("connect-src 'self' https:");
    await expect(readFile(join(dist, "config.json"), "utf8")).rejects.toThrow();
  });
});
