/** Interpretation flags (v3 ObservationInterpretation): a code, words for it, and the marker shape drawn. */
import { conceptText, list, record, text } from "./json";

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
  for (const concept of list(interpretation).map(record)) {
    for (const coding of list(concept?.coding).map(record)) {
      const raw = text(coding?.code);
      const code = raw ? ALIASES[raw.toUpperCase()] : undefined;
      if (code) return { code, label: LABELS[code] };
    }
    const label = conceptText(concept);
    if (label) return { code: "A", label };
  }
  return undefined;
}

export function isAbnormal(flag: Flag | undefined): boolean {
  return flag !== undefined && flag.code !== "N";
}
