/**
 * `smart_style_url`: the EHR's look, applied as CSS custom properties after checking every field on its own.
 * Colors must parse as CSS colors (hex, rgb(), hsl(), a few names), dimensions as lengths in a sane range,
 * fonts as font-family lists; anything else is ignored, so no value can smuggle CSS in. Colors that would
 * leave text unreadable against the background (WCAG AA) are ignored too. Pure, but for the reading of the style
 * document's response (readStyleResponse).
 */

/** A style document is small; anything bigger is not one. */
const MAX_STYLE_BYTES = 32_768;

/** The style from the response to its URL: refused when it failed or is too large to be a style, then checked. */
export async function readStyleResponse(url: string, response: Response): Promise<AppliedStyle> {
  if (!response.ok) throw new Error(`The EHR's style (${url}) could not be loaded: HTTP ${response.status}.`);
  const tooLarge = new Error(`The EHR's style (${url}) is too large to be a style.`);
  // Refused before its body is read when the server says how large it is.
  if (Number(response.headers.get("content-length") ?? 0) > MAX_STYLE_BYTES) {
    await response.body?.cancel();
    throw tooLarge;
  }
  const text = await response.text();
  if (text.length > MAX_STYLE_BYTES) throw tooLarge;
  const style = readSmartStyle(JSON.parse(text));
  if (style.ignored.length) console.warn(`Ignored smart_style_url fields: ${style.ignored.join(", ")}`);
  return style;
}

export type Theme = "light" | "dark";

export interface AppliedStyle {
  /** CSS custom property → value. */
  readonly properties: Readonly<Record<string, string>>;
  /** From the background's lightness; undefined leaves it to prefers-color-scheme. */
  readonly theme: Theme | undefined;
  /** Fields present but refused, for the console. */
  readonly ignored: readonly string[];
}

type Rgb = readonly [number, number, number];

const NAMED: Readonly<Record<string, Rgb>> = {
  black: [0, 0, 0], white: [255, 255, 255], gray: [128, 128, 128], grey: [128, 128, 128], silver: [192, 192, 192],
  red: [255, 0, 0], maroon: [128, 0, 0], orange: [255, 165, 0], yellow: [255, 255, 0], olive: [128, 128, 0],
  lime: [0, 255, 0], green: [0, 128, 0], aqua: [0, 255, 255], cyan: [0, 255, 255], teal: [0, 128, 128],
  blue: [0, 0, 255], navy: [0, 0, 128], fuchsia: [255, 0, 255], magenta: [255, 0, 255], purple: [128, 0, 128],
};

const NUM = String.raw`(-?(?:\d+(?:\.\d+)?|\.\d+))`;
const SEP = String.raw`\s*(?:,\s*|\s+)`;
const ALPHA = String.raw`(?:\s*[,/]\s*${NUM}(%?))?`;
const RGB_RE = new RegExp(String.raw`^rgba?\(\s*${NUM}(%?)${SEP}${NUM}(%?)${SEP}${NUM}(%?)${ALPHA}\s*\)$`, "i");
const HSL_RE = new RegExp(String.raw`^hsla?\(\s*${NUM}(?:deg)?${SEP}${NUM}%${SEP}${NUM}%${ALPHA}\s*\)$`, "i");

