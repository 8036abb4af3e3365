import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";
import type { LabUnit } from "../labs/catalog";
import { methodName } from "../labs/methods";
import { flagText } from "../labs/flagText";
import type { LabResult } from "../labs/results";
import { dateText } from "./dateText";
import { notesOf, rangeText, shownValue } from "./rows";

/** Everything known about one result: the chart's tooltip. */
export function ResultDetails({ result: r, unit, showMethod = false }: { readonly result: LabResult; readonly unit: LabUnit; readonly showMethod?: boolean }) {
  useLanguage();
  const range = rangeText(r, unit);
  return (
    <div className="details">
      <p className="details-value">
        <strong>
          {shownValue(r, unit)} {r.value !== undefined && unit.label}
        </strong>
        {` — ${flagText(r.flag)}`}
      </p>
      <p>{dateText(r)}</p>
      {range && <p>{t("Range: {range}", { range })}</p>}
      {r.test && <p>{r.test}</p>}
      {/* When the chart has several methods (docs/clinical-rules.md §7). */}
      {showMethod && <p>{t("Method: {method}", { method: r.method === undefined ? t("not identified") : methodName(r.method) })}</p>}
      {r.performer && <p>{t("By {performer}", { performer: r.performer })}</p>}
      {notesOf(r, unit).map((note, i) => (
        <p key={i}>{note}</p>
      ))}
    </div>
  );
}
