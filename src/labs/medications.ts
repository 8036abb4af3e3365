/**
 * MedicationRequest and MedicationStatement → the periods the chart draws under a lab, the classes each belongs
 * to and whether it matters to the lab shown (docs/clinical-rules.md §11). Pure: reading and drawing live elsewhere.
 */
import { RXNORM } from "./contextCatalog";
import { BRANDS, MEDICATION_CLASSES } from "./medicationCatalog";
import { parseFhirDate, periodEnd, type FhirInstant } from "./dates";
import { t } from "../i18n/i18n";
import { list, record, text } from "./json";
import type { LabId } from "./settings";

export type MedicationSource = "MedicationRequest" | "MedicationStatement";

export interface MedicationPeriod {
  /** "MedicationRequest/123" */
  readonly key: string;
  readonly source: MedicationSource;
  readonly name: string;
  /** Epoch ms of `startDate` (a date-only value at its UTC midnight; place it with dates.plotTime). */
  readonly start: number | undefined;
  /** Epoch ms just after the last moment the end date covers: a date-only end includes its whole day. */
  readonly end: number | undefined;
  /** Still being taken: active or on hold, with no end. The bar stays open-ended. */
  readonly ongoing: boolean;
  /** The resource's status as sent. */
  readonly status: string;
  /** Ids of the matched catalog classes, in catalog order; empty: not in the catalog. */
  readonly classes: readonly string[];
  /** The dates as recorded, with their precision, for the table. */
  readonly startDate?: FhirInstant;
  readonly endDate?: FhirInstant;
}

export interface MedicationRow {
  readonly name: string;
  readonly classes: readonly string[];
  readonly periods: readonly MedicationPeriod[];
}

type MedicationResource = fhir4.MedicationRequest | fhir4.MedicationStatement;

const DAY = 86_400_000;

/** FHIR R4 MedicationRequest.intent codes that are an actual order or a plan to treat; proposal, directive and option are not. */
const ORDER_INTENTS = new Set(["order", "original-order", "reflex-order", "filler-order", "instance-order", "plan"]);
/** Never shown: recorded in error, withdrawn before any dose, not yet actionable, or stated as not taken. */
const DROPPED: Readonly<Record<MedicationSource, ReadonlySet<string>>> = {
  MedicationRequest: new Set(["entered-in-error", "cancelled", "draft"]),
  MedicationStatement: new Set(["entered-in-error", "not-taken"]),
};
/** Being taken (or paused, not ended): the bar is open-ended when no end is recorded. */
const CURRENT = new Set(["active", "on-hold"]);
/** No longer taken: a MedicationStatement's dateAsserted bounds when it ended. */
const ENDED = new Set(["completed", "stopped"]);

/** Lower case, every run of characters other than letters and digits one space, padded: whole words compare with includes. */
function words(s: string): string {
  return ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim()} `;
}

const CLASS_ORDER = new Map(MEDICATION_CLASSES.map((c, i) => [c.id, i]));
const CLASS_BY_ID = new Map(MEDICATION_CLASSES.map((c) => [c.id, c]));

interface Index {
  /** RXCUI → class ids, from the ingredients' RXCUIs and the product lists. */
  readonly byCode: ReadonlyMap<string, ReadonlySet<string>>;
  /** Whole-word names (see `words`) → class ids: ingredient names, class names ("insulin") and brand names. */
  readonly byName: readonly (readonly [string, ReadonlySet<string>])[];
}

function buildIndex(): Index {
  const byCode = new Map<string, Set<string>>();
  const byName = new Map<string, Set<string>>();
  const ofIngredient = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, id: string) => map.set(key, (map.get(key) ?? new Set()).add(id));
  for (const c of MEDICATION_CLASSES) {
    for (const i of c.ingredients) {
      add(byCode, i.rxcui, c.id);
      add(byName, words(i.name), c.id);
      add(ofIngredient, i.name, c.id);
    }
    for (const n of c.names ?? []) add(byName, words(n), c.id);
    for (const l of c.products) for (const code of l.codes) add(byCode, code, c.id);
  }
  for (const b of BRANDS) for (const i of b.ingredients) for (const id of ofIngredient.get(i) ?? []) add(byName, words(b.name), id);
  return { byCode, byName: [...byName] };
}

const INDEX = buildIndex();

/** The catalog classes named by some concepts: by an RxNorm code, and by a whole-word name in any text or display. */
export function medicationClasses(concepts: readonly (fhir4.CodeableConcept | undefined)[]): string[] {
  const found = new Set<string>();
  for (const concept of concepts.map((c) => record(c))) {
    if (!concept) continue;
    const codings = list(concept.coding).map((c) => record(c));
    for (const coding of codings) {
      if (text(coding?.system) !== RXNORM) continue;
      for (const id of INDEX.byCode.get(text(coding?.code)?.trim() ?? "") ?? []) found.add(id);
    }
    for (const t of [text(concept.text), ...codings.map((c) => text(c?.display))]) {
      if (!t) continue;
      const w = words(t);
      for (const [name, ids] of INDEX.byName) if (w.includes(name)) for (const id of ids) found.add(id);
    }
  }
  return [...found].sort((a, b) => CLASS_ORDER.get(a)! - CLASS_ORDER.get(b)!);
}

/** A concept in words: its text, else the first coding's display. */
function conceptName(c: fhir4.CodeableConcept | undefined): string | undefined {
  const concept = record(c);
  const named = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  return named(text(concept?.text)) ?? list(concept?.coding).map((x) => named(text(record(x)?.display))).find(Boolean);
}

/** The Medication a resource points to: contained ("#id") or referenced ("Medication/abc", also as an absolute URL). */
function medicationOf(r: MedicationResource, medications: ReadonlyMap<string, fhir4.Medication> | undefined): fhir4.Medication | undefined {
  const ref = text(record(r.medicationReference)?.reference);
  if (!ref) return undefined;
  if (ref.startsWith("#")) {
    const found = list(r.contained).find((c) => record(c)?.resourceType === "Medication" && `#${text(c.id)}` === ref);
    return found as fhir4.Medication | undefined;
  }
  const relative = /(?:^|\/)(Medication\/[^/]+)(?:\/_history\/[^/]+)?$/.exec(ref)?.[1];
  return medications?.get(ref) ?? (relative ? medications?.get(relative) : undefined);
}

