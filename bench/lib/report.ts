/** The results file (format fixed in docs/performance.md and bench/README.md) and the printed table. */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";

export interface Target {
  readonly op: "<=" | ">=";
  readonly value: number;
}

export interface Metric {
  readonly name: string;
  /** null when the figure could not be measured (JSON has no NaN); such a metric misses its target. */
  readonly value: number | null;
  readonly unit: string;
  readonly target: Target | null;
  readonly pass: boolean | null;
  readonly note?: string;
}

export function metric(name: string, value: number, unit: string, target: Target | null = null, note?: string): Metric {
  const rounded = Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
  const pass = target === null ? null : Number.isFinite(value) && (target.op === "<=" ? value <= target.value : value >= target.value);
  return { name, value: rounded, unit, target, pass, ...(note ? { note } : {}) };
}

export interface Results {
  readonly environment: { cpus: number; node: string; chromium: string; date: string; mode: "full" | "quick" | "plain-only" };
  readonly metrics: readonly Metric[];
}

export function environment(chromium: string, mode: "full" | "quick" | "plain-only"): Results["environment"] {
  return { cpus: cpus().length, node: process.versions.node, chromium, date: new Date().toISOString(), mode };
}

export async function writeResults(path: string, results: Results): Promise<void> {
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}

export function table(metrics: readonly Metric[]): string {
  const rows = metrics.map((m) => [
    m.name,
    m.value === null ? "not measured" : `${m.value} ${m.unit}`,
    m.target ? `${m.target.op} ${m.target.value}` : "—",
    m.pass === null ? "report" : m.pass ? "pass" : "MISS",
  ]);
  const header = ["metric", "value", "target", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
