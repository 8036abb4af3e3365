/**
 * Interpretation flags: what the lab said about a result, read by the whole v3 ObservationInterpretation code
 * system, and never more than the lab said. The rules and their sources are in docs/clinical-rules.md §1.
 */
import { list, record, text } from "./json";

/**
 * critical: HH, LL, AA. high-low: H, L, HU, LU. off-scale: `>`, `<` (the instrument's limit, no severity).
 * abnormal: A. normal: N. other: every other code (POS, R, IE…), shown in the lab's words, never graded.
 */
export type FlagClass = "critical" | "high-low" | "off-scale" | "abnormal" | "normal" | "other";
export type Direction = "high" | "low";

export interface Flag {
  /** The lab's code as sent (`HU`, `POS`, or an abbreviation sent as text, `Crit`); none for words only. */
  readonly code: string | undefined;
  /** The most severe class among the interpretations sent. */
  readonly class: FlagClass;
  /** Which way the class points: HH, H, HU, `>` are high; AA, A, N have none. */
  readonly direction: Direction | undefined;
  /** In words: the value set's for a graded code, else the lab's own. */
  readonly label: string;
  /** `>` or `<` was sent, alone or beside a severity: the value lies beyond what the instrument measures. */
  readonly offScale: Direction | undefined;
  /** The other interpretations sent with it, in words. */
  readonly also: readonly string[];
}

/** Words for a result the lab sent no interpretation for: not the same as "Normal" (N). */
export const NOT_FLAGGED = "Not flagged";

type Entry = readonly [cls: FlagClass, label: string, direction?: Direction];

/**
 * The graded codes and the words labs send for them as text only, by entry: class, direction, the value set's
 * display, its codes, then the lab's words (lower case, punctuation as spaces). A word ending in `*` is an
 * abbreviation: shown expanded with what was sent beside it ("High (Hi)"); whole words are shown as sent.
 */
const TABLE =
  "critical,high,Critical high,HH,hh*|critical high|critically high|crit high|high critical|panic high|high panic|above upper panic limits;" +
  "critical,low,Critical low,LL,ll*|critical low|critically low|crit low|low critical|panic low|low panic|below lower panic limits;" +
  "critical,,Critical abnormal,AA,aa*;" +
  "critical,,Critical,,crit*|critical|critical abnormal|critically abnormal|panic|panic value|critical value|critical result;" +
  "high-low,high,Significantly high,HU H>,hu*|significantly high|very high;" +
  "high-low,low,Significantly low,LU L<,lu*|significantly low|very low;" +
  "high-low,high,High,H,h*|hi*|high|above high normal;" +
  "high-low,low,Low,L,l*|lo*|low|below low normal;" +
  "off-scale,high,Off scale high,>,off scale high|high off scale|above analytical limit;" +
  "off-scale,low,Off scale low,<,off scale low|low off scale|below analytical limit;" +
  "abnormal,,Abnormal,A,a*|abn*|abnl*|abnormal;" +
  "normal,,Normal,N,n*|nl*|wnl*|normal|within normal limits";

const GRADED = new Map<string, Entry>();
const WORDS = new Map<string, Entry>();
for (const row of TABLE.split(";")) {
  const [cls, direction, label, codes, words] = row.split(",") as [FlagClass, Direction | "", string, string, string];
  const entry: Entry = direction ? [cls, label, direction] : [cls, label];
  for (const code of codes.split(" ").filter(Boolean)) GRADED.set(code, entry);
  for (const word of words.split("|")) WORDS.set(word, entry);
}

/** Every other code of the code system, with its display: used only when the lab sent no words of its own. */
const OTHER = new Map(
  (
    "CAR:Carrier|Carrier:Carrier|B:Better|D:Significant change down|U:Significant change up|W:Worse|" +
    "AC:Anti-complementary substances present|IE:Insufficient evidence|QCF:Quality control failure|" +
    "TOX:Cytotoxic substance present|I:Intermediate|MS:Moderately susceptible|NCL:No CLSI defined breakpoint|" +
    "NS:Non-susceptible|R:Resistant|SYN-R:Synergy - resistant|S:Susceptible|SDD:Susceptible-dose dependent|" +
    "SYN-S:Synergy - susceptible|VS:Very susceptible|EX:Outside threshold|HX:Above high threshold|" +
    "LX:Below low threshold|HM:Hold for Medical Review|IND:Indeterminate|E:Equivocal|NEG:Negative|ND:Not detected|" +
    "POS:Positive|DET:Detected|EXP:Expected|UNE:Unexpected|OBX:Interpretation qualifiers in separate OBX segments|" +
    "NR:Non-reactive|RR:Reactive|WR:Weakly reactive"
  )
    .split("|")
    .map((pair) => pair.split(":") as [string, string]),
);

