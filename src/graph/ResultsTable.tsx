import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import type { LabUnit } from "../labs/catalog";
import type { LabResult } from "../labs/results";
import { memoizeByObject } from "../labs/memo";
import { MarkerChip } from "./MarkerIcon";
import { groupDigits } from "./numbers";
import { tableRow, type TableRow } from "./rows";

export interface ResultsTableProps {
  /** The lab's catalog name: the table's caption (the DOM contract relies on it). */
  readonly name: string;
  /** Newest first. */
  readonly results: readonly LabResult[];
  readonly unit: LabUnit;
  readonly activeId: string | undefined;
  readonly onActivate: (id: string) => void;
}

type SortKey = "date" | "value";
type Sort = { readonly key: SortKey; readonly descending: boolean };

/** Up to this many rows the table keeps one DOM row each; beyond, it pages. */
export const MAX_UNPAGED_ROWS = 1000;
export const PAGE_SIZE = 200;

function sortRows(rows: readonly LabResult[], sort: Sort): readonly LabResult[] {
  if (sort.key === "date" && sort.descending) return rows;
  // Unit conversions keep order, so the canonical value sorts like the value shown.
  const key = (r: LabResult) => (sort.key === "date" ? r.when?.time : r.value);
  const sign = sort.descending ? -1 : 1;
  // Rows without a date or value stay last either way.
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === undefined || kb === undefined) return (ka === undefined ? 1 : 0) - (kb === undefined ? 1 : 0);
    return sign * (ka - kb);
  });
}

interface RowProps {
  readonly row: TableRow;
  readonly tabbable: boolean;
  readonly active: boolean;
  readonly onActivate: (id: string) => void;
}

const Row = memo(function Row({ row: r, tabbable, active, onActivate }: RowProps) {
  return (
    <tr
      data-id={r.id}
      tabIndex={tabbable ? 0 : -1}
      aria-current={active ? "true" : undefined}
      className={[r.plotted ? "" : "not-plotted", active ? "active" : ""].join(" ").trim() || undefined}
      onFocus={() => !active && onActivate(r.id)}
    >
      <td>{r.date}</td>
      <td className="num">{r.valueText}</td>
      <td>{r.unit}</td>
      <td>
        {r.flag && (
          <span className={`flag${r.flag.critical ? " flag-critical" : ""}`}>
            <MarkerChip kind={r.flag.marker} critical={r.flag.critical} flagged={r.flag.flagged} />
            {r.flag.text}
          </span>
        )}
      </td>
      <td>{r.range}</td>
      <td>{r.notes.join(" ")}</td>
    </tr>
  );
});

function rowElement(box: HTMLElement, id: string): HTMLElement | undefined {
  return [...box.querySelectorAll<HTMLElement>("tr[data-id]")].find((tr) => tr.dataset.id === id);
}

/** One row per result shown, newest first by default; a row that is not drawn says why. */
export const ResultsTable = memo(function ResultsTable({ name, results, unit, activeId, onActivate }: ResultsTableProps) {
  const [sort, setSort] = useState<Sort>({ key: "date", descending: true });
  const [page, setPage] = useState(0);
  const wrap = useRef<HTMLDivElement>(null);
  const language = useLanguage();
  const sorted = useMemo(() => sortRows(results, sort), [results, sort]);
  const paged = sorted.length > MAX_UNPAGED_ROWS;
  const pages = paged ? Math.ceil(sorted.length / PAGE_SIZE) : 1;
  const current = Math.min(page, pages - 1);
  // Only the rows on the page are formatted, each once per unit: a page of results arriving adds its rows
  // without redoing the others.
  // The rows' words are in the language shown: made again when it changes.
  const format = useMemo(() => memoizeByObject((r: LabResult): TableRow => tableRow(r, unit, language)), [unit, language]);
  const shown = useMemo(() => (paged ? sorted.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE) : sorted).map(format), [sorted, paged, current, format]);

  // The chart selected a result on another page: go there, and bring its row into the table's view.
  const activeIndex = activeId ? sorted.findIndex((r) => r.id === activeId) : -1;
  const [seenActive, setSeenActive] = useState(activeId);
  if (activeId !== seenActive) {
    setSeenActive(activeId);
    if (paged && activeIndex >= 0 && Math.floor(activeIndex / PAGE_SIZE) !== current) setPage(Math.floor(activeIndex / PAGE_SIZE));
  }
  useEffect(() => {
    const box = wrap.current;
    const row = activeId && box ? rowElement(box, activeId) : undefined;
    if (!box || !row || box.contains(document.activeElement)) return;
    if (row.offsetTop < box.scrollTop || row.offsetTop + row.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = row.offsetTop - box.clientHeight / 2;
  }, [activeId, current]);

  const focusTarget = shown.some((r) => r.id === activeId) ? activeId : shown[0]?.id;

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const index = shown.findIndex((r) => r.id === (e.target as HTMLElement).dataset.id);
    if (index < 0) return;
    const to = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: shown.length - 1, PageDown: index + 10, PageUp: index - 10 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const row = shown[Math.max(0, Math.min(shown.length - 1, to))];
    if (row && wrap.current) rowElement(wrap.current, row.id)?.focus();
  };

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}>
        <button type="button" className="sort" onClick={() => setSort({ key, descending: active ? !sort.descending : key === "date" })}>
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? " ▼" : " ▲") : " ↕"}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="results-block">
      {paged && (
        <nav className="pager no-print" aria-label={t("{name} table pages", { name })}>
          <p>
            {t("Page {page} of {pages}: showing {from}–{to} of {count}", {
              page: current + 1,
              pages,
              from: groupDigits(current * PAGE_SIZE + 1),
              to: groupDigits(current * PAGE_SIZE + shown.length),
              count: groupDigits(sorted.length),
            })}
          </p>
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0}>
            {t("Previous page")}
          </button>
          <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            {t("Next page")}
          </button>
        </nav>
      )}
      <div className="table-wrap" ref={wrap}>
        <table className="results">
          <caption>{name}</caption>
          <thead>
            <tr>
              {header("date", t("Date"))}
              {header("value", t("Value"))}
              <th scope="col">{t("Unit")}</th>
              <th scope="col">{t("Flag")}</th>
              <th scope="col">{t("Reference range")}</th>
              <th scope="col">{t("Notes")}</th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {shown.map((r) => (
              <Row key={r.id} row={r} tabbable={r.id === focusTarget} active={r.id === activeId} onActivate={onActivate} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});
