/**
 * A result's value as recorded (docs/clinical-rules.md §2): a Quantity with its comparator, an integer, or a
 * valueString holding a limit or a number ("<4.0", "1,250 mg/dL"; an ambiguous comma is not read), else words.
 */
import type { Comparator } from "./results";
import { conceptText, finite, record, text } from "./json";
import { recordedUnit } from "./units";

const COMPARATORS: Readonly<Record<string, Comparator>> = { "<": "<", "<=": "<=", "≤": "<=", ">": ">", ">=": ">=", "≥": ">=" };
/** A limit or a number in a valueString, with an optional unit: "<4.0", "> 14 %", "7.2", "1,250 mg/dL". */
const VALUE_STRING = /^\s*(<=|>=|<|>|≤|≥)?\s*(-?[\d.,]*\d)\s*(\S.*)?$/;
/** Unambiguous numbers (clinical rules §2): digits with a '.' decimal point, or ',' between groups of three digits. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const GROUPED_NUMBER = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

export interface Value {
  readonly number: number | undefined;
  readonly comparator: Comparator | undefined;
  readonly unitText: string | undefined;
  readonly recorded: string;
  /** A comma that is not a thousands separator: "1,25" may be 1.25 or 125, so it is not read. */
  readonly ambiguous?: boolean;
}

/** The number in a valueString's number part, by the rules of §2. */
function readNumber(digits: string): { number: number | undefined; ambiguous: boolean } {
  if (GROUPED_NUMBER.test(digits)) return { number: finite(Number(digits.replace(/,/g, ""))), ambiguous: false };
  if (digits.includes(",")) return { number: undefined, ambiguous: true };
  return { number: PLAIN_NUMBER.test(digits) ? finite(Number(digits)) : undefined, ambiguous: false };
}

export function readValue(o: fhir4.Observation): Value {
  const q = record(o.valueQuantity);
  if (q) {
    const number = finite(q.value);
    const unitText = recordedUnit(q);
    const comparator = text(q.comparator) ? COMPARATORS[q.comparator!] : undefined;
    const shownUnit = text(q.unit) ?? text(q.code);
    return { number, comparator, unitText, recorded: number === undefined ? "" : `${comparator ? q.comparator : ""}${number}${shownUnit ? ` ${shownUnit}` : ""}` };
  }
  const integer = o.valueInteger;
  if (typeof integer === "number" && Number.isInteger(integer)) return { number: integer, comparator: undefined, unitText: undefined, recorded: String(integer) };
  const valueString = text(o.valueString);
  if (valueString !== undefined) {
    const m = VALUE_STRING.exec(valueString);
    if (!m) return { number: undefined, comparator: undefined, unitText: undefined, recorded: valueString };
    const { number, ambiguous } = readNumber(m[2]!);
    return { number, ambiguous, comparator: m[1] ? COMPARATORS[m[1]] : undefined, unitText: m[3], recorded: valueString };
  }
  const words = conceptText(o.valueCodeableConcept) ?? (o.dataAbsentReason ? `No value: ${conceptText(o.dataAbsentReason) ?? "not recorded"}` : "");
  return { number: undefined, comparator: undefined, unitText: undefined, recorded: words };
}
