/**
 * Units: matching what a result says against the lab's units, and converting between them. A small table in
 * the catalog instead of a UCUM library: each lab has one or two units, their factors are clinical facts
 * (molar masses, the HbA1c master equation) that a generic UCUM engine does not know, and the table costs
 * nothing to load.
 */
import { language } from "../i18n/i18n";
import { memoizeByKey } from "./memo";
import type { LabDefinition, LabUnit } from "./catalog";
import { text } from "./json";

const UCUM = "http://unitsofmeasure.org";

/** A spelling-insensitive key: case, spaces, braces, underscores, µ/μ/u and ² do not matter. */
function unitKey(unit: string): string {
  return unit.toLowerCase().replace(/[\s{}_]/g, "").replace(/[µμ]/g, "u").replace(/²/g, "2");
}

/** What a Quantity says its unit is: its UCUM code, else its free-text unit. */
export function recordedUnit(q: fhir4.Quantity): string | undefined {
  const code = text(q.code);
  if (code && (q.system === undefined || q.system === UCUM)) return code;
  return text(q.unit) ?? code;
}

/** The lab unit a recorded unit is, or undefined when it is none of them (not convertible). */
export function findUnit(lab: LabDefinition, recorded: string | undefined): LabUnit | undefined {
  if (recorded === undefined || recorded.trim() === "") return undefined;
  const key = unitKey(recorded);
  return lab.units.find((u) => unitKey(u.code) === key || unitKey(u.label) === key);
}

export function toCanonical(value: number, unit: LabUnit): number {
  return value * unit.factor + unit.offset;
}

export function fromCanonical(value: number, unit: LabUnit): number {
  return (value - unit.offset) / unit.factor;
}

/**
 * Rounds to `decimals` places, half away from zero, on the number as written: 1.005 → 1.01, although the binary
 * double just below 1.005 would round down with `toFixed`. The one rounding the screen and the CSV both use, so
 * a value never reads differently in the two (clinical rules §9).
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const [digits, exponent = "0"] = String(Math.abs(value)).split("e");
  const shifted = Math.round(Number(`${digits}e${Number(exponent) + decimals}`));
  const rounded = Number(`${shifted}e${-decimals}`);
  if (!Number.isFinite(rounded)) return value;
  return rounded === 0 ? 0 : Math.sign(value) * rounded;
}

/** Keyed `<decimals>|<locale>`. */
const formats = memoizeByKey((key) => {
  const [decimals, locale] = key.split("|") as [string, string];
  return new Intl.NumberFormat(locale, { minimumFractionDigits: Number(decimals), maximumFractionDigits: Number(decimals) });
});

/** A number in the language shown (or `locale`) with the unit's decimals, rounded by `roundTo`. */
export function formatNumber(value: number, decimals: number, locale?: string): string {
  return formats(`${decimals}|${locale ?? language()}`).format(roundTo(value, decimals));
}

/** A canonical value shown in `unit`. */
export function formatIn(canonical: number, unit: LabUnit, locale?: string): string {
  return formatNumber(fromCanonical(canonical, unit), unit.decimals, locale);
}
