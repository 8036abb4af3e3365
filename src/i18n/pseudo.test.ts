import { describe, expect, it } from "vitest";
import { pseudo, pseudoCatalog } from "./pseudo";

describe("the pseudo-languages", () => {
  it("bracket, accent and lengthen a message by about 40 %, keeping its placeholders", () => {
    const text = "Loaded {count} results in {labs}";
    const made = pseudo(text);
    expect(made).toMatch(/^\[Löádéd \{count\} résülts íñ \{labs\} .+\]$/);
    expect(made.length).toBeGreaterThanOrEqual(text.length * 1.4);
  });

  it("give every message of the catalog, counted ones with an other form, right to left for ar-XB", () => {
    const catalog = pseudoCatalog("ar-XB", { Retry: "Reintentar", "{count} labs": { one: "{count} análisis", other: "{count} análisis" } });
    expect(catalog.Retry).toMatch(/^\u200f\[Rétrý .+\]\u200f$/);
    expect(catalog["{count} labs"]).toEqual({ other: expect.stringContaining("{count} lábs") });
  });
});
