/**
 * Every catalog has every message the code shows, with the same placeholders, one form per plural category of its
 * language for a counted message, and nothing the code no longer shows. The messages are read from the source:
 * `t("…")` and `tn(n, "…", "…")` with literal English text (anything else fails here, so none is missed).
 *
 * The launch page loads only a catalog's `.launch` part (`es.launch.ts`): it holds exactly the messages of the
 * modules the launch page can load (read from their imports, dynamic ones included), the other parts exactly those
 * of the rest. A message both pages show is in both.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Catalog } from "./i18n";

const SRC = join(__dirname, "..");
const STRING = String.raw`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`;
const T_CALL = new RegExp(String.raw`(?<![\w.$])t\(\s*(${STRING})`, "g");

/** A string literal's text (double- or single-quoted). */
function text(literal: string): string {
  return JSON.parse(literal.startsWith("'") ? `"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"` : literal) as string;
}
const TN_FORMS = new RegExp(String.raw`,\s*(${STRING}),\s*(${STRING})`, "y");
const ANY_CALL = /(?<![\w.$])tn?\(/g;
/** Where the functions themselves are written (not calls). */
const DEFINITIONS = [join("i18n", "i18n.ts")];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "test" || name === "catalogs" ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !DEFINITIONS.some((d) => path.endsWith(d)) ? [path] : [];
  });
}

/** Where the first argument of a call starting at `from` ends (its top-level comma), skipping brackets and strings. */
function endOfFirstArgument(code: string, from: number): number {
  let depth = 0;
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === "\\") i++;
    } else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    else if (c === "," && depth === 0) return i;
  }
  return code.length;
}

interface Message {
  readonly plural: boolean;
  readonly placeholders: ReadonlySet<string>;
}

function placeholders(...texts: string[]): Set<string> {
  return new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
}

/** The modules `entry` loads, itself included: its relative imports, static and dynamic, followed (not type-only ones). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    const specifiers = [
      ...[...code.matchAll(/^\s*(?:import|export)(?!\s+type\b)[^;]*?from\s*"(\.[^"]+)"/gm)].map((m) => m[1]!),
      ...[...code.matchAll(/^\s*import\s*"(\.[^"]+)"/gm)].map((m) => m[1]!),
      ...[...code.matchAll(/import\(\s*"(\.[^"]+)"\s*\)/g)].map((m) => m[1]!),
    ];
    for (const specifier of specifiers) {
      const base = join(dirname(file), specifier);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((p) => /\.tsx?$/.test(p) && existsSync(p));
      if (found) visit(found);
    }
  };
  visit(entry);
  return seen;
}

function messagesInCode(files: readonly string[]): { messages: Map<string, Message>; unreadable: string[] } {
  const messages = new Map<string, Message>();
  const unreadable: string[] = [];
  for (const file of files) {
    const code = readFileSync(file, "utf8");
    let literal = 0;
    for (const m of code.matchAll(T_CALL)) {
      const english = text(m[1]!);
      messages.set(english, { plural: false, placeholders: placeholders(english) });
      literal++;
    }
    for (const call of code.matchAll(/(?<![\w.$])tn\(/g)) {
      TN_FORMS.lastIndex = endOfFirstArgument(code, call.index + call[0].length);
      const m = TN_FORMS.exec(code);
      if (!m) continue;
      const one = text(m[1]!);
      const other = text(m[2]!);
      messages.set(other, { plural: true, placeholders: placeholders(one, other, "{count}") });
      literal++;
    }
    const calls = [...code.matchAll(ANY_CALL)].length;
    if (calls !== literal) unreadable.push(`${relative(SRC, file)}: ${calls - literal} call(s) of t/tn without literal English text`);
  }
  return { messages, unreadable };
}

const catalogs = import.meta.glob<{ default: Catalog }>("./catalogs/*.ts", { eager: true });
const all = sources(SRC);
const launchFiles = reachable(join(SRC, "launch", "main.ts"));
/** Modules the other pages load (their entries are named in the HTML pages next to src/), and any no page loads. */
const otherFiles = new Set(all.filter((file) => !launchFiles.has(file)));
for (const page of readdirSync(join(SRC, "..")).filter((name) => name.endsWith(".html"))) {
  for (const [, entry] of readFileSync(join(SRC, "..", page), "utf8").matchAll(/<script type="module" src="\.\/([^"]+)"/g)) {
    const file = join(SRC, "..", entry!);
    if (!launchFiles.has(file)) for (const reached of reachable(file)) otherFiles.add(reached);
  }
}
const { messages, unreadable } = messagesInCode(all);
const launchMessages = messagesInCode(all.filter((file) => launchFiles.has(file))).messages;
const otherMessages = messagesInCode(all.filter((file) => otherFiles.has(file))).messages;

