import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { StoreSchema } from '../schema.ts';
import { CryptoError } from './crypto-error.ts';
import {
  KEY_BYTES,
  REDACTED,
  keyRefOf,
  openWith,
  sealWith,
  unwrapKey,
  wrapKey,
  type FieldAad,
  type Redacted,
  type Sealed,
} from './sealed-value.ts';
import { ShredLedger } from './shred-ledger.ts';

type Db = Kysely<StoreSchema>;

/** A data subject's key (a contact's), loaded for sealing or opening that person's values. */
export interface SubjectKey {
  readonly subjectId: string;
  /** The data key version that wraps it. */
  readonly keyVersion: number;
  /** @internal the raw key; only this module uses it. */
  readonly key: Buffer;
}

/** One tenant's keys, loaded: sealing, opening and blind indexes are synchronous from here. */
export interface TenantKeys {
  readonly tenantId: string;
  /** The version new values are sealed under. */
  readonly activeVersion: number;
  /** Every data key version the tenant has (retired ones still open old values). */
  readonly versions: readonly number[];
  /**
   * Seal a field value for its place: under the subject's key when given (a person's data, so
   * erasure can shred it), else under the active data key. `masked` is stored beside the
   * ciphertext for callers who see the field masked.
   */
  seal(aad: FieldAad, value: unknown, options?: { subject?: SubjectKey; masked?: string }): Sealed;
  /**
   * Open a sealed value. A value sealed under a subject key needs that key: pass the map from
   * `Keyring.subjectKeys`; a shredded (or absent) subject opens to `REDACTED`. Anything that does
   * not open is `DECRYPT_FAILED`.
   */
  open(
    aad: FieldAad,
    sealed: Sealed,
    subjects?: ReadonlyMap<string, SubjectKey | null>,
  ): unknown | Redacted;
  /** The blind index token of a value of an encrypted searchable field (exact match). */
  blindIndex(object: string, field: string, value: unknown): string;
}

export interface KeyringOptions {
  /** The key-encryption key (32 bytes), from configuration: never stored in the database. */
  readonly kek: Buffer;
  readonly shredLedger?: ShredLedger;
  /** How long a tenant's loaded keys are trusted before re-reading them (another node rotated). */
  readonly cacheMs?: number;
  readonly clock?: () => number;
}

const dataLabel = (tenantId: string, purpose: string, version: number): string =>
  `custos/v1/${purpose}-key/${tenantId}/${version}`;
const subjectLabel = (tenantId: string, subjectId: string, version: number): string =>
  `custos/v1/subject-key/${tenantId}/${subjectId}/${version}`;

/** The text a blind index is computed over: NFKC, trimmed, lower case, no spaces or dashes. */
export function normaliseForIndex(value: unknown): string {
  return String(value)
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s\-()]/g, '');
}

/**
 * The keys of every tenant, wrapped by one key-encryption key (docs/encryption.md, ADR 0020). A
 * tenant's first keys are made on first use; `rotate` adds a data key version.
 */
export class Keyring {
  private readonly cache = new Map<
    string,
    { keys: TenantKeys; loadedAt: number; data: Map<number, Buffer> }
  >();
  readonly ledger: ShredLedger;
  private readonly cacheMs: number;
  private readonly clock: () => number;

  constructor(private readonly options: KeyringOptions) {
    if (options.kek.length !== KEY_BYTES)
      throw new RangeError(`the key-encryption key must be ${KEY_BYTES} bytes`);
    this.ledger = options.shredLedger ?? new ShredLedger();
    this.cacheMs = options.cacheMs ?? 10_000;
    this.clock = options.clock ?? Date.now;
  }

