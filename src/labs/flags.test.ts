import { describe, expect, it } from "vitest";
import { flagOf, isAbnormal, isCritical, type FlagClass } from "./flags";
import { flagText, resultFlagText } from "./flagText";

const V3 = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
const coded = (code: string, extra: Partial<fhir4.Coding> = {}, text?: string): fhir4.CodeableConcept[] => [{ coding: [{ system: V3, code, ...extra }], ...(text ? { text } : {}) }];
const words = (text: string): fhir4.CodeableConcept[] => [{ text }];

// Every code of the v3 ObservationInterpretation code system (docs/clinical-rules.md §1), sent with no display:
// the class the chart gives it, the direction of its marker and the words shown.
const VALUE_SET: readonly [code: string, cls: FlagClass, direction: "high" | "low" | undefined, words: string][] = [
  ["HH", "critical", "high", "Critical high"],
  ["LL", "critical", "low", "Critical low"],
  ["AA", "critical", undefined, "Critical abnormal"],
  ["H", "high-low", "high", "High"],
  ["L", "high-low", "low", "Low"],
  ["HU", "high-low", "high", "Significantly high"],
  ["LU", "high-low", "low", "Significantly low"],
  ["H>", "high-low", "high", "Significantly high"],
  ["L<", "high-low", "low", "Significantly low"],
  [">", "off-scale", "high", "Off scale high"],
  ["<", "off-scale", "low", "Off scale low"],
  ["A", "abnormal", undefined, "Abnormal"],
  ["N", "normal", undefined, "Normal"],
  ["CAR", "other", undefined, "Carrier"],
  ["Carrier", "other", undefined, "Carrier"],
  ["B", "other", undefined, "Better"],
  ["D", "other", undefined, "Significant change down"],
  ["U", "other", undefined, "Significant change up"],
  ["W", "other", undefined, "Worse"],
  ["AC", "other", undefined, "Anti-complementary substances present"],
  ["IE", "other", undefined, "Insufficient evidence"],
  ["QCF", "other", undefined, "Quality control failure"],
  ["TOX", "other", undefined, "Cytotoxic substance present"],
  ["I", "other", undefined, "Intermediate"],
  ["MS", "other", undefined, "Moderately susceptible"],
  ["NCL", "other", undefined, "No CLSI defined breakpoint"],
  ["NS", "other", undefined, "Non-susceptible"],
  ["R", "other", undefined, "Resistant"],
  ["SYN-R", "other", undefined, "Synergy - resistant"],
  ["S", "other", undefined, "Susceptible"],
  ["SDD", "other", undefined, "Susceptible-dose dependent"],
  ["SYN-S", "other", undefined, "Synergy - susceptible"],
  ["VS", "other", undefined, "Very susceptible"],
  ["EX", "other", undefined, "Outside threshold"],
  ["HX", "other", undefined, "Above high threshold"],
  ["LX", "other", undefined, "Below low threshold"],
  ["HM", "other", undefined, "Hold for Medical Review"],
  ["IND", "other", undefined, "Indeterminate"],
  ["E", "other", undefined, "Equivocal"],
  ["NEG", "other", undefined, "Negative"],
  ["ND", "other", undefined, "Not detected"],
  ["POS", "other", undefined, "Positive"],
  ["DET", "other", undefined, "Detected"],
  ["EXP", "other", undefined, "Expected"],
  ["UNE", "other", undefined, "Unexpected"],
  ["OBX", "other", undefined, "Interpretation qualifiers in separate OBX segments"],
  ["NR", "other", undefined, "Non-reactive"],
  ["RR", "other", undefined, "Reactive"],
  ["WR", "other", undefined, "Weakly reactive"],
];

const ABNORMAL: ReadonlySet<FlagClass> = new Set(["critical", "high-low", "abnormal"]);

