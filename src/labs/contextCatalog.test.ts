import { describe, expect, it } from "vitest";
import { PROBLEMS } from "./contextCatalog";
import { BRANDS, MEDICATION_CLASSES } from "./medicationCatalog";
import { LAB_IDS, type LabId } from "./settings";

const classesFor = (lab: LabId) => MEDICATION_CLASSES.filter((c) => c.labs.includes(lab)).map((c) => c.id);
const GLUCOSE_CLASSES = ["metformin", "sulfonylurea", "dpp4-inhibitor", "sglt2-inhibitor", "glp1-receptor-agonist", "thiazolidinedione", "insulin"];
const LIPID_CLASSES = ["statin", "ezetimibe", "pcsk9-inhibitor"];
const KIDNEY_CLASSES = ["sglt2-inhibitor", "ace-inhibitor", "arb", "finerenone"];

describe("the clinical-context catalog (docs/clinical-rules.md §11)", () => {
  it.each([
    ["hba1c", GLUCOSE_CLASSES],
    ["glucose", GLUCOSE_CLASSES],
    ["ldl", LIPID_CLASSES],
    ["hdl", LIPID_CLASSES],
    ["cholesterol", LIPID_CLASSES],
    ["triglycerides", LIPID_CLASSES],
    ["creatinine", KIDNEY_CLASSES],
    ["egfr", KIDNEY_CLASSES],
  ] as const)("%s: the classes issue 15 names, and only those", (lab, classes) => {
    expect(classesFor(lab)).toEqual(classes);
  });

  it("every class has an id, a name, labs, ingredients with RXCUIs, and sources for its code lists", () => {
    const ids = new Set<string>();
    for (const c of MEDICATION_CLASSES) {
      expect(ids.has(c.id), c.id).toBe(false);
      ids.add(c.id);
      expect(c.name.trim()).not.toBe("");
      expect(c.labs.length).toBeGreaterThan(0);
      for (const lab of c.labs) expect(LAB_IDS).toContain(lab);
      expect(c.ingredients.length).toBeGreaterThan(0);
      for (const i of c.ingredients) {
        expect(i.name).toBe(i.name.toLowerCase());
        expect(i.rxcui, i.name).toMatch(/^\d+$/);
      }
      for (const l of c.products) {
        expect(l.source.trim()).not.toBe("");
        for (const code of l.codes) expect(code, c.id).toMatch(/^\d+$/);
      }
    }
  });

  it("an ingredient belongs to one class and one RXCUI names one ingredient", () => {
    const names = MEDICATION_CLASSES.flatMap((c) => c.ingredients.map((i) => i.name));
    const rxcuis = MEDICATION_CLASSES.flatMap((c) => c.ingredients.map((i) => i.rxcui));
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(rxcuis).size).toBe(rxcuis.length);
  });

  it("a product code shared by two classes is a combination of both (only the dapagliflozin/metformin labels)", () => {
    const owners = new Map<string, Set<string>>();
    for (const c of MEDICATION_CLASSES) for (const l of c.products) for (const code of l.codes) owners.set(code, (owners.get(code) ?? new Set()).add(c.id));
    const shared = [...owners].filter(([, ids]) => ids.size > 1);
    expect(shared).toEqual([
      ["1593058", new Set(["metformin", "sglt2-inhibitor"])],
      ["1593068", new Set(["metformin", "sglt2-inhibitor"])],
    ]);
  });

  it("every brand names ingredients of the catalog and has a source", () => {
    const ingredients = new Set(MEDICATION_CLASSES.flatMap((c) => c.ingredients.map((i) => i.name)));
    for (const b of BRANDS) {
      expect(b.source.trim(), b.name).not.toBe("");
      for (const i of b.ingredients) expect(ingredients.has(i), `${b.name}: ${i}`).toBe(true);
    }
  });

  it("problems: unique ids, labels, relevant labs, and SNOMED CT and ICD-10 codes of the right shape", () => {
    expect(PROBLEMS.map((p) => p.id)).toEqual(["type-1-diabetes", "type-2-diabetes", "diabetes", "prediabetes", "chronic-kidney-disease", "hyperlipidaemia"]);
    for (const p of PROBLEMS) {
      expect(p.label.trim()).not.toBe("");
      for (const code of p.snomed) expect(code, p.id).toMatch(/^\d{6,18}$/);
      for (const code of p.icd10) expect(code, p.id).toMatch(/^[A-Z]\d{2}(\.\d{1,4})?$/);
      for (const id of p.supersededBy ?? []) expect(PROBLEMS.map((x) => x.id)).toContain(id);
    }
    const snomed = PROBLEMS.flatMap((p) => p.snomed);
    expect(new Set(snomed).size).toBe(snomed.length);
  });
});
