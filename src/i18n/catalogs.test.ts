/**
 * Every catalog has every message the code shows, with the same placeholders, one form per plural category of its
 * language for a counted message, and nothing the code no longer shows. The messages are read from the source:
 * `t("…")` and `tn(n, "…", "…")` with literal English text (anything else fails here, so none is missed).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Catalog } from "./i18n";

const SRC = join(__dirname, "..");
const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const T_CALL = new RegExp(String.raw`(?<![\w.$])t\(\s*(${STRING})`, "g");
const TN_FORMS = new RegExp(String.raw`,\s*(${STRING}),\s*(${STRING})`, "y");
const ANY_CALL = /(?<![\w.$])tn?\(/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "test" || name === "catalogs" ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.endsWith(join("i18n", "i18n.ts")) ? [path] : [];
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

function messagesInCode(): { messages: Map<string, Message>; unreadable: string[] } {
  const messages = new Map<string, Message>();
  const unreadable: string[] = [];
  for (const file of sources(SRC)) {
    const code = readFileSync(file, "utf8");
    let literal = 0;
    for (const m of code.matchAll(T_CALL)) {
      const text = JSON.parse(m[1]!) as string;
      messages.set(text, { plural: false, placeholders: placeholders(text) });
      literal++;
    }
    for (const call of code.matchAll(/(?<![\w.$])tn\(/g)) {
      TN_FORMS.lastIndex = endOfFirstArgument(code, call.index + call[0].length);
      const m = TN_FORMS.exec(code);
      if (!m) continue;
      const one = JSON.parse(m[1]!) as string;
      const other = JSON.parse(m[2]!) as string;
      messages.set(other, { plural: true, placeholders: placeholders(one, other, "{count}") });
      literal++;
    }
    const calls = [...code.matchAll(ANY_CALL)].length;
    if (calls !== literal) unreadable.push(`${relative(SRC, file)}: ${calls - literal} call(s) of t/tn without literal English text`);
  }
  return { messages, unreadable };
}

const catalogs = import.meta.glob<{ default: Catalog }>("./catalogs/*.ts", { eager: true });
const { messages, unreadable } = messagesInCode();

describe("the message catalogs", () => {
  it("every call of t and tn names its English text literally", () => {
    expect(unreadable).toEqual([]);
    expect(messages.size).toBeGreaterThan(5);
  });

  const byTag = new Map<string, Catalog>();
  for (const [path, { default: part }] of Object.entries(catalogs)) {
    const tag = path.slice("./catalogs/".length).split(".")[0]!;
    const clash = Object.keys(part).filter((key) => key in (byTag.get(tag) ?? {}));
    it(`${path}: repeats no message another part of its language has`, () => expect(clash).toEqual([]));
    byTag.set(tag, { ...byTag.get(tag), ...part });
  }

  for (const [tag, catalog] of byTag) {
    const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;

    it(`${tag}: has every message of the code and no other`, () => {
      expect(Object.keys(catalog).filter((key) => !messages.has(key))).toEqual([]);
      expect([...messages.keys()].filter((key) => !(key in catalog))).toEqual([]);
    });

    it(`${tag}: the same placeholders, and every plural category of the language`, () => {
      const wrong: string[] = [];
      for (const [key, message] of messages) {
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
});