/** Whether a catalog file is the part the launch page loads (`<tag>.launch.ts`). */
const isLaunchPart = (path: string) => path.endsWith(".launch.ts");

describe("the message catalogs", () => {
  it("every call of t and tn names its English text literally", () => {
    expect(unreadable).toEqual([]);
    expect(messages.size).toBeGreaterThan(5);
  });

  it("the launch page's modules are found from its entry, the failures' and the landing's too", () => {
    expect([...launchFiles].map((file) => relative(SRC, file))).toEqual(expect.arrayContaining([join("launch", "screens.ts"), join("config", "allowList.ts"), join("fhir", "discovery.ts")]));
    expect(launchMessages.has("The app could not start.")).toBe(true);
    expect(otherMessages.has("Connecting to {server}…")).toBe(false);
  });

  /** tag → [the launch page's part, the other pages' parts merged] */
  const byTag = new Map<string, [Catalog, Catalog]>();
  for (const [path, { default: part }] of Object.entries(catalogs)) {
    const tag = path.slice("./catalogs/".length).split(".")[0]!;
    const [launch, other] = byTag.get(tag) ?? [{}, {}];
    if (isLaunchPart(path)) {
      byTag.set(tag, [{ ...launch, ...part }, other]);
      continue;
    }
    const clash = Object.keys(part).filter((key) => key in other);
    it(`${path}: repeats no message another of its language's parts for the same page has`, () => expect(clash).toEqual([]));
    byTag.set(tag, [launch, { ...other, ...part }]);
  }

  for (const [tag, [launchPart, otherParts]] of byTag) {
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;

    for (const [which, catalog, needed] of [
      [`${tag}.launch.ts`, launchPart, launchMessages],
      [`${tag}'s other parts`, otherParts, otherMessages],
    ] as const) {
      it(`${which}: has every message of its page's code and no other`, () => {
        expect(Object.keys(catalog).filter((key) => !needed.has(key))).toEqual([]);
        expect([...needed.keys()].filter((key) => !(key in catalog))).toEqual([]);
      });

      it(`${which}: the same placeholders, and every plural category of the language`, () => {
        const wrong: string[] = [];
        for (const [key, message] of needed) {
          const entry = catalog[key];
          if (entry === undefined) continue;
          if (message.plural !== (typeof entry === "object")) {
            wrong.push(`${key}: ${message.plural ? "needs plural forms" : "is not counted"}`);
            continue;
          }
          const forms: [string, string | undefined][] = typeof entry === "string" ? [["", entry]] : categories.map((c) => [c, entry[c]]);
          for (const [category, form] of forms) {
            if (form === undefined) {
              wrong.push(`${key}: no "${category}" form`);
              continue;
            }
            const found = placeholders(form);
            const extra = [...found].filter((p) => !message.placeholders.has(p));
            const missing = message.plural ? [] : [...message.placeholders].filter((p) => !found.has(p));
            if (extra.length || missing.length) wrong.push(`${key}${category && ` (${category})`}: ${[...extra.map((p) => `unknown {${p}}`), ...missing.map((p) => `lacks {${p}}`)].join(", ")}`);
          }
        }
        expect(wrong).toEqual([]);
      });
    }

    it(`${tag}: a message both pages show reads the same on both`, () => {
      const differ = Object.keys(launchPart).filter((key) => key in otherParts && JSON.stringify(launchPart[key]) !== JSON.stringify(otherParts[key]));
      expect(differ).toEqual([]);
    });
  }
});
