import type { LabDefinition, LabUnit } from "../labs/catalog";
import type { LabResult } from "../labs/results";

/** Downloads the rows shown as CSV. The CSV code is its own chunk, loaded on the first export. */
export async function exportCsv(results: readonly LabResult[], lab: LabDefinition, unit: LabUnit, patientId: string): Promise<void> {
  const { toCsv } = await import("../labs/csv.later");
  const blob = new Blob([toCsv(results, lab, unit)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${lab.id}-${patientId.replace(/[^\w.-]/g, "_")}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
