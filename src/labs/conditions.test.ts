import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { problemText, relevantProblems } from "./conditions";
import { ICD10, ICD10CM, SNOMED } from "./contextCatalog";
import { LAB_IDS } from "./settings";

const CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
const VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

function condition(code: fhir4.Coding | fhir4.Coding[], extra: Partial<fhir4.Condition> = {}): fhir4.Condition {
  return {
    resourceType: "Condition",
    id: "c1",
    subject: { reference: "Patient/p" },
    clinicalStatus: { coding: [{ system: CLINICAL, code: "active" }] },
    verificationStatus: { coding: [{ system: VERIFICATION, code: "confirmed" }] },
    code: { coding: Array.isArray(code) ? code : [code] },
    ...extra,
  };
}
const sct = (code: string): fhir4.Coding => ({ system: SNOMED, code });
const cm = (code: string): fhir4.Coding => ({ system: ICD10CM, code });
const ids = (conditions: fhir4.Condition[], lab: (typeof LAB_IDS)[number] = "hba1c") => relevantProblems(conditions, lab).map((m) => m.problem);

describe("problems by SNOMED CT and ICD-10", () => {
  it.each([
    [sct("44054006"), "type-2-diabetes"],
    [sct("90781000119102"), "type-2-diabetes"],
    [cm("E11.9"), "type-2-diabetes"],
    [cm("E119"), "type-2-diabetes"],
    [cm("e11.65"), "type-2-diabetes"],
    [{ system: ICD10, code: "E11" }, "type-2-diabetes"],
    [sct("46635009"), "type-1-diabetes"],
    [cm("E10.10"), "type-1-diabetes"],
    [sct("73211009"), "diabetes"],
    [{ system: ICD10, code: "E14.9" }, "diabetes"],
    [cm("E13.9"), "diabetes"],
    [sct("714628002"), "prediabetes"],
    [sct("15777000"), "prediabetes"],
    [cm("R73.03"), "prediabetes"],
    [cm("R73.01"), "prediabetes"],
  ] as const)("%o is %s, relevant to HbA1c and glucose", (coding, problem) => {
    expect(ids([condition(coding)], "hba1c")).toEqual([problem]);
    expect(ids([condition(coding)], "glucose")).toEqual([problem]);
    expect(ids([condition(coding)], "ldl")).toEqual([]);
  });

  it("chronic kidney disease is relevant to creatinine and eGFR", () => {
    for (const coding of [sct("433144002"), sct("46177005"), cm("N18.31"), cm("N186"), cm("E11.22")]) {
      expect(ids([condition(coding)], "egfr"), coding.code).toEqual(["chronic-kidney-disease"]);
      expect(ids([condition(coding)], "creatinine"), coding.code).toEqual(["chronic-kidney-disease"]);
    }
    expect(ids([condition(cm("N18.3"))], "hba1c")).toEqual([]);
  });

  it("hyperlipidaemia is relevant to every lipid", () => {
    for (const lab of ["ldl", "hdl", "cholesterol", "triglycerides"] as const) {
      expect(ids([condition(sct("55822004"))], lab)).toEqual(["hyperlipidaemia"]);
      expect(ids([condition(cm("E78.5"))], lab)).toEqual(["hyperlipidaemia"]);
      expect(ids([condition(cm("E78.01"))], lab)).toEqual(["hyperlipidaemia"]);
    }
  });

  it("a code of another system, a prefix that is not a category, or only text does not match", () => {
    expect(ids([condition({ system: "urn:local", code: "E11.9" })])).toEqual([]);
    expect(ids([condition({ system: SNOMED, code: "E11.9" })])).toEqual([]);
    expect(ids([condition(cm("E1"))])).toEqual([]);
    expect(ids([condition(cm("R73.09"))])).toEqual([]);
    expect(ids([condition([], { code: { text: "Type 2 diabetes" } })])).toEqual([]);
  });

  it("one Condition may name two problems (type 2 diabetes with diabetic CKD)", () => {
    const c = condition(cm("E11.22"));
    expect(ids([c], "hba1c")).toEqual(["type-2-diabetes"]);
    expect(ids([c], "egfr")).toEqual(["chronic-kidney-disease"]);
  });
});

describe("only active problems", () => {
  it("clinicalStatus active, recurrence or relapse; inactive, remission and resolved are not", () => {
    const status = (code: string) => condition(sct("44054006"), { clinicalStatus: { coding: [{ system: CLINICAL, code }] } });
    for (const code of ["active", "recurrence", "relapse"]) expect(ids([status(code)]), code).toEqual(["type-2-diabetes"]);
    for (const code of ["inactive", "remission", "resolved"]) expect(ids([status(code)]), code).toEqual([]);
  });

  it("without a clinicalStatus: active unless it has abated", () => {
    expect(ids([condition(sct("44054006"), { clinicalStatus: undefined })])).toEqual(["type-2-diabetes"]);
    expect(ids([condition(sct("44054006"), { clinicalStatus: undefined, abatementDateTime: "2020-01-01" })])).toEqual([]);
    expect(ids([condition(sct("44054006"), { clinicalStatus: undefined, abatementString: "in remission" })])).toEqual([]);
  });

  it("never entered in error or refuted; unconfirmed, provisional and differential ones are named as unconfirmed", () => {
    const verified = (code: string) => condition(sct("44054006"), { verificationStatus: { coding: [{ system: VERIFICATION, code }] } });
    expect(ids([verified("entered-in-error")])).toEqual([]);
    expect(ids([verified("refuted")])).toEqual([]);
    for (const code of ["unconfirmed", "provisional", "differential"]) {
      const [match] = relevantProblems([verified(code)], "hba1c");
      expect(match?.unconfirmed, code).toBe(true);
      expect(problemText(match!), code).toBe("Type 2 diabetes (unconfirmed)");
    }
    expect(relevantProblems([verified("confirmed")], "hba1c")[0]?.unconfirmed).toBeUndefined();
  });
});

