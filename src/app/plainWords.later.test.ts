import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../i18n/i18n";
import es from "../i18n/catalogs/es.patient";
import type { MedicationsRead } from "../fhir/context.later";
import { GLUCOSE, HBA1C, LABS, TOTAL_CHOLESTEROL } from "../labs/catalog";
import { chooseGoal } from "../labs/goals";
import { toLabResult, toLabResults } from "../labs/results";
import { loincObservation } from "../test/observations";
import { aboutLab, flagSentence, goalSentences, latestSentence, plainName } from "./plainWords.later";
import { legendWords, medicationSentences } from "./plainMarks.later";

const you = { caregiver: false };
const them = { caregiver: true };
const named = { caregiver: true, name: "Amelia Jane Rhodes" };
const [PERCENT, MMOL] = [HBA1C.units[0], HBA1C.units[1]!];

const flagged = (code: string) => ({ interpretation: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code }] }] });

function a1c(id: string, date: string, value: number | string, extra: Partial<fhir4.Observation> = {}): fhir4.Observation {
  return { ...loincObservation(id, date, "4548-4", value, "%"), ...extra };
}

const results = (...observations: fhir4.Observation[]) => toLabResults(observations, HBA1C).results;

function goal(value: number, comparator: "<" | "<=" | ">" | ">=" = "<"): fhir4.Goal {
  return {
    resourceType: "Goal",
    id: "g1",
    lifecycleStatus: "active",
    description: { text: "HbA1c goal" },
    subject: { reference: "Patient/p" },
    startDate: "2023-01-01",
    target: [{ measure: { coding: [{ system: "http://loinc.org", code: "4548-4" }] }, detailQuantity: { value, comparator, unit: "%", code: "%", system: "http://unitsofmeasure.org" } }],
  };
}

afterEach(() => setLanguage("en"));

describe("the latest result in plain words", () => {
  const history = results(a1c("old", "2023-01-05", 8.2), a1c("new", "2024-06-10", 7.1));

  it("speaks to the patient, with the value, its unit and the date in words", () => {
    expect(latestSentence(history, HBA1C, PERCENT, you)).toBe("Your last HbA1c result was 7.1 % on June 10, 2024.");
    expect(latestSentence(history, HBA1C, MMOL, you)).toBe("Your last HbA1c result was 54 mmol/mol on June 10, 2024.");
  });

  it("speaks to a caregiver: by the patient's name when known, else 'their'", () => {
    expect(latestSentence(history, HBA1C, PERCENT, named)).toBe("Amelia Jane Rhodes's last HbA1c result was 7.1 % on June 10, 2024.");
    expect(latestSentence(history, HBA1C, PERCENT, them)).toBe("Their last HbA1c result was 7.1 % on June 10, 2024.");
  });

  it("says a limit in words, a partial date as its month, and when there is nothing to speak of", () => {
    expect(latestSentence(results(a1c("lim", "2024-06", "<4.0 %")), HBA1C, PERCENT, you)).toBe("Your last HbA1c result was less than 4.0 % in June 2024.");
    expect(latestSentence([], HBA1C, PERCENT, you)).toBe("There are no HbA1c results on your record.");
    expect(latestSentence([], HBA1C, PERCENT, them)).toBe("There are no HbA1c results on their record.");
    expect(latestSentence(results(a1c("c", "2024-06-10", "See comment")), HBA1C, PERCENT, you)).toBe("None of your HbA1c results has a number to show.");
  });

  it("in Spanish, the date through Intl and the catalog's words", () => {
    setLanguage("es", es);
    expect(latestSentence(history, HBA1C, PERCENT, you)).toBe("Su último resultado de HbA1c fue 7,1 % el 10 de junio de 2024.");
    expect(latestSentence(history, HBA1C, PERCENT, named)).toBe("El último resultado de HbA1c de Amelia Jane Rhodes fue 7,1 % el 10 de junio de 2024.");
  });
});

