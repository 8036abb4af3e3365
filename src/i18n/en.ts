/** English: the source catalog. Keys are `area.what`; plural forms end in `.one` / `.other`. */
export default {
  "language.label": "Language",
  "results.loaded.one": "Loaded {count} result",
  "results.loaded.other": "Loaded {count} results",
  // overview
  "overview.option": "Overview",
  "overview.loading.one": "Reading {done} of {count} lab…",
  "overview.loading.other": "Reading {done} of {count} labs…",
  "overview.loaded.one": "Loaded {count} result in {labs}",
  "overview.loaded.other": "Loaded {count} results in {labs}",
  "overview.labs.one": "{count} lab",
  "overview.labs.other": "{count} labs",
  "overview.failed.one": "{count} lab could not be read.",
  "overview.failed.other": "{count} labs could not be read.",
  "overview.latest": "Latest {value}, {date}",
  "overview.none": "No results",
  "overview.undated": "no date",
  "overview.empty": "No lab results are on record for this patient.",
  "overview.error": "{name} could not be read: {message}",
  "overview.retry": "Retry",
} as const;
