import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RXNORM } from "./contextCatalog";
import { isRelevant, medicationClasses, medicationPeriods, medicationRows, type MedicationPeriod } from "./medications";
import { LAB_IDS } from "./settings";

const DAY = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

function request(extra: Partial<fhir4.MedicationRequest> = {}): fhir4.MedicationRequest {
  return {
    resourceType: "MedicationRequest",
    id: "r1",
    status: "active",
    intent: "order",
    subject: { reference: "Patient/p" },
    medicationCodeableConcept: { text: "Metformin 500 mg tablet" },
    authoredOn: "2020-03-04",
    ...extra,
  };
}

function statement(extra: Partial<fhir4.MedicationStatement> = {}): fhir4.MedicationStatement {
  return {
    resourceType: "MedicationStatement",
    id: "s1",
    status: "active",
    subject: { reference: "Patient/p" },
    medicationCodeableConcept: { text: "Lisinopril 10 mg" },
    effectiveDateTime: "2019-01-02",
    ...extra,
  };
}

const rx = (code: string, display?: string): fhir4.CodeableConcept => ({ coding: [{ system: RXNORM, code, ...(display !== undefined && { display }) }] });
const one = (r: fhir4.MedicationRequest | fhir4.MedicationStatement, medications?: ReadonlyMap<string, fhir4.Medication>) => {
  const periods = medicationPeriods([r], medications);
  expect(periods).toHaveLength(1);
  return periods[0]!;
};

describe("medication names", () => {
  it("medicationCodeableConcept.text first, then a coding's display", () => {
    expect(one(request()).name).toBe("Metformin 500 mg tablet");
    expect(one(request({ medicationCodeableConcept: { coding: [{ system: RXNORM, code: "1" }, { system: RXNORM, code: "2", display: "Atorvastatin 20 MG Oral Tablet" }] } })).name).toBe(
      "Atorvastatin 20 MG Oral Tablet",
    );
  });

  it("a referenced Medication's code, by its reference (relative, absolute or versioned)", () => {
    const med: fhir4.Medication = { resourceType: "Medication", id: "m1", code: { text: "Lantus 100 units/mL" } };
    const medications = new Map([["Medication/m1", med]]);
    for (const reference of ["Medication/m1", "https://ehr.example/fhir/Medication/m1", "Medication/m1/_history/3"]) {
      const p = one(request({ medicationCodeableConcept: undefined, medicationReference: { reference } }), medications);
      expect(p.name, reference).toBe("Lantus 100 units/mL");
      expect(p.classes, reference).toEqual(["insulin"]);
    }
  });

  it("a contained Medication, by its display when it has no text; its ingredients count for the classes", () => {
    const contained: fhir4.Medication = {
      resourceType: "Medication",
      id: "med",
      code: { coding: [{ system: "urn:local", code: "X", display: "Combination tablet" }] },
      ingredient: [{ itemCodeableConcept: rx("1545653", "empagliflozin") }, { itemCodeableConcept: { text: "linagliptin" } }],
    };
    const p = one(statement({ medicationCodeableConcept: undefined, medicationReference: { reference: "#med" }, contained: [contained] }));
    expect(p.name).toBe("Combination tablet");
    expect(p.classes).toEqual(["dpp4-inhibitor", "sglt2-inhibitor"]);
  });

  it("without any name: 'Unnamed medication'", () => {
    expect(one(request({ medicationCodeableConcept: { coding: [{ system: RXNORM, code: "99999999" }] } })).name).toBe("Unnamed medication");
    expect(one(request({ medicationCodeableConcept: undefined, medicationReference: { reference: "Medication/unknown" } })).name).toBe("Unnamed medication");
  });
});

