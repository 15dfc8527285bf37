import { buildIndex, type PolicyIndex, type PolicyModel, type User } from '@custos/engine';
import { loadPolicyModel, readPolicyVersion, type Database } from '@custos/store';

/** A tenant's policy at one version, with its index and users by id. */
export interface PolicySnapshot {
  version: number;
  model: PolicyModel;
  index: PolicyIndex;
  users: ReadonlyMap<string, User>;
}

/**
 * Per-tenant policy cache with zero staleness: `current` reads the tenant's policy version (one
 * cheap query) on every call and reloads the model and index when it moved, so a change committed
 * before the call started is always seen. Loads are single-flight per tenant.
 */
export class PolicyCache {
  readonly #database: Database;
  readonly #entries = new Map<string, PolicySnapshot>();
  readonly #loading = new Map<string, Promise<PolicySnapshot>>();

  constructor(database: Database) {
    this.#database = database;
  }

  /** The tenant's policy as of now (at least the version committed when the call started). */
  async current(tenantId: string): Promise<PolicySnapshot> {
    const version = await readPolicyVersion(this.#database.db, tenantId);
    const cached = this.#entries.get(tenantId);
    if (cached !== undefined && cached.version >= version) return cached;
    return this.#atLeast(tenantId, version);
  }

  async #atLeast(tenantId: string, version: number): Promise<PolicySnapshot> {
    for (;;) {
      const cached = this.#entries.get(tenantId);
      if (cached !== undefined && cached.version >= version) return cached;
      const inflight = this.#loading.get(tenantId) ?? this.#load(tenantId);
      const snapshot = await inflight;
      // A load that started before our version was committed may be older: load again.
      if (snapshot.version >= version) return snapshot;
    }
  }

  #load(tenantId: string): Promise<PolicySnapshot> {
    const promise = loadPolicyModel(this.#database.db, tenantId)
      .then((model) => {
        const snapshot: PolicySnapshot = {
          version: model.version,
          model,
          index: buildIndex(model),
          users: new Map(model.users.map((u) => [u.id, u])),
        };
        const cached = this.#entries.get(tenantId);
        if (cached === undefined || cached.version < snapshot.version)
          this.#entries.set(tenantId, snapshot);
        return snapshot;
      })
      .finally(() => {
        if (this.#loading.get(tenantId) === promise) this.#loading.delete(tenantId);
      });
    this.#loading.set(tenantId, promise);
    return promise;
  }
}