describe("the lab's flag in plain words, never a code", () => {
  const flagOf = (code: string) => toLabResult(a1c("f", "2024-06-10", 9.1, flagged(code)), HBA1C).flag;

  it("each class and direction", () => {
    expect(flagSentence(flagOf("H"))).toBe("The lab marked this as high: above the usual range.");
    expect(flagSentence(flagOf("L"))).toBe("The lab marked this as low: below the usual range.");
    expect(flagSentence(flagOf("HH"))).toMatch(/^The lab marked this as critically high: far above the usual range/);
    expect(flagSentence(flagOf("LL"))).toMatch(/^The lab marked this as critically low/);
    expect(flagSentence(flagOf("A"))).toBe("The lab marked this as outside the usual range.");
    expect(flagSentence(flagOf("N"))).toBe("The lab marked this as within the usual range.");
    expect(flagSentence(flagOf("POS"))).toBe("The lab added a note to this result: Positive.");
    expect(flagSentence(undefined)).toBe("The lab did not mark this result as high or low.");
  });

  it("an off-scale flag says the true value lies beyond what was shown", () => {
    expect(flagSentence(flagOf(">"))).toBe("It was higher than the lab's test can measure, so the true value is above the one shown.");
    for (const code of ["H", "HH", "L", "N", "A", ">", "<", "POS"]) expect(flagSentence(flagOf(code))).not.toMatch(new RegExp(`\\b${code}\\b|[<>]`));
  });
});

describe("the goal in plain words", () => {
  const history = results(a1c("new", "2024-06-10", 7.1));

  it("the patient's own Goal, and whether the latest result meets it", () => {
    const own = chooseGoal(HBA1C, { status: "read", goals: [goal(7)] });
    expect(goalSentences(own, history, HBA1C, PERCENT, you)).toEqual(["Your goal is below 7.0 %.", "This result does not meet the goal."]);
    expect(goalSentences(own, history, HBA1C, PERCENT, them)).toEqual(["Their goal is below 7.0 %.", "This result does not meet the goal."]);
    const eight = chooseGoal(HBA1C, { status: "read", goals: [goal(8, "<=")] });
    expect(goalSentences(eight, history, HBA1C, PERCENT, you)).toEqual(["Your goal is at or below 8.0 %.", "This result meets the goal."]);
  });

  it("without a Goal: HbA1c's general goal (ADA) and a word to ask for one's own; other labs say nothing", () => {
    const none = chooseGoal(HBA1C, { status: "read", goals: [] });
    expect(goalSentences(none, history, HBA1C, PERCENT, you)).toEqual(["For many adults with diabetes, the goal is below 7.0 %. Ask your care team what your own goal is."]);
    expect(goalSentences(none, history, HBA1C, PERCENT, them)[0]).toMatch(/Ask their care team what their own goal is\.$/);
    expect(goalSentences(chooseGoal(GLUCOSE, { status: "read", goals: [] }), [], GLUCOSE, GLUCOSE.units[0], you)).toEqual([]);
    // A deployment's own default is not the ADA's: no general sentence claims a source it does not have.
    const deployment = chooseGoal({ ...HBA1C, target: { comparator: "<", value: 8, basis: "set by this deployment" } }, { status: "read", goals: [] });
    expect(goalSentences(deployment, history, HBA1C, PERCENT, you)).toEqual([]);
    expect(goalSentences(undefined, history, HBA1C, PERCENT, you)).toEqual([]);
  });
});

describe("what the test measures, and the chart's marks", () => {
  it("every lab of the catalog has a name and one or two sentences", () => {
    for (const lab of LABS) {
      expect(plainName(lab.id)).toBeTruthy();
      const sentences = aboutLab(lab.id).split(/(?<=\.)\s/);
      expect(sentences.length, lab.id).toBeGreaterThanOrEqual(1);
      expect(sentences.length, lab.id).toBeLessThanOrEqual(2);
    }
    expect(new Set(LABS.map((l) => aboutLab(l.id))).size).toBe(LABS.length);
  });

  it("explains only the marks shown, the band and the goal line, in words", () => {
    const shown = results(
      a1c("h", "2024-01-01", 9.1, { ...flagged("H"), referenceRange: [{ low: { value: 4, unit: "%" }, high: { value: 5.6, unit: "%" } }] }),
      a1c("n", "2024-02-01", 5.1, { ...flagged("N"), status: "preliminary" }),
    );
    const line = chooseGoal(HBA1C, { status: "read", goals: [goal(7)] }).line;
    expect(legendWords(shown, PERCENT, line, you)).toEqual([
      "A ring: the lab marked the result as within the usual range.",
      "A triangle pointing up: the lab marked the result as high.",
      "A hollow mark: an early result that the lab may still change.",
      "The shaded band: the usual range the lab gave for this test.",
      "The dashed line: your goal.",
    ]);
    const plain = results(a1c("x", "2024-01-01", 6.1), a1c("l", "2024-02-01", "<4.0 %"));
    expect(legendWords(plain, PERCENT, chooseGoal(HBA1C, undefined).line, them)).toEqual([
      "A plain dot: a result the lab did not mark as high or low.",
      "A line with an arrow pointing down: the true value is somewhere below the line.",
      "The dashed line: a common goal, not one set for them.",
    ]);
    expect(legendWords([], PERCENT, undefined, you)).toEqual([]);
  });
});