describe("dates and ongoing", () => {
  it("MedicationRequest: authoredOn, else dispenseRequest.validityPeriod.start", () => {
    expect(one(request()).start).toBe(utc("2020-03-04"));
    const p = one(request({ authoredOn: undefined, dispenseRequest: { validityPeriod: { start: "2021-05-06T10:00:00Z" } } }));
    expect(p.start).toBe(Date.parse("2021-05-06T10:00:00Z"));
    expect(p.startDate?.precision).toBe("time");
  });

  it("MedicationStatement: effectiveDateTime or effectivePeriod.start", () => {
    expect(one(statement()).start).toBe(utc("2019-01-02"));
    expect(one(statement({ effectiveDateTime: undefined, effectivePeriod: { start: "2018-07" } })).start).toBe(utc("2018-07-01"));
  });

  it("the validity period's end includes its whole day, and closes the bar", () => {
    const p = one(request({ dispenseRequest: { validityPeriod: { start: "2020-03-04", end: "2020-06-30" } } }));
    expect(p.end).toBe(utc("2020-06-30") + DAY);
    expect(p.endDate?.raw).toBe("2020-06-30");
    expect(p.ongoing).toBe(false);
  });

  it("without a validity period, the latest end of the dosage's boundsPeriod", () => {
    const dose = (end: string): fhir4.Dosage => ({ timing: { repeat: { boundsPeriod: { start: "2020-03-04", end } } } });
    const p = one(request({ status: "completed", dosageInstruction: [dose("2020-05-01"), dose("2020-09-01T12:00:00Z"), dose("2020-04")] }));
    expect(p.end).toBe(Date.parse("2020-09-01T12:00:00Z"));
  });

  it("a month or year end covers its whole month or year", () => {
    expect(one(statement({ effectiveDateTime: undefined, effectivePeriod: { start: "2018", end: "2019-02" } })).end).toBe(utc("2019-03-01"));
    expect(one(statement({ effectiveDateTime: undefined, effectivePeriod: { start: "2018", end: "2019" } })).end).toBe(utc("2020-01-01"));
  });

  it("a completed or stopped MedicationStatement without an end ends at the date it was asserted", () => {
    for (const status of ["completed", "stopped"] as const) {
      const p = one(statement({ status, dateAsserted: "2019-08-01" }));
      expect(p.end, status).toBe(utc("2019-08-01") + DAY);
      expect(p.ongoing).toBe(false);
    }
    // An active one is still being taken: its dateAsserted is not an end.
    expect(one(statement({ dateAsserted: "2019-08-01" })).end).toBeUndefined();
  });

  it("a stopped or completed MedicationRequest with no end recorded: end unknown, not ongoing", () => {
    for (const status of ["stopped", "completed"] as const) {
      const p = one(request({ status }));
      expect(p.end, status).toBeUndefined();
      expect(p.ongoing, status).toBe(false);
      expect(p.status).toBe(status);
    }
  });

  it("active or on hold without an end is ongoing; with an end, intended or unknown it is not", () => {
    expect(one(request()).ongoing).toBe(true);
    expect(one(request({ status: "on-hold" })).ongoing).toBe(true);
    expect(one(statement({ status: "on-hold" })).ongoing).toBe(true);
    expect(one(request({ dispenseRequest: { validityPeriod: { end: "2030-01-01" } } })).ongoing).toBe(false);
    expect(one(statement({ status: "intended" })).ongoing).toBe(false);
    expect(one(request({ status: "unknown" })).ongoing).toBe(false);
  });

  it("an end before the start is not believed", () => {
    const p = one(request({ dispenseRequest: { validityPeriod: { end: "2019-01-01" } } }));
    expect(p.start).toBe(utc("2020-03-04"));
    expect(p.end).toBeUndefined();
    expect(p.endDate).toBeUndefined();
    expect(p.ongoing).toBe(true);
  });

  it("undated or unreadable dates stay unknown", () => {
    const p = one(request({ authoredOn: "soon" }));
    expect(p.start).toBeUndefined();
    expect(p.startDate).toBeUndefined();
  });
});

