/**
 * The graph page's `Language` control, in the session header (loaded with it, after the first chart): the page
 * switches at once, and the choice is kept for the next launch (as the launch page's control does).
 */
import { t } from "../i18n/i18n";
import { chooseAndKeep, LANGUAGES } from "../i18n/languages";
import { useLanguage } from "../i18n/useLanguage";

/** A language's name in itself ("English", "Español"). */
function nameOf(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

export function LanguageControl() {
  const shown = useLanguage();
  return (
    <label className="language">
      <span>{t("Language")}</span>
      <select value={shown} onChange={(event) => void chooseAndKeep(event.target.value)}>
        {LANGUAGES.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {nameOf(tag)}
          </option>
        ))}
      </select>
    </label>
  );
}
