import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import { PatientBanner } from "./PatientBanner";
import { ageInYears } from "./patient";

const patient: fhir4.Patient = {
  resourceType: "Patient",
  id: "p1",
  name: [{ use: "official", given: ["Amelia", "Jane"], family: "Rhodes" }],
  gender: "female",
  birthDate: "1961-04-12",
  identifier: [{ type: { coding: [{ code: "MR" }] }, value: "MRN-100001" }],
};

describe("PatientBanner", () => {
  it("is named exactly Patient and shows name, sex, birth date with age, and MRN", () => {
    render(<PatientBanner state="ready" patient={patient} today={new Date(2026, 10, 23)} />);
    const banner = screen.getByRole("region", { name: "Patient" });
    expect(banner).toHaveTextContent("Amelia Jane Rhodes");
    expect(banner).toHaveTextContent("Female");
    expect(banner).toHaveTextContent("(65 years)");
    expect(banner).toHaveTextContent("MRN-100001");
  });

  it("renders markup in names as text", () => {
    render(<PatientBanner state="ready" patient={{ ...patient, name: [{ text: '<img src=x onerror="alert(1)">' }] }} today={new Date()} />);
    expect(screen.getByRole("heading")).toHaveTextContent('<img src=x onerror="alert(1)">');
    expect(document.querySelector("img")).toBeNull();
  });

  it("says when the patient could not be loaded", () => {
    render(<PatientBanner state="error" message="The patient's details could not be loaded." />);
    expect(screen.getByRole("alert")).toHaveTextContent("could not be loaded");
  });
});

describe("ageInYears", () => {
  it("counts whole years, birthday included", () => {
    expect(ageInYears("2000-06-15", new Date(2020, 5, 14))).toBe(19);
    expect(ageInYears("2000-06-15", new Date(2020, 5, 15))).toBe(20);
    expect(ageInYears("2000", new Date(2020, 0, 1))).toBe(20);
    expect(ageInYears("garbage", new Date())).toBeUndefined();
  });
});
