/** Spanish for the Overview's words (the `// overview` block of en.ts), to merge into the Spanish catalog. */
export default {
  "overview.option": "Resumen",
  "overview.loading.one": "Leyendo {done} de {count} análisis…",
  "overview.loading.other": "Leyendo {done} de {count} análisis…",
  "overview.loaded.one": "Cargado {count} resultado en {labs}",
  "overview.loaded.other": "Cargados {count} resultados en {labs}",
  "overview.labs.one": "{count} análisis",
  "overview.labs.other": "{count} análisis",
  "overview.failed.one": "No se pudo leer {count} análisis.",
  "overview.failed.other": "No se pudieron leer {count} análisis.",
  "overview.latest": "Último {value}, {date}",
  "overview.none": "Sin resultados",
  "overview.undated": "sin fecha",
  "overview.empty": "No hay resultados de laboratorio registrados para este paciente.",
  "overview.error": "No se pudo leer {name}: {message}",
  "overview.retry": "Reintentar",
} as const;
