/**
 * Downsampling for drawing: a chart a few hundred pixels wide cannot show 10 000 points, and drawing them all
 * makes zooming stutter. Per time bucket (about a pixel column) it keeps the lowest and the highest point, so
 * every spike and dip stays visible; the first and last points always stay. Pure.
 */
export function downsample<T>(points: readonly T[], buckets: number, x: (p: T) => number, y: (p: T) => number): T[] {
  if (points.length <= 2 * buckets || buckets < 1) return [...points];
  const x0 = x(points[0]!);
  const span = x(points[points.length - 1]!) - x0 || 1;
  const kept: T[] = [points[0]!];
  let bucket = -1;
  let low: T | undefined;
  let high: T | undefined;
  const flush = () => {
    if (!low || !high) return;
    // In time order, so the line between them is drawn left to right.
    const pair = x(low) <= x(high) ? [low, high] : [high, low];
    for (const p of pair) if (kept[kept.length - 1] !== p) kept.push(p);
  };
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const b = Math.min(buckets - 1, Math.floor(((x(p) - x0) / span) * buckets));
    if (b !== bucket) {
      flush();
      bucket = b;
      low = high = p;
    } else {
      if (y(p) < y(low!)) low = p;
      if (y(p) > y(high!)) high = p;
    }
  }
  flush();
  kept.push(points[points.length - 1]!);
  return kept;
}
