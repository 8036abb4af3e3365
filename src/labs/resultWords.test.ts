import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setLanguage, type Catalog } from "../i18n/i18n";
import es from "../i18n/catalogs/es";
import esChart from "../i18n/catalogs/es.chart";
import esPatient from "../i18n/catalogs/es.patient";
import { GLUCOSE, HBA1C } from "./catalog";
import { chooseRange } from "./ranges";
import { toLabResult } from "./results";
import { otherRangeText, reasonText } from "./resultWords";
import { hba1cObservation } from "../test/observations";

const SPANISH: Catalog = { ...es, ...esPatient, ...esChart };

const observation = hba1cObservation;

/** Every reason the mapping (results.ts) writes, as it writes it. */
const REASONS: [Partial<fhir4.Observation>, string][] = [
  [{ effectiveDateTime: undefined }, "No se registró la fecha"],
  [{ valueQuantity: undefined, valueString: "pending" }, "Sin valor numérico"],
  [{ valueQuantity: undefined, valueString: "<4.0" }, "No se registró la unidad, así que no se puede situar en la escala de %"],
  [{ valueQuantity: { value: 53, code: "g/dL" } }, "La unidad g/dL no se puede convertir a %"],
  [{ valueQuantity: undefined, dataAbsentReason: { text: "Sample hemolyzed" } }, "Sin valor: Sample hemolyzed"],
  [{ valueQuantity: undefined, dataAbsentReason: {} }, "Sin valor: no registrado"],
  [{ status: "registered", valueQuantity: undefined }, "Estado registered: todavía no es un resultado"],
  [{ valueQuantity: undefined, valueString: "1,25 %" }, "El número es ambiguo: la coma en «1,25 %» puede ser una coma decimal o un separador de miles"],
  [{ valueQuantity: { value: 0, code: "%" } }, "Valor no plausible: 0 % no es mayor que 0 %"],
  [{ valueQuantity: { value: 70, code: "%" } }, "Valor no plausible: 70 % supera 30 %, el valor de Hemoglobin A1c más alto plausible"],
];

describe("the mapping's words in the language shown", () => {
  beforeEach(() => setLanguage("es", SPANISH));
  afterEach(() => setLanguage("en"));

  it("reads every reason a result is not drawn, as results.ts writes it", () => {
    for (const [overrides, spanish] of REASONS) {
      setLanguage("en");
      const r = toLabResult(observation(overrides), HBA1C);
      setLanguage("es", SPANISH);
      expect(r.plotted).toBe(false);
      expect(reasonText(r.reason!)).toBe(spanish);
    }
  });

  it("the words recorded for a result without a value; other words stay as the lab wrote them", () => {
    setLanguage("en");
    const r = toLabResult(observation({ valueQuantity: undefined, dataAbsentReason: { text: "Specimen clotted" } }), HBA1C);
    setLanguage("es", SPANISH);
    expect(reasonText(r.recorded)).toBe("Sin valor: Specimen clotted");
    expect(reasonText("See comment")).toBe("See comment");
  });

  it("ranges not drawn, and the kind of a range named beside the band", () => {
    const mg = GLUCOSE.units[0];
    const at = Date.UTC(2020, 5, 1);
    setLanguage("en");
    const [unit] = chooseRange([{ low: { value: 1, code: "furlong" } }], GLUCOSE, {}, at, mg).others;
    const [age] = chooseRange([{ low: { value: 70, code: "mg/dL" }, age: { low: { value: 1, unit: "fortnights" } } }], GLUCOSE, { birthDate: "1960" }, at, mg).others;
    setLanguage("es", SPANISH);
    expect(otherRangeText(unit!)).toBe("≥ 1 furlong (sin representar: furlong no se puede convertir a mg/dL)");
    expect(otherRangeText(age!)).toBe("≥ 70 mg/dL (sin representar: no se entiende la unidad de edad fortnights)");
    expect(otherRangeText("Recommended range: 70–99 mg/dL")).toBe("Intervalo recomendado: 70–99 mg/dL");
    expect(otherRangeText("Fasting: 70–99 mg/dL")).toBe("Fasting: 70–99 mg/dL");
  });
});
