/**
 * Marker shapes: each class of flag and each kind of limit has its own shape, so nothing relies on colour
 * alone. Doubled shapes are critical; a square is a flag the lab did not grade (POS, R…); a ring is the lab's
 * "Normal", a plain dot "Not flagged". Which flag gets which marker: docs/clinical-rules.md §1.
 */

/** `none`: not flagged; `other`: an ungraded interpretation; `below`/`above`: a limit or off scale. */
export type MarkerKind = "none" | "N" | "H" | "HH" | "L" | "LL" | "A" | "AA" | "other" | "below" | "above";

export const PATHS: Readonly<Record<Exclude<MarkerKind, "none" | "below" | "above">, string>> = {
  N: "M0,-5A5,5 0 1,1 0,5A5,5 0 1,1 0,-5ZM0,-2A2,2 0 1,0 0,2A2,2 0 1,0 0,-2Z",
  H: "M0,-6L5.5,4L-5.5,4Z",
  HH: "M0,-10L5,-2L-5,-2ZM0,-2L5,6L-5,6Z",
  L: "M0,6L5.5,-4L-5.5,-4Z",
  LL: "M0,10L5,2L-5,2ZM0,2L5,-6L-5,-6Z",
  A: "M0,-6L6,0L0,6L-6,0Z",
  AA: "M0,-8L8,0L0,8L-8,0ZM0,-5L5,0L0,5L-5,0ZM0,-2.5L2.5,0L0,2.5L-2.5,0Z",
  other: "M-4,-4H4V4H-4Z",
};

/** A limit's arrow, pointing down from the mark: open when not flagged, filled when flagged, doubled when critical. */
export const LIMIT = {
  neutral: "M-6,0H6M0,0V9M-4,5L0,9L4,5",
  flagged: "M-6,0H6M0,0V5M-4,5H4L0,10Z",
  critical: "M-6,0H6M0,0V2M-4,2H4L0,6ZM-4,6H4L0,10Z",
};

export type MarkerTone = keyof typeof LIMIT;

const TONES: Partial<Record<MarkerKind, MarkerTone>> = { H: "flagged", L: "flagged", A: "flagged", HH: "critical", LL: "critical", AA: "critical" };

export interface MarkerProps {
  readonly kind: MarkerKind;
  readonly x: number;
  readonly y: number;
  readonly hollow?: boolean;
  /** For a limit, which carries no severity of its own: the lab's critical or abnormal flag on it. */
  readonly critical?: boolean;
  readonly flagged?: boolean;
}

/** A marker's classes, which name its kind (`marker-point`, `marker-limit`) and tone (`marker-flagged`, …), and its tone. */
export function markerClass(kind: MarkerKind, critical: boolean, flagged: boolean): [className: string, tone: MarkerTone] {
  const limit = kind === "below" || kind === "above";
  const tone = limit ? (critical ? "critical" : flagged ? "flagged" : "neutral") : (TONES[kind] ?? "neutral");
  return [`marker marker-${limit ? "limit" : "point"} marker-${tone}`, tone];
}

export function Marker({ kind, x, y, hollow = false, critical = false, flagged = false }: MarkerProps) {
  const limit = kind === "below" || kind === "above";
  const [classes, tone] = markerClass(kind, critical, flagged);
  const className = `${classes}${hollow ? " marker-hollow" : ""}`;
  if (kind === "none") return <circle className={className} cx={x} cy={y} r={4.5} />;
  const d = limit ? LIMIT[tone] : PATHS[kind];
  return <path className={className} transform={`translate(${x},${y})${kind === "above" ? " scale(1,-1)" : ""}`} d={d} />;
}
