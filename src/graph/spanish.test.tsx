/**
 * The chart's parts in Spanish: with Spanish shown (its catalog parts merged, as the graph page loads them), the
 * banner, the lab selector, the table, its summary, the legend, the summary beside the chart and the chart's words
 * for screen readers speak Spanish, with Spanish dates; and a part already on screen follows a change of language.
 */
import { act, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setLanguage, type Catalog } from "../i18n/i18n";
import es from "../i18n/catalogs/es";
import esChart from "../i18n/catalogs/es.chart";
import esPatient from "../i18n/catalogs/es.patient";
import { toCsv } from "../labs/csv.later";
import { formatElapsed } from "../labs/elapsed";
import { GLUCOSE, HBA1C, LABS, withSettings } from "../labs/catalog";
import { toLabResults } from "../labs/results";
import { summarize } from "../labs/summary";
import { loincObservation } from "../test/observations";
import { ChartLegend, legendEntries } from "./ChartLegend";
import { LabSelector } from "./LabSelector";
import { LabSummary } from "./LabSummary";
import { PatientBanner } from "./PatientBanner";
import { chartPoint, describeChart } from "./present";
import { ResultsTable } from "./ResultsTable";
import { TableSummary } from "./TableSummary";
import { chooseGoal } from "../labs/goals";

const SPANISH: Catalog = { ...es, ...esPatient, ...esChart };

const high = (o: fhir4.Observation): fhir4.Observation => ({ ...o, interpretation: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code: "H" }] }] });
const observations = [
  high(loincObservation("a", "2024-06-10", "4548-4", 7.4, "%")),
  loincObservation("b", "2023-12-04", "4548-4", 6.8, "%"),
  loincObservation("c", "2023-03-15", "4548-4", "<4.0 %", "%"),
  { ...loincObservation("d", "2022-09-01", "4548-4", 6.5, "%"), valueQuantity: undefined, dataAbsentReason: { text: "Specimen clotted" } },
];
const results = toLabResults(observations, HBA1C).results;
const unit = HBA1C.units[0];

const patient: fhir4.Patient = {
  resourceType: "Patient",
  name: [{ given: ["Amelia"], family: "Rhodes" }],
  gender: "female",
  birthDate: "1961-04-12",
  identifier: [{ type: { coding: [{ code: "MR" }] }, value: "MRN-100001" }],
};