describe("interpretation flags, by the v3 ObservationInterpretation code system", () => {
  it.each(VALUE_SET)("%s is %s (%s): %s", (code, cls, direction, label) => {
    const flag = flagOf(coded(code))!;
    expect(flag).toMatchObject({ code, class: cls, direction, label });
    expect(flagText(flag)).toBe(label === code ? label : `${label} (${code})`);
    expect(isCritical(flag)).toBe(cls === "critical");
    expect(isAbnormal(flag)).toBe(ABNORMAL.has(cls));
    // Off scale alone implies no severity (HL7: "does not imply normality or severity").
    expect(flag.offScale).toBe(cls === "off-scale" ? direction : undefined);
  });

  it("the same codes from v2 table 0078, the STU3 system, the OID or with no system", () => {
    for (const system of ["http://terminology.hl7.org/CodeSystem/v2-0078", "http://hl7.org/fhir/v3/ObservationInterpretation", "urn:oid:2.16.840.1.113883.5.83", undefined]) {
      expect(flagOf([{ coding: [{ ...(system ? { system } : {}), code: "HU" }] }]), system).toMatchObject({ code: "HU", class: "high-low", label: "Significantly high" });
    }
  });

  it("HU and LU are not critical; > and < are not critical; AA is critical, not plain abnormal", () => {
    expect(isCritical(flagOf(coded("HU")))).toBe(false);
    expect(isCritical(flagOf(coded("LU")))).toBe(false);
    expect(isCritical(flagOf(coded(">")))).toBe(false);
    expect(isCritical(flagOf(coded("<")))).toBe(false);
    expect(flagOf(coded("AA"))).toMatchObject({ class: "critical", label: "Critical abnormal" });
  });

  it("an other code keeps the lab's display, else the concept's text, else the value set's words", () => {
    expect(flagText(flagOf(coded("POS", { display: "Detected: SARS-CoV-2" }, "Pos")))).toBe("Detected: SARS-CoV-2 (POS)");
    expect(flagText(flagOf(coded("R", {}, "Resistant to penicillin")))).toBe("Resistant to penicillin (R)");
    expect(flagText(flagOf(coded("IE")))).toBe("Insufficient evidence (IE)");
  });

  it("a known severity code shows the value set's words, whatever display came with it", () => {
    expect(flagOf(coded("H", { display: "Di atas nilai referensi" }))).toMatchObject({ class: "high-low", label: "High" });
  });

  it("an unknown code whose words say Normal is normal, not abnormal", () => {
    const flag = flagOf([{ coding: [{ system: V3, code: "NORMAL_X", display: "Normal" }] }])!;
    expect(flag).toMatchObject({ class: "normal", label: "Normal" });
    expect(isAbnormal(flag)).toBe(false);
  });

  it("an unknown code with words the chart does not know is neutral, in the lab's words", () => {
    const flag = flagOf([{ coding: [{ code: "ZZ" }], text: "See comment" }])!;
    expect(flag).toMatchObject({ class: "other", label: "See comment" });
    expect(isAbnormal(flag)).toBe(false);
    expect(flagOf([{ coding: [{ code: "ZZ" }] }])).toMatchObject({ class: "other", label: "ZZ" });
  });

  it("no interpretation is not flagged, which is not the same as Normal", () => {
    expect(flagOf(undefined)).toBeUndefined();
    expect(flagOf([])).toBeUndefined();
    expect(flagOf([{}])).toBeUndefined();
    expect(flagText(undefined)).toBe("Not flagged");
    expect(flagText(flagOf(coded("N")))).toBe("Normal (N)");
  });

  // Text only: the lab's well-known words and abbreviations (docs/clinical-rules.md §1), in the lab's words.
  const TEXT: readonly [sent: string, cls: FlagClass, direction: "high" | "low" | undefined, shown: string][] = [
    ["High", "high-low", "high", "High"],
    ["HIGH", "high-low", "high", "HIGH"],
    ["Low", "high-low", "low", "Low"],
    ["H", "high-low", "high", "High (H)"],
    ["h", "high-low", "high", "High (h)"],
    ["L", "high-low", "low", "Low (L)"],
    ["Hi", "high-low", "high", "High (Hi)"],
    ["Lo", "high-low", "low", "Low (Lo)"],
    ["Above high normal", "high-low", "high", "Above high normal"],
    ["Significantly high", "high-low", "high", "Significantly high"],
    ["Very low", "high-low", "low", "Very low"],
    ["HU", "high-low", "high", "Significantly high (HU)"],
    ["Critical high", "critical", "high", "Critical high"],
    ["Critically low", "critical", "low", "Critically low"],
    ["Panic high", "critical", "high", "Panic high"],
    ["Crit Low", "critical", "low", "Crit Low"],
    ["HH", "critical", "high", "Critical high (HH)"],
    ["LL", "critical", "low", "Critical low (LL)"],
    ["Critical", "critical", undefined, "Critical"],
    ["Crit", "critical", undefined, "Critical (Crit)"],
    ["AA", "critical", undefined, "Critical abnormal (AA)"],
    ["Abnormal", "abnormal", undefined, "Abnormal"],
    ["Abn", "abnormal", undefined, "Abnormal (Abn)"],
    ["A", "abnormal", undefined, "Abnormal (A)"],
    ["Normal", "normal", undefined, "Normal"],
    ["N", "normal", undefined, "Normal (N)"],
    ["WNL", "normal", undefined, "Normal (WNL)"],
    ["Within normal limits", "normal", undefined, "Within normal limits"],
    [">", "off-scale", "high", "Off scale high (>)"],
    ["Off scale low", "off-scale", "low", "Off scale low"],
    ["Positive", "other", undefined, "Positive"],
    ["Elevated, repeat advised", "other", undefined, "Elevated, repeat advised"],
    ["Not high", "other", undefined, "Not high"],
  ];

  it.each(TEXT)("text only %j is %s (%s), shown as %j", (sent, cls, direction, shown) => {
    const flag = flagOf(words(sent))!;
    expect(flag).toMatchObject({ class: cls, direction });
    expect(flagText(flag)).toBe(shown);
  });

  it("a coding with no known code is read by its words", () => {
    expect(flagOf([{ coding: [{ system: "urn:oid:1.2.3", code: "7", display: "Critical High" }] }])).toMatchObject({ class: "critical", direction: "high", label: "Critical High" });
    expect(flagOf([{ coding: [{ system: "urn:oid:1.2.3", code: "H" }] }])).toMatchObject({ class: "high-low", direction: "high", label: "High", code: "H" });
  });

  it("several interpretations: the most severe class, off scale kept beside it, every one in words", () => {
    const flag = flagOf([...coded(">"), ...coded("HH")])!;
    expect(flag).toMatchObject({ code: "HH", class: "critical", direction: "high", offScale: "high" });
    expect(isCritical(flag)).toBe(true);
    expect(flagText(flag)).toBe("Critical high (HH); Off scale high (>)");
    expect(flagText(flagOf([...coded("N"), ...coded("POS")]))).toBe("Normal (N); Positive (POS)");
    expect(flagOf([...coded("<"), ...coded("N")])).toMatchObject({ class: "off-scale", offScale: "low" });
    expect(flagText(flagOf([...coded("H"), ...coded("H")]))).toBe("High (H)");
  });

  it("a server's odd JSON gives no flag rather than a crash", () => {
    const odd = [null, 3, { coding: null, text: 5 }, { coding: [null, { code: 7 }] }] as unknown as fhir4.CodeableConcept[];
    expect(flagOf(odd)).toBeUndefined();
  });
});

describe("a result's flag in words", () => {
  const high = flagOf([{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "H" }] }]);
  it("a value without a flag is 'Not flagged'; a flag is said with or without a value; neither says nothing", () => {
    expect(resultFlagText({ value: 7.1, flag: undefined })).toBe(flagText(undefined));
    expect(resultFlagText({ value: 9.1, flag: high })).toBe(flagText(high));
    expect(resultFlagText({ value: undefined, flag: high })).toBe(flagText(high));
    expect(resultFlagText({ value: undefined, flag: undefined })).toBeUndefined();
  });
});
