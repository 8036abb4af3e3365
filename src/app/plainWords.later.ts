/**
 * The patient's view in plain words (docs/patient-view.md): the latest result as a sentence, what the lab's flag
 * means, the goal, what the test measures, what the chart's marks mean and which medicines on the record bear on
 * the lab. Spoken to the patient ("Your last …"), or to a parent or caregiver ("Their last …", or the patient's
 * name). Every sentence about a test is sourced in docs/clinical-rules.md §12. Pure: loaded after the first chart.
 */
import { language, t } from "../i18n/i18n";
import { ADA_BASIS, type LabDefinition, type LabUnit } from "../labs/catalog";
import { dateFormat, type FhirInstant } from "../labs/dates";
import type { Flag } from "../labs/flags";
import { atGoal, type GoalChoice, type GoalLine } from "../labs/goals";
import type { LabResult } from "../labs/results";
import type { LabId } from "../labs/settings";
import { formatIn } from "../labs/units";

/** Whom the words speak to: the patient, or someone caring for them (a RelatedPerson), by name when known. */
export interface Voice {
  readonly caregiver: boolean;
  readonly name?: string;
}

/** The test's name in everyday words. */
export function plainName(id: LabId): string {
  switch (id) {
    case "hba1c":
      return t("HbA1c");
    case "glucose":
      return t("blood sugar (glucose)");
    case "ldl":
      return t("LDL (“bad”) cholesterol");
    case "hdl":
      return t("HDL (“good”) cholesterol");
    case "cholesterol":
      return t("total cholesterol");
    case "triglycerides":
      return t("triglycerides");
    case "creatinine":
      return t("creatinine");
    case "egfr":
      return t("eGFR (kidney filtering)");
  }
}

/** What the test measures and why it matters, in one or two sentences (sources: docs/clinical-rules.md §12). */
export function aboutLab(id: LabId): string {
  switch (id) {
    case "hba1c":
      return t("HbA1c shows the average amount of sugar in the blood over the past 3 months. It is the main test used to see how well diabetes is being managed.");
    case "glucose":
      return t("Glucose is a sugar that gives the body most of its energy. This test shows how much is in the blood at the moment of the test, which goes up and down with meals and activity.");
    case "ldl":
      return t("LDL is often called “bad” cholesterol. Too much of it can build up in the walls of blood vessels, which raises the chance of a heart attack or a stroke.");
    case "hdl":
      return t("HDL is often called “good” cholesterol. It carries cholesterol to the liver, which removes it from the body, so a higher number is usually better.");
    case "cholesterol":
      return t("Total cholesterol is all the cholesterol in the blood, the “good” and the “bad” kinds together. Too much cholesterol raises the chance of heart disease.");
    case "triglycerides":
      return t("Triglycerides are a type of fat in the blood. The body stores calories it does not need as triglycerides, and high levels can raise the chance of heart disease.");
    case "creatinine":
      return t("Creatinine is a waste product made when muscles work. Healthy kidneys filter it out of the blood, so a high level can mean the kidneys are not working as well as they should.");
    case "egfr":
      return t("eGFR estimates how much blood the kidneys clean each minute. It is worked out from the creatinine result and details such as age; a lower number means the kidneys filter less well.");
  }
}

/** The newest result with a number and a date: the one the view speaks about. */
export function latestResult(results: readonly LabResult[]): LabResult | undefined {
  return results.find((r) => r.plotted && r.when && r.value !== undefined);
}

const amountOf = (value: number, unit: LabUnit) => `${formatIn(value, unit, language())} ${unit.label}`;

/** "7.1 %", "less than 4.0 %": a limit in words, never a bare "<". */
function resultAmount(r: LabResult, unit: LabUnit): string {
  const value = amountOf(r.value!, unit);
  switch (r.comparator) {
    case "<":
      return t("less than {value}", { value });
    case "<=":
      return t("at most {value}", { value });
    case ">":
      return t("more than {value}", { value });
    case ">=":
      return t("at least {value}", { value });
    default:
      return value;
  }
}

/** "on 10 June 2024" (in the language shown), "in June 2024" for a date known only to its month or year. */
export function dateWords(when: FhirInstant): string {
  const options: Intl.DateTimeFormatOptions =
    when.precision === "year"
      ? { year: "numeric", timeZone: "UTC" }
      : when.precision === "month"
        ? { year: "numeric", month: "long", timeZone: "UTC" }
        : when.precision === "day" || when.zoneless
          ? { dateStyle: "long", timeZone: "UTC" }
          : { dateStyle: "long" };
  const date = dateFormat(undefined, options).format(when.time);
  return when.precision === "year" || when.precision === "month" ? t("in {date}", { date }) : t("on {date}", { date });
}

