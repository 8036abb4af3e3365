/**
 * What the reader chose to see, kept in the URL hash so that a reload (or a shared link) shows the same:
 * `#lab=glucose&unit=mmol%2FL&range=5y`, or a zoomed window `range=2019-01-01..2020-06-30`; `view=patient` or
 * `view=clinician` when the reader chose the view that is not their default (docs/patient-view.md). Pure.
 */
import { DEFAULT_LAB, labById, type LabDefinition, type LabUnit } from "../labs/catalog";
import { ALL, PRESETS, type Preset, type RangeSelection } from "../labs/timeRange";

export interface ViewState {
  readonly lab: LabDefinition;
  readonly unit: LabUnit;
  readonly range: RangeSelection;
  /** Every lab with data on one time axis (`#lab=overview`); `lab` is then the one the Lab control falls back to. */
  readonly overview?: boolean;
  /**
   * The view the reader chose; none: the default for who is signed in, the patient's when the session is
   * patient-facing (session.ts `patientFacing`: a Patient or RelatedPerson user, or a standalone launch naming no user).
   */
  readonly reader?: Reader;
}

/** Whom the page speaks to: the clinician's view, or the patient's in plain words (docs/patient-view.md). */
export type Reader = "patient" | "clinician";

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function day(text: string | undefined): number | undefined {
  const m = DAY_RE.exec(text ?? "");
  if (!m) return undefined;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(time).toISOString().startsWith(text!) ? time : undefined;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function parseRange(text: string | null): RangeSelection {
  if (text && (PRESETS as readonly string[]).includes(text)) return { kind: "preset", preset: text as Preset };
  const [from, to] = (text ?? "").split("..").map(day);
  // A window is kept to whole days (UTC): the end day is included.
  if (from !== undefined && to !== undefined && from <= to) return { kind: "window", from, to: to + 86_399_999 };
  return ALL;
}

export function parseViewState(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const lab = labById(params.get("lab") ?? undefined) ?? DEFAULT_LAB;
  const unit = lab.units.find((u) => u.code === params.get("unit")) ?? lab.units[0];
  const reader = params.get("view");
  return { lab, unit, range: parseRange(params.get("range")), ...(params.get("lab") === "overview" && { overview: true }), ...((reader === "patient" || reader === "clinician") && { reader }) };
}

/** The hash for a view; defaults are left out, so the default view has no hash at all. */
export function viewHash(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.overview || view.lab !== DEFAULT_LAB) params.set("lab", view.overview ? "overview" : view.lab.id);
  if (view.unit !== view.lab.units[0]) params.set("unit", view.unit.code);
  const { range } = view;
  if (range.kind === "window") params.set("range", `${isoDay(range.from)}..${isoDay(range.to)}`);
  else if (range.preset !== "all") params.set("range", range.preset);
  if (view.reader) params.set("view", view.reader);
  const text = params.toString();
  return text ? `#${text}` : "";
}

/**
 * Switching labs keeps a preset span but not a unit or a zoomed window, which belong to the old lab; a window
 * zoomed in the Overview is every lab's, and stays; so does the reader's view.
 */
export function withLab(view: ViewState, lab: LabDefinition): ViewState {
  return { lab, unit: lab.units[0], range: view.range.kind === "preset" || view.overview ? view.range : ALL, reader: view.reader };
}