/** The instant after the last moment a recorded end covers (FHIR R4 Period.end includes any matching date/time). */
function endOf(instant: FhirInstant): number {
  if (instant.precision === "day") return instant.time + DAY;
  return periodEnd(instant) ?? instant.time;
}

/** The latest boundsPeriod.end of the dosage instructions: the end of the prescribed course. */
function dosageEnd(r: fhir4.MedicationRequest): string | undefined {
  const ends = list(r.dosageInstruction)
    .map((d) => text(record(record(record(d)?.timing)?.repeat)?.boundsPeriod?.end))
    .filter((e): e is string => parseFhirDate(e) !== undefined);
  return ends.sort((a, b) => parseFhirDate(a)!.time - parseFhirDate(b)!.time).at(-1);
}

interface Dates {
  readonly start: string | undefined;
  readonly end: string | undefined;
}

function datesOf(r: MedicationResource, source: MedicationSource, status: string): Dates {
  if (source === "MedicationRequest") {
    const req = r as fhir4.MedicationRequest;
    const validity = record(record(req.dispenseRequest)?.validityPeriod);
    return { start: text(req.authoredOn) ?? text(validity?.start), end: text(validity?.end) ?? dosageEnd(req) };
  }
  const st = r as fhir4.MedicationStatement;
  const period = record(st.effectivePeriod);
  const start = text(st.effectiveDateTime) ?? text(period?.start);
  const end = text(period?.end) ?? (ENDED.has(status) ? text(st.dateAsserted) : undefined);
  return { start, end };
}

function toPeriod(r: MedicationResource, index: number, medications: ReadonlyMap<string, fhir4.Medication> | undefined): MedicationPeriod | undefined {
  const source = r.resourceType;
  if (source !== "MedicationRequest" && source !== "MedicationStatement") return undefined;
  const status = text(r.status) ?? "unknown";
  if (DROPPED[source].has(status)) return undefined;
  if (source === "MedicationRequest") {
    const intent = text((r as fhir4.MedicationRequest).intent);
    if (intent !== undefined && !ORDER_INTENTS.has(intent)) return undefined;
  }
  const medication = medicationOf(r, medications);
  const code = record(medication)?.code;
  const concepts = [r.medicationCodeableConcept, code, ...list(record(medication)?.ingredient).map((i) => record(i)?.itemCodeableConcept)];
  const name = conceptName(r.medicationCodeableConcept) ?? conceptName(code) ?? t("Unnamed medication");

  const dates = datesOf(r, source, status);
  const startDate = parseFhirDate(dates.start);
  let endDate = parseFhirDate(dates.end);
  // An end before the start is not believed: the period's end is unknown.
  if (startDate && endDate && endOf(endDate) < startDate.time) endDate = undefined;
  const id = text(r.id);
  return {
    key: `${source}/${id ?? `#${index}`}`,
    source,
    name,
    start: startDate?.time,
    end: endDate && endOf(endDate),
    ongoing: CURRENT.has(status) && !endDate,
    status,
    classes: medicationClasses(concepts),
    ...(startDate && { startDate }),
    ...(endDate && { endDate }),
  };
}

const byStart = (a: { readonly start: number | undefined }, b: { readonly start: number | undefined }) =>
  (a.start ?? Infinity) - (b.start ?? Infinity);

/**
 * The medication periods of some MedicationRequests and MedicationStatements, sorted by start (undated last).
 * `medications`: referenced Medication resources by reference string ("Medication/abc"); contained ones are read
 * from the resource itself.
 */
export function medicationPeriods(
  resources: readonly (fhir4.MedicationRequest | fhir4.MedicationStatement)[],
  medications?: ReadonlyMap<string, fhir4.Medication>,
): MedicationPeriod[] {
  const periods: MedicationPeriod[] = [];
  list(resources).forEach((r, i) => {
    const period = record(r) && toPeriod(r, i, medications);
    if (period) periods.push(period);
  });
  return periods.sort(byStart);
}

/** Whether a medication matters to a lab: one of its classes is relevant to it (and nothing else decides). */
export function isRelevant(period: MedicationPeriod, lab: LabId): boolean {
  return period.classes.some((id) => CLASS_BY_ID.get(id)?.labs.includes(lab) ?? false);
}

/** The key rows are grouped by: the name in lower case, its spaces collapsed. */
function rowKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** One row per medication (the same name, whatever its case), its periods by start; rows by their first start. */
export function medicationRows(periods: readonly MedicationPeriod[]): MedicationRow[] {
  const groups = new Map<string, MedicationPeriod[]>();
  for (const p of [...periods].sort(byStart)) {
    const key = rowKey(p.name);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()].map((ps) => ({
    name: ps[0]!.name,
    classes: [...new Set(ps.flatMap((p) => p.classes))].sort((a, b) => (CLASS_ORDER.get(a) ?? Infinity) - (CLASS_ORDER.get(b) ?? Infinity)),
    periods: ps,
  }));
}
