/**
 * Storage for oidc-provider: one in-memory store per provider instance, with expiry and the grant index that
 * revocation needs. (The library's default adapter is a process-wide LRU of 1 000 entries, which a soak run
 * would overflow, and which several providers in one process would share.)
 */
import type { Adapter, AdapterPayload } from "oidc-provider";

interface Stored {
  payload: AdapterPayload;
  expiresAt: number;
}

const GRANTABLE = new Set(["AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode", "BackchannelAuthenticationRequest"]);

export class MemoryStore {
  readonly items = new Map<string, Stored>();
  readonly grants = new Map<string, Set<string>>();
  readonly uids = new Map<string, string>();
  readonly userCodes = new Map<string, string>();

  /** Drops expired entries; called on writes so memory stays bounded by what is live. */
  sweep(now = Date.now()): void {
    for (const [key, item] of this.items) {
      if (item.expiresAt <= now) this.items.delete(key);
    }
    for (const [grantId, keys] of this.grants) {
      for (const key of keys) if (!this.items.has(key)) keys.delete(key);
      if (keys.size === 0) this.grants.delete(grantId);
    }
  }
}

export function adapterFor(store: MemoryStore): new (name: string) => Adapter {
  let writes = 0;
  return class MemoryAdapter implements Adapter {
    readonly #name: string;

    constructor(name: string) {
      this.#name = name;
    }

    #key(id: string): string {
      return `${this.#name}:${id}`;
    }

    #get(key: string): AdapterPayload | undefined {
      const item = store.items.get(key);
      if (!item) return undefined;
      if (item.expiresAt <= Date.now()) {
        store.items.delete(key);
        return undefined;
      }
      return item.payload;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (++writes % 500 === 0) store.sweep();
      const key = this.#key(id);
      store.items.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
      if (GRANTABLE.has(this.#name) && payload.grantId) {
        const keys = store.grants.get(payload.grantId) ?? new Set<string>();
        keys.add(key);
        store.grants.set(payload.grantId, keys);
      }
      if (payload.uid) store.uids.set(payload.uid, id);
      if (payload.userCode) store.userCodes.set(payload.userCode, id);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      return this.#get(this.#key(id));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      const id = store.uids.get(uid);
      return id === undefined ? undefined : this.find(id);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const id = store.userCodes.get(userCode);
      return id === undefined ? undefined : this.find(id);
    }

    async consume(id: string): Promise<void> {
      const item = store.items.get(this.#key(id));
      if (item) item.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      const key = this.#key(id);
      const payload = store.items.get(key)?.payload;
      store.items.delete(key);
      if (payload?.uid) store.uids.delete(payload.uid);
      if (payload?.userCode) store.userCodes.delete(payload.userCode);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of store.grants.get(grantId) ?? []) store.items.delete(key);
      store.grants.delete(grantId);
    }
  };
}
