/** Every relative link of README.md and docs/*.md resolves (file and `#anchor`), and the README stays short. */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { anchors, brokenLinks, links, slug } from "./docs-links";

const root = new URL("..", import.meta.url).pathname;
const projectDocs = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

describe("the project's Markdown", () => {
  it("checks README.md and the docs pages", () => {
    expect(projectDocs).toEqual(expect.arrayContaining(["README.md", "docs/architecture.md", "docs/sandbox.md"]));
  });

  it("has no relative link to a missing file or heading", () => {
    const broken = brokenLinks(root, projectDocs).map((b) => `${b.file}:${b.line} ${b.target}: ${b.reason}`);
    expect(broken).toEqual([]);
  });

  it("keeps README.md within 16 KiB", () => {
    expect(statSync(join(root, "README.md")).size).toBeLessThanOrEqual(16 * 1024);
  });
});

describe("slug (GitHub's heading anchors)", () => {
  it.each([
    ["Configuration: `config.json`", "configuration-configjson"],
    ["Debug tools (as on the SMART Example Server, seed 003)", "debug-tools-as-on-the-smart-example-server-seed-003"],
    ["7. Codes and methods", "7-codes-and-methods"],
    ["Sessions: storage, refresh, expiry, sign-out", "sessions-storage-refresh-expiry-sign-out"],
    ["Faults (sandbox `error=<name>`) → behaviour → test", "faults-sandbox-errorname--behaviour--test"],
    ["The **graph** page, [linked](x.md)", "the-graph-page-linked"],
    ["snake_case and Ünïcode", "snake_case-and-ünïcode"],
  ])("%s → #%s", (heading, expected) => {
    expect(slug(heading)).toBe(expected);
  });

  it("numbers repeated headings -1, -2 and reads none inside code fences", () => {
    const found = anchors("# Notes\n\n## Notes\n\n```\n# Notes\n```\n\n## Notes ##\n");
    expect([...found]).toEqual(["notes", "notes-1", "notes-2"]);
  });

  it("keeps a heading's inline code in its anchor", () => {
    expect([...anchors("## Configuration: `config.json`\n")]).toEqual(["configuration-configjson"]);
  });
});

describe("links", () => {
  it("finds links and images, not those in code", () => {
    const text = "See [a](a.md#x) and ![b](img/b.png \"B\").\n`[c](c.md)`\n```\n[d](d.md)\n```\n[e](<e f.md>)";
    expect(links(text)).toEqual([
      { line: 1, target: "a.md#x" },
      { line: 1, target: "img/b.png" },
      { line: 6, target: "e f.md" },
    ]);
  });
});

describe("brokenLinks", () => {
  let dir = "";
  afterEach(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  function project(files: Record<string, string>): string {
    dir = mkdtempSync(join(tmpdir(), "docs-links-"));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, ".."), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it("accepts files, directories, headings, same-page anchors and absolute URLs", () => {
    const at = project({
      "README.md": "# Top\n\n## Set up\n\n[up](#set-up) [doc](docs/a.md#the-a-page) [img](docs/p.png) [dir](docs)"
        + " [web](https://example.org/x#y) <http://localhost:5173/>\n",
      "docs/a.md": "# The A page\n\n[back](../README.md#top)\n",
      "docs/p.png": "",
    });
    expect(brokenLinks(at, ["README.md", "docs/a.md"])).toEqual([]);
  });

  it("reports a missing file, a missing heading and a missing same-page anchor, with their lines", () => {
    const at = project({
      "README.md": "# Top\n\n[gone](docs/gone.md)\n[moved](docs/a.md#performance)\n[self](#nowhere)\n",
      "docs/a.md": "# A\n",
    });
    expect(brokenLinks(at, ["README.md"])).toEqual([
      { file: "README.md", line: 3, target: "docs/gone.md", reason: "no file docs/gone.md" },
      { file: "README.md", line: 4, target: "docs/a.md#performance", reason: "no heading #performance in docs/a.md" },
      { file: "README.md", line: 5, target: "#nowhere", reason: "no heading #nowhere in README.md" },
    ]);
  });
});
