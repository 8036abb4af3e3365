/**
 * The `smart_style_url` documents the sandbox serves, one per launch style (SMART App Launch style fields),
 * and hostile ones that an app must survive: values written to break out of CSS, a document far too large,
 * and one that is not JSON.
 */

/** The EHR's styles, `none` (no smart_style_url), and hostile documents for testing how apps read them. */
export const STYLE_NAMES = ["light", "dark", "high-contrast", "none", "hostile-css", "hostile-huge", "hostile-not-json"] as const;

export type StyleName = (typeof STYLE_NAMES)[number];

export function isStyle(value: unknown): value is StyleName {
  return STYLE_NAMES.includes(value as StyleName);
}

export type SmartStyle = Readonly<Record<string, string>>;

type HostileStyle = "hostile-css" | "hostile-huge" | "hostile-not-json";

export const STYLES: Readonly<Record<Exclude<StyleName, "none" | HostileStyle>, SmartStyle>> = {
  light: {
    color_background: "#ffffff",
    color_error: "#a4262c",
    color_highlight: "#0b5cad",
    color_modal_backdrop: "rgba(0, 0, 0, 0.4)",
    color_success: "#1d6b2f",
    color_text: "#1b1f24",
    dim_border_radius: "4px",
    dim_font_size: "16px",
    dim_spacing_size: "16px",
    font_family_body: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    font_family_heading: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  },
  dark: {
    color_background: "#15191e",
    color_error: "#ff8a80",
    color_highlight: "#7cb8ff",
    color_modal_backdrop: "rgba(0, 0, 0, 0.6)",
    color_success: "#7ddf94",
    color_text: "#e8eaed",
    dim_border_radius: "4px",
    dim_font_size: "16px",
    dim_spacing_size: "16px",
    font_family_body: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    font_family_heading: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  },
  "high-contrast": {
    color_background: "#000000",
    color_error: "#ffff00",
    color_highlight: "#00ffff",
    color_modal_backdrop: "rgba(0, 0, 0, 0.8)",
    color_success: "#00ff00",
    color_text: "#ffffff",
    dim_border_radius: "0px",
    dim_font_size: "18px",
    dim_spacing_size: "18px",
    font_family_body: "Verdana, Arial, sans-serif",
    font_family_heading: "Verdana, Arial, sans-serif",
  },
};

/** Marker a page would carry if a hostile style value ever ran as script. */
export const STYLE_INJECTED = "__styleInjected";

/** The valid field among the hostile ones: an app that checks field by field keeps it. */
export const HOSTILE_KEPT = { dim_border_radius: "9px" } as const;

/** A style whose only valid field is `dim_border_radius`; every other value tries to leave its CSS context. */
const HOSTILE_CSS: SmartStyle = {
  color_background: `#ffffff;}</style><script>window.${STYLE_INJECTED}=1</script><style>`,
  color_text: "#000000; } body { display: none",
  color_highlight: "expression(alert(1))",
  color_error: "url(javascript:alert(1))",
  // Valid CSS, but white on the app's white background: unreadable, so refused too.
  color_success: "#ffffff",
  dim_font_size: "16px;}</style><script>alert(1)</script>",
  dim_spacing_size: "1e9px",
  font_family_body: `Arial;}</style><img src=x onerror="window.${STYLE_INJECTED}=2">`,
  font_family_heading: "'x'; } * { display: none } '",
  ...HOSTILE_KEPT,
};

/** Raw bodies of the hostile styles, sent as `application/json` whatever they hold. */
export function hostileStyleBody(name: StyleName): string | undefined {
  switch (name) {
    case "hostile-css":
      return JSON.stringify(HOSTILE_CSS);
    case "hostile-huge":
      // A dark background an app would apply if it read the document, behind a megabyte of padding.
      return JSON.stringify({ color_background: "#000000", color_text: "#ffffff", padding: "x".repeat(1024 * 1024) });
    case "hostile-not-json":
      return "<html><body>This is not a style document</body></html>";
    default:
      return undefined;
  }
}
