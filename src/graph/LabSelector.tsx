import { useId } from "react";
import type { LabDefinition } from "../labs/catalog";
import { t } from "../i18n/i18n";
import { useLanguage } from "../i18n/useLanguage";

/**
 * The lab picker: a control whose accessible name is exactly "Lab" (the DOM contract relies on it). With
 * `onOverview` it offers the Overview of every lab too (`overview`: the one shown).
 */
export function LabSelector({ labs, value, onChange, onOverview, overview }: { readonly labs: readonly LabDefinition[]; readonly value: LabDefinition; readonly onChange: (lab: LabDefinition) => void; readonly onOverview?: () => void; readonly overview?: boolean }) {
  const id = useId();
  useLanguage();
  return (
    <div className="lab-selector">
      <label htmlFor={id}>{t("Lab")}</label>
      <select id={id} value={overview ? "" : value.id} onChange={(e) => (e.target.value ? onChange(labs.find((l) => l.id === e.target.value) ?? value) : onOverview?.())}>
        {labs.map((lab) => (
          <option key={lab.id} value={lab.id}>
            {lab.name}
          </option>
        ))}
        {onOverview && <option value="">{t("Overview")}</option>}
      </select>
    </div>
  );
}
