/**
 * Reading config.json from next to the launch page, and what can go wrong with it. Only the launch page reads
 * config.json: what the graph page needs of it comes through the launch record (src/config/launchSettings.ts).
 */

/** What went wrong, as data: the launch page's words for it are in src/launch/problems.ts; `message` is English, for logs. */
export type ConfigProblem =
  | { readonly why: "config-unreachable" }
  | { readonly why: "config-http"; readonly status: number }
  | { readonly why: "config-json" }
  | { readonly why: "config-invalid"; readonly detail: string };

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    message: string,
    readonly problem: ConfigProblem = { why: "config-invalid", detail: message },
  ) {
    super(message);
  }
}

/** config.json's JSON, not yet checked. */
export async function fetchConfigJson(signal?: AbortSignal): Promise<unknown> {
  const url = new URL("config.json", document.baseURI);
  let response: Response;
  try {
    // The default cache mode, as launch.html's preload of config.json uses: Chromium reuses a preload only for a
    // request with the same mode, and the host's `Cache-Control: no-cache` (docs/deploy.md) keeps it fresh.
    response = await fetch(url, { signal });
  } catch {
    throw new ConfigError("The app's configuration (config.json) could not be loaded. Check your connection and reload.", { why: "config-unreachable" });
  }
  if (!response.ok) throw new ConfigError(`The app's configuration (config.json) could not be loaded (HTTP ${response.status}).`, { why: "config-http", status: response.status });
  try {
    return await response.json();
  } catch {
    throw new ConfigError("config.json is not valid JSON.", { why: "config-json" });
  }
}

/** `styleAllowList`: origins such as `https://styles.example.org`; anything else is a configuration error. */
export function readStyleAllowList(value: unknown): string[] {
  const list = value ?? [];
  if (!Array.isArray(list) || list.some((o) => typeof o !== "string" || !/^https?:\/\/[^/?#@\s]+\/?$/.test(o))) {
    throw new ConfigError("config.json: styleAllowList must be a list of origins such as https://styles.example.org.");
  }
  return list as string[];
}
