/** Building Observations for unit tests: a LOINC-coded result on a date, its value a Quantity or a string. */

export function loincObservation(id: string, date: string, code: string, value: number | string, unit: string): fhir4.Observation {
  return {
    resourceType: "Observation",
    id,
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code }] },
    effectiveDateTime: date,
    ...(typeof value === "number" ? { valueQuantity: { value, code: unit } } : { valueString: value }),
  };
}

/** A final HbA1c result (4548-4, 7.2 %, 2021-03-04) with `overrides` applied. */
export function hba1cObservation(overrides: Partial<fhir4.Observation> = {}): fhir4.Observation {
  return {
    resourceType: "Observation",
    id: "o1",
    status: "final",
    code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] },
    effectiveDateTime: "2021-03-04T10:00:00Z",
    valueQuantity: { value: 7.2, unit: "%", system: "http://unitsofmeasure.org", code: "%" },
    ...overrides,
  };
}
