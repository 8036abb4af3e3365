/**
 * What the mapping (results.ts, ranges.ts) says about a result, in the language shown. The mapping writes its words
 * in English, once, with the first chart; the table, the tooltip and the CSV, which load after it, show them
 * through here. Words this does not know (the lab's own) are shown as written.
 */
import { t } from "../i18n/i18n";

type Words = readonly [RegExp, (...parts: string[]) => string];

/** `not recorded` is the mapping's word for a data-absent reason without text. */
const absent = (reason: string) => (reason === "not recorded" ? t("not recorded") : reason);

const REASONS: readonly Words[] = [
  [/^No date recorded$/, () => t("No date recorded")],
  [/^No value: (.*)$/s, (reason) => t("No value: {reason}", { reason: absent(reason) })],
  [/^Status (\S+): not a result yet$/, (status) => t("Status {status}: not a result yet", { status })],
  [/^The number is ambiguous: the comma in "(.*)" may be a decimal comma or a thousands separator$/s, (value) => t('The number is ambiguous: the comma in "{value}" may be a decimal comma or a thousands separator', { value })],
  [/^No numeric value$/, () => t("No numeric value")],
  [/^No unit recorded, so it cannot be placed on the (.*) scale$/, (unit) => t("No unit recorded, so it cannot be placed on the {unit} scale", { unit })],
  [/^Unit (.*) cannot be converted to (.*)$/s, (recorded, unit) => t("Unit {recorded} cannot be converted to {unit}", { recorded, unit })],
  [/^Implausible value: (.*) cannot be placed on the (.*) scale$/s, (value, unit) => t("Implausible value: {value} cannot be placed on the {unit} scale", { value, unit })],
  [/^Implausible value: (.*) is not above (\S+) (.*)$/s, (value, low, unit) => t("Implausible value: {value} is not above {low} {unit}", { value, low, unit })],
  [/^Implausible value: (.*) is above (\S+) (.*), the highest plausible (.*)$/s, (value, high, unit, lab) => t("Implausible value: {value} is above {high} {unit}, the highest plausible {lab}", { value, high, unit, lab })],
  [/^This result could not be read$/, () => t("This result could not be read")],
];

const WHY: readonly Words[] = [
  [/^an age bound has no number$/, () => t("an age bound has no number")],
  [/^its age bounds have no unit$/, () => t("its age bounds have no unit")],
  [/^age unit (.*) not understood$/s, (unit) => t("age unit {unit} not understood", { unit })],
  [/^(.*) cannot be converted to (.*)$/s, (unit, to) => t("{unit} cannot be converted to {to}", { unit: unit === "their unit" ? t("their unit") : unit, to })],
];

const RANGES: readonly Words[] = [
  [/^(.*) \(not drawn: (.*)\)$/s, (range, why) => t("{range} (not drawn: {why})", { range, why: words(WHY, why) })],
  [/^Reference range: (.*)$/s, (range) => `${t("Reference range")}: ${range}`],
  [/^Recommended range: (.*)$/s, (range) => `${t("Recommended range")}: ${range}`],
];

function words(table: readonly Words[], text: string): string {
  for (const [pattern, say] of table) {
    const m = pattern.exec(text);
    if (m) return say(...m.slice(1));
  }
  return text;
}

/** Why a result is not drawn, and the words recorded for a result without a value ("No value: …"). */
export const reasonText = (reason: string) => words(REASONS, reason);

/** A range listed beside the band (ranges.ts `others`): why it is not drawn, or which kind it is. */
export const otherRangeText = (range: string) => words(RANGES, range);