describe("the chart's parts in Spanish", () => {
  beforeEach(() => setLanguage("es", SPANISH));
  afterEach(() => setLanguage("en"));

  it("marks the page as Spanish", () => {
    expect(document.documentElement.lang).toBe("es");
  });

  it("the banner: named Paciente, sex, birth date with Spanish month and age", () => {
    render(<PatientBanner state="ready" patient={patient} today={new Date(2026, 10, 23)} />);
    const banner = screen.getByRole("region", { name: "Paciente" });
    expect(within(banner).getByText("Sexo")).toBeInTheDocument();
    expect(banner).toHaveTextContent("Femenino");
    expect(banner).toHaveTextContent("Fecha de nacimiento12 abr 1961 (65 años)");
    expect(banner).toHaveTextContent("N.º de historia clínicaMRN-100001");
  });

  it("the lab selector: named Análisis, the labs' Spanish names", () => {
    render(<LabSelector labs={LABS} value={HBA1C} onChange={() => {}} onOverview={() => {}} />);
    const select = screen.getByRole("combobox", { name: "Análisis" });
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Hemoglobina A1c",
      "Glucosa",
      "Colesterol LDL",
      "Colesterol HDL",
      "Colesterol total",
      "Triglicéridos",
      "Creatinina",
      "TFGe",
      "Resumen",
    ]);
  });

  it("a lab's name follows the language, with a deployment's settings too", () => {
    const set = withSettings(GLUCOSE, { target: 140 });
    expect(set.name).toBe("Glucosa");
    setLanguage("en");
    expect(set.name).toBe("Glucose");
    expect(HBA1C.name).toBe("Hemoglobin A1c");
  });

  it("the results table: Spanish caption, headers, dates, flags and notes", () => {
    render(<ResultsTable name={HBA1C.name} results={results} unit={unit} activeId={undefined} onActivate={() => {}} />);
    const table = screen.getByRole("table", { name: "Hemoglobina A1c" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Fecha ▼", "Resultado ↕", "Unidad", "Indicador", "Intervalo de referencia", "Notas"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveTextContent("10 jun 2024");
    expect(rows[0]).toHaveTextContent("Alto (H)");
    expect(rows[1]).toHaveTextContent("4 dic 2023");
    expect(rows[1]).toHaveTextContent("Sin indicador");
    expect(rows[2]).toHaveTextContent("Límite: representado en 4,0 %; el valor real está por debajo.");
    expect(rows[3]).toHaveTextContent("Sin valor: Specimen clotted");
    expect(rows[3]).toHaveTextContent("No está en el gráfico: Sin valor: Specimen clotted.");
  });

  it("the table's summary: counts and the download button", () => {
    render(<TableSummary charted ranged={false} shown={4} total={4} drawn={3} excluded={1} onDownload={() => {}} />);
    expect(screen.getByText(/^4 resultados, 3 en el gráfico\. 1 registrados por error/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Descargar CSV" })).toBeInTheDocument();
  });

  it("the legend: named in Spanish, the flags' words", () => {
    const points = results.filter((r) => r.plotted).map((r) => chartPoint(r, unit));
    render(<ChartLegend entries={legendEntries(points)} preliminary={false} band={new Set(["normal"])} target="Objetivo < 7,0 %" />);
    const legend = screen.getByRole("list", { name: "Leyenda del gráfico" });
    expect(within(legend).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Sin indicador", "Alto", "Límite: el valor está por debajo de la marca", "Intervalo de referencia", "Objetivo < 7,0 %"]);
  });

  it("the summary beside the chart: latest with a Spanish date, the goal in words, how long ago", () => {
    const goal = chooseGoal(HBA1C, undefined);
    const now = Date.UTC(2025, 5, 10);
    render(<LabSummary unit={unit} goal={goal} summary={summarize(results, HBA1C, now, goal.line)} now={now} />);
    expect(screen.getByText("Último").nextElementSibling).toHaveTextContent("7,4 % (Alto) el 10 jun 2024");
    expect(screen.getByText("Objetivo").nextElementSibling).toHaveTextContent("Objetivo < 7,0 % — predeterminado (ADA: muchos adultos, sin embarazo)");
    expect(screen.getByText("Último análisis").nextElementSibling).toHaveTextContent(/^hace 12 meses — análisis pendiente: fuera del objetivo, hacerlo cada 3 meses$/);
    expect(formatElapsed(Date.UTC(2024, 5, 10), Date.UTC(2024, 5, 11))).toBe("ayer");
  });

  it("the chart in words, for screen readers", () => {
    expect(describeChart(HBA1C, results, unit)).toBe(
      "Gráfico de Hemoglobina A1c en %: 3 resultados, del 15 mar 2023 al 10 jun 2024. Último: 7,4 % el 10 jun 2024. Mínimo: 6,8 % el 4 dic 2023; máximo: 7,4 % el 10 jun 2024. Fuera del intervalo normal según el laboratorio: 1. 1 es un límite, representado en su valor límite.",
    );
  });

  it("the CSV: Spanish headers and words, values with '.' decimals", () => {
    const [header, first] = toCsv(results, HBA1C, unit).split("\r\n");
    expect(header).toBe("Fecha,Resultado,Unidad,Indicador,Intervalo de referencia,Estado,En el gráfico,Registrado como,Prueba,Realizado por,Notas");
    expect(first).toBe("2024-06-10,7.4,%,Alto (H),,final,sí,7.4 %,4548-4,,");
  });

  it("a part on screen follows a change of language", () => {
    setLanguage("en");
    render(<ResultsTable name="Hemoglobin A1c" results={results} unit={unit} activeId={undefined} onActivate={() => {}} />);
    expect(screen.getByRole("columnheader", { name: /^Date/ })).toBeInTheDocument();
    expect(screen.getAllByRole("row")[1]).toHaveTextContent("Jun 10, 2024");
    act(() => setLanguage("es", SPANISH));
    expect(screen.getByRole("columnheader", { name: /^Fecha/ })).toBeInTheDocument();
    expect(screen.getAllByRole("row")[1]).toHaveTextContent("10 jun 2024");
  });
});
