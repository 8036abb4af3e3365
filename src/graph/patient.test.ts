import { describe, expect, it } from "vitest";
import { patientName, personName } from "./patient";

describe("personName", () => {
  it("prefers the official name and keeps its prefix", () => {
    expect(personName({ name: [{ use: "usual", given: ["Pri"] }, { use: "official", prefix: ["Dr."], given: ["Priya"], family: "Natarajan" }] }, true)).toBe("Dr. Priya Natarajan");
  });

  it("uses the text when there is one, and gives nothing for no name", () => {
    expect(personName({ name: [{ text: "Samuel Okafor, MD" }] })).toBe("Samuel Okafor, MD");
    expect(personName({ name: [{ use: "old" }] })).toBeUndefined();
    expect(personName({})).toBeUndefined();
  });

  it("leaves the prefix out unless asked, and reads whatever JSON the server sends", () => {
    expect(personName({ name: [{ prefix: ["Mrs."], given: ["Amelia", "Jane"], family: "Rhodes" }] })).toBe("Amelia Jane Rhodes");
    expect(personName({ name: "Amelia" as unknown as fhir4.HumanName[] })).toBeUndefined();
    expect(personName({ name: [null as unknown as fhir4.HumanName, { given: [7 as unknown as string, "Ann"] }] })).toBe("Ann");
  });
});
describe("patientName", () => {
  it("names a patient without a usable name as such", () => {
    expect(patientName({ resourceType: "Patient", name: [{ use: "old" }] })).toBe("Unnamed patient");
  });
});
