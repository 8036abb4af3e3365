/**
 * Launch contexts: what the EHR knows when it launches an app (patient, user, encounter, display options, a
 * simulated error), carried in the `launch` parameter as a short-lived HS256 JWT shaped like Aidbox's
 * (`client`, `user`, `exp`, `ctx.patient`), so that nothing needs to be stored between the launch and the
 * authorization request.
 */
import { randomBytes } from "node:crypto";
import { SignJWT, jwtVerify, errors as joseErrors } from "jose";
import { isFaultName, type FaultName } from "../faultCatalog.ts";
import { isStyle, type StyleName } from "../ehr/styles.ts";

export interface LaunchContext {
  /** Client the launch was minted for, when known (seed 002's `client`). */
  readonly client?: string;
  /** The FHIR base the launch was minted for; another base's authorization server refuses it. */
  readonly iss?: string;
  /** The signed-in user: `Practitioner/<id>` or `Patient/<id>`. */
  readonly user: string;
  readonly patient?: string;
  readonly encounter?: string;
  readonly needPatientBanner: boolean;
  readonly style: StyleName;
  /** Access token lifetime in seconds for this launch. */
  readonly lifetime?: number;
  /** The largest search page this launch's FHIR server sends, as a server that caps `_count` below the sandbox's own limit does. */
  readonly maxCount?: number;
  readonly error?: FaultName;
  readonly intent?: string;
  readonly tenant?: string;
}

const LAUNCH_TTL_SECONDS = 15 * 60;

export class LaunchCodec {
  readonly #key: Uint8Array;

  constructor(key: Uint8Array = randomBytes(32)) {
    this.#key = key;
  }

  async mint(context: LaunchContext, ttlSeconds = LAUNCH_TTL_SECONDS): Promise<string> {
    const { client, user, patient, encounter, ...options } = context;
    return new SignJWT({ client, user, ctx: { patient, encounter }, opt: options })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.#key);
  }

  /** The context of a launch value, or a reason it cannot be used. */
  async read(launch: string): Promise<{ ok: true; context: LaunchContext } | { ok: false; reason: string }> {
    try {
      const { payload } = await jwtVerify(launch, this.#key, { algorithms: ["HS256"] });
      const ctx = (payload.ctx ?? {}) as { patient?: unknown; encounter?: unknown };
      const opt = (payload.opt ?? {}) as Partial<Record<keyof LaunchContext, unknown>>;
      const text = (value: unknown) => (typeof value === "string" ? value : undefined);
      return {
        ok: true,
        context: {
          client: text(payload.client),
          iss: text(opt.iss),
          user: text(payload.user) ?? "Practitioner/prac-1",
          patient: text(ctx.patient),
          encounter: text(ctx.encounter),
          needPatientBanner: opt.needPatientBanner !== false,
          style: isStyle(opt.style) ? opt.style : "light",
          lifetime: typeof opt.lifetime === "number" ? opt.lifetime : undefined,
          maxCount: typeof opt.maxCount === "number" ? opt.maxCount : undefined,
          error: isFaultName(opt.error) ? opt.error : undefined,
          intent: text(opt.intent),
          tenant: text(opt.tenant),
        },
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { ok: false, reason: "the launch has expired" };
      return { ok: false, reason: "the launch value is not one this EHR issued" };
    }
  }
}
