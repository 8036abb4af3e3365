/**
 * The runtime configuration, `config.json` next to index.html (schema: config.schema.json). Fetched at run
 * time so a deployer can edit the built app without rebuilding it.
 */
import { canonicalBase, parseFhirBase } from "./allowList";
import { ConfigError, fetchConfigJson, readStyleAllowList } from "./file";
import type { PagingSettings } from "./paging";
import { LAB_IDS, type LabSettingsById } from "../labs/settings";

export type PkceMode = "required" | "unsafeV1";

export interface ServerConfig {
  readonly iss: string;
  readonly name?: string;
  /** A line under the server's button on the standalone landing page (what it is, how to try it). */
  readonly description?: string;
  readonly standalone?: boolean;
  readonly clientId?: string;
  readonly pkceMode?: PkceMode;
  /** Added to Observation searches for servers that need it (Epic: `laboratory`). */
  readonly observationCategory?: string | null;
}

export interface AppConfig {
  readonly clientId: string;
  /** Scope template: the app adds `launch` or `launch/patient`, and writes `.read` for SMART v1 servers. */
  readonly scope: string;
  readonly issAllowList: readonly string[];
  readonly servers: readonly ServerConfig[];
  /** Origins besides the FHIR server's that the graph page may load an EHR's `smart_style_url` from. */
  readonly styleAllowList: readonly string[];
  /** Limits on reading one lab's pages. */
  readonly paging: PagingSettings;
  /** Per lab: the default goal line and the retest intervals, replacing the catalog's. */
  readonly labs: LabSettingsById;
}

export { ConfigError };

function fail(message: string): never {
  throw new ConfigError(`config.json: ${message}`, { why: "config-invalid", detail: message });
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") fail(`${where} must be a string.`);
  return value;
}

/** Validates parsed JSON as an AppConfig, with a message naming the first wrong field. */
export function parseConfig(json: unknown): AppConfig {
  if (!json || typeof json !== "object" || Array.isArray(json)) fail("the file must hold a JSON object.");
  const raw = json as Record<string, unknown>;
  const clientId = optionalString(raw.clientId, "clientId");
  if (!clientId) fail("clientId is required.");
  const scope = optionalString(raw.scope, "scope");
  if (!scope) fail("scope is required.");
  if (!Array.isArray(raw.issAllowList) || raw.issAllowList.some((e) => typeof e !== "string")) {
    fail("issAllowList must be a list of FHIR base URLs.");
  }
  const issAllowList = raw.issAllowList as string[];
  for (const entry of issAllowList) {
    if (!parseFhirBase(entry).ok) fail(`issAllowList entry "${entry}" is not a plain http(s) URL.`);
  }
  const serversRaw = raw.servers ?? [];
  if (!Array.isArray(serversRaw)) fail("servers must be a list.");
  const servers = serversRaw.map((s: unknown, i): ServerConfig => {
    if (!s || typeof s !== "object") fail(`servers[${i}] must be an object.`);
    const server = s as Record<string, unknown>;
    const iss = optionalString(server.iss, `servers[${i}].iss`);
    if (!iss || !parseFhirBase(iss).ok) fail(`servers[${i}].iss must be a FHIR base URL.`);
    const pkceMode = server.pkceMode ?? "required";
    if (pkceMode !== "required" && pkceMode !== "unsafeV1") fail(`servers[${i}].pkceMode must be "required" or "unsafeV1".`);
    if (server.standalone !== undefined && typeof server.standalone !== "boolean") fail(`servers[${i}].standalone must be true or false.`);
    const category = server.observationCategory;
    if (category !== undefined && category !== null && typeof category !== "string") fail(`servers[${i}].observationCategory must be a string or null.`);
    return {
      iss,
      name: optionalString(server.name, `servers[${i}].name`),
      description: optionalString(server.description, `servers[${i}].description`),
      standalone: server.standalone === true,
      clientId: optionalString(server.clientId, `servers[${i}].clientId`),
      pkceMode,
      observationCategory: (category as string | null | undefined) ?? null,
    };
  });
  return { clientId, scope, issAllowList, servers, styleAllowList: readStyleAllowList(raw.styleAllowList), paging: parsePaging(raw.paging), labs: parseLabs(raw.labs) };
}

function parsePaging(value: unknown): AppConfig["paging"] {
  const { maxPages, timeBudgetSeconds, ...rest } = (value ?? {}) as Record<string, unknown>;
  const ok =
    typeof (value ?? {}) === "object" &&
    !Array.isArray(value) &&
    Object.keys(rest).length === 0 &&
    (maxPages === undefined || (Number.isInteger(maxPages) && (maxPages as number) >= 1)) &&
    (timeBudgetSeconds === undefined || (typeof timeBudgetSeconds === "number" && timeBudgetSeconds > 0 && timeBudgetSeconds < Infinity));
  if (!ok) fail("paging may hold maxPages (a whole number, at least 1) and timeBudgetSeconds (a number above 0).");
  return value as AppConfig["paging"] ?? {};
}

const positive = (v: unknown) => typeof v === "number" && v > 0 && v < Infinity;
const months = (v: unknown) => v == null || (Number.isInteger(v) && (v as number) >= 1);

/** A bare number, null, or { comparator, value, basis } and nothing else. */
function goodTarget(t: unknown): boolean {
  if (t == null || positive(t)) return true;
  const { comparator, value, basis, ...rest } = t as Record<string, unknown>;
  return typeof t === "object" && !Object.keys(rest).length && ["<", "<=", ">", ">="].includes(comparator as string) && positive(value) && typeof basis === "string" && basis !== "";
}

function parseLabs(value: unknown): LabSettingsById {
  if (value === undefined) return {};
  if (!value || typeof value !== "object" || Array.isArray(value)) fail(`labs must be an object with an entry per lab to change (${LAB_IDS.join(", ")}).`);
  for (const [id, settings] of Object.entries(value)) {
    if (!(LAB_IDS as readonly string[]).includes(id)) fail(`labs.${id} is not a lab of this app; its labs are ${LAB_IDS.join(", ")}.`);
    const { target, retestMonthsAtGoal, retestMonthsNotAtGoal, overdueAfterMonths, ...rest } = (settings ?? {}) as Record<string, unknown>;
    const ok =
      typeof settings === "object" &&
      settings !== null &&
      !Array.isArray(settings) &&
      Object.keys(rest).length === 0 &&
      goodTarget(target) &&
      [retestMonthsAtGoal, retestMonthsNotAtGoal, overdueAfterMonths].every(months);
    if (!ok) fail(`labs.${id} may hold target (a number above 0 in the lab's first unit, {"comparator": "<", "value": 7, "basis": "words"}, or null) and retestMonthsAtGoal, retestMonthsNotAtGoal (whole months from 1, or null).`);
  }
  return value as LabSettingsById;
}

/** The settings for a FHIR base: the matching `servers[]` entry, if any. */
export function serverFor(config: AppConfig, iss: URL): ServerConfig | undefined {
  const wanted = canonicalBase(iss);
  return config.servers.find((s) => {
    const parsed = parseFhirBase(s.iss);
    return parsed.ok && canonicalBase(parsed.url) === wanted;
  });
}

/** Loads config.json from next to the current page. */
export async function loadConfig(signal?: AbortSignal): Promise<AppConfig> {
  return parseConfig(await fetchConfigJson(signal));
}
