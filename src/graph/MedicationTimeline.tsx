import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import { PLOT_INSET } from "./plotInset";

/** One prescription or statement of use, as drawn: epoch ms; an ongoing one runs to the end of the axis. */
export interface MedicationBar {
  readonly key: string;
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly ongoing: boolean;
  readonly status: string;
  /** The dates in words as recorded (a date-only end covers its whole day, so `end` is the next midnight). */
  readonly startText?: string;
  readonly endText?: string;
}

/** One medication: its name and every period it was prescribed or taken. */
export interface MedicationLine {
  readonly name: string;
  readonly periods: readonly MedicationBar[];
}

export interface MedicationTimelineProps {
  readonly lines: readonly MedicationLine[];
  /** The chart's time span (chartDomain): the bars share its axis, so zoom and presets move both. */
  readonly domain: readonly [number, number];
  readonly formatDate: (time: number) => string;
}

/** Where a period sits on the axis, in percent of its width; undefined when it is outside the span or has no start. */
export function barPlace(bar: MedicationBar, [from, to]: readonly [number, number]): { left: number; width: number; open: boolean } | undefined {
  if (bar.start === undefined || to <= from) return undefined;
  const end = bar.end ?? (bar.ongoing ? to : bar.start);
  if (end < from || bar.start > to) return undefined;
  const left = ((Math.max(bar.start, from) - from) / (to - from)) * 100;
  const right = ((Math.min(end, to) - from) / (to - from)) * 100;
  return { left, width: Math.max(right - left, 0), open: bar.end === undefined && bar.ongoing };
}

function periodText(bar: MedicationBar, formatDate: (time: number) => string): { start: string; end: string } {
  return {
    start: bar.startText ?? (bar.start === undefined ? t("not recorded") : formatDate(bar.start)),
    end: bar.endText ?? (bar.end !== undefined ? formatDate(bar.end) : bar.ongoing ? t("ongoing") : t("not recorded")),
  };
}

/** A prescription's or statement's FHIR status in words; a code this does not know, as sent. */
function statusWords(status: string): string {
  const words: Record<string, string> = {
    active: t("active"),
    completed: t("completed"),
    stopped: t("stopped"),
    "on-hold": t("on-hold"),
    cancelled: t("cancelled"),
    draft: t("draft"),
    intended: t("intended"),
    "not-taken": t("not-taken"),
    unknown: t("unknown"),
  };
  return Object.hasOwn(words, status) ? words[status]! : status;
}

/**
 * The medications under the chart: one row per medication, a bar per period on the chart's time axis (open-ended
 * while ongoing), and the same facts as a table. Draws what it is given.
 */
export function MedicationTimeline({ lines, domain, formatDate }: MedicationTimelineProps) {
  useLanguage();
  return (
    <>
      <ul className="med-lines">
        {lines.map((line) => (
          <li key={line.name} className="med-line">
            <span className="med-name">{line.name}</span>
            <span className="med-track" aria-hidden="true" style={{ marginLeft: PLOT_INSET.left, marginRight: PLOT_INSET.right }}>
              {line.periods.map((bar) => {
                const place = barPlace(bar, domain);
                const text = periodText(bar, formatDate);
                return place && <span key={bar.key} className={place.open ? "med-bar med-open" : "med-bar"} style={{ left: `${place.left}%`, width: `${place.width}%` }} title={`${text.start} – ${text.end}`} />;
              })}
            </span>
          </li>
        ))}
      </ul>
      <details className="med-table">
        <summary>{t("Medications as a table")}</summary>
        {/* Scrolls sideways on a narrow screen, as the results table does, when its words are long. */}
        <div className="table-wrap">
          <table className="results">
            <caption>{t("Medications")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("Medication")}</th>
                <th scope="col">{t("Start")}</th>
                <th scope="col">{t("End")}</th>
                <th scope="col">{t("Status")}</th>
              </tr>
            </thead>
            <tbody>
              {lines.flatMap((line) =>
                line.periods.map((bar) => {
                  const text = periodText(bar, formatDate);
                  return (
                    <tr key={bar.key}>
                      <th scope="row">{line.name}</th>
                      <td>{text.start}</td>
                      <td>{text.end}</td>
                      <td>{statusWords(bar.status)}</td>
                    </tr>
                  );
                }),
              )}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
