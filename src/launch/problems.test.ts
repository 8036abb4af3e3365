import { afterEach, describe, expect, it } from "vitest";
import { sayProblem } from "./problems";
import { checkIss, parseFhirBase } from "../config/allowList";
import { setLanguage } from "../i18n/i18n";
import es from "../i18n/catalogs/es.launch";

afterEach(() => setLanguage("en"));

describe("the launch page's words for a refusal", () => {
  it("tell the reader what was refused and what to do, in English", () => {
    const refused = checkIss("https://evil.example/fhir", ["https://launch.example.org/"]);
    expect(refused.ok === false && sayProblem(refused.reason)).toBe(
      "This app is not set up to connect to https://evil.example/fhir. Ask your administrator to add it to the app's list of allowed FHIR servers (issAllowList in config.json).",
    );
    const scheme = parseFhirBase("javascript:alert(1)");
    expect(scheme.ok === false && sayProblem(scheme.reason)).toBe('The FHIR server address must start with https:// (it uses "javascript:").');
    expect(sayProblem({ why: "no-configuration", iss: "https://ehr.test/fhir", url: "https://ehr.test/fhir/.well-known/smart-configuration", status: 404 })).toContain(
      "(https://ehr.test/fhir/.well-known/smart-configuration answered HTTP 404)",
    );
  });

  it("and in the language shown, numbers written its way", () => {
    setLanguage("es", es);
    expect(sayProblem({ why: "launch-too-long", length: 10_000, max: 4096 })).toBe(
      "El parámetro launch tiene 10.000 caracteres, más de los 4096 que acepta esta aplicación. Vuelva a abrir la aplicación desde su historia clínica electrónica.",
    );
    expect(sayProblem({ why: "config-invalid", detail: "scope is required." })).toBe("config.json no es válido (detalle en inglés): scope is required.");
  });
});
