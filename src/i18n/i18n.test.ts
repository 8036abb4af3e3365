import { afterEach, describe, expect, it } from "vitest";
import { addMessages, language, setLanguage, t } from "./i18n";
import en from "./en";

afterEach(() => setLanguage("en", en));

describe("t", () => {
  it("fills placeholders and picks the plural form for count, with the number in the language's digits", () => {
    expect(t("results.loaded", { count: 1 })).toBe("Loaded 1 result");
    expect(t("results.loaded", { count: 1250 })).toBe("Loaded 1,250 results");
  });

  it("uses the catalog set, falls back to English for a key it lacks, and sets <html lang>", () => {
    setLanguage("es", { "results.loaded.one": "Cargado {count} resultado", "results.loaded.other": "Cargados {count} resultados" });
    expect(language()).toBe("es");
    expect(document.documentElement.lang).toBe("es");
    expect(t("results.loaded", { count: 1250 })).toBe("Cargados 1250 resultados");
    expect(t("language.label")).toBe("Language");
  });
});

describe("addMessages", () => {
  it("a lazy part's messages are found in its language, and in English when the language shown lacks them", () => {
    addMessages("en", { "overview.none": "No results" });
    expect(t("overview.none")).toBe("No results");
    setLanguage("es", {});
    expect(t("overview.none")).toBe("No results");
    addMessages("es", { "overview.none": "Sin resultados" });
    expect(t("overview.none")).toBe("Sin resultados");
  });
});
