/**
 * Pseudo-languages for testing layouts, in dev builds only (languages.ts loads this module only when
 * `import.meta.env.DEV`, so production never ships it): `en-XA` is every English message bracketed, accented and
 * about 40 % longer, as many translations are; `ar-XB` is the same, right to left (`<html dir="rtl">`, set by
 * setLanguage). Choose one with `?lang=en-XA` on the launch page or the kept choice (localStorage).
 */
import type { Catalog, PluralForms } from "./i18n";

const ACCENTED: Record<string, string> = { a: "á", e: "é", i: "í", o: "ö", u: "ü", c: "ç", n: "ñ", y: "ý", A: "Å", E: "É", I: "Î", O: "Ö", U: "Ü" };
const FILLER = ["lörém", "ípsüm", "dölör", "sít", "ámét", "çönséçtétür", "ádípísçíñg", "élít"];

/** One message in the pseudo-language: placeholders kept, letters accented, ~40 % more words, bracketed. */
export function pseudo(text: string, rtl = false): string {
  const accented = text
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? part : part.replace(/[a-zA-Z]/g, (c) => ACCENTED[c] ?? c)))
    .join("");
  const extra: string[] = [];
  for (let length = 0, i = 0; length < text.length * 0.4; i++) {
    const word = FILLER[i % FILLER.length]!;
    extra.push(word);
    length += word.length + 1;
  }
  const long = `[${accented} ${extra.join(" ")}]`;
  return rtl ? `\u200f${long}\u200f` : long;
}

/** A catalog of `tag` (a pseudo-language) with every message of `source` (a real catalog: it has them all). */
export function pseudoCatalog(tag: string, source: Catalog): Catalog {
  const rtl = tag.startsWith("ar");
  return Object.fromEntries(
    Object.keys(source).map((key): [string, string | PluralForms] => [key, typeof source[key] === "string" ? pseudo(key, rtl) : { other: pseudo(key, rtl) }]),
  );
}
