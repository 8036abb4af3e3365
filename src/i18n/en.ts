/** English: the source catalog. Keys are `area.what`; plural forms end in `.one` / `.other`. */
export default {
  "language.label": "Language",
  "results.loaded.one": "Loaded {count} result",
  "results.loaded.other": "Loaded {count} results",
  // overview
  "overview.option": "Overview",
  "overview.loading.one": "Reading {done} of {count} lab…",
  "overview.loading.other": "Reading {done} of {count} labs…",
  "overview.error": "{name} could not be read: {message}",
  "overview.retry": "Retry",
} as const;
