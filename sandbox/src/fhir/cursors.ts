/** Page cursors: what a `_cursor` page link carries, signed so that it cannot be altered. */
import { randomBytes } from "node:crypto";
import { CompactSign, compactVerify } from "jose";
import { badRequest } from "./outcome.ts";

/**
 * Opaque, signed page cursors (a compact JWS, HS256, with the same library as the launch values): a tampered
 * cursor, or one from another server or an earlier run (another key), is refused.
 */
export class CursorCodec {
  readonly #key: Uint8Array;

  constructor(key: Uint8Array = randomBytes(32)) {
    this.#key = key;
  }

  encode(payload: unknown): Promise<string> {
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: "HS256" }).sign(this.#key);
  }

  async decode(cursor: string): Promise<unknown> {
    const parts = cursor.split(".");
    if (parts.length !== 3 || parts.some((part) => !part)) throw badRequest("The page cursor is malformed.");
    let payload: Uint8Array;
    try {
      ({ payload } = await compactVerify(cursor, this.#key, { algorithms: ["HS256"] }));
    } catch {
      throw badRequest("The page cursor is not valid for this server (tampered or expired).");
    }
    return JSON.parse(new TextDecoder().decode(payload)) as unknown;
  }
}
