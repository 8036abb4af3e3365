/**
 * Reading the scope a server granted (SMART v1 `.read`/`.write`/`.*` and v2 `.cruds`), which can differ from
 * the scope the app asked for. Pure functions.
 */
import { RESOURCE_SCOPE } from "./scopeSyntax";

export type Interaction = "c" | "r" | "u" | "d" | "s";
export type ScopeContext = "patient" | "user" | "system";

const V1_LETTERS: Record<string, string> = { read: "rs", write: "cud", "*": "cruds" };

/** Whether one of the granted scopes allows `interaction` on `resourceType` in one of `contexts`. */
export function scopeAllows(granted: string, resourceType: string, interaction: Interaction, contexts: readonly ScopeContext[] = ["patient", "user", "system"]): boolean {
  return granted.split(/\s+/).some((scope) => {
    const m = RESOURCE_SCOPE.exec(scope);
    if (!m) return false;
    const [, context, type, permission] = m as unknown as [string, ScopeContext, string, string];
    const letters = V1_LETTERS[permission] ?? permission;
    return contexts.includes(context) && (type === "*" || type === resourceType) && letters.includes(interaction);
  });
}

/** Whether the granted scope lists `offline_access` or `online_access`, which fhirclient requires to refresh. */
export function grantsRefresh(granted: string): boolean {
  return /(^|\s)(offline|online)_access(\s|$)/.test(granted);
}
