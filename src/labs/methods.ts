/**
 * Which method a result was measured or calculated by, from the LOINC code that matched its lab, and where the
 * method changes over time. Results of different methods are not one series: the chart draws each method as
 * its own line and marks where it changes, and the summary never computes a change across methods
 * (docs/clinical-rules.md §7). Pure.
 */
import { t } from "../i18n/i18n";
import type { LabCode, LabDefinition } from "./catalog";
import { methodWords } from "./methodLabels";
import { list, record, text } from "./json";

/**
 * The lab's code an Observation's `code` matched: the first coding, in the Observation's order, with one of the
 * lab's codes and its system. A coding without a system is taken at its code (the server matched it to the lab's
 * search); a coding of another system never matches. None when only text or other codes were sent.
 */
export function codeOf(lab: LabDefinition, concept: fhir4.CodeableConcept | undefined): LabCode | undefined {
  for (const coding of list(record(concept)?.coding)) {
    const code = text(record(coding)?.code);
    const system = text(record(coding)?.system);
    const match = lab.codes.find((c) => c.code === code && (system === undefined || system === c.system));
    if (match) return match;
  }
  return undefined;
}

/** The distinct methods among `methods`, in the catalog's order; an unidentified method (undefined) last. */
export function methodsOf(lab: LabDefinition, methods: Iterable<string | undefined>): (string | undefined)[] {
  const present = new Set(methods);
  const known = [...new Set(lab.codes.map((c) => c.method))].filter((m) => present.has(m));
  return present.has(undefined) ? [...known, undefined] : known;
}

export interface MethodChange {
  /** The first result of the new method. */
  readonly time: number;
  /** The last result of the previous method. */
  readonly after: number;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** Every place where a result's method differs from the result before it. `results` oldest first. */
export function methodChanges(results: readonly { readonly time: number; readonly method: string | undefined }[]): MethodChange[] {
  const changes: MethodChange[] = [];
  for (let i = 1; i < results.length; i++) {
    const before = results[i - 1]!;
    const r = results[i]!;
    if (r.method !== before.method) changes.push({ time: r.time, after: before.time, from: before.method, to: r.method });
  }
  return changes;
}

/** A method's name in words; a result whose code matched none of the lab's has no known method. */
export function methodName(method: string | undefined): string {
  return method === undefined ? t("method not identified") : methodWords(method);
}
