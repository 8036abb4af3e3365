/** The `smart_style_url` documents the sandbox serves, one per launch style (SMART App Launch style fields). */
import type { StyleName } from "../auth/launch.ts";

export type SmartStyle = Readonly<Record<string, string>>;

export const STYLES: Readonly<Record<Exclude<StyleName, "none">, SmartStyle>> = {
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