describe("what is shown, and in which order", () => {
  it("drops entered-in-error, cancelled and draft requests, and statements not taken", () => {
    const kept = medicationPeriods([
      request({ id: "a", status: "entered-in-error" }),
      request({ id: "b", status: "cancelled" }),
      request({ id: "c", status: "draft" }),
      statement({ id: "d", status: "entered-in-error" }),
      statement({ id: "e", status: "not-taken" }),
      request({ id: "f", status: "completed" }),
      statement({ id: "g", status: "completed" }),
    ]);
    expect(kept.map((p) => p.key)).toEqual(["MedicationStatement/g", "MedicationRequest/f"]);
  });

  it("keeps orders and plans; drops proposals, directives and options", () => {
    const intents = ["order", "original-order", "reflex-order", "filler-order", "instance-order", "plan", "proposal", "directive", "option"] as const;
    // "directive" is not in R4's MedicationRequest intents (nor its types), but other request resources have it.
    const kept = medicationPeriods(intents.map((intent) => request({ id: intent, intent: intent as fhir4.MedicationRequest["intent"] })));
    expect(kept.map((p) => p.key.split("/")[1])).toEqual(["order", "original-order", "reflex-order", "filler-order", "instance-order", "plan"]);
  });

  it("sorted by start, undated last; keys name the resource (or its place when it has no id)", () => {
    const periods = medicationPeriods([
      request({ id: "late", authoredOn: "2022-01-01" }),
      request({ id: undefined, authoredOn: undefined }),
      statement({ id: "early", effectiveDateTime: "2010-05-05" }),
    ]);
    expect(periods.map((p) => p.key)).toEqual(["MedicationStatement/early", "MedicationRequest/late", "MedicationRequest/#1"]);
    expect(periods.map((p) => p.source)).toEqual(["MedicationStatement", "MedicationRequest", "MedicationRequest"]);
  });

  it("ignores what is not a MedicationRequest or MedicationStatement", () => {
    const junk = [null, 7, { resourceType: "Observation" }] as unknown as fhir4.MedicationRequest[];
    expect(medicationPeriods([...junk, request()])).toHaveLength(1);
  });
});

describe("classes: by RxNorm code, then by name", () => {
  it("a product code (SCD) or an ingredient code (IN) of the catalog", () => {
    expect(medicationClasses([rx("314076")])).toEqual(["ace-inhibitor"]); // lisinopril 10 MG Oral Tablet (VSAC)
    expect(medicationClasses([rx("860975")])).toEqual(["metformin"]); // Synthea's metformin ER 500 mg
    expect(medicationClasses([rx("83367")])).toEqual(["statin"]); // atorvastatin (IN)
    expect(medicationClasses([rx("1656340")])).toEqual(["arb"]); // sacubitril/valsartan
  });

  it("only RxNorm codes: the same number in another system is not a match", () => {
    expect(medicationClasses([{ coding: [{ system: "http://snomed.info/sct", code: "314076" }] }])).toEqual([]);
    expect(medicationClasses([{ coding: [{ code: "314076" }] }])).toEqual([]);
  });

  it("an ingredient or brand named in the text or a display, case-insensitive and as a whole word", () => {
    expect(medicationClasses([{ text: "Jardiance (empagliflozin) 10 mg" }])).toEqual(["sglt2-inhibitor"]);
    expect(medicationClasses([{ text: "JARDIANCE 25MG TAB" }])).toEqual(["sglt2-inhibitor"]);
    expect(medicationClasses([{ coding: [{ system: "urn:local", code: "1", display: "rosuvastatin calcium 10 MG Oral Tablet" }] }])).toEqual(["statin"]);
    expect(medicationClasses([{ text: "Insulin, regular, human 100 UNT/ML" }])).toEqual(["insulin"]);
    expect(medicationClasses([{ text: "metformin-ER" }])).toEqual(["metformin"]);
    // Not a word of its own: no match.
    expect(medicationClasses([{ text: "Antimetformin study drug" }])).toEqual([]);
    expect(medicationClasses([{ text: "Amlodipine 5 mg" }])).toEqual([]);
  });

  it("a combination product matches every class of its ingredients: by name, by brand and by code", () => {
    expect(medicationClasses([{ text: "sitagliptin 50 MG / metformin hydrochloride 1000 MG Oral Tablet" }])).toEqual(["metformin", "dpp4-inhibitor"]);
    expect(medicationClasses([{ text: "Glyxambi 10/5" }])).toEqual(["dpp4-inhibitor", "sglt2-inhibitor"]);
    expect(medicationClasses([rx("1593058")])).toEqual(["metformin", "sglt2-inhibitor"]); // Xigduo XR
    expect(medicationClasses([{ text: "ezetimibe 10 MG / simvastatin 40 MG Oral Tablet" }])).toEqual(["statin", "ezetimibe"]);
  });

  it("codes and names together: a code the catalog lacks still matches by its display", () => {
    expect(medicationClasses([rx("99999999", "empagliflozin 10 MG Oral Tablet")])).toEqual(["sglt2-inhibitor"]);
    expect(one(request({ medicationCodeableConcept: { coding: [{ system: RXNORM, code: "897122" }] } })).classes).toEqual(["glp1-receptor-agonist"]);
  });
});