describe("the medicines that bear on the lab", () => {
  const metformin: fhir4.MedicationRequest = { resourceType: "MedicationRequest", id: "m1", status: "active", intent: "order", subject: { reference: "Patient/p" }, medicationCodeableConcept: { text: "metformin" }, authoredOn: "2019-03-04" };
  const januvia: fhir4.MedicationRequest = { ...metformin, id: "m2", status: "stopped", medicationCodeableConcept: { text: "Januvia 100 mg tablet" }, authoredOn: "2014-09-22", dispenseRequest: { validityPeriod: { start: "2014-09-22", end: "2021-02-01" } } };
  const statin: fhir4.MedicationStatement = { resourceType: "MedicationStatement", id: "s1", status: "active", subject: { reference: "Patient/p" }, medicationCodeableConcept: { text: "atorvastatin 20 mg" }, effectiveDateTime: "2020-01-01" };
  const read = (requests: MedicationsRead["requests"], statements: MedicationsRead["statements"] = { status: "read", items: [] }) => ({ status: "read" as const, read: { requests, statements, medications: new Map() } });

  it("some: named, with since when or from when to when; only those that bear on the lab", () => {
    const state = read({ status: "read", items: [metformin, januvia] }, { status: "read", items: [statin] });
    expect(medicationSentences(state, HBA1C, you)).toEqual(["Medicines on your record that affect this test: Januvia 100 mg tablet (2014 to 2021) and metformin (since 2019)."]);
    expect(medicationSentences(state, TOTAL_CHOLESTEROL, them)).toEqual(["Medicines on their record that affect this test: atorvastatin 20 mg (since 2020)."]);
  });

  it("none: said plainly", () => {
    expect(medicationSentences(read({ status: "read", items: [] }, { status: "read", items: [statin] }), HBA1C, you)).toEqual(["No medicines on your record are known to affect this test."]);
    expect(medicationSentences(read({ status: "read", items: [] }), HBA1C, them)).toEqual(["No medicines on their record are known to affect this test."]);
  });

  it("not permitted, not offered, failed, partly failed, still reading", () => {
    const scope = { status: "unavailable" as const, why: "scope" as const };
    const refused = { status: "unavailable" as const, why: "refused" as const };
    expect(medicationSentences(read(scope, scope), HBA1C, you)).toEqual(["The app was not given permission to read your medicines."]);
    expect(medicationSentences(read(refused, refused), HBA1C, them)).toEqual(["Their medicines are not available from this health record."]);
    expect(medicationSentences(read({ status: "failed", message: "HTTP 500" }, refused), HBA1C, you)).toEqual(["Your medicines could not be read: HTTP 500"]);
    expect(medicationSentences({ status: "error", message: "offline" }, HBA1C, them)).toEqual(["Their medicines could not be read: offline"]);
    expect(medicationSentences(read({ status: "read", items: [metformin] }, { status: "failed", message: "HTTP 500" }), HBA1C, you)).toEqual([
      "Medicines on your record that affect this test: metformin (since 2019).",
      "Some medicines could not be read, so this list may not be complete.",
    ]);
    expect(medicationSentences({ status: "pending" }, HBA1C, you)).toEqual(["Reading the medicines on record…"]);
  });
});
