import { randomUUID } from 'node:crypto';
import { mask, OBJECT_TYPES, type ObjectType, type PolicyModel } from '@custos/engine';
import {
  appendAuditEvent,
  CryptoError,
  encryptedFieldsOf,
  fieldAad,
  isRedacted,
  isSealed,
  keyRefOf,
  loadPolicyModel,
  RECORD_TABLE,
  subjectOf,
  writeBlindIndex,
  type Database,
  type EncryptedFields,
  type Keyring,
  type Sealed,
  type SubjectKey,
  type TenantKeys,
} from '@custos/store';
import { enqueueJob } from '../../jobs/job-queue.ts';
import { countValuesByKey, staleSubjectKeys, staleValues } from './key-usage.ts';
import {
  countRecords,
  findSweep,
  freshTables,
  insertSweep,
  MAX_SWEEP_ERRORS,
  runningSweep,
  saveSweep,
  takeSweepLease,
  type EncryptionSweep,
  type SweepCounts,
  type SweepTrigger,
} from './sweep-store.ts';

type Db = Database['db'];

/** The background job that re-seals a tenant's values (docs/key-rotation.md). */
export const SWEEP_JOB = 'encryption.sweep';

/** Records per page (one transaction, rows locked). */
export const SWEEP_PAGE_SIZE = 200;
/** Pages per job run: a run is bounded, then the sweep re-enqueues itself. */
export const SWEEP_PAGES_PER_RUN = 25;
/** How long a run holds the sweep before another may take it over (its node died). */
export const SWEEP_LEASE_MS = 120_000;
/** Passes before a sweep that keeps finding values it cannot bring to the target gives up. */
export const SWEEP_MAX_PASSES = 5;

/** What the sweep needs: the database, the keys, the clock; `signal` stops it between pages. */
export interface SweepServices {
  database: Database;
  keyring: Keyring;
  clock: () => number;
  signal?: AbortSignal;
}

export interface SweepRunOptions {
  pageSize?: number;
  maxPages?: number;
  /** This run's name in the sweep's lease (default: a random one). */
  runId?: string;
  leaseMs?: number;
}

/** What one bounded run of a sweep ended with. */
export type SweepRunOutcome =
  /** Work is left: run again. */
  | 'more'
  /** The sweep finished (done, or failed after its passes). */
  | 'finished'
  /** Another run holds the sweep. */
  | 'busy'
  /** No running sweep by that id. */
  | 'gone';

/** The tenant's active data key version as stored (1 before the first keys are made). */
export async function activeDataKeyVersion(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('data_keys')
    .select('version')
    .where('tenant_id', '=', tenantId)
    .where('purpose', '=', 'data')
    .where('state', '=', 'active')
    .executeTakeFirst();
  return row?.version ?? 1;
}

/** Queue the sweep's next run (a key per run: the running job's own key would make it a no-op). */
export async function enqueueSweepRun(
  db: Db,
  sweep: { tenantId: string; id: string },
  now: number,
  after: string,
): Promise<void> {
  await enqueueJob(db, {
    name: SWEEP_JOB,
    tenantId: sweep.tenantId,
    payload: { sweepId: sweep.id },
    uniqueKey: `${sweep.id}:${after}`,
    maxAttempts: 5,
    backoffMs: 10_000,
    now,
  });
}

/**
 * Start a sweep of the tenant in the caller's transaction (its job commits with it), or, when one
 * is running, return that one: its final count reads the policy as it is then, so a field turned
 * on or off meanwhile is covered (another pass when needed).
 */
export async function requestEncryptionSweep(
  tx: Db,
  options: {
    tenantId: string;
    reason: string;
    trigger: SweepTrigger;
    requestedBy: string | null;
    now: number;
    targetVersion?: number;
  },
): Promise<{ sweep: EncryptionSweep; started: boolean }> {
  const running = await runningSweep(tx, options.tenantId, { forUpdate: true });
  if (running !== undefined) return { sweep: running, started: false };
  const sweep = await insertSweep(tx, {
    tenantId: options.tenantId,
    reason: options.reason,
    trigger: options.trigger,
    requestedBy: options.requestedBy,
    targetVersion: options.targetVersion ?? (await activeDataKeyVersion(tx, options.tenantId)),
    totals: await countRecords(tx, options.tenantId),
    now: options.now,
  });
  await enqueueSweepRun(tx, sweep, options.now, 'start');
  return { sweep, started: true };
}

