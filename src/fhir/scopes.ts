/**
 * Reading the scope a server granted (SMART v1 `.read`/`.write`/`.*` and v2 `.cruds`), which can differ from
 * the scope the app asked for. Pure functions.
 */

export type Interaction = "c" | "r" | "u" | "d" | "s";
export type ScopeContext = "patient" | "user" | "system";

const V1_LETTERS: Record<string, string> = { read: "rs", write: "cud", "*": "cruds" };
const RESOURCE_SCOPE = /^(patient|user|system)\/(\*|[A-Za-z]+)\.(read|write|\*|[cruds]+)(\?.*)?$/;

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

/** v2 permission letters → the v1 permission that covers them. */
function v1Permission(letters: string): string {
  const reads = /[rs]/.test(letters);
  const writes = /[cud]/.test(letters);
  return reads && writes ? "*" : writes ? "write" : "read";
}

/**
 * The scope to request: the template, with `launch` (EHR launch) or `launch/patient` (standalone), and v2
 * permissions (`.rs`) rewritten to v1 (`.read`) for servers that do not advertise `permission-v2`.
 */
export function buildScope(template: string, kind: "ehr" | "standalone", smartV2: boolean): string {
  const scopes = template
    .split(/\s+/)
    .filter(Boolean)
    .filter((s) => s !== "launch" && s !== "launch/patient")
    .map((s) => {
      if (smartV2) return s;
      const m = RESOURCE_SCOPE.exec(s);
      return m && /^[cruds]+$/.test(m[3]!) ? `${m[1]}/${m[2]}.${v1Permission(m[3]!)}` : s;
    });
  scopes.push(kind === "ehr" ? "launch" : "launch/patient");
  return [...new Set(scopes)].join(" ");
}
