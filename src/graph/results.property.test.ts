/**
 * Property tests over arbitrary FHIR-shaped input — as a careless or hostile server could send it: any value in
 * any field, numbers out of range, wrong types. Mapping never throws, never draws what it cannot place (no NaN
 * or Infinity on the chart, nothing entered in error), and every text it hands the page is text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GLUCOSE, LABS } from "../labs/catalog";
import { chooseRange } from "../labs/ranges";
import { combinePages, mapObservations, type LabResult } from "../labs/results";
import { formatIn, fromCanonical, toCanonical } from "../labs/units";
import { chartPoint } from "./present";
import { tableRow } from "./rows";

/** Sometimes the right type with a wild value, sometimes any JSON at all. */
const anything = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
const wild = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: anything });
const number = fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, 5e-324, 0, -0, 7, 53, 120), fc.integer());
const units = [...new Set(LABS.flatMap((l) => l.units.flatMap((u) => [u.code, u.label])))];
const unitText = fc.oneof(fc.constantFrom(...units, "", " ", "g/dL", "%%"), fc.string());
/** Mostly a well-formed UCUM quantity of one of the labs' units, with any number; sometimes anything. */
const quantity = fc.oneof(
  { weight: 3, arbitrary: fc.record({ value: number, code: fc.constantFrom(...units), system: fc.constant("http://unitsofmeasure.org") }) },
  { weight: 1, arbitrary: fc.record({ value: wild(number), unit: wild(unitText), code: wild(unitText), system: wild(fc.constantFrom("http://unitsofmeasure.org", "urn:local")), comparator: wild(fc.constantFrom("<", "<=", ">=", ">", "ad")) }, { requiredKeys: [] }) },
);
const coding = fc.record({ system: wild(fc.webUrl()), code: wild(fc.oneof(fc.constantFrom("H", "HH", "L", "LL", "A", "N", "normal", "treatment", "248153007", "248152002"), fc.string())), display: wild(fc.string()) }, { requiredKeys: [] });
const concept = fc.record({ coding: wild(fc.array(wild(coding), { maxLength: 3 })), text: wild(fc.string()) }, { requiredKeys: [] });
const date = fc.oneof(fc.constant("2021-03-04"), fc.constantFrom("2021", "2021-03", "2021-03-04", "2021-03-04T10:20:30Z", "2021-13-45", "9999-12-31T23:59:59+14:00", "0000-01-01", "yesterday", ""), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string());
const valueString = fc.oneof(fc.constantFrom("<4.0", "> 14 %", "7,2", "See comment", `9${"9".repeat(400)}`, "1e999", "-0", "≥ 5 mmol/L"), fc.string());
const range = fc.record(
  { low: wild(quantity), high: wild(quantity), type: wild(concept), appliesTo: wild(fc.array(wild(concept), { maxLength: 2 })), age: wild(fc.record({ low: wild(quantity), high: wild(quantity) }, { requiredKeys: [] })), text: wild(fc.string()) },
  { requiredKeys: [] },
);
const STATUSES = ["registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"] as const;
const observation = fc.record(
  {
    resourceType: fc.constant("Observation"),
    id: wild(fc.oneof(fc.uuid(), fc.constantFrom("a", "b", "c"))),
    status: wild(fc.oneof(fc.constant("final"), fc.constantFrom(...STATUSES))),
    code: wild(concept),
    effectiveDateTime: wild(date),
    effectivePeriod: wild(fc.record({ start: wild(date) }, { requiredKeys: [] })),
    issued: wild(date),
    valueQuantity: wild(quantity),
    valueString: wild(valueString),
    valueCodeableConcept: wild(concept),
    dataAbsentReason: wild(concept),
    interpretation: wild(fc.array(wild(concept), { maxLength: 2 })),
    referenceRange: wild(fc.array(wild(range), { maxLength: 3 })),
    note: wild(fc.array(wild(fc.record({ text: wild(fc.string()) }, { requiredKeys: [] })), { maxLength: 2 })),
    performer: wild(fc.array(wild(fc.record({ display: wild(fc.string()) }, { requiredKeys: [] })), { maxLength: 2 })),
  },
  { requiredKeys: ["resourceType"] },
) as unknown as fc.Arbitrary<fhir4.Observation>;
const patient = fc.record({ sex: fc.constantFrom(undefined, "male", "female", "other"), birthDate: fc.constantFrom(undefined, "1948-02-29", "1990", "2020-05", "not a date") });

