/**
 * `scale-10k`: 10 000 point-of-care blood glucose results (2339-0, mg/dL) about four a day over seven years,
 * with rare lows and highs and one extreme of each (31 and 587 mg/dL) that downsampling must keep; plus 30
 * quarterly HbA1c results. Written minified: it is by far the largest file.
 */
import { DAY, TESTS, flagFor, interpretation, isoWithOffset, labObservation, patient, prng, quantity, range, round } from "./fhir.ts";

const ID = "scale-10k";
export const SCALE_GLUCOSE = 10_000;
export const SCALE_A1C = 30;
/** The lowest and highest glucose results, by index. */
export const SCALE_EXTREMES = { lowest: { index: 4321, value: 31 }, highest: { index: 7777, value: 587 } } as const;

export function scale10k(): fhir4.Resource[] {
  const random = prng(10_000);
  const out: fhir4.Resource[] = [patient(ID, ["Walter", "James"], "Pruitt", "male", "1949-03-08", "MRN-100007")];
  const start = Date.UTC(2017, 0, 2, 12, 0);
  const glucoseRange = [range(70, 180, "mg/dL", { text: "70–180 mg/dL (target range)" })];
  for (let i = 0; i < SCALE_GLUCOSE; i++) {
    const t = start + i * 6.4 * 3600_000 + Math.floor(random() * 90) * 60_000;
    const hourOfDay = ((t / 3600_000) % 24) - 5;
    let value = round(145 + 35 * Math.sin((hourOfDay / 24) * 2 * Math.PI) + (random() - 0.5) * 60, 0);
    const excursion = random();
    if (excursion < 0.01) value = round(48 + random() * 18, 0);
    else if (excursion > 0.99) value = round(300 + random() * 180, 0);
    if (i === SCALE_EXTREMES.lowest.index) value = SCALE_EXTREMES.lowest.value;
    if (i === SCALE_EXTREMES.highest.index) value = SCALE_EXTREMES.highest.value;
    const flag = flagFor(value, 70, 180, 40, 500);
    out.push(
      labObservation(`${ID}-glu-${String(i + 1).padStart(5, "0")}`, ID, TESTS.glucoseBlood, {
        effectiveDateTime: isoWithOffset(t, -6),
        valueQuantity: quantity(value, "mg/dL"),
        ...(flag === "N" ? {} : { interpretation: interpretation(flag) }),
        referenceRange: glucoseRange,
      }),
    );
  }
  for (let i = 0; i < SCALE_A1C; i++) {
    const t = start + 30 * DAY + i * 91 * DAY;
    const value = round(7.6 + 0.5 * Math.sin(i / 4) + (random() - 0.5) * 0.4, 1);
    out.push(
      labObservation(`${ID}-a1c-${String(i + 1).padStart(2, "0")}`, ID, TESTS.a1c, {
        effectiveDateTime: isoWithOffset(t, -6),
        valueQuantity: quantity(value, "%"),
        interpretation: interpretation(flagFor(value, 4, 5.6)),
        referenceRange: [range(4, 5.6, "%", { text: "4.0–5.6 %" })],
      }),
    );
  }
  return out;
}
