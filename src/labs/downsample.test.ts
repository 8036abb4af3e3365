import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { downsample } from "./downsample";

interface P {
  readonly t: number;
  readonly v: number;
  /** The flag class, as the chart's marker. */
  readonly flag: string;
  /** Must be drawn (critical, off scale, preliminary or selected). */
  readonly must: boolean;
}

const FLAGS = ["N", "H", "L", "HH", "LL", "AA", "A", "above", "below"];
const series = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 1e9 }),
      fc.double({ min: -1e4, max: 1e4, noNaN: true }),
      fc.oneof({ weight: 6, arbitrary: fc.constant("N") }, { weight: 1, arbitrary: fc.constantFrom(...FLAGS) }),
      fc.integer({ min: 0, max: 30 }).map((n) => n === 0),
    ),
    { minLength: 1, maxLength: 3000 },
  )
  .map((rows) => rows.sort((a, b) => a[0] - b[0]).map(([t, v, flag, must]): P => ({ t, v, flag, must })));
const options = { x: (p: P) => p.t, y: (p: P) => p.v, key: (p: P) => p.flag, keep: (p: P) => p.must };

describe("downsample", () => {
  it("draws every must-keep point, every class, both ends and each class's extremes, in order, without duplicates", () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 2, max: 800 }), (points, budget) => {
        const out = downsample(points, budget, options);
        // A subset, in the original order (so sorted by time), without duplicates.
        let last = -1;
        for (const p of out) {
          const i = points.indexOf(p, last + 1);
          expect(i).toBeGreaterThan(last);
          last = i;
        }
        for (let i = 1; i < out.length; i++) expect(out[i]!.t).toBeGreaterThanOrEqual(out[i - 1]!.t);
        expect(out[0]).toBe(points[0]);
        expect(out.at(-1)).toBe(points.at(-1));
        for (const p of points) if (p.must) expect(out).toContain(p);
        const drawn = new Set(out);
        const classes = new Set(points.map((p) => p.flag));
        expect(new Set(out.map((p) => p.flag))).toEqual(classes);
        // No drawn value outside the original extremes, and each class's own extremes are drawn.
        const min = Math.min(...points.map((p) => p.v));
        const max = Math.max(...points.map((p) => p.v));
        for (const p of out) expect(p.v >= min && p.v <= max).toBe(true);
        for (const c of classes) {
          const values = points.filter((p) => p.flag === c).map((p) => p.v);
          const drawnValues = out.filter((p) => p.flag === c).map((p) => p.v);
          expect(drawnValues).toContain(Math.min(...values));
          expect(drawnValues).toContain(Math.max(...values));
        }
        // The documented bound.
        const must = points.filter((p) => p.must).length;
        expect(out.length).toBeLessThanOrEqual(Math.max(points.length <= budget ? points.length : 0, Math.max(budget, 2 * classes.size) + must + 2));
        expect(drawn.size).toBe(out.length);
      }),
    );
  });

  it("leaves short series alone", () => {
    fc.assert(
      fc.property(series, (points) => {
        expect(downsample(points, points.length, options)).toEqual(points);
      }),
    );
  });

  it("keeps each bucket's lowest and highest value; all normal, within the budget plus the ends", () => {
    const points: P[] = Array.from({ length: 10_000 }, (_, i) => ({ t: i, v: Math.sin(i / 7) * 100 + (i === 4321 ? -900 : 0) + (i === 7777 ? 900 : 0), flag: "N", must: false }));
    const out = downsample(points, 1000, options);
    expect(out.length).toBeLessThanOrEqual(1002);
    expect(out.map((p) => p.t)).toEqual(expect.arrayContaining([0, 4321, 7777, 9999]));
  });

  it("keeps an LL and an AA result in a 2 000-point series, and a bucket's normal point among high ones", () => {
    const points: P[] = Array.from({ length: 2000 }, (_, i) => ({ t: i, v: 100 + (i % 7), flag: "N", must: false }));
    // With five classes a budget of 600 makes 60 buckets of about 33 points: each critical point sits beside a
    // milder, more extreme one, which used to be the only one kept.
    points[700] = { t: 700, v: 30, flag: "L", must: false };
    points[701] = { t: 701, v: 45, flag: "LL", must: true };
    points[1400] = { t: 1400, v: 350, flag: "H", must: false };
    points[1401] = { t: 1401, v: 120, flag: "AA", must: true };
    for (let i = 1000; i < 1007; i++) points[i] = { t: i, v: i === 1003 ? 90 : 300 + i, flag: i === 1003 ? "N" : "H", must: false };
    const out = downsample(points, 600, options);
    expect(out.map((p) => p.t)).toEqual(expect.arrayContaining([700, 701, 1003, 1400, 1401]));
    expect(out.length).toBeLessThanOrEqual(600 + 2 + 2);
    // The critical points are kept as such, not only as a bucket's class extreme.
    const noClasses = downsample(points, 600, { ...options, key: () => "all" });
    expect(noClasses.map((p) => p.t)).toEqual(expect.arrayContaining([701, 1401]));
  });

  it("more classes, wider buckets: a mixed series is drawn with as many points as an all-normal one", () => {
    const points: P[] = Array.from({ length: 10_000 }, (_, i) => ({ t: i, v: Math.sin(i / 13) * 100, flag: ["N", "H", "L", "A"][i % 4]!, must: false }));
    const out = downsample(points, 600, options);
    expect(out.length).toBeLessThanOrEqual(602);
    expect(new Set(out.map((p) => p.flag))).toEqual(new Set(["N", "H", "L", "A"]));
  });
});
