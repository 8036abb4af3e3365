/** The scope the launch page asks for, from config.json's template and what the server supports. Pure. */
import { RESOURCE_SCOPE } from "./scopeSyntax";

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