  /** The tenant's keys (made on first use), cached for `cacheMs` unless `fresh`. */
  async tenant(db: Db, tenantId: string, options: { fresh?: boolean } = {}): Promise<TenantKeys> {
    const cached = this.cache.get(tenantId);
    if (cached && options.fresh !== true && this.clock() - cached.loadedAt < this.cacheMs)
      return cached.keys;
    let rows = await this.readKeys(db, tenantId);
    if (!rows.some((r) => r.purpose === 'data') || !rows.some((r) => r.purpose === 'blind')) {
      await this.createFirstKeys(db, tenantId, rows);
      rows = await this.readKeys(db, tenantId);
    }
    const data = new Map<number, Buffer>();
    let activeVersion = 0;
    let blind: Buffer | undefined;
    for (const row of rows) {
      const key = unwrapKey(
        this.options.kek,
        row.wrapped,
        dataLabel(tenantId, row.purpose, row.version),
      );
      if (key === undefined)
        throw new CryptoError(
          'KEK_MISMATCH',
          `the configured key-encryption key does not open tenant ${tenantId}'s ${row.purpose} key v${row.version}: is CUSTOS_KEK_FILE (or CUSTOS_SECRET) the one this database was written with?`,
          { tenantId, purpose: row.purpose, version: row.version },
        );
      if (row.purpose === 'blind') blind = key;
      else {
        data.set(row.version, key);
        if (row.state === 'active') activeVersion = row.version;
      }
    }
    if (blind === undefined || activeVersion === 0)
      throw new CryptoError('KEY_VERSION_UNKNOWN', `tenant ${tenantId} has no active data key`, {
        tenantId,
      });
    const keys = tenantKeys(tenantId, activeVersion, data, blind);
    this.cache.set(tenantId, { keys, loadedAt: this.clock(), data });
    return keys;
  }

  /** Forget a tenant's cached keys (after a rotation here; other nodes re-read within `cacheMs`). */
  forget(tenantId: string): void {
    this.cache.delete(tenantId);
  }

  /**
   * Add a data key version and make it the active one (the old one retired, kept). Returns the new
   * version. Values sealed under older versions still open; re-sealing them is the caller's sweep.
   */
  async rotate(db: Db, tenantId: string, at: Date): Promise<number> {
    await this.tenant(db, tenantId, { fresh: true });
    const version = await inTransaction(db, async (tx) => {
      const current = await tx
        .selectFrom('data_keys')
        .select(['version'])
        .where('tenant_id', '=', tenantId)
        .where('purpose', '=', 'data')
        .orderBy('version', 'desc')
        .forUpdate()
        .execute();
      const next = (current[0]?.version ?? 0) + 1;
      await tx
        .updateTable('data_keys')
        .set({ state: 'retired', retired_at: at })
        .where('tenant_id', '=', tenantId)
        .where('purpose', '=', 'data')
        .where('state', '=', 'active')
        .execute();
      await tx
        .insertInto('data_keys')
        .values({
          tenant_id: tenantId,
          purpose: 'data',
          version: next,
          state: 'active',
          wrapped: wrapKey(
            this.options.kek,
            randomBytes(KEY_BYTES),
            dataLabel(tenantId, 'data', next),
          ),
          created_at: at,
        })
        .execute();
      return next;
    });
    this.forget(tenantId);
    return version;
  }

  /**
   * The keys of these subjects, in one query: a subject with no key, or one whose key was
   * shredded (deleted, or listed in the ledger), maps to null.
   */
  async subjectKeys(
    db: Db,
    tenantId: string,
    subjectIds: Iterable<string>,
  ): Promise<Map<string, SubjectKey | null>> {
    const ids = [...new Set(subjectIds)];
    const out = new Map<string, SubjectKey | null>(ids.map((id) => [id, null]));
    if (ids.length === 0) return out;
    const keys = await this.tenant(db, tenantId);
    const rows = await db
      .selectFrom('subject_keys')
      .select(['subject_id', 'key_version', 'wrapped'])
      .where('tenant_id', '=', tenantId)
      .where('subject_id', 'in', ids)
      .execute();
    for (const row of rows) {
      if (this.ledger.has(tenantId, row.subject_id)) continue;
      out.set(row.subject_id, await this.unwrapSubject(db, keys, tenantId, row));
    }
    return out;
  }

  /** The subject's key, made now when it has none (never again once shredded: REDACTED stays). */
  async ensureSubjectKey(
    db: Db,
    tenantId: string,
    subjectId: string,
    at: Date,
  ): Promise<SubjectKey | null> {
    return (await this.ensureSubjectKeys(db, tenantId, [subjectId], at)).get(subjectId) ?? null;
  }

