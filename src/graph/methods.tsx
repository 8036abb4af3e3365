/**
 * How the chart tells a lab's methods apart without relying on colour (docs/clinical-rules.md §7): each method
 * has its own line dash and its points their own frame; the first method keeps the plain line and no frame.
 * Where the method changes, a dotted vertical line says from which method to which.
 */
import { t, tn } from "../i18n/i18n";
import { methodName, type MethodChange } from "../labs/methods";

type Frame = "square" | "circle" | "diamond";

const STYLES: readonly { readonly dash: string | undefined; readonly frame: Frame | undefined }[] = [
  { dash: undefined, frame: undefined },
  { dash: "7 4", frame: "square" },
  { dash: "2 3", frame: "circle" },
  { dash: "9 3 2 3", frame: "diamond" },
];

/** More methods than this in one chart share styles again (the tooltip and the table still name each). */
export const METHOD_STYLE_COUNT = STYLES.length;

/** Beyond this many method changes, the chart does not mark them: methods that alternate are told apart by style. */
export const MAX_MARKED_CHANGES = 4;

export function methodDash(index: number): string | undefined {
  return STYLES[index % STYLES.length]!.dash;
}

/** The frame drawn around a point of the method at `index` in the chart's method list; none for the first. */
export function MethodFrame({ index, x, y }: { readonly index: number; readonly x: number; readonly y: number }) {
  const frame = STYLES[index % STYLES.length]!.frame;
  const className = `method-frame method-frame-${frame ?? "none"}`;
  if (frame === "square") return <rect className={className} x={x - 8} y={y - 8} width={16} height={16} />;
  if (frame === "circle") return <circle className={className} cx={x} cy={y} r={9} />;
  if (frame === "diamond") return <path className={className} transform={`translate(${x},${y})`} d="M0,-11L11,0L0,11L-11,0Z" />;
  return null;
}

/** The words on a method-change line. */
export function methodChangeLabel(change: MethodChange): string {
  return t("Method changed: {from} → {to}", { from: methodName(change.from), to: methodName(change.to) });
}

/** The methods and their changes in words, for screen readers; nothing when the chart has one method. */
export function describeMethods(methods: readonly (string | undefined)[], changes: readonly MethodChange[]): string {
  if (methods.length < 2) return "";
  return t("Results by {count} methods, each with its own line style: {names}; {changed}.", {
    count: methods.length,
    names: methods.map(methodName).join("; "),
    changed: tn(changes.length, "the method changes once", "the method changes {count} times"),
  });
}
