import {
  buildIndex,
  updateIndex,
  type PolicyIndex,
  type PolicyModel,
  type User,
} from '@custos/engine';
import type { Transaction } from 'kysely';
import {
  loadPolicyModel,
  loadPolicyModelIn,
  POLICY_CHANNEL,
  readPolicyChanges,
  readPolicyVersion,
  type Database,
  type StoreSchema,
} from '@custos/store';

type Db = Database['db'];
import { applyChange } from '../modules/directory/apply-change.ts';
import type { PolicyChange } from '../modules/directory/policy-change.ts';

/** A tenant's policy at one version, with its index and users by id. */
export interface PolicySnapshot {
  version: number;
  model: PolicyModel;
  index: PolicyIndex;
  users: ReadonlyMap<string, User>;
}

export interface PolicyCacheOptions {
  /** Past this many versions behind, a node reloads the whole policy instead (default 1,000). */
  maxLogApply?: number;
  /** Told of a background catch-up that failed (it is retried by the next request). */
  onError?: (error: unknown) => void;
}

/** How a cache got to its versions: whole loads and incremental applies of the change log. */
export interface PolicyCacheStats {
  fullLoads: number;
  incremental: number;
  changesApplied: number;
}

/**
 * Per-tenant policy cache with zero staleness (ADR 0006). A caller names the version it must see
 * at least (read with the session in one round trip, `atLeast`) or lets `current` read it; a
 * cache that is behind applies the logged changes since its version (`policy_changes`) to its
 * model and updates its index incrementally (`updateIndex`), so a role change costs the next
 * request milliseconds, not a reload. The whole policy is loaded only at cold start, when the log
 * has a gap (a whole-model save) or when the cache is more than `maxLogApply` versions behind.
 * `listen` subscribes to the commit notifications (PostgreSQL `NOTIFY`), so a node usually has
 * applied a change before its next request asks. Loads are single-flight per tenant.
 */
export class PolicyCache {
  readonly #database: Pick<Database, 'db'> & Partial<Pick<Database, 'listen'>>;
  readonly #maxLogApply: number;
  readonly #onError: (error: unknown) => void;
  readonly #entries = new Map<string, PolicySnapshot>();
  readonly #loading = new Map<string, Promise<PolicySnapshot>>();
  #unlisten: (() => Promise<void>) | null = null;
  readonly stats: PolicyCacheStats = { fullLoads: 0, incremental: 0, changesApplied: 0 };

  constructor(
    database: Pick<Database, 'db'> & Partial<Pick<Database, 'listen'>>,
    options: PolicyCacheOptions = {},
  ) {
    this.#database = database;
    this.#maxLogApply = options.maxLogApply ?? 1000;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** The tenant's policy as of now (at least the version committed when the call started). */
  async current(tenantId: string): Promise<PolicySnapshot> {
    return this.atLeast(tenantId, await readPolicyVersion(this.#database.db, tenantId));
  }

  /**
   * The tenant's policy at `version` or later. Inside a transaction, pass it as `tx`: the cache
   * then reads through it (PGlite has one connection, which the transaction holds).
   */
  async atLeast(tenantId: string, version: number, tx?: Db): Promise<PolicySnapshot> {
    for (;;) {
      const cached = this.#entries.get(tenantId);
      if (cached !== undefined && cached.version >= version) return cached;
      const inflight =
        tx === undefined
          ? (this.#loading.get(tenantId) ?? this.#advance(tenantId, this.#database.db, false))
          : this.#advance(tenantId, tx, true);
      const snapshot = await inflight;
      // A load that started before our version was committed may be older: advance again.
      if (snapshot.version >= version) return snapshot;
    }
  }

  /** The cached snapshot, if any (no I/O). */
  peek(tenantId: string): PolicySnapshot | undefined {
    return this.#entries.get(tenantId);
  }

  /** Apply committed versions as their notifications arrive (PostgreSQL; PGlite is one process). */
  async listen(): Promise<void> {
    if (this.#unlisten !== null || this.#database.listen === undefined) return;
    this.#unlisten = await this.#database.listen(POLICY_CHANNEL, (payload) => {
      const at = payload.lastIndexOf(':');
      const tenantId = payload.slice(0, at);
      const version = Number(payload.slice(at + 1));
      const cached = this.#entries.get(tenantId);
      // Only tenants this node serves; a request would catch up anyway.
      if (cached === undefined || !Number.isInteger(version) || cached.version >= version) return;
      this.atLeast(tenantId, version).catch(this.#onError);
    });
  }

  async stop(): Promise<void> {
    const unlisten = this.#unlisten;
    this.#unlisten = null;
    await unlisten?.();
  }

  #advance(tenantId: string, db: Db, inTransaction: boolean): Promise<PolicySnapshot> {
    const promise = this.#next(tenantId, db, inTransaction)
      .then((snapshot) => {
        // A load inside a caller's transaction (read committed) is that caller's alone: it is
        // not kept for others, who load in a repeatable-read transaction of their own.
        if (inTransaction) return snapshot;
        const cached = this.#entries.get(tenantId);
        if (cached === undefined || cached.version < snapshot.version)
          this.#entries.set(tenantId, snapshot);
        return this.#entries.get(tenantId) as PolicySnapshot;
      })
      .finally(() => {
        if (this.#loading.get(tenantId) === promise) this.#loading.delete(tenantId);
      });
    if (!inTransaction) this.#loading.set(tenantId, promise);
    return promise;
  }

  async #next(tenantId: string, db: Db, inTransaction: boolean): Promise<PolicySnapshot> {
    const cached = this.#entries.get(tenantId);
    if (cached !== undefined) {
      const target = await readPolicyVersion(db, tenantId);
      if (target <= cached.version) return cached;
      if (target - cached.version <= this.#maxLogApply) {
        const applied = await this.#applyLog(db, tenantId, cached, target).catch(() => null);
        if (applied !== null) return applied;
      }
    }
    return this.#load(db, tenantId, inTransaction);
  }

  /** The cached snapshot with the logged changes up to `target` applied; null on a gap. */
  async #applyLog(
    db: Db,
    tenantId: string,
    cached: PolicySnapshot,
    target: number,
  ): Promise<PolicySnapshot | null> {
    const changes = await readPolicyChanges(db, tenantId, cached.version, target);
    let model = cached.model;
    for (const logged of changes) {
      model = applyChange(model, logged.change as PolicyChange).model;
    }
    model = { ...model, version: target };
    const index = updateIndex(cached.index, model);
    this.stats.incremental++;
    this.stats.changesApplied += changes.length;
    return { version: target, model, index, users: index.users };
  }

  async #load(db: Db, tenantId: string, inTransaction: boolean): Promise<PolicySnapshot> {
    const model = inTransaction
      ? await loadPolicyModelIn(db as Transaction<StoreSchema>, tenantId)
      : await loadPolicyModel(db, tenantId);
    const index = buildIndex(model);
    this.stats.fullLoads++;
    return { version: model.version, model, index, users: index.users };
  }
}
