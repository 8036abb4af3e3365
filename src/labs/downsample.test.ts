import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { downsample } from "./downsample";

interface P {
  readonly t: number;
  readonly v: number;
}

const series = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: -1e4, max: 1e4, noNaN: true })), { minLength: 1, maxLength: 3000 })
  .map((pairs) => pairs.sort((a, b) => a[0] - b[0]).map(([t, v]): P => ({ t, v })));
const t = (p: P) => p.t;
const v = (p: P) => p.v;

describe("downsample", () => {
  it("keeps a subset in order, at most two per bucket plus the ends, with every extreme and both ends", () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 400 }), (points, buckets) => {
        const out = downsample(points, buckets, t, v);
        expect(out.length).toBeLessThanOrEqual(Math.max(points.length, 2 * buckets + 2));
        let last = -1;
        for (const p of out) {
          const i = points.indexOf(p, last + 1);
          expect(i).toBeGreaterThan(last);
          last = i;
        }
        expect(out[0]).toBe(points[0]);
        expect(out.at(-1)).toBe(points.at(-1));
        const min = Math.min(...points.map(v));
        const max = Math.max(...points.map(v));
        expect(out.some((p) => p.v === min)).toBe(true);
        expect(out.some((p) => p.v === max)).toBe(true);
      }),
    );
  });

  it("leaves short series alone", () => {
    fc.assert(
      fc.property(series, (points) => {
        expect(downsample(points, points.length, t, v)).toEqual(points);
      }),
    );
  });

  it("keeps each bucket's lowest and highest value", () => {
    const points: P[] = Array.from({ length: 10_000 }, (_, i) => ({ t: i, v: Math.sin(i / 7) * 100 + (i === 4321 ? -900 : 0) + (i === 7777 ? 900 : 0) }));
    const out = downsample(points, 500, t, v);
    expect(out.length).toBeLessThanOrEqual(1002);
    expect(out.map((p) => p.t)).toEqual(expect.arrayContaining([0, 4321, 7777, 9999]));
  });
});
