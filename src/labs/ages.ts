/**
 * Ages for reference ranges (docs/clinical-rules.md §6): a FHIR birth date as a time, the age at a result, and a
 * range's age bounds in UCUM age units or the words labs write for them.
 */
import { finite, record, text } from "./json";

const UCUM = "http://unitsofmeasure.org";

/** UCUM age units (FHIR age-units) and the words labs write for them when they send no code. */
type AgeUnit = "a" | "mo" | "wk" | "d" | "h" | "min";
const AGE_UNITS: Readonly<Record<string, AgeUnit>> = {
  a: "a", y: "a", yr: "a", yrs: "a", year: "a", years: "a",
  mo: "mo", mos: "mo", month: "mo", months: "mo",
  wk: "wk", wks: "wk", week: "wk", weeks: "wk",
  d: "d", day: "d", days: "d",
  h: "h", hr: "h", hrs: "h", hour: "h", hours: "h",
  min: "min", minute: "min", minutes: "min",
};
const MS_PER: Readonly<Record<"wk" | "d" | "h" | "min", number>> = { wk: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, min: 60_000 };

/** A FHIR birth date as a time; a year or a month alone is taken at its middle. */
export function birthTime(birthDate: string | undefined): number | undefined {
  if (!birthDate) return undefined;
  const birth = Date.parse(/^\d{4}$/.test(birthDate) ? `${birthDate}-07-01` : /^\d{4}-\d{2}$/.test(birthDate) ? `${birthDate}-15` : birthDate);
  return Number.isNaN(birth) ? undefined : birth;
}

/** Age in years (fractional) at `time`, from a FHIR birth date. */
export function ageAt(birthDate: string | undefined, time: number | undefined): number | undefined {
  const birth = birthTime(birthDate);
  return birth === undefined || time === undefined ? undefined : (time - birth) / (365.25 * 86_400_000);
}

/** The moment someone born at `birth` reaches `value` of `unit`: calendar years and months, fixed shorter units. */
export function reaches(birth: number, value: number, unit: AgeUnit): number {
  if (unit === "a" || unit === "mo") {
    const months = unit === "a" ? value * 12 : value;
    const whole = Math.floor(months);
    const d = new Date(birth);
    const at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + whole, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
    return at + (months - whole) * (365.25 / 12) * 86_400_000;
  }
  return birth + value * MS_PER[unit];
}

export type AgeBound = { readonly value: number; readonly unit: AgeUnit } | { readonly problem: string } | undefined;

/** An age bound: its UCUM code, else its unit text; a bound with a value but no readable unit is a problem. */
export function ageBound(q: fhir4.Quantity | undefined, lower: boolean): AgeBound {
  const quantity = record(q);
  if (!quantity) return undefined;
  const value = finite(quantity.value);
  if (value === undefined) return { problem: "an age bound has no number" };
  const code = text(quantity.code);
  // A UCUM code is read as such ("a", "mo", "wk", "d", "h", "min"); anything else by its words.
  const fromCode = code !== undefined && (quantity.system === undefined || quantity.system === UCUM) && Object.hasOwn(AGE_UNITS, code) ? AGE_UNITS[code] : undefined;
  if (fromCode && fromCode === code) return { value, unit: fromCode };
  const words = (text(quantity.unit) ?? code)?.trim();
  // A lower bound of 0 is birth in any unit.
  if (words === undefined) return lower && value === 0 ? { value, unit: "d" } : { problem: "its age bounds have no unit" };
  const unit = Object.hasOwn(AGE_UNITS, words.toLowerCase()) ? AGE_UNITS[words.toLowerCase()] : undefined;
  return unit ? { value, unit } : { problem: `age unit ${words} not understood` };
}
