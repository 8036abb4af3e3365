/** A result's flag in words, for the table, the tooltip, the chart's keys and the CSV (flags.ts reads the flag). */
import { t } from "../i18n/i18n";
import type { Flag } from "./flags";

/**
 * An interpretation's words (flags.ts writes the value set's display in English) in the language shown; the lab's
 * own words stay as the lab wrote them.
 */
export function flagWords(label: string): string {
  const words: Record<string, string> = {
    "Critical high": t("Critical high"),
    "Critical low": t("Critical low"),
    "Critical abnormal": t("Critical abnormal"),
    Critical: t("Critical"),
    "Significantly high": t("Significantly high"),
    "Significantly low": t("Significantly low"),
    High: t("High"),
    Low: t("Low"),
    "Off scale high": t("Off scale high"),
    "Off scale low": t("Off scale low"),
    Abnormal: t("Abnormal"),
    Normal: t("Normal"),
    Carrier: t("Carrier"),
    Better: t("Better"),
    "Significant change down": t("Significant change down"),
    "Significant change up": t("Significant change up"),
    Worse: t("Worse"),
    "Anti-complementary substances present": t("Anti-complementary substances present"),
    "Insufficient evidence": t("Insufficient evidence"),
    "Quality control failure": t("Quality control failure"),
    "Cytotoxic substance present": t("Cytotoxic substance present"),
    Intermediate: t("Intermediate"),
    "Moderately susceptible": t("Moderately susceptible"),
    "No CLSI defined breakpoint": t("No CLSI defined breakpoint"),
    "Non-susceptible": t("Non-susceptible"),
    Resistant: t("Resistant"),
    "Synergy - resistant": t("Synergy - resistant"),
    Susceptible: t("Susceptible"),
    "Susceptible-dose dependent": t("Susceptible-dose dependent"),
    "Synergy - susceptible": t("Synergy - susceptible"),
    "Very susceptible": t("Very susceptible"),
    "Outside threshold": t("Outside threshold"),
    "Above high threshold": t("Above high threshold"),
    "Below low threshold": t("Below low threshold"),
    "Hold for Medical Review": t("Hold for Medical Review"),
    Indeterminate: t("Indeterminate"),
    Equivocal: t("Equivocal"),
    Negative: t("Negative"),
    "Not detected": t("Not detected"),
    Positive: t("Positive"),
    Detected: t("Detected"),
    Expected: t("Expected"),
    Unexpected: t("Unexpected"),
    "Interpretation qualifiers in separate OBX segments": t("Interpretation qualifiers in separate OBX segments"),
    "Non-reactive": t("Non-reactive"),
    Reactive: t("Reactive"),
    "Weakly reactive": t("Weakly reactive"),
  };
  return Object.hasOwn(words, label) ? words[label]! : label;
}

/** An interpretation with the code sent when it differs: "Critical high (HH)". */
const partWords = (p: Pick<Flag, "code" | "label">) => (p.code && p.code !== p.label ? `${flagWords(p.label)} (${p.code})` : flagWords(p.label));

/** The flag in words with the code sent, and every other interpretation: "Critical high (HH); Off scale high (>)". */
export function flagText(flag: Flag | undefined): string {
  if (!flag) return t("Not flagged");
  // `also` holds flags.ts partText: "<label> (<code>)".
  return [partWords(flag), ...flag.also.map((p) => {
    const m = /^(.*?)(?: \(([^()]*)\))?$/s.exec(p)!;
    return partWords({ label: m[1]!, code: m[2] });
  })].join("; ");
}

/**
 * A result's flag in words (flagText), or nothing for a result without a value and without a flag (an order, a
 * clotted specimen): "Not flagged" speaks of a value. The table, the chart's marker and the CSV all say it this way.
 */
export function resultFlagText(result: { readonly flag?: Flag; readonly value?: number }): string | undefined {
  return !result.flag && result.value === undefined ? undefined : flagText(result.flag);
}
