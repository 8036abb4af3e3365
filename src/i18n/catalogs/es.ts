/** Spanish (español): for patients and clinicians, not word for word. Keys are the English messages (see ../i18n.ts). */
import type { Catalog } from "../i18n";

export default {
  // The graph page's own loading
  "The app could not load. Check your connection, then reload the page.": "La aplicación no se pudo cargar. Revise su conexión y vuelva a cargar la página.",
  // The Overview and the Lab control
  Overview: "Resumen",
  "Reading {done} of {count} labs…": { one: "Leyendo {done} de {count} análisis…", many: "Leyendo {done} de {count} análisis…", other: "Leyendo {done} de {count} análisis…" },
  "{name} could not be read: {message}": "No se pudo leer {name}: {message}",
  Retry: "Reintentar",
  "Loaded {count} results in {labs}": { one: "Cargado {count} resultado en {labs}", many: "Cargados {count} de resultados en {labs}", other: "Cargados {count} resultados en {labs}" },
  "{count} labs": { one: "{count} análisis", many: "{count} de análisis", other: "{count} análisis" },
  "{count} labs could not be read.": { one: "No se pudo leer {count} análisis.", many: "No se pudieron leer {count} de análisis.", other: "No se pudieron leer {count} análisis." },
  "Latest {value}, {date}": "Último {value}, {date}",
  "No results": "Sin resultados",
  "no date": "sin fecha",
  "No lab results are on record for this patient.": "No hay resultados de laboratorio registrados para este paciente.",
} satisfies Catalog;