describe("one per problem, in catalog order", () => {
  it("the earliest onset wins; an undated record only when none is dated", () => {
    const matches = relevantProblems(
      [
        condition(sct("44054006"), { id: "later", onsetDateTime: "2015-04-01" }),
        condition(cm("E11.9"), { id: "undated" }),
        condition(cm("E11.65"), { id: "earlier", onsetPeriod: { start: "2011-06" } }),
      ],
      "hba1c",
    );
    expect(matches).toEqual([{ problem: "type-2-diabetes", label: "Type 2 diabetes", onset: "2011-06", key: "Condition/earlier" }]);
    expect(relevantProblems([condition(cm("E11.9"), { id: "a" }), condition(cm("E11.9"), { id: "b" })], "hba1c")[0]?.key).toBe("Condition/a");
  });

  it("in catalog order; diabetes without a type is not named beside a typed diabetes", () => {
    const list = [condition(sct("15777000"), { id: "pre" }), condition(sct("73211009"), { id: "dm" })];
    expect(ids(list)).toEqual(["diabetes", "prediabetes"]);
    expect(ids([...list, condition(sct("44054006"), { id: "t2" })])).toEqual(["type-2-diabetes", "prediabetes"]);
  });

  it("ignores what is not a Condition", () => {
    const junk = [null, { resourceType: "Observation", code: { coding: [sct("44054006")] } }] as unknown as fhir4.Condition[];
    expect(ids([...junk, condition(sct("44054006"))])).toEqual(["type-2-diabetes"]);
  });
});

describe("onset and wording", () => {
  it("onsetDateTime, onsetPeriod.start, or the year written in onsetString", () => {
    const onset = (extra: Partial<fhir4.Condition>) => relevantProblems([condition(sct("44054006"), extra)], "hba1c")[0]?.onset;
    expect(onset({ onsetDateTime: "2011-03-04T10:00:00Z" })).toBe("2011-03-04T10:00:00Z");
    expect(onset({ onsetPeriod: { start: "2009" } })).toBe("2009");
    expect(onset({ onsetString: "Diagnosed in spring 2011" })).toBe("2011");
    expect(onset({ onsetString: "childhood" })).toBeUndefined();
    expect(onset({ recordedDate: "2015-01-01" })).toBeUndefined();
  });

  it("'Type 2 diabetes since 2011' with an onset year; the label alone without", () => {
    const base = { problem: "type-2-diabetes", label: "Type 2 diabetes", key: "Condition/1" };
    expect(problemText({ ...base, onset: "2011-03-04" })).toBe("Type 2 diabetes since 2011");
    expect(problemText({ ...base, onset: "2011" })).toBe("Type 2 diabetes since 2011");
    expect(problemText({ ...base, onset: undefined })).toBe("Type 2 diabetes");
  });
});

describe("properties", () => {
  const coding = fc.constantFrom(sct("44054006"), sct("46635009"), sct("73211009"), sct("15777000"), sct("433144002"), sct("55822004"), cm("E11.9"), cm("N18.4"), cm("E78.5"), cm("I10"));
  const status = fc.constantFrom("active", "recurrence", "relapse", "inactive", "remission", "resolved", undefined);
  const verification = fc.constantFrom("confirmed", "unconfirmed", "refuted", "entered-in-error", undefined);
  const onset = fc.option(fc.integer({ min: 1950, max: 2030 }).map(String), { nil: undefined });
  const conditions = fc
    .array(fc.tuple(coding, status, verification, onset), { maxLength: 15 })
    .map((rows) =>
      rows.map(([c, s, v, o], i) =>
        condition(c, {
          id: `c${i}`,
          clinicalStatus: s === undefined ? undefined : { coding: [{ system: CLINICAL, code: s }] },
          verificationStatus: v === undefined ? undefined : { coding: [{ system: VERIFICATION, code: v }] },
          onsetDateTime: o,
        }),
      ),
    );

  it("at most one match per problem, never from an inactive, refuted or erroneous record, always the earliest onset", () => {
    fc.assert(
      fc.property(conditions, fc.constantFrom(...LAB_IDS), (list, lab) => {
        const matches = relevantProblems(list, lab);
        expect(new Set(matches.map((m) => m.problem)).size).toBe(matches.length);
        for (const m of matches) {
          const source = list.find((c) => `Condition/${c.id}` === m.key)!;
          const s = source.clinicalStatus?.coding?.[0]?.code;
          const v = source.verificationStatus?.coding?.[0]?.code;
          expect(s === undefined || ["active", "recurrence", "relapse"].includes(s)).toBe(true);
          expect(["refuted", "entered-in-error"]).not.toContain(v);
          if (m.onset !== undefined) {
            const rivals = relevantProblems(list.filter((c) => c !== source), lab).find((r) => r.problem === m.problem);
            if (rivals?.onset !== undefined) expect(Number(m.onset)).toBeLessThanOrEqual(Number(rivals.onset));
          }
        }
      }),
    );
  });

  it("never throws on whatever a server sends", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.anything(), fc.record({ resourceType: fc.constant("Condition"), code: fc.anything(), clinicalStatus: fc.anything(), verificationStatus: fc.anything(), onsetString: fc.anything() }))), (junk) => {
        for (const lab of LAB_IDS) relevantProblems(junk as fhir4.Condition[], lab).map(problemText);
      }),
    );
  });
});
