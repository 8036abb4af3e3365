import { describe, expect, it } from "vitest";
import { contrast, isFontFamilyList, isLength, parseColor, readSmartStyle } from "./smartStyle.later";
import { styleUrlAllowed } from "./styleUrl";

describe("smart_style_url validation", () => {
  it("accepts CSS colors: hex, rgb(), hsl(), basic names", () => {
    expect(parseColor("#15191e")).toEqual([21, 25, 30]);
    expect(parseColor("#FFF")).toEqual([255, 255, 255]);
    expect(parseColor("#0b5cadcc")).toEqual([11, 92, 173]);
    expect(parseColor("rgb(0, 0, 0)")).toEqual([0, 0, 0]);
    expect(parseColor("rgba(0,0,0,0.4)")).toEqual([0, 0, 0]);
    expect(parseColor("rgb(100% 0% 0% / 50%)")).toEqual([255, 0, 0]);
    expect(parseColor("hsl(0, 0%, 100%)")).toEqual([255, 255, 255]);
    expect(parseColor("Navy")).toEqual([0, 0, 128]);
  });

  it("refuses anything that could carry more CSS, or is not a color", () => {
    for (const bad of ["red; background: url(https://evil.example/x)", "var(--x)", "expression(alert(1))", "#fff}body{display:none", "rgb(0,0,0) url(x)", "url(x)", "rgb(300,0,0)", "rgba(0,0,0,2)", "#12", "currentColor", "", "inherit"]) {
      expect(parseColor(bad), bad).toBeUndefined();
    }
  });

  it("lengths in a sane range per field", () => {
    expect(isLength("dim_font_size", "16px")).toBe(true);
    expect(isLength("dim_font_size", "1.125rem")).toBe(true);
    expect(isLength("dim_font_size", "4px")).toBe(false);
    expect(isLength("dim_font_size", "200px")).toBe(false);
    expect(isLength("dim_border_radius", "0")).toBe(true);
    expect(isLength("dim_spacing_size", "calc(1px + 1px)")).toBe(false);
    expect(isLength("dim_spacing_size", "16px;color:red")).toBe(false);
    expect(isLength("dim_spacing_size", "-4px")).toBe(false);
  });

  it("font-family lists of names, quoted or not", () => {
    expect(isFontFamilyList("system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif")).toBe(true);
    expect(isFontFamilyList('"Open Sans", Verdana, Arial')).toBe(true);
    for (const bad of ["Arial; } body { color: red", "url(x)", "'a\\'b'", "Arial, , serif", "'unterminated", "A".repeat(400)]) {
      expect(isFontFamilyList(bad), bad).toBe(false);
    }
  });

  it("a dark background makes a dark theme; unreadable text colors are ignored, and the theme's own one used", () => {
    const style = readSmartStyle({ color_background: "#15191e", color_text: "#202020", color_highlight: "#7cb8ff", dim_font_size: "18px", font_family_body: "Verdana", extra: "x" });
    expect(style.theme).toBe("dark");
    expect(style.properties).toEqual({ "--bg": "#15191e", "--fg": "#e8eaed", "--series": "#7cb8ff", "--font-size": "18px", "--font-body": "Verdana" });
    expect(style.ignored).toEqual(["color_text"]);
  });

  it("every field is checked on its own: bad ones are dropped, good ones kept", () => {
    const style = readSmartStyle({ color_background: "#ffffff", color_error: "red;x", color_success: "#1d6b2f", dim_border_radius: "4px", dim_spacing_size: 16, font_family_heading: "x{}" });
    expect(style.theme).toBe("light");
    expect(style.properties).toEqual({ "--bg": "#ffffff", "--fg": "#1b1f24", "--success": "#1d6b2f", "--radius": "4px" });
    expect(style.ignored).toEqual(["color_error", "font_family_heading"]);
    expect(readSmartStyle("not an object")).toEqual({ properties: {}, theme: undefined, ignored: [] });
  });

  it("contrast ratios as WCAG computes them", () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([27, 31, 36], [255, 255, 255])).toBeGreaterThan(4.5);
  });

  it("fetches only from the FHIR server's origin or an allow-listed one, over http(s)", () => {
    const fhir = "http://127.0.0.1:4400/fhir";
    expect(styleUrlAllowed("http://127.0.0.1:4400/styles/dark.json", fhir, [])).toBe(true);
    expect(styleUrlAllowed("https://styles.ehr.example/a.json", fhir, ["https://styles.ehr.example/"])).toBe(true);
    for (const bad of ["https://evil.example/style.json", "http://127.0.0.1:4401/styles/dark.json", "javascript:alert(1)", "data:application/json,{}", "http://u:p@127.0.0.1:4400/s.json", "not a url"]) {
      expect(styleUrlAllowed(bad, fhir, []), bad).toBe(false);
    }
  });
});
