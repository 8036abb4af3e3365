/** Interpretation flags (v3 ObservationInterpretation): a code, words for it, and the marker shape drawn. */

export type FlagCode = "HH" | "H" | "N" | "L" | "LL" | "A";

export interface Flag {
  readonly code: FlagCode;
  readonly label: string;
}

const LABELS: Readonly<Record<FlagCode, string>> = {
  HH: "Critical high",
  H: "High",
  N: "Normal",
  L: "Low",
  LL: "Critical low",
  A: "Abnormal",
};

/** Synonyms labs send for the six flags the chart draws. */
const ALIASES: Readonly<Record<string, FlagCode>> = {
  HH: "HH", HU: "HH", ">": "HH",
  H: "H",
  N: "N",
  L: "L",
  LL: "LL", LU: "LL", "<": "LL",
  A: "A", AA: "A",
};

/** The first interpretation coding the chart knows; an unknown one is "Abnormal" with the lab's own words. */
export function flagOf(interpretation: readonly fhir4.CodeableConcept[] | undefined): Flag | undefined {
  for (const concept of interpretation ?? []) {
    for (const coding of concept.coding ?? []) {
      const code = coding.code ? ALIASES[coding.code.toUpperCase()] : undefined;
      if (code) return { code, label: LABELS[code] };
    }
    const text = concept.text ?? concept.coding?.find((c) => c.display)?.display ?? concept.coding?.find((c) => c.code)?.code;
    if (text) return { code: "A", label: text };
  }
  return undefined;
}

export function isAbnormal(flag: Flag | undefined): boolean {
  return flag !== undefined && flag.code !== "N";
}