describe("relevance", () => {
  const period = (text: string) => one(request({ medicationCodeableConcept: { text } }));

  it("HbA1c and glucose: glucose-lowering classes; lipids: statins, ezetimibe, PCSK9; kidney: ACE, ARB, SGLT2, finerenone", () => {
    const cases: [string, string[]][] = [
      ["Metformin", ["hba1c", "glucose"]],
      ["Glipizide", ["hba1c", "glucose"]],
      ["Sitagliptin", ["hba1c", "glucose"]],
      ["Semaglutide", ["hba1c", "glucose"]],
      ["Pioglitazone", ["hba1c", "glucose"]],
      ["Insulin glargine", ["hba1c", "glucose"]],
      ["Empagliflozin", ["hba1c", "glucose", "creatinine", "egfr"]],
      ["Atorvastatin", ["ldl", "hdl", "cholesterol", "triglycerides"]],
      ["Ezetimibe", ["ldl", "hdl", "cholesterol", "triglycerides"]],
      ["Evolocumab", ["ldl", "hdl", "cholesterol", "triglycerides"]],
      ["Lisinopril", ["creatinine", "egfr"]],
      ["Losartan", ["creatinine", "egfr"]],
      ["Finerenone", ["creatinine", "egfr"]],
      ["Amlodipine", []],
    ];
    for (const [name, labs] of cases) {
      const p = period(name);
      expect(LAB_IDS.filter((lab) => isRelevant(p, lab)), name).toEqual(labs);
    }
  });
});

describe("rows", () => {
  it("one row per medication (same name, any case or spacing), rows ordered by their first start", () => {
    const periods = medicationPeriods([
      request({ id: "1", medicationCodeableConcept: { text: "Metformin 500 mg" }, authoredOn: "2015-01-01", status: "stopped" }),
      request({ id: "2", medicationCodeableConcept: { text: "Insulin glargine" }, authoredOn: "2018-01-01" }),
      request({ id: "3", medicationCodeableConcept: { text: "metformin  500 MG" }, authoredOn: "2019-01-01" }),
      statement({ id: "4", medicationCodeableConcept: { text: "Atorvastatin" }, effectiveDateTime: "2016-06-01" }),
    ]);
    const rows = medicationRows(periods);
    expect(rows.map((r) => r.name)).toEqual(["Metformin 500 mg", "Atorvastatin", "Insulin glargine"]);
    expect(rows[0]!.periods.map((p) => p.key)).toEqual(["MedicationRequest/1", "MedicationRequest/3"]);
    expect(rows[0]!.classes).toEqual(["metformin"]);
  });

  it("a row's classes are every class of its periods, in catalog order", () => {
    const periods = medicationPeriods([
      request({ id: "1", medicationCodeableConcept: { text: "Study drug", coding: [{ system: RXNORM, code: "29046" }] } }),
      request({ id: "2", medicationCodeableConcept: { text: "Study drug", coding: [{ system: RXNORM, code: "6809" }] } }),
    ]);
    expect(medicationRows(periods)).toEqual([expect.objectContaining({ name: "Study drug", classes: ["metformin", "ace-inhibitor"] })]);
  });
});

