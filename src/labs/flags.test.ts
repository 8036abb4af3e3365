import { describe, expect, it } from "vitest";
import { flagOf } from "./flags";

const coded = (code: string, text?: string): fhir4.CodeableConcept[] => [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code }], ...(text ? { text } : {}) }];

describe("interpretation flags", () => {
  it("reads the six flags and their synonyms", () => {
    expect(["H", "L", "HH", "LL", "A", "N", "HU", "LU", "AA", "h"].map((c) => flagOf(coded(c))?.code)).toEqual(["H", "L", "HH", "LL", "A", "N", "HH", "LL", "A", "H"]);
    expect(flagOf(coded("LL"))?.label).toBe("Critical low");
  });

  it("an unknown code keeps the lab's words; none gives no flag", () => {
    expect(flagOf([{ coding: [{ code: "W" }], text: "Worse" }])).toEqual({ code: "A", label: "Worse" });
    expect(flagOf(undefined)).toBeUndefined();
    expect(flagOf([{ coding: [{ code: "ZZ" }] }])).toEqual({ code: "A", label: "ZZ" });
  });
});
