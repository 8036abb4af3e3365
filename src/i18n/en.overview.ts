/** The Overview's own words, loaded with it (src/labs/overview.ts adds them); the Lab control's and the loading line's are in en.ts. */
export default {
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
} as const;
