/**
 * Loading the store from ordinary FHIR Bundles: a folder of `*.json` files (the sandbox's scenario data, or
 * Synthea R4 output, whose transaction Bundles use `urn:uuid:` references), or one Bundle at a time.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { FhirStore } from "./store.ts";

export interface LoadReport {
  readonly files: number;
  readonly resources: number;
  /** Resources seen twice (Synthea repeats practitioners and organizations across files): the first is kept. */
  readonly duplicates: number;
}

/** Adds every resource of the bundle; `urn:uuid:` references (Synthea) are rewritten to `Type/id`. */
export function addBundle(store: FhirStore, bundle: fhir4.Bundle, onDuplicate: "throw" | "skip" = "throw"): number {
  const urnToRef = new Map<string, string>();
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    if (r?.id && entry.fullUrl?.startsWith("urn:uuid:")) urnToRef.set(entry.fullUrl, `${r.resourceType}/${r.id}`);
  }
  let duplicates = 0;
  for (const entry of bundle.entry ?? []) {
    if (!entry.resource) continue;
    const resource = urnToRef.size ? rewriteReferences(entry.resource, urnToRef) : entry.resource;
    if (store.read(resource.resourceType, resource.id ?? "") && onDuplicate === "skip") duplicates++;
    else store.add(resource);
  }
  return duplicates;
}

/**
 * Loads every `*.json` FHIR Bundle of a folder: the sandbox's scenario data, or Synthea R4 output
 * (transaction Bundles with `urn:uuid:` references; resources repeated across files are kept once).
 */
export async function loadStore(dir: string): Promise<FhirStore> {
  const store = new FhirStore();
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  let duplicates = 0;
  for (const file of files) {
    let bundle: fhir4.Bundle;
    try {
      bundle = JSON.parse(await readFile(join(dir, file), "utf8")) as fhir4.Bundle;
    } catch (error) {
      throw new Error(`${join(dir, file)} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
    if (bundle?.resourceType !== "Bundle") throw new Error(`${join(dir, file)} is not a FHIR Bundle`);
    duplicates += addBundle(store, bundle, "skip");
  }
  store.report = { files: files.length, resources: store.size, duplicates };
  return store;
}

function rewriteReferences<T>(value: T, urnToRef: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((v) => rewriteReferences(v, urnToRef)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = k === "reference" && typeof v === "string" && urnToRef.has(v) ? urnToRef.get(v) : rewriteReferences(v, urnToRef);
    }
    return out as T;
  }
  return value;
}
