/**
 * Which language the pages speak: the one kept from the `Language` control (localStorage — a preference, never a
 * token), else the first of `navigator.languages` that has a catalog, else English. A catalog is a file in
 * `catalogs/` named by its language's BCP 47 tag; each loads on its own, only when its language is shown.
 */
import { setLanguage, type Catalog } from "./i18n";

const catalogs = import.meta.glob<{ default: Catalog }>("./catalogs/*.ts");
/** tag → its catalog's parts (`es.ts`, `es.patient.ts`, …): the graph page loads them all, the launch page only `.launch`. */
const files = new Map<string, { part: string; load: () => Promise<{ default: Catalog }> }[]>();
for (const [path, load] of Object.entries(catalogs)) {
  const [tag = "", part = ""] = path.slice("./catalogs/".length, -".ts".length).split(".");
  files.set(tag, [...(files.get(tag) ?? []), { part, load }]);
}

/** The languages the app can show, English (the source) first. */
export const LANGUAGES: readonly string[] = ["en", ...files.keys()];

/** Which parts of a catalog a page shows: the launch page only its own words. */
export type Page = "graph" | "launch";

export const LANGUAGE_STORAGE_KEY = "lab-graph.language";

/** The supported language best matching `stored` (kept choice) and then `preferred` (navigator.languages). */
export function chooseLanguage(preferred: readonly string[], stored: string | null | undefined): string {
  for (const wanted of [stored, ...preferred]) {
    if (!wanted) continue;
    if (import.meta.env.DEV && PSEUDO.includes(wanted)) return wanted;
    const base = wanted.toLowerCase().split("-")[0];
    const match = LANGUAGES.find((tag) => tag === wanted || tag === base);
    if (match) return match;
  }
  return "en";
}

/** Test-only pseudo-languages (pseudo.ts), known in dev builds only. */
const PSEUDO: readonly string[] = import.meta.env.DEV ? ["en-XA", "ar-XB"] : [];

function stored(): string | null {
  // A dev build also takes `?lang=en-XA` (a pseudo-language) for the page it is on.
  const asked = import.meta.env.DEV && typeof location !== "undefined" ? new URLSearchParams(location.search).get("lang") : null;
  if (asked) return asked;
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null; // storage blocked (a third-party iframe): the browser's languages decide
  }
}

/** Shows `tag`, loading the parts of its catalog `page` needs first (English needs none). */
export async function showLanguage(tag: string, page: Page = "graph"): Promise<void> {
  const pseudo = import.meta.env.DEV && PSEUDO.includes(tag);
  // A pseudo-language is made from Spanish's catalog: it has every message of the page.
  const parts = (files.get(pseudo ? "es" : tag) ?? []).filter(({ part }) => (page === "launch") === (part === "launch"));
  const loaded = await Promise.all(parts.map(({ load }) => load()));
  const catalog = Object.assign({}, ...loaded.map((m) => m.default)) as Catalog;
  setLanguage(tag, pseudo ? (await import("./pseudo")).pseudoCatalog(tag, catalog) : catalog);
}

/** Shows the kept or preferred language; undefined (nothing to wait for) for English. */
export function showPreferredLanguage(page: Page = "graph", preferred: readonly string[] = typeof navigator === "undefined" ? [] : navigator.languages): Promise<void> | undefined {
  const tag = chooseLanguage(preferred, stored());
  return tag === "en" ? undefined : showLanguage(tag, page);
}

/** Shows `tag` and keeps it for the next launch. */
export async function chooseAndKeep(tag: string, page: Page = "graph"): Promise<void> {
  await showLanguage(tag, page);
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, tag);
  } catch {
    // kept for this page only
  }
}
