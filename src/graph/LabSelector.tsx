import { useId } from "react";
import type { LabDefinition } from "../labs/catalog";

/** The lab picker: a control whose accessible name is exactly "Lab" (the DOM contract relies on it). */
export function LabSelector({ labs, value, onChange }: { readonly labs: readonly LabDefinition[]; readonly value: LabDefinition; readonly onChange: (lab: LabDefinition) => void }) {
  const id = useId();
  return (
    <div className="lab-selector">
      <label htmlFor={id}>Lab</label>
      <select id={id} value={value.id} onChange={(e) => onChange(labs.find((l) => l.id === e.target.value) ?? value)}>
        {labs.map((lab) => (
          <option key={lab.id} value={lab.id}>
            {lab.name}
          </option>
        ))}
      </select>
    </div>
  );
}
