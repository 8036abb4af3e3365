import { afterEach, describe, expect, it } from "vitest";
import { language, setLanguage, t, tn } from "./i18n";

afterEach(() => setLanguage("en"));

describe("t and tn", () => {
  it("English needs no catalog: the message is its own text, placeholders filled, numbers ungrouped as the English DOM contract writes them", () => {
    expect(t("{name} could not be read: {message}", { name: "Glucose", message: "timeout" })).toBe("Glucose could not be read: timeout");
    expect(tn(1, "Loaded {count} result", "Loaded {count} results")).toBe("Loaded 1 result");
    expect(tn(1250, "Loaded {count} result", "Loaded {count} results")).toBe("Loaded 1250 results");
    expect(tn(0, "Loaded {count} result", "Loaded {count} results")).toBe("Loaded 0 results");
  });

  it("uses the catalog set, with its language's plural categories, keeps English for a message it lacks, and sets <html lang>", () => {
    setLanguage("es", { "Loaded {count} results": { one: "Cargado {count} resultado", other: "Cargados {count} resultados" } });
    expect(language()).toBe("es");
    expect(document.documentElement.lang).toBe("es");
    expect(tn(1, "Loaded {count} result", "Loaded {count} results")).toBe("Cargado 1 resultado");
    expect(tn(1250, "Loaded {count} result", "Loaded {count} results")).toBe("Cargados 1250 resultados");
    expect(t("Retry")).toBe("Retry");
  });

  it("writes numbers in the language shown, and again in English once English is shown again", () => {
    expect(t("{value}", { value: 12345.5 })).toBe("12345.5");
    setLanguage("de");
    expect(t("{value}", { value: 12345.5 })).toBe("12.345,5");
    setLanguage("en");
    expect(t("{value}", { value: 12345.5 })).toBe("12345.5");
  });

  it("leaves a placeholder it has no value for as written", () => {
    expect(t("Latest {value}, {date}", { value: "7.1 %" })).toBe("Latest 7.1 %, {date}");
  });
});
