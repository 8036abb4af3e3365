/**
 * The app's words, from message catalogs (`en.ts` is the source; every other catalog has the same keys with the
 * same placeholders, tested). A message is a string with `{name}` placeholders; a message that depends on a count
 * has one key per plural category, `key.one`, `key.other` (and `key.few`, … where the language has them),
 * chosen by `Intl.PluralRules` for the `count` parameter.
 *
 * The language in use is one module-level value, so code outside React (the launch page, labs' words, CSV
 * headers) reads it the same way; React re-renders through `useLanguage()` when it changes.
 */
import en from "./en";
import type enOverview from "./en.overview";

/** en.ts's keys, and those of the English catalogs that load with a lazy part of the page (`addMessages`). */
type Keys = keyof typeof en | keyof typeof enOverview;
export type MessageKey = Keys extends infer K ? (K extends `${infer Base}.${"one" | "other"}` ? Base : K) & string : never;
export type Catalog = Readonly<Record<string, string>>;
export type Params = Readonly<Record<string, string | number>>;

interface Language {
  readonly tag: string;
  readonly catalog: Catalog;
  readonly plurals: Intl.PluralRules;
}

let current: Language = { tag: "en", catalog: en, plurals: new Intl.PluralRules("en") };
const listeners = new Set<() => void>();

/** The BCP 47 tag of the language shown (`<html lang>` carries the same). */
export function language(): string {
  return current.tag;
}

/** Shows `tag` with `catalog` from now on (missing keys fall back to English). */
export function setLanguage(tag: string, catalog: Catalog): void {
  current = { tag, catalog, plurals: new Intl.PluralRules(tag) };
  if (typeof document !== "undefined") document.documentElement.lang = tag;
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const added: Record<string, Catalog> = {};

/** Adds a lazily loaded part's messages in `tag`'s language (its English ones under "en"). */
export function addMessages(tag: string, catalog: Catalog): void {
  added[tag] = { ...added[tag], ...catalog };
  for (const listener of listeners) listener();
}

function lookup(key: string): string | undefined {
  return current.catalog[key] ?? added[current.tag.split("-")[0]!]?.[key] ?? (en as Catalog)[key] ?? added.en?.[key];
}

/** The message `key` in the language shown, its `{placeholders}` filled from `params`. */
export function t(key: MessageKey, params: Params = {}): string {
  const count = params.count;
  const template = (typeof count === "number" ? lookup(`${key}.${current.plurals.select(count)}`) ?? lookup(`${key}.other`) : undefined) ?? lookup(key) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === "number" ? new Intl.NumberFormat(current.tag).format(value) : value;
  });
}