const isText = (v: unknown) => v === undefined || typeof v === "string";

function expectReadable(r: LabResult): void {
  for (const field of [r.id, r.recorded, r.reason, r.performer, r.test, r.flag?.label, r.range?.text]) expect(isText(field), JSON.stringify(field)).toBe(true);
  for (const text of [...r.notes, ...r.otherRanges]) expect(typeof text).toBe("string");
  for (const bound of [r.range?.low, r.range?.high]) expect(bound === undefined || Number.isFinite(bound)).toBe(true);
}

describe("Observation → results, for any input", () => {
  it("never throws; draws only plausible, finite values with a date and a drawable status; never an entered-in-error or cancelled result", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LABS), fc.array(observation, { maxLength: 8 }), patient, (lab, observations, who) => {
        const { results, excluded } = combinePages([mapObservations(observations, lab, who)]);
        const left = observations.filter((o) => o.status === "entered-in-error" || o.status === "cancelled");
        expect(results.length + excluded).toBeLessThanOrEqual(observations.length);
        for (const r of results) {
          expect(r.status === "entered-in-error" || r.status === "cancelled").toBe(false);
          expectReadable(r);
          if (!r.plotted) continue;
          expect(r.when && Number.isFinite(r.when.time)).toBe(true);
          // Only a possible value is drawn (clinical rules §3).
          expect(r.value! > lab.plausible.low && r.value! <= lab.plausible.high, `${r.recorded}`).toBe(true);
          for (const unit of lab.units) {
            const point = chartPoint(r, unit, "en-US");
            expect(Number.isFinite(point.value), `${r.recorded} in ${unit.label}`).toBe(true);
            expect(Number.isFinite(point.time)).toBe(true);
            expect(typeof tableRow(r, unit, "en-US", "UTC").valueText).toBe("string");
          }
        }
        expect(excluded).toBeLessThanOrEqual(left.length);
      }),
      // A number that overflows when converted (1e308 mmol/L × 18 is Infinity mg/dL), always tried.
      { numRuns: 400, examples: [[GLUCOSE, [{ resourceType: "Observation", status: "final", code: {}, effectiveDateTime: "2021-03-04", valueQuantity: { value: 1e308, code: "mmol/L", system: "http://unitsofmeasure.org" } }], { sex: undefined, birthDate: undefined }]] },
    );
  });
});

describe("reference ranges, for any input", () => {
  it("choose a band with finite bounds from a normal range only, and list the rest as text", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LABS), wild(fc.array(wild(range), { maxLength: 4 })), patient, fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: undefined }), (lab, ranges, who, time) => {
        const { band, others } = chooseRange(ranges as fhir4.ObservationReferenceRange[] | undefined, lab, who, time, lab.units[0]);
        for (const bound of [band?.low, band?.high]) expect(bound === undefined || Number.isFinite(bound)).toBe(true);
        expect(isText(band?.text)).toBe(true);
        for (const text of others) expect(typeof text).toBe("string");
      }),
      { numRuns: 400 },
    );
  });
});

describe("unit conversions, for any plausible value", () => {
  it("go there and back to the same value, and show it the same way", () => {
    const allUnits = LABS.flatMap((lab) => lab.units);
    fc.assert(
      fc.property(fc.constantFrom(...allUnits), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (unit, value) => {
        const back = fromCanonical(toCanonical(value, unit), unit);
        expect(Math.abs(back - value)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
        expect(formatIn(toCanonical(back, unit), unit, "en-US")).toBe(formatIn(toCanonical(value, unit), unit, "en-US"));
      }),
    );
  });
});