const date = fc
  .tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom("year", "month", "day", "time"))
  .map(([y, m, d, precision]) => {
    const pad = (n: number) => String(n).padStart(2, "0");
    if (precision === "year") return `${y}`;
    if (precision === "month") return `${y}-${pad(m)}`;
    if (precision === "day") return `${y}-${pad(m)}-${pad(d)}`;
    return `${y}-${pad(m)}-${pad(d)}T10:30:00+02:00`;
  });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const NAMES = ["Metformin", "metformin", "METFORMIN ", "Lisinopril 10 mg", "Jardiance", "Atorvastatin", "Unknown pill"];
const resource: fc.Arbitrary<fhir4.MedicationRequest | fhir4.MedicationStatement> = fc.oneof(
  fc.record({
    status: fc.constantFrom("active", "on-hold", "completed", "stopped", "unknown", "cancelled"),
    name: fc.constantFrom(...NAMES),
    authoredOn: maybe(date),
    start: maybe(date),
    end: maybe(date),
  }).map(({ status, name, authoredOn, start, end }) =>
    request({ status: status as fhir4.MedicationRequest["status"], medicationCodeableConcept: { text: name }, authoredOn, dispenseRequest: { validityPeriod: { start, end } } }),
  ),
  fc.record({
    status: fc.constantFrom("active", "completed", "stopped", "intended", "on-hold"),
    name: fc.constantFrom(...NAMES),
    at: maybe(date),
    start: maybe(date),
    end: maybe(date),
    asserted: maybe(date),
  }).map(({ status, name, at, start, end, asserted }) =>
    statement({
      status: status as fhir4.MedicationStatement["status"],
      medicationCodeableConcept: { text: name },
      effectiveDateTime: at,
      effectivePeriod: { start, end },
      dateAsserted: asserted,
    }),
  ),
);

describe("properties", () => {
  it("periods never end before they start, and ongoing ones have no end", () => {
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 20 }), (resources) => {
        for (const p of medicationPeriods(resources)) {
          if (p.start !== undefined && p.end !== undefined) expect(p.end).toBeGreaterThanOrEqual(p.start);
          if (p.ongoing) expect(p.end).toBeUndefined();
        }
      }),
    );
  });

  it("periods are sorted by start, undated last", () => {
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 20 }), (resources) => {
        const starts = medicationPeriods(resources).map((p) => p.start ?? Infinity);
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
      }),
    );
  });

  it("every row's periods share its name (ignoring case and spacing), and every period is in exactly one row", () => {
    const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 20 }), (resources) => {
        const periods = medicationPeriods(resources);
        const rows = medicationRows(periods);
        for (const row of rows) for (const p of row.periods) expect(norm(p.name)).toBe(norm(row.name));
        expect(rows.flatMap((r) => r.periods).map((p) => p.key).sort()).toEqual(periods.map((p) => p.key).sort());
        expect(new Set(rows.map((r) => norm(r.name))).size).toBe(rows.length);
      }),
    );
  });

  it("relevance is by class only: name, dates and status do not change it", () => {
    const base: MedicationPeriod = { key: "k", source: "MedicationRequest", name: "n", start: 0, end: undefined, ongoing: true, status: "active", classes: [] };
    fc.assert(
      fc.property(
        fc.subarray(["metformin", "statin", "arb", "finerenone", "insulin", "not-a-class"]),
        fc.string(),
        maybe(fc.integer()),
        fc.boolean(),
        fc.constantFrom(...LAB_IDS),
        (classes, name, start, ongoing, lab) => {
          const other = { ...base, name, start, ongoing, status: ongoing ? "active" : "stopped", classes };
          expect(isRelevant(other, lab)).toBe(isRelevant({ ...base, classes }, lab));
        },
      ),
    );
  });

  it("never throws on whatever a server sends", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), fc.record({ resourceType: fc.constantFrom("MedicationRequest", "MedicationStatement"), status: fc.anything(), medicationCodeableConcept: fc.anything(), contained: fc.anything(), medicationReference: fc.anything(), dosageInstruction: fc.anything(), dispenseRequest: fc.anything() }))), (junk) => {
        medicationRows(medicationPeriods(junk as fhir4.MedicationRequest[]));
      }),
    );
  });
});
