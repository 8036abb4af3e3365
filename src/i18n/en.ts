/** English: the source catalog. Keys are `area.what`; plural forms end in `.one` / `.other`. */
export default {
  "language.label": "Language",
  "results.loaded.one": "Loaded {count} result",
  "results.loaded.other": "Loaded {count} results",
} as const;
