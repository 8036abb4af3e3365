/**
 * Observations → lab results: what the table lists and the chart draws. Pure and unit-tested.
 * - `entered-in-error` and `cancelled` results are dropped (and counted);
 * - the time is effectiveDateTime, else effectivePeriod.start, else issued;
 * - a result is plotted only when it has a time and a numeric value in the lab's unit; otherwise it is listed
 *   with the reason;
 * - duplicates (the same id on two pages) appear once; the list is sorted newest first.
 */
import type { LabDefinition } from "./catalog";
import { parseFhirDate, type FhirInstant } from "./dates";

export interface LabResult {
  readonly id: string;
  readonly when: FhirInstant | undefined;
  readonly value: number | undefined;
  readonly unit: string | undefined;
  /** The value as recorded, for the table. */
  readonly valueText: string;
  readonly status: fhir4.Observation["status"];
  /** Drawn on the chart. */
  readonly plotted: boolean;
  /** Why it is not drawn, when it is not. */
  readonly reason: string | undefined;
}

export interface LabResults {
  /** Newest first; undated results last. */
  readonly results: readonly LabResult[];
  /** Results left out on purpose (entered-in-error, cancelled). */
  readonly excluded: number;
}

const EXCLUDED_STATUSES = new Set<fhir4.Observation["status"]>(["entered-in-error", "cancelled"]);

function unitOf(q: fhir4.Quantity): string | undefined {
  return q.code ?? q.unit;
}

function valueTextOf(o: fhir4.Observation, decimals: number): string {
  if (o.valueQuantity?.value !== undefined) {
    const q = o.valueQuantity;
    return `${q.comparator ?? ""}${q.value!.toFixed(decimals)}`;
  }
  if (o.valueString !== undefined) return o.valueString;
  if (o.valueCodeableConcept) return o.valueCodeableConcept.text ?? o.valueCodeableConcept.coding?.[0]?.display ?? "";
  if (o.dataAbsentReason) return o.dataAbsentReason.text ?? o.dataAbsentReason.coding?.[0]?.display ?? "No value";
  return "";
}

export function toLabResult(o: fhir4.Observation, lab: LabDefinition): LabResult {
  const when = parseFhirDate(o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued);
  const q = o.valueQuantity;
  const rawValue = q?.value;
  const unit = q ? unitOf(q) : undefined;
  let reason: string | undefined;
  if (!when) reason = "No date recorded";
  else if (o.dataAbsentReason) reason = "No value: " + (o.dataAbsentReason.text ?? o.dataAbsentReason.coding?.[0]?.display ?? "not recorded");
  else if (typeof rawValue !== "number" || !Number.isFinite(rawValue)) reason = "No numeric value";
  else if (q?.comparator) reason = `Limit value (${q.comparator}${rawValue}), not an exact result`;
  else if (unit !== lab.unit) reason = `Unit ${unit ?? "missing"} cannot be shown on the ${lab.unit} scale`;
  return {
    id: o.id ?? "",
    when,
    value: typeof rawValue === "number" && Number.isFinite(rawValue) ? rawValue : undefined,
    unit,
    valueText: valueTextOf(o, lab.decimals),
    status: o.status,
    plotted: reason === undefined,
    reason,
  };
}

function newestFirst(a: LabResult, b: LabResult): number {
  const at = a.when?.time ?? -Infinity;
  const bt = b.when?.time ?? -Infinity;
  return bt - at || a.id.localeCompare(b.id);
}

export function toLabResults(observations: readonly fhir4.Observation[], lab: LabDefinition): LabResults {
  const seen = new Set<string>();
  const results: LabResult[] = [];
  let excluded = 0;
  for (const o of observations) {
    const key = o.id ?? JSON.stringify(o);
    if (seen.has(key)) continue;
    seen.add(key);
    if (EXCLUDED_STATUSES.has(o.status)) {
      excluded++;
      continue;
    }
    results.push(toLabResult(o, lab));
  }
  return { results: results.sort(newestFirst), excluded };
}
