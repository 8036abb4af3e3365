/**
 * `meds-statements-only`: a patient whose record has what she reports taking (MedicationStatement) and HbA1c
 * results, and nothing else: no prescriptions, no problem list — as a record moved from another practice often
 * is. 20 HbA1c (4548-4, %) twice a year from March 2015 to September 2024 that follow her therapy: metformin from
 * April 2016, liraglutide April 2018 – January 2020 (stopped for nausea), semaglutide from April 2021; omeprazole
 * bought over the counter; one statement entered in error.
 */
import { TESTS, flagFor, interpretation, isoWithOffset, labObservation, patient, performer, quantity, range } from "./fhir.ts";
import { RX, rxConcept, statement } from "./context.ts";

const ID = "meds-statements-only";

/** HbA1c (%) in March and September of each year, 2015–2024. */
const HBA1C = [8.2, 8.6, 8.9, 7.6, 7.3, 7.5, 7.9, 7.0, 6.8, 6.9, 7.4, 7.9, 8.1, 7.1, 6.8, 6.7, 6.9, 6.6, 6.8, 6.7] as const;

export function medsStatementsOnly(): fhir4.Resource[] {
  const out: fhir4.Resource[] = [patient(ID, ["Dolores", "Ann"], "Kowalczyk", "female", "1957-06-14", "MRN-100009")];
  HBA1C.forEach((value, k) => {
    const t = Date.UTC(2015 + Math.floor(k / 2), k % 2 === 0 ? 2 : 8, 16, 15, 30);
    out.push(
      labObservation(`${ID}-a1c-${String(k + 1).padStart(2, "0")}`, ID, TESTS.a1c, {
        effectiveDateTime: isoWithOffset(t, -5),
        issued: new Date(t + 7 * 3600_000).toISOString(),
        performer: [performer("prac-1")],
        valueQuantity: quantity(value, "%"),
        interpretation: interpretation(flagFor(value, 4, 5.6)),
        referenceRange: [range(4, 5.6, "%", { text: "4.0–5.6 %" })],
      }),
    );
  });
  const metformin = rxConcept("Metformin ER 500 mg tablet", RX.metforminEr500, RX.metformin);
  const twoTabletsTwiceDaily = { text: "2 tablets by mouth twice daily with meals", value: 2, unit: "tablet", frequency: 2, period: 1, periodUnit: "d" } as const;
  out.push(
    statement({ id: `${ID}-ms-metformin`, patientId: ID, medication: metformin, status: "active", start: "2016-04-04", asserted: "2016-09-16", dose: twoTabletsTwiceDaily, category: "community" }),
    statement({
      id: `${ID}-ms-metformin-duplicate`,
      patientId: ID,
      medication: metformin,
      status: "entered-in-error",
      start: "2016-04-04",
      asserted: "2016-09-16",
      dose: twoTabletsTwiceDaily,
      category: "community",
      note: "Recorded twice at the same visit.",
    }),
    statement({
      id: `${ID}-ms-liraglutide`,
      patientId: ID,
      medication: rxConcept("Victoza (liraglutide) 18 mg/3 mL pen", RX.liraglutidePen),
      status: "stopped",
      statusReason: "Nausea",
      start: "2018-04-02",
      end: "2020-01-20",
      asserted: "2020-03-16",
      dose: { text: "Inject 1.2 mg under the skin once daily", value: 1.2, unit: "mg", frequency: 1, period: 1, periodUnit: "d" },
      category: "community",
    }),
    statement({
      id: `${ID}-ms-omeprazole`,
      patientId: ID,
      medication: { text: "Omeprazole 20 mg capsule, over the counter" },
      status: "active",
      start: "2019-06-01",
      asserted: "2019-09-16",
      dose: { text: "1 capsule by mouth daily before breakfast", value: 20, unit: "mg", frequency: 1, period: 1, periodUnit: "d" },
      category: "patientspecified",
    }),
    statement({
      id: `${ID}-ms-semaglutide`,
      patientId: ID,
      medication: rxConcept("Ozempic (semaglutide) 0.5 mg weekly pen", RX.semaglutide),
      status: "active",
      start: "2021-04-05",
      asserted: "2021-09-16",
      dose: { text: "Inject 0.5 mg under the skin once weekly", value: 0.5, unit: "mg", frequency: 1, period: 1, periodUnit: "wk" },
      category: "community",
    }),
  );
  return out;
}