function alphaOk(value: string | undefined, percent: string | undefined): boolean {
  if (value === undefined) return true;
  const a = Number(value);
  return percent ? a >= 0 && a <= 100 : a >= 0 && a <= 1;
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

/** The color's RGB (alpha ignored), or undefined when it is not a CSS color this app accepts. */
export function parseColor(value: string): Rgb | undefined {
  const v = value.trim().toLowerCase();
  if (NAMED[v]) return NAMED[v];
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(v)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join("") : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const rgb = RGB_RE.exec(v);
  if (rgb) {
    const channels = [1, 3, 5].map((i) => (rgb[i + 1] ? (Number(rgb[i]) * 255) / 100 : Number(rgb[i])));
    if (channels.some((c) => c < 0 || c > 255) || !alphaOk(rgb[7], rgb[8])) return undefined;
    return channels as unknown as Rgb;
  }
  const hsl = HSL_RE.exec(v);
  if (hsl) {
    const [h, s, l] = [Number(hsl[1]), Number(hsl[2]), Number(hsl[3])];
    if (s < 0 || s > 100 || l < 0 || l > 100 || !alphaOk(hsl[4], hsl[5])) return undefined;
    return hslToRgb(((h % 360) + 360) % 360, s / 100, l / 100);
  }
  return undefined;
}

const LENGTH_RE = /^(\d+(?:\.\d+)?|\.\d+)(px|rem|em|pt|%)$/;
/** Sane maxima per unit, in the unit (px, rem/em, pt, %), per field; a minimum for the font size. */
const LENGTH_LIMITS: Readonly<Record<string, { readonly min?: Partial<Record<string, number>>; readonly max: Readonly<Record<string, number>> }>> = {
  dim_font_size: { min: { px: 10, rem: 0.625, em: 0.625, pt: 8, "%": 62.5 }, max: { px: 32, rem: 2, em: 2, pt: 24, "%": 200 } },
  dim_border_radius: { max: { px: 32, rem: 2, em: 2, pt: 24, "%": 50 } },
  dim_spacing_size: { max: { px: 48, rem: 3, em: 3, pt: 36, "%": 300 } },
};

export function isLength(field: string, value: string): boolean {
  const m = LENGTH_RE.exec(value.trim());
  const limits = LENGTH_LIMITS[field];
  if (!m || !limits) return value.trim() === "0";
  const n = Number(m[1]);
  const unit = m[2]!;
  return n <= limits.max[unit]! && n >= (limits.min?.[unit] ?? 0);
}

const FAMILY_RE = /^(?:"[^"\\;{}<>()]{1,64}"|'[^'\\;{}<>()]{1,64}'|-?[A-Za-z][A-Za-z0-9-]*(?: [A-Za-z0-9-]+)*)$/;

/** A font-family list: quoted names or plain words, comma-separated, at most ten. */
export function isFontFamilyList(value: string): boolean {
  const families = value.split(",").map((f) => f.trim());
  return value.length <= 300 && families.length <= 10 && families.every((f) => f.length <= 66 && FAMILY_RE.test(f));
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colors. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const COLOR_VARS: Readonly<Record<string, string>> = {
  color_background: "--bg",
  color_text: "--fg",
  color_highlight: "--series",
  color_error: "--error",
  color_success: "--success",
  color_modal_backdrop: "--backdrop",
};
/** Against the background: text and error messages need 4.5:1, the series and focus ring 3:1. */
const MIN_CONTRAST: Readonly<Record<string, number>> = { color_text: 4.5, color_error: 4.5, color_highlight: 3, color_success: 3 };
const LENGTH_VARS: Readonly<Record<string, string>> = { dim_border_radius: "--radius", dim_font_size: "--font-size", dim_spacing_size: "--space" };
const FONT_VARS: Readonly<Record<string, string>> = { font_family_body: "--font-body", font_family_heading: "--font-heading" };

/** The app's own colors per theme, for the contrast checks when the style leaves one out. */
export const DEFAULT_COLORS: Readonly<Record<Theme, { readonly bg: string; readonly fg: string }>> = {
  light: { bg: "#ffffff", fg: "#1b1f24" },
  dark: { bg: "#15191e", fg: "#e8eaed" },
};

export function readSmartStyle(json: unknown): AppliedStyle {
  const style = json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const properties: Record<string, string> = {};
  const ignored: string[] = [];
  const text = (field: string) => (typeof style[field] === "string" ? (style[field] as string).trim() : undefined);

  const bgText = text("color_background");
  const bg = bgText === undefined ? undefined : parseColor(bgText);
  if (bgText !== undefined && !bg) ignored.push("color_background");
  const theme: Theme | undefined = bg ? (contrast(bg, [255, 255, 255]) >= contrast(bg, [0, 0, 0]) ? "dark" : "light") : undefined;
  const against = bg ?? parseColor(DEFAULT_COLORS[theme ?? "light"].bg)!;
  if (bg) properties["--bg"] = bgText!;

  for (const [field, variable] of Object.entries(COLOR_VARS)) {
    const value = text(field);
    if (value === undefined || field === "color_background") continue;
    const rgb = parseColor(value);
    if (rgb && contrast(rgb, against) >= (MIN_CONTRAST[field] ?? 1)) properties[variable] = value;
    else ignored.push(field);
  }
  if (bg && !properties["--fg"]) {
    // The style's text color is missing or unreadable: the theme's own, or black or white, whichever reads.
    const own = parseColor(DEFAULT_COLORS[theme!].fg)!;
    properties["--fg"] = contrast(own, bg) >= 4.5 ? DEFAULT_COLORS[theme!].fg : theme === "dark" ? "#ffffff" : "#000000";
  }
  for (const [field, variable] of Object.entries(LENGTH_VARS)) {
    const value = text(field);
    if (value === undefined) continue;
    if (isLength(field, value)) properties[variable] = value;
    else ignored.push(field);
  }
  for (const [field, variable] of Object.entries(FONT_VARS)) {
    const value = text(field);
    if (value === undefined) continue;
    if (isFontFamilyList(value)) properties[variable] = value;
    else ignored.push(field);
  }
  return { properties, theme, ignored };
}