  /**
   * The keys of many subjects, made now for those that have none (in batches: a bulk load seals
   * thousands of contacts). A shredded subject maps to null and gets no new key.
   */
  async ensureSubjectKeys(
    db: Db,
    tenantId: string,
    subjectIds: Iterable<string>,
    at: Date,
  ): Promise<Map<string, SubjectKey | null>> {
    const ids = [...new Set(subjectIds)];
    const out = new Map<string, SubjectKey | null>();
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      const known = await this.subjectKeys(db, tenantId, batch);
      const missing = batch.filter((id) => known.get(id) == null && !this.ledger.has(tenantId, id));
      if (missing.length > 0) {
        const keys = await this.tenant(db, tenantId);
        const dataKey = this.cache.get(tenantId)?.data.get(keys.activeVersion);
        if (dataKey === undefined)
          throw new CryptoError('KEY_VERSION_UNKNOWN', 'no active data key', { tenantId });
        await db
          .insertInto('subject_keys')
          .values(
            missing.map((subjectId) => ({
              tenant_id: tenantId,
              subject_id: subjectId,
              key_version: keys.activeVersion,
              wrapped: wrapKey(
                dataKey,
                randomBytes(KEY_BYTES),
                subjectLabel(tenantId, subjectId, keys.activeVersion),
              ),
              created_at: at,
            })),
          )
          .onConflict((oc) => oc.columns(['tenant_id', 'subject_id']).doNothing())
          .execute();
        for (const [id, key] of await this.subjectKeys(db, tenantId, missing)) known.set(id, key);
      }
      for (const [id, key] of known) out.set(id, key);
    }
    return out;
  }

  /**
   * Crypto-shred a subject: the ledger records it (synced to disk first), then the key row is
   * deleted in the caller's transaction. Every value sealed under the key — in the row, in audit
   * events, in backups — opens to REDACTED from now on. True when a key existed.
   */
  async shredSubject(db: Db, tenantId: string, subjectId: string, at: Date): Promise<boolean> {
    this.ledger.append(tenantId, subjectId, at);
    const deleted = await db
      .deleteFrom('subject_keys')
      .where('tenant_id', '=', tenantId)
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
    return Number(deleted.numDeletedRows) > 0;
  }

  /**
   * Re-wrap subject keys wrapped by an older data key version under the active one (part of a
   * rotation's sweep), at most `limit` per call; returns how many were re-wrapped.
   */
  async rewrapSubjectKeys(db: Db, tenantId: string, limit: number): Promise<number> {
    const keys = await this.tenant(db, tenantId, { fresh: true });
    const active = this.cache.get(tenantId)?.data.get(keys.activeVersion);
    if (active === undefined) return 0;
    const rows = await db
      .selectFrom('subject_keys')
      .select(['subject_id', 'key_version', 'wrapped'])
      .where('tenant_id', '=', tenantId)
      .where('key_version', '<>', keys.activeVersion)
      .orderBy('subject_id')
      .limit(limit)
      .execute();
    for (const row of rows) {
      const subject = await this.unwrapSubject(db, keys, tenantId, row);
      await db
        .updateTable('subject_keys')
        .set({
          key_version: keys.activeVersion,
          wrapped: wrapKey(
            active,
            subject.key,
            subjectLabel(tenantId, row.subject_id, keys.activeVersion),
          ),
        })
        .where('tenant_id', '=', tenantId)
        .where('subject_id', '=', row.subject_id)
        .where('key_version', '=', row.key_version)
        .execute();
    }
    return rows.length;
  }

  private async unwrapSubject(
    db: Db,
    keys: TenantKeys,
    tenantId: string,
    row: { subject_id: string; key_version: number; wrapped: string },
  ): Promise<SubjectKey> {
    let wrapping = this.cache.get(tenantId)?.data.get(row.key_version);
    if (wrapping === undefined && !keys.versions.includes(row.key_version)) {
      await this.tenant(db, tenantId, { fresh: true });
      wrapping = this.cache.get(tenantId)?.data.get(row.key_version);
    }
    const key =
      wrapping === undefined
        ? undefined
        : unwrapKey(wrapping, row.wrapped, subjectLabel(tenantId, row.subject_id, row.key_version));
    if (key === undefined)
      throw new CryptoError(
        'DECRYPT_FAILED',
        `the key of subject ${row.subject_id} does not open under data key v${row.key_version}`,
        { tenantId, subjectId: row.subject_id, version: row.key_version },
      );
    return { subjectId: row.subject_id, keyVersion: row.key_version, key };
  }

  private async readKeys(db: Db, tenantId: string) {
    return db
      .selectFrom('data_keys')
      .select(['purpose', 'version', 'state', 'wrapped'])
      .where('tenant_id', '=', tenantId)
      .orderBy('version')
      .execute();
  }

  private async createFirstKeys(
    db: Db,
    tenantId: string,
    existing: readonly { purpose: string }[],
  ): Promise<void> {
    const at = new Date(this.clock());
    for (const purpose of ['data', 'blind'] as const) {
      if (existing.some((r) => r.purpose === purpose)) continue;
      await db
        .insertInto('data_keys')
        .values({
          tenant_id: tenantId,
          purpose,
          version: 1,
          state: 'active',
          wrapped: wrapKey(
            this.options.kek,
            randomBytes(KEY_BYTES),
            dataLabel(tenantId, purpose, 1),
          ),
          created_at: at,
        })
        // Two nodes making the first keys at once: one wins, both then read the winner's.
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
}

function tenantKeys(
  tenantId: string,
  activeVersion: number,
  data: ReadonlyMap<number, Buffer>,
  blind: Buffer,
): TenantKeys {
  const versions = [...data.keys()].sort((a, b) => a - b);
  return {
    tenantId,
    activeVersion,
    versions,
    seal(aad, value, options = {}) {
      check(aad, tenantId);
      if (options.subject !== undefined)
        return sealWith(
          options.subject.key,
          { kind: 'subject', subjectId: options.subject.subjectId },
          aad,
          value,
          options.masked,
        );
      const key = data.get(activeVersion) as Buffer;
      return sealWith(key, { kind: 'tenant', version: activeVersion }, aad, value, options.masked);
    },
    open(aad, sealed, subjects) {
      check(aad, tenantId);
      const ref = keyRefOf(sealed);
      if (ref.kind === 'subject') {
        const subject = subjects?.get(ref.subjectId);
        if (subject === undefined && subjects?.has(ref.subjectId) !== true)
          throw new CryptoError(
            'DECRYPT_FAILED',
            `the value of ${aad.table}/${aad.recordId} field ${aad.field} needs subject ${ref.subjectId}'s key: load it with subjectKeys`,
            { table: aad.table, recordId: aad.recordId, field: aad.field },
          );
        if (subject === null || subject === undefined) return REDACTED;
        return openWith(subject.key, sealed, aad);
      }
      const key = data.get(ref.version);
      if (key === undefined)
        throw new CryptoError(
          'KEY_VERSION_UNKNOWN',
          `tenant ${tenantId} has no data key v${ref.version} (needed by ${aad.table}/${aad.recordId} ${aad.field})`,
          { version: ref.version },
        );
      return openWith(key, sealed, aad);
    },
    blindIndex(object, field, value) {
      return createHmac('sha256', blind)
        .update(`${object}\u0000${field}\u0000${normaliseForIndex(value)}`, 'utf8')
        .digest()
        .subarray(0, 16)
        .toString('base64url');
    },
  };
}

function check(aad: FieldAad, tenantId: string): void {
  if (aad.tenantId !== tenantId)
    throw new CryptoError(
      'DECRYPT_FAILED',
      `a value of tenant ${aad.tenantId} was handed to tenant ${tenantId}'s keys`,
      {},
    );
}

async function inTransaction<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** A keyring over `kek` (see `Keyring`). */
export function createKeyring(options: KeyringOptions): Keyring {
  return new Keyring(options);
}
