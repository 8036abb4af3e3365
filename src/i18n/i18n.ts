/**
 * The app's words. English is the source language and each English message is its own key: code writes
 * `t("Loaded {count} results", …)`, and a catalog (`catalogs/<tag>.ts`, loaded only for its language) maps that
 * text to the language's. So an English page carries no catalog at all, and adding a language is adding a file
 * (src/i18n/catalogs.test.ts checks that every catalog has every message of the code, with the same placeholders).
 *
 * A message is a string with `{name}` placeholders. One that depends on a count is written with both English
 * forms, `tn(count, "{count} lab", "{count} labs")`; a catalog keys it by the plural ("other") form and gives one
 * form per plural category of its language, chosen by `Intl.PluralRules`.
 *
 * The language in use is one module-level value, so code outside React (the launch page, labs' words, CSV
 * headers) reads it the same way; React re-renders through `useLanguage()` when it changes.
 */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string };
export type Catalog = Readonly<Record<string, string | PluralForms>>;
export type Params = Readonly<Record<string, string | number>>;

/** The language shown; `numbers`, its number format, is made on first use (each Intl constructor costs about 0.1 ms). */
let current: { tag: string; catalog: Catalog; plurals: Intl.PluralRules; numbers?: Intl.NumberFormat } = { tag: "en", catalog: {}, plurals: new Intl.PluralRules("en") };
const listeners = new Set<() => void>();

/** The BCP 47 tag of the language shown (`<html lang>` carries the same). */
export function language(): string {
  return current.tag;
}

/** Shows `tag` with `catalog` from now on (a message the catalog lacks stays English). */
export function setLanguage(tag: string, catalog: Catalog = {}): void {
  current = { tag, catalog, plurals: new Intl.PluralRules(tag) };
  if (typeof document !== "undefined") {
    document.documentElement.lang = tag;
    document.documentElement.dir = /^(ar|fa|he|ur)\b/.test(tag) ? "rtl" : "ltr";
  }
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    // English, the source, writes numbers as the code always has ("Loaded 10000 results": the DOM contract).
    return value === undefined ? whole : typeof value === "number" ? (current.numbers ??= new Intl.NumberFormat(current.tag, current.tag === "en" ? { useGrouping: false } : {})).format(value) : value;
  });
}

/** The English message `text` in the language shown, its `{placeholders}` filled from `params`. */
export function t(text: string, params: Params = {}): string {
  const found = current.catalog[text];
  return fill(typeof found === "string" ? found : text, params);
}

/** The message for `count` things (English forms `one` and `other`), `{count}` and the other placeholders filled. */
export function tn(count: number, one: string, other: string, params: Params = {}): string {
  const found = current.catalog[other];
  const template = typeof found === "object" ? (found[current.plurals.select(count)] ?? found.other) : count === 1 ? one : other;
  return fill(template, { ...params, count });
}
