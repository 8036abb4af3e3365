/** How long ago a result was, in words (the summary's "last tested"): loaded with the summary, after the first chart. */
import { language } from "../i18n/i18n";

/** "3 months ago", "2 years ago": how long since `from`, in the reader's language. */
export function formatElapsed(from: number, now: number, locale = language()): string {
  const days = Math.round((now - from) / 86_400_000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  if (Math.abs(days) < 45) return format.format(-days, "day");
  const months = Math.round(days / 30.44);
  if (Math.abs(months) < 24) return format.format(-months, "month");
  return format.format(-Math.round(days / 365.25), "year");
}