/** Whether a policy change turned some field's encryption on or off. */
export function encryptionChanged(before: PolicyModel, after: PolicyModel): boolean {
  return OBJECT_TYPES.some((object) => {
    const a = encryptedFieldsOf(before, object).fields;
    const b = encryptedFieldsOf(after, object).fields;
    return a.size !== b.size || [...a].some((f) => !b.has(f));
  });
}

/**
 * One bounded run of a sweep: up to `maxPages` pages of records brought to the target state, each
 * page in its own transaction with its rows locked and the sweep's progress written with it (a
 * crash loses at most the page in hand). When every table is done: subject keys re-wrapped, then
 * the final count of values still not in the target state — 0 finishes the sweep (audited
 * `encryption.sweep.complete`), else another pass (a writer on another node may have sealed with
 * keys cached before the rotation).
 */
export async function advanceSweep(
  services: SweepServices,
  tenantId: string,
  sweepId: string,
  options: SweepRunOptions = {},
): Promise<SweepRunOutcome> {
  const db = services.database.db;
  const runId = options.runId ?? `run-${randomUUID()}`;
  const pageSize = options.pageSize ?? SWEEP_PAGE_SIZE;
  const maxPages = options.maxPages ?? SWEEP_PAGES_PER_RUN;
  const leaseMs = options.leaseMs ?? SWEEP_LEASE_MS;
  const start = services.clock();
  if (!(await takeSweepLease(db, tenantId, sweepId, runId, start, start + leaseMs))) {
    const sweep = await findSweep(db, tenantId, sweepId);
    return sweep?.state === 'running' ? 'busy' : 'gone';
  }
  let sweep = (await findSweep(db, tenantId, sweepId)) as EncryptionSweep;
  let keys = await services.keyring.tenant(db, tenantId, { fresh: true });
  if (keys.activeVersion > sweep.targetVersion) sweep.targetVersion = keys.activeVersion;
  const model = await loadPolicyModel(db, tenantId);
  sweep.counts.runs += 1;
  let pages = 0;
  for (const object of OBJECT_TYPES) {
    while (!sweep.tables[object].finished && pages < maxPages) {
      if (services.signal?.aborted === true) break;
      sweep = await db
        .transaction()
        .execute((tx) => sweepPage(tx, services, keys, model, sweep, object, pageSize));
      pages += 1;
    }
  }
  const now = services.clock();
  if (OBJECT_TYPES.every((o) => sweep.tables[o].finished)) {
    for (;;) {
      const n = await services.keyring.rewrapSubjectKeys(db, tenantId, 500);
      sweep.counts.subjectKeysRewrapped += n;
      if (n === 0) break;
    }
    // The final count: the policy and the active key as they are now.
    keys = await services.keyring.tenant(db, tenantId, { fresh: true });
    const current = await loadPolicyModel(db, tenantId);
    const usage = await countValuesByKey(db, tenantId, current);
    const remaining =
      staleValues(usage, keys.activeVersion) +
      (await staleSubjectKeys(db, tenantId, keys.activeVersion));
    sweep.remaining = remaining;
    sweep.targetVersion = Math.max(sweep.targetVersion, keys.activeVersion);
    if (remaining === 0 || sweep.pass >= SWEEP_MAX_PASSES) {
      sweep.state = remaining === 0 ? 'done' : 'failed';
      sweep.finishedAt = new Date(now).toISOString();
      sweep.lease = null;
      const finished = sweep;
      await db.transaction().execute(async (tx) => {
        await saveSweep(tx, finished, now);
        await appendAuditEvent(tx, {
          tenantId,
          actorId: null,
          action: finished.state === 'done' ? 'encryption.sweep.complete' : 'encryption.sweep.fail',
          target: `encryption_sweep/${finished.id}`,
          before: null,
          after: {
            keyVersion: finished.targetVersion,
            trigger: finished.trigger,
            passes: finished.pass,
            counts: finished.counts,
            remaining,
            errors: finished.errors.length,
          },
          at: new Date(now),
        });
      });
      return 'finished';
    }
    sweep.pass += 1;
    sweep.tables = freshTables(await countRecords(db, tenantId));
  }
  sweep.lease = null;
  await saveSweep(db, sweep, now);
  return 'more';
}

