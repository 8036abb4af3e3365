/** Marker shapes: each flag and each kind of limit has its own shape, so nothing relies on colour alone. */
import type { FlagCode } from "../labs/flags";

export type MarkerKind = FlagCode | "below" | "above";

const PATHS: Readonly<Record<Exclude<MarkerKind, "N">, string>> = {
  H: "M0,-6L5.5,4L-5.5,4Z",
  HH: "M0,-10L5,-2L-5,-2ZM0,-2L5,6L-5,6Z",
  L: "M0,6L5.5,-4L-5.5,-4Z",
  LL: "M0,10L5,2L-5,2ZM0,2L5,-6L-5,-6Z",
  A: "M0,-6L6,0L0,6L-6,0Z",
  below: "M-6,0H6M0,0V9M-4,5L0,9L4,5",
  above: "M-6,0H6M0,0V-9M-4,-5L0,-9L4,-5",
};

export const MARKER_LABELS: Readonly<Record<MarkerKind, string>> = {
  N: "Normal or not flagged",
  H: "High",
  HH: "Critical high",
  L: "Low",
  LL: "Critical low",
  A: "Abnormal",
  below: "Limit: the value is below the mark",
  above: "Limit: the value is above the mark",
};

export function Marker({ kind, x, y, hollow = false }: { readonly kind: MarkerKind; readonly x: number; readonly y: number; readonly hollow?: boolean }) {
  const limit = kind === "below" || kind === "above";
  const className = `marker marker-${kind === "N" ? "normal" : limit ? "limit" : "flagged"}${hollow ? " marker-hollow" : ""}`;
  if (kind === "N") return <circle className={className} cx={x} cy={y} r={4.5} />;
  return <path className={className} transform={`translate(${x},${y})`} d={PATHS[kind]} />;
}

/** A marker for a legend or a table cell, drawn at text size. */
export function MarkerIcon({ kind, hollow }: { readonly kind: MarkerKind; readonly hollow?: boolean }) {
  return (
    <svg className="marker-icon" width="16" height="16" viewBox="-8 -11 16 22" aria-hidden="true" focusable="false">
      <Marker kind={kind} x={0} y={0} hollow={hollow} />
    </svg>
  );
}
