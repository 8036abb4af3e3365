/**
 * An EHR launch answered in one round trip. oidc-provider sends every authorization request through its
 * interaction and resume routes (`/interaction/{uid}`, then `/authorize/{uid}`), two more browser round trips
 * before the redirect to the app. An EHR launch asks nobody anything here (interaction.ts approves it at once, as
 * an EHR does for an app its administrators installed, and as SMART Launcher v2 does for a provider EHR launch), so
 * those steps are followed on the server, with the cookies they set, and the browser gets the last answer: the
 * redirect to the app with its code, the redirect with an OAuth error, or the error page. The cookies of every step
 * go with it, so the browser ends up with the same oidc-provider session as before, and the launch no longer
 * needs the browser to keep the interaction's cookies between steps (which a browser blocking third-party
 * cookies in an EHR's frame would not).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerInMemory, getLike, sendAnswer, type Answer } from "../http.ts";

type Handler = (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => unknown;

export interface AuthorizationSteps {
  /** Where the authorization server is mounted (`/auth`). */
  readonly mountPath: string;
  /** oidc-provider itself: gets a request whose `url` is below the mount path and `originalUrl` the whole path. */
  readonly provider: Handler;
  /** The sandbox's login/consent step, for a request to `{mountPath}/interaction/{uid}`. */
  readonly interaction: Handler;
}

/** Interaction, then resume: never more than that in oidc-provider's flow. */
const MAX_STEPS = 2;

/** Answers the authorization request `first` (its `url` already below the mount path) after following its own steps. */
export async function authorizeInOneHop(first: IncomingMessage, res: ServerResponse, steps: AuthorizationSteps): Promise<void> {
  const jar = cookiesOf(first.headers.cookie);
  const setCookie: string[] = [];
  let answer = await answerInMemory(first, steps.provider);
  for (let step = 0; ; step++) {
    const cookies = setCookiesOf(answer);
    setCookie.push(...cookies);
    remember(jar, cookies);
    const next = step < MAX_STEPS ? ownStep(answer, first, steps.mountPath) : null;
    if (!next) break;
    const request: IncomingMessage & { originalUrl?: string } = getLike(first, next.path, cookieHeader(jar));
    if (next.kind === "resume") {
      request.url = next.path.slice(steps.mountPath.length);
      request.originalUrl = next.path;
    }
    answer = await answerInMemory(request, next.kind === "resume" ? steps.provider : steps.interaction);
  }
  sendAnswer(res, answer, setCookie);
}

/** The interaction or resume step a redirect points to on this server, or null (the app, or anything else). */
export function ownStep(answer: Answer, req: IncomingMessage, mountPath: string): { kind: "interaction" | "resume"; path: string } | null {
  const location = answer.headers.location;
  if (answer.status < 300 || answer.status > 399 || typeof location !== "string") return null;
  const hosts = [req.headers.host, req.headers["x-forwarded-host"]].flat().filter((h): h is string => typeof h === "string");
  const url = URL.parse(location, `http://${hosts[0] ?? "localhost"}`);
  if (!url || !hosts.includes(url.host) || url.search || url.hash) return null;
  const escaped = mountPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (new RegExp(`^${escaped}/interaction/[\\w-]+$`).test(url.pathname)) return { kind: "interaction", path: url.pathname };
  if (new RegExp(`^${escaped}/authorize/[\\w-]+$`).test(url.pathname)) return { kind: "resume", path: url.pathname };
  return null;
}

function setCookiesOf(answer: Answer): string[] {
  const value = answer.headers["set-cookie"];
  return value === undefined ? [] : Array.isArray(value) ? [...(value as readonly string[])] : [String(value)];
}

function cookiesOf(header: string | undefined): Map<string, string> {
  const jar = new Map<string, string>();
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return jar;
}

/** Keeps what Set-Cookie headers set; a cookie set empty or already expired is removed, as a browser would. */
function remember(jar: Map<string, string>, setCookie: readonly string[]): void {
  for (const cookie of setCookie) {
    const [pair = "", ...attributes] = cookie.split(";");
    const at = pair.indexOf("=");
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const expires = attributes.map((a) => a.trim()).find((a) => /^expires=/i.test(a));
    const expired = expires !== undefined && Date.parse(expires.slice("expires=".length)) <= Date.now();
    if (!value || expired || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name);
    else jar.set(name, value);
  }
}

function cookieHeader(jar: ReadonlyMap<string, string>): string {
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}
