/**
 * Downsampling for drawing: a chart a few hundred pixels wide cannot show 10 000 points, and drawing them all
 * makes zooming stutter. What it never drops (docs/clinical-rules.md, section 4): every point the caller must
 * keep (critical, off-scale or preliminary results, the selected one), the oldest and newest points, and in
 * each time bucket (a few pixel columns) the lowest and highest point of each class (flag) present, so every
 * spike and dip stays visible and the legend lists every flag the data has. Pure.
 */

export interface DownsampleOptions<T> {
  /** Time (or any x); `points` must be in ascending order of it. */
  readonly x: (p: T) => number;
  readonly y: (p: T) => number;
  /** The point's class (its flag or marker): each bucket keeps the extremes of each class in it. */
  readonly key: (p: T) => unknown;
  /** Points that are always drawn. */
  readonly keep: (p: T) => boolean;
}

/**
 * The points to draw, in their original order, without duplicates. Up to `budget` points every point is drawn.
 * Otherwise the time in view is cut into `budget ÷ 2C` buckets for the C classes present, so that the extremes
 * of every class fit the budget: at most `max(budget, 2C) + K + 2` points for K must-keep points (in the worst
 * case every point is a must-keep point and nothing is dropped). With one class, `budget ÷ 2` buckets.
 */
export function downsample<T>(points: readonly T[], budget: number, { x, y, key, keep }: DownsampleOptions<T>): T[] {
  const n = points.length;
  if (n <= budget || budget < 2) return [...points];
  const classes = new Set<unknown>();
  for (const p of points) classes.add(key(p));
  const buckets = Math.max(1, Math.floor(budget / (2 * classes.size)));
  const kept = new Uint8Array(n);
  kept[0] = 1;
  kept[n - 1] = 1;
  const x0 = x(points[0]!);
  const span = x(points[n - 1]!) - x0 || 1;
  // Per class in the current bucket: the indexes of its lowest and highest point.
  let extremes = new Map<unknown, [number, number]>();
  let bucket = -1;
  const flush = () => {
    for (const [low, high] of extremes.values()) kept[low] = kept[high] = 1;
    extremes = new Map();
  };
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    if (keep(p)) kept[i] = 1;
    const b = Math.min(buckets - 1, Math.floor(((x(p) - x0) / span) * buckets));
    if (b !== bucket) {
      flush();
      bucket = b;
    }
    const k = key(p);
    const pair = extremes.get(k);
    if (!pair) extremes.set(k, [i, i]);
    else {
      const v = y(p);
      if (v < y(points[pair[0]]!)) pair[0] = i;
      if (v > y(points[pair[1]]!)) pair[1] = i;
    }
  }
  flush();
  const out: T[] = [];
  for (let i = 0; i < n; i++) if (kept[i]) out.push(points[i]!);
  return out;
}
