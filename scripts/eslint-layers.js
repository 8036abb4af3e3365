/**
 * The import direction between the app's layers, enforced by lint rather than by review: an ESLint rule that
 * resolves every relative import of a file and refuses one that runs upward (docs/architecture.md).
 *
 * - `src/i18n` is the app's words (message catalogs): it imports no other layer, and every layer may import it.
 * - `src/labs` is pure clinical logic: it imports no other layer but `i18n`.
 * - `src/graph` draws what it is given: it imports only `labs`.
 * - `src/config` reads config.json: it imports only `labs`.
 * - `src/fhir` is the transport: never `launch`, `graph` or `app`, nor `config` (the app owns the per-launch
 *   settings; the FHIR layer carries them unread).
 * - `src/security` puts each page's Content-Security-Policy in force: it imports no other layer.
 * - `src/launch` is the launch page: never `graph` or `app`.
 * - `src` and `sandbox` never import each other.
 * Any file may import `src/test` (the test helpers) only from a test file.
 */
import { dirname, relative, resolve, sep } from "node:path";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "..");

/** Per layer of src/: the layers it may import besides itself. `undefined`: any. */
const ALLOWED = {
  i18n: [],
  labs: ["i18n"],
  graph: ["labs", "i18n"],
  config: ["labs", "i18n"],
  fhir: ["labs", "i18n"],
  security: [],
  launch: ["labs", "config", "fhir", "i18n", "security"],
  app: undefined,
  test: undefined,
};

const TEST_FILE = /\.test\.tsx?$/;

/** "src/labs", "sandbox" or undefined, for a path inside the repository. */
function areaOf(path) {
  const [top, layer] = relative(ROOT, path).split(sep);
  if (top === "src") return layer && layer in ALLOWED ? { top, layer } : { top, layer: undefined };
  if (top === "sandbox") return { top, layer: undefined };
  return undefined;
}

/** Why `from` may not import `to`, or undefined when it may. */
export function forbiddenImport(from, to) {
  const a = areaOf(from);
  const b = areaOf(to);
  if (!a || !b) return undefined;
  if (a.top !== b.top) return `${a.top}/ and ${b.top}/ never import each other`;
  if (a.top !== "src" || !a.layer || !b.layer || a.layer === b.layer) return undefined;
  if (b.layer === "test") return TEST_FILE.test(from) || a.layer === "test" ? undefined : "only test files import the test helpers (src/test)";
  const allowed = ALLOWED[a.layer];
  if (allowed === undefined || allowed.includes(b.layer)) return undefined;
  return `src/${a.layer} imports only ${allowed.length ? allowed.map((l) => `src/${l}`).join(", ") : "itself"}`;
}

const direction = {
  meta: {
    type: "problem",
    docs: { description: "Imports follow the layers of docs/architecture.md" },
    schema: [],
    messages: { upward: "'{{source}}' is {{target}}: {{why}}." },
  },
  create(context) {
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = resolve(dirname(context.filename), source);
      const why = forbiddenImport(context.filename, target);
      if (why) context.report({ node: node.source, messageId: "upward", data: { source, target: relative(ROOT, target), why } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const layers = { rules: { direction } };
