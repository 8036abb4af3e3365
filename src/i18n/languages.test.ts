import { afterEach, describe, expect, it } from "vitest";
import { language, setLanguage, t } from "./i18n";
import { chooseAndKeep, chooseLanguage, LANGUAGE_STORAGE_KEY, LANGUAGES, showPreferredLanguage } from "./languages";

afterEach(() => {
  setLanguage("en");
  localStorage.clear();
});

describe("chooseLanguage", () => {
  it("offers English and every catalog file", () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(["en", "es"]));
    expect(LANGUAGES[0]).toBe("en");
  });

  it("takes the first of the browser's languages it has, by base language, else English", () => {
    expect(chooseLanguage(["es-MX", "en-US"], null)).toBe("es");
    expect(chooseLanguage(["de-DE", "es"], null)).toBe("es");
    expect(chooseLanguage(["de-DE", "fr"], null)).toBe("en");
    expect(chooseLanguage([], undefined)).toBe("en");
  });

  it("a kept choice wins over the browser's languages; an unknown kept value is ignored", () => {
    expect(chooseLanguage(["es-ES"], "en")).toBe("en");
    expect(chooseLanguage(["en-US"], "es")).toBe("es");
    expect(chooseLanguage(["es-ES"], "xx")).toBe("es");
  });
});

describe("showing and keeping a language", () => {
  it("loads the Spanish catalog for a Spanish browser and sets <html lang>", async () => {
    await showPreferredLanguage("graph", ["es-ES"]);
    expect(language()).toBe("es");
    expect(document.documentElement.lang).toBe("es");
    expect(t("Retry")).toBe("Reintentar");
  });

  it("English loads nothing", () => {
    expect(showPreferredLanguage("graph", ["en-GB"])).toBeUndefined();
    expect(language()).toBe("en");
  });

  it("the choice is kept in localStorage and wins at the next launch", async () => {
    await chooseAndKeep("es");
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe("es");
    setLanguage("en");
    await showPreferredLanguage("graph", ["en-US"]);
    expect(language()).toBe("es");
  });
});