/**
 * The systems whose codes mean the v3 codes: v3 (its R4 and STU3 URLs and its OID) and v2 table 0078, which
 * has the same codes. A coding with no system is read as one of them.
 */
const HL7_SYSTEM = /(\/v3[-/]ObservationInterpretation|\/v2[-/]0078|:2\.16\.840\.1\.113883\.5\.83)$/;

interface Part {
  readonly code: string | undefined;
  readonly cls: FlagClass;
  readonly direction: Direction | undefined;
  readonly label: string;
}

const part = (code: string | undefined, [cls, label, direction]: Entry): Part => ({ code, cls, direction, label });

/** A code sent as text, or the lab's words: a graded code exactly as sent, else the word list. */
function fromWords(sent: string): Part | undefined {
  const raw = sent.trim();
  const graded = GRADED.get(raw);
  if (graded) return part(raw, graded);
  const key = raw.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  const abbreviation = WORDS.get(`${key}*`);
  if (abbreviation) return part(raw, abbreviation);
  const word = WORDS.get(key);
  return word ? { ...part(undefined, word), label: raw } : undefined;
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One interpretation: an HL7 code first, else the lab's words, else whatever words it has, ungraded. */
function partOf(c: fhir4.CodeableConcept | undefined): Part | undefined {
  const concept = record(c);
  if (!concept) return undefined;
  const codings = list(concept.coding).map(record).filter((x) => x !== undefined);
  const display = codings.map((x) => text(x.display)?.trim()).find(Boolean);
  const conceptText = text(concept.text)?.trim() || undefined;
  for (const coding of codings) {
    const system = text(coding.system);
    const code = text(coding.code);
    if (!code || (system !== undefined && !HL7_SYSTEM.test(system))) continue;
    const graded = GRADED.get(code);
    if (graded) return part(code, graded);
    const other = OTHER.get(code);
    if (other) return { code, cls: "other", direction: undefined, label: display ?? conceptText ?? other };
  }
  const candidates = [conceptText, ...codings.map((x) => text(x.display)), ...codings.map((x) => text(x.code))];
  for (const sent of candidates) {
    const found = sent ? fromWords(sent) : undefined;
    if (found) return found;
  }
  const label = display ?? conceptText ?? codings.map((x) => text(x.code)?.trim()).find(Boolean);
  return label ? { code: undefined, cls: "other", direction: undefined, label: capitalized(label) } : undefined;
}

const RANK: Readonly<Record<FlagClass, number>> = { critical: 5, "high-low": 4, abnormal: 3, "off-scale": 2, normal: 1, other: 0 };

/** An interpretation in words, with the code sent when it differs: "Critical high (HH)". */
export const partText = (p: Pick<Part, "code" | "label">) => (p.code && p.code !== p.label ? `${p.label} (${p.code})` : p.label);

/**
 * The result's interpretation, from every one the lab sent (HL7 asks for `>` and HH together when an off-scale
 * value is also critical). None when the lab sent none: "Not flagged".
 */
export function flagOf(interpretation: readonly fhir4.CodeableConcept[] | undefined): Flag | undefined {
  const parts: Part[] = [];
  for (const p of list(interpretation).map(partOf)) if (p && !parts.some((q) => partText(q) === partText(p))) parts.push(p);
  const main = parts.reduce<Part | undefined>((best, p) => (!best || RANK[p.cls] > RANK[best.cls] ? p : best), undefined);
  if (!main) return undefined;
  return {
    code: main.code,
    class: main.cls,
    direction: main.direction,
    label: main.label,
    offScale: parts.find((p) => p.cls === "off-scale")?.direction,
    also: parts.filter((p) => p !== main).map(partText),
  };
}

/** HH, LL or AA (or the lab's words for them): immediate action may be needed. */
export function isCritical(flag: Flag | undefined): boolean {
  return flag?.class === "critical";
}

/**
 * Outside the normal range by the lab's word: critical, high or low, abnormal. Not off scale alone (HL7: it
 * implies no severity), not an ungraded code, not Normal, not "Not flagged".
 */
export function isAbnormal(flag: Flag | undefined): boolean {
  return flag !== undefined && (flag.class === "critical" || flag.class === "high-low" || flag.class === "abnormal");
}