/** "Your last HbA1c result was 7.1 % on 10 June 2024.", or that there is none to speak of. */
export function latestSentence(results: readonly LabResult[], lab: LabDefinition, unit: LabUnit, voice: Voice): string {
  const name = plainName(lab.id);
  const latest = latestResult(results);
  if (!latest) {
    if (results.length === 0) return voice.caregiver ? t("There are no {lab} results on their record.", { lab: name }) : t("There are no {lab} results on your record.", { lab: name });
    return voice.caregiver ? t("None of their {lab} results has a number to show.", { lab: name }) : t("None of your {lab} results has a number to show.", { lab: name });
  }
  const params = { lab: name, value: resultAmount(latest, unit), when: dateWords(latest.when!) };
  if (!voice.caregiver) return t("Your last {lab} result was {value} {when}.", params);
  return voice.name ? t("{name}'s last {lab} result was {value} {when}.", { ...params, name: voice.name }) : t("Their last {lab} result was {value} {when}.", params);
}

/** What the lab's flag on a result means, without codes: "The lab marked this as high: above the usual range." */
export function flagSentence(flag: Flag | undefined): string {
  if (!flag) return t("The lab did not mark this result as high or low.");
  const words: string[] = [];
  switch (flag.class) {
    case "critical":
      words.push(
        flag.direction === "high"
          ? t("The lab marked this as critically high: far above the usual range, which can need care quickly.")
          : flag.direction === "low"
            ? t("The lab marked this as critically low: far below the usual range, which can need care quickly.")
            : t("The lab marked this as critically abnormal: far outside the usual range, which can need care quickly."),
      );
      break;
    case "high-low":
      words.push(flag.direction === "low" ? t("The lab marked this as low: below the usual range.") : t("The lab marked this as high: above the usual range."));
      break;
    case "abnormal":
      words.push(t("The lab marked this as outside the usual range."));
      break;
    case "normal":
      words.push(t("The lab marked this as within the usual range."));
      break;
    case "other":
      words.push(t("The lab added a note to this result: {words}.", { words: flag.label }));
      break;
    case "off-scale":
      break;
  }
  if (flag.offScale === "high") words.push(t("It was higher than the lab's test can measure, so the true value is above the one shown."));
  if (flag.offScale === "low") words.push(t("It was lower than the lab's test can measure, so the true value is below the one shown."));
  return words.join(" ");
}

/** "below 7.0 %", "between 6.5 % and 7.5 %". */
function goalWords(line: GoalLine, unit: LabUnit): string {
  if (line.kind === "range") return t("between {low} and {high}", { low: amountOf(line.low, unit), high: amountOf(line.high, unit) });
  const value = amountOf(line.value, unit);
  switch (line.comparator) {
    case "<":
      return t("below {value}", { value });
    case "<=":
      return t("at or below {value}", { value });
    case ">":
      return t("above {value}", { value });
    case ">=":
      return t("at or above {value}", { value });
    default:
      return value;
  }
}

/**
 * The goal in words: the patient's own Goal from the record, and whether the latest result meets it; with no
 * Goal, HbA1c's general goal (ADA, §5) with a word to ask for one's own; for other labs nothing.
 */
export function goalSentences(choice: GoalChoice | undefined, results: readonly LabResult[], lab: LabDefinition, unit: LabUnit, voice: Voice): string[] {
  const line = choice?.line;
  if (!line) return [];
  if (line.source === "default") {
    // Only HbA1c's catalog default (ADA, docs/clinical-rules.md §5) has a general sentence.
    if (lab.id !== "hba1c" || line.basis !== ADA_BASIS) return [];
    const goal = goalWords(line, unit);
    return [voice.caregiver ? t("For many adults with diabetes, the goal is {goal}. Ask their care team what their own goal is.", { goal }) : t("For many adults with diabetes, the goal is {goal}. Ask your care team what your own goal is.", { goal })];
  }
  const goal = goalWords(line, unit);
  const words = [voice.caregiver ? t("Their goal is {goal}.", { goal }) : t("Your goal is {goal}.", { goal })];
  const latest = latestResult(results);
  const met = latest && atGoal(latest, line);
  if (met === true) words.push(t("This result meets the goal."));
  if (met === false) words.push(t("This result does not meet the goal."));
  return words;
}