/** One page of one table: rows locked, each brought to the target state, progress saved. */
async function sweepPage(
  tx: Db,
  services: SweepServices,
  keys: TenantKeys,
  model: PolicyModel,
  sweep: EncryptionSweep,
  object: ObjectType,
  pageSize: number,
): Promise<EncryptionSweep> {
  const { tenantId } = sweep;
  const progress = sweep.tables[object];
  const table = RECORD_TABLE[object];
  let query = tx
    .selectFrom(table)
    .select(['id', 'data'])
    .where('tenant_id', '=', tenantId)
    .orderBy('id')
    .limit(pageSize)
    .forUpdate();
  if (progress.cursor !== null) query = query.where('id', '>', progress.cursor);
  const rows = await query.execute();
  const encrypted = encryptedFieldsOf(model, object);
  const ids = rows.map((r) => r.id);
  const personal = subjectOf(object, 'x') !== undefined;
  const subjects = personal
    ? await services.keyring.subjectKeys(tx, tenantId, ids)
    : new Map<string, SubjectKey | null>();
  const indexed = new Set<string>();
  if (ids.length > 0 && encrypted.fields.size > 0) {
    const tokens = await tx
      .selectFrom('blind_index')
      .select(['record_id', 'field'])
      .where('tenant_id', '=', tenantId)
      .where('object', '=', object)
      .where('record_id', 'in', ids)
      .execute();
    for (const t of tokens) indexed.add(`${t.record_id}\u0000${t.field}`);
  }
  const counts: SweepCounts = { ...sweep.counts };
  const errors = [...sweep.errors];
  const at = new Date(services.clock());
  for (const row of rows) {
    const data =
      typeof row.data === 'string'
        ? (JSON.parse(row.data) as Record<string, unknown>)
        : (row.data as Record<string, unknown>);
    let subject = subjects.get(row.id) ?? null;
    if (personal && subject === null && !services.keyring.ledger.has(tenantId, row.id)) {
      const needsKey = [...encrypted.fields].some((f) => !isEmpty(data[f]));
      if (needsKey) {
        subject = await services.keyring.ensureSubjectKey(tx, tenantId, row.id, at);
        subjects.set(row.id, subject);
      }
    }
    const result = settleRecord(keys, {
      object,
      recordId: row.id,
      data,
      encrypted,
      subject,
      personal,
      subjects,
      indexed,
      erased: personal && services.keyring.ledger.has(tenantId, row.id),
    });
    counts.resealed += result.resealed;
    counts.sealed += result.sealed;
    counts.opened += result.opened;
    counts.erased += result.erased;
    for (const e of result.errors)
      if (errors.length < MAX_SWEEP_ERRORS) errors.push({ ...e, at: at.toISOString() });
    if (result.changed) {
      const name = result.data['name'];
      // `updated_at` stays: re-sealing is not a change of the record. `name` mirrors the field
      // for prefix search: never a sealed value's text.
      await tx
        .updateTable(table)
        .set({
          data: JSON.stringify(result.data),
          ...(Object.hasOwn(result.data, 'name')
            ? { name: typeof name === 'string' ? name : null }
            : {}),
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', row.id)
        .execute();
    }
    if (Object.keys(result.tokens).length > 0) {
      await writeBlindIndex(tx, tenantId, object, row.id, result.tokens);
      counts.indexed += Object.keys(result.tokens).length;
    }
  }
  // Tokens of fields no longer encrypted go with their ciphertext.
  if (ids.length > 0) {
    let drop = tx
      .deleteFrom('blind_index')
      .where('tenant_id', '=', tenantId)
      .where('object', '=', object)
      .where('record_id', 'in', ids);
    if (encrypted.fields.size > 0) drop = drop.where('field', 'not in', [...encrypted.fields]);
    const dropped = await drop.executeTakeFirst();
    counts.indexed += Number(dropped.numDeletedRows);
  }
  counts.records += rows.length;
  const next: EncryptionSweep = {
    ...sweep,
    counts,
    errors,
    tables: {
      ...sweep.tables,
      [object]: {
        ...progress,
        done: progress.done + rows.length,
        total: Math.max(progress.total, progress.done + rows.length),
        cursor: rows.at(-1)?.id ?? progress.cursor,
        finished: rows.length < pageSize,
      },
    },
  };
  await saveSweep(tx, next, services.clock());
  return next;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

interface Settled {
  data: Record<string, unknown>;
  changed: boolean;
  tokens: Record<string, string | null>;
  resealed: number;
  sealed: number;
  opened: number;
  erased: number;
  errors: { object: string; recordId: string; field: string; code: string; message: string }[];
}

/**
 * One record brought to the target state (pure, given its keys): each encrypted field sealed
 * under the active key (a person's under their own key), re-sealed when under another key; each
 * sealed value of a field no longer encrypted opened back to clear; a missing blind index token
 * computed. A value that does not open is left as it is and reported.
 */
export function settleRecord(
  keys: TenantKeys,
  place: {
    object: ObjectType;
    recordId: string;
    data: Readonly<Record<string, unknown>>;
    encrypted: EncryptedFields;
    subject: SubjectKey | null;
    personal: boolean;
    subjects: ReadonlyMap<string, SubjectKey | null>;
    /** `recordId \0 field` of the tokens the record has. */
    indexed: ReadonlySet<string>;
    /** The person was erased (their key destroyed): their values stay as they are. */
    erased: boolean;
  },
): Settled {
  const { object, recordId, encrypted } = place;
  const out: Settled = {
    data: { ...place.data },
    changed: false,
    tokens: {},
    resealed: 0,
    sealed: 0,
    opened: 0,
    erased: 0,
    errors: [],
  };
  const names = new Set([...Object.keys(place.data), ...encrypted.fields]);
  for (const field of names) {
    const value = place.data[field];
    const wantSealed = encrypted.fields.has(field);
    if (!wantSealed && !isSealed(value)) continue;
    if (wantSealed && isEmpty(value)) continue;
    const aad = fieldAad(keys.tenantId, object, recordId, field);
    try {
      if (!wantSealed) {
        const clear = keys.open(aad, value as Sealed, place.subjects);
        if (isRedacted(clear)) {
          out.erased += 1;
          continue;
        }
        out.data[field] = clear;
        out.changed = true;
        out.opened += 1;
        continue;
      }
      if (place.personal && place.subject === null) {
        // No key for this person: erased (their values stay as erasure left them).
        out.erased += 1;
        continue;
      }
      const sealOptions = (clear: unknown) => ({
        ...(place.personal && place.subject !== null ? { subject: place.subject } : {}),
        masked: mask(clear, encrypted.masks[field] ?? 'text'),
      });
      if (!isSealed(value)) {
        out.data[field] = keys.seal(aad, value, sealOptions(value));
        out.tokens[field] = keys.blindIndex(object, field, value);
        out.changed = true;
        out.sealed += 1;
        continue;
      }
      const ref = keyRefOf(value);
      const inTarget = place.personal
        ? ref.kind === 'subject' && ref.subjectId === recordId
        : ref.kind === 'tenant' && ref.version === keys.activeVersion;
      const hasToken = place.indexed.has(`${recordId}\u0000${field}`);
      if (inTarget && hasToken) continue;
      const clear = keys.open(aad, value, place.subjects);
      if (isRedacted(clear)) {
        out.erased += 1;
        continue;
      }
      if (!inTarget) {
        out.data[field] = keys.seal(aad, clear, sealOptions(clear));
        out.changed = true;
        out.resealed += 1;
      }
      if (!hasToken)
        out.tokens[field] = isEmpty(clear) ? null : keys.blindIndex(object, field, clear);
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
      out.errors.push({ object, recordId, field, code: error.code, message: error.message });
    }
  }
  return out;
}
