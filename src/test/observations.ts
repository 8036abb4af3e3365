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
