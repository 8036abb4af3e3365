/** A result's flag in words, for the table, the tooltip, the chart's keys and the CSV (flags.ts reads the flag). */
import { NOT_FLAGGED, partText, type Flag } from "./flags";

/** The flag in words with the code sent, and every other interpretation: "Critical high (HH); Off scale high (>)". */
export function flagText(flag: Flag | undefined): string {
  if (!flag) return NOT_FLAGGED;
  return [partText(flag), ...flag.also].join("; ");
}

/**
 * A result's flag in words (flagText), or nothing for a result without a value and without a flag (an order, a
 * clotted specimen): "Not flagged" speaks of a value. The table, the chart's marker and the CSV all say it this way.
 */
export function resultFlagText(result: { readonly flag?: Flag; readonly value?: number }): string | undefined {
  return !result.flag && result.value === undefined ? undefined : flagText(result.flag);
}
