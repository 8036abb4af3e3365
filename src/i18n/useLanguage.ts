import { useSyncExternalStore } from "react";
import { language, subscribe } from "./i18n";

/** The language shown; a component that calls it re-renders when the language changes. */
export function useLanguage(): string {
  return useSyncExternalStore(subscribe, language, language);
}
