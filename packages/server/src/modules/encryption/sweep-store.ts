import { randomUUID } from 'node:crypto';
import { OBJECT_TYPES, type ObjectType } from '@custos/engine';
import { RECORD_TABLE, type Database } from '@custos/store';

type Db = Database['db'];

/** Where a sweep stands in one object's table. */
export interface TableProgress {
  /** Records visited in this pass. */
  done: number;
  /** Records the table held when the pass began. */
  total: number;
  /** The last record id visited (keyset pages in id order); null before the first page. */
  cursor: string | null;
  finished: boolean;
}

/** What a sweep changed, summed over its passes. */
export interface SweepCounts {
  /** Records visited (every pass). */
  records: number;
  /** Values opened and sealed again under the active key (or the contact's key). */
  resealed: number;
  /** Clear values of fields now encrypted, sealed. */
  sealed: number;
  /** Sealed values of fields no longer encrypted, opened back to clear. */
  opened: number;
  /** Blind index tokens written or removed. */
  indexed: number;
  /** Subject keys re-wrapped under the active data key. */
  subjectKeysRewrapped: number;
  /** Values of erased people (their key is destroyed): left as they are. */
  erased: number;
  /** Job runs so far (a run is bounded; the sweep re-enqueues itself). */
  runs: number;
}

export interface SweepError {
  at: string;
  object: string;
  recordId: string;
  field: string;
  code: string;
  message: string;
}

export type SweepState = 'running' | 'done' | 'failed';
export type SweepTrigger = 'rotate' | 'policy' | 'manual';

export interface EncryptionSweep {
  tenantId: string;
  id: string;
  reason: string;
  trigger: SweepTrigger;
  requestedBy: string | null;
  /** The data key version every value is brought to (a later rotation raises it). */
  targetVersion: number;
  state: SweepState;
  pass: number;
  tables: Record<ObjectType, TableProgress>;
  counts: SweepCounts;
  errors: SweepError[];
  /** Values still not in the target state at the last final count (0 when done). */
  remaining: number | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** The run holding the sweep (a lease), and until when. */
  lease: { by: string; until: number } | null;
}

/** At most this many errors are kept on a sweep (the first ones; the count says how many). */
export const MAX_SWEEP_ERRORS = 50;

export const EMPTY_COUNTS: SweepCounts = {
  records: 0,
  resealed: 0,
  sealed: 0,
  opened: 0,
  indexed: 0,
  subjectKeysRewrapped: 0,
  erased: 0,
  runs: 0,
};

export function freshTables(
  totals: Readonly<Record<string, number>>,
): Record<ObjectType, TableProgress> {
  return Object.fromEntries(
    OBJECT_TYPES.map((object) => [
      object,
      { done: 0, total: totals[object] ?? 0, cursor: null, finished: false },
    ]),
  ) as Record<ObjectType, TableProgress>;
}

const iso = (d: Date | string | null): string | null =>
  d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString();

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function sweepFromRow(r: Record<string, unknown>): EncryptionSweep {
  const leaseBy = (r['lease_by'] as string | null) ?? null;
  const leaseUntil = r['lease_until'] as Date | string | null;
  return {
    tenantId: String(r['tenant_id']),
    id: String(r['id']),
    reason: String(r['reason']),
    trigger: r['trigger'] as SweepTrigger,
    requestedBy: (r['requested_by'] as string | null) ?? null,
    targetVersion: Number(r['target_version']),
    state: r['state'] as SweepState,
    pass: Number(r['pass']),
    tables: json<Record<ObjectType, TableProgress>>(r['tables']),
    counts: { ...EMPTY_COUNTS, ...json<Partial<SweepCounts>>(r['counts']) },
    errors: json<SweepError[]>(r['errors']),
    remaining: r['remaining'] === null ? null : Number(r['remaining']),
    startedAt: iso(r['started_at'] as Date) as string,
    updatedAt: iso(r['updated_at'] as Date) as string,
    finishedAt: iso(r['finished_at'] as Date | null),
    lease:
      leaseBy === null || leaseUntil === null
        ? null
        : { by: leaseBy, until: new Date(leaseUntil).getTime() },
  };
}

/** A new running sweep; CONFLICT-able: the partial unique index allows one running per tenant. */
export async function insertSweep(
  db: Db,
  sweep: {
    tenantId: string;
    reason: string;
    trigger: SweepTrigger;
    requestedBy: string | null;
    targetVersion: number;
    totals: Readonly<Record<string, number>>;
    now: number;
  },
): Promise<EncryptionSweep> {
  const at = new Date(sweep.now);
  const row = await db
    .insertInto('encryption_sweeps')
    .values({
      tenant_id: sweep.tenantId,
      id: `sweep-${randomUUID()}`,
      reason: sweep.reason,
      trigger: sweep.trigger,
      requested_by: sweep.requestedBy,
      target_version: sweep.targetVersion,
      state: 'running',
      pass: 1,
      tables: JSON.stringify(freshTables(sweep.totals)),
      counts: JSON.stringify(EMPTY_COUNTS),
      errors: '[]',
      remaining: null,
      started_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return sweepFromRow(row as unknown as Record<string, unknown>);
}

/** The running sweep of a tenant, if any (`forUpdate`: locked in the caller's transaction). */
export async function runningSweep(
  db: Db,
  tenantId: string,
  options: { forUpdate?: boolean } = {},
): Promise<EncryptionSweep | undefined> {
  let query = db
    .selectFrom('encryption_sweeps')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('state', '=', 'running');
  if (options.forUpdate === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : sweepFromRow(row as unknown as Record<string, unknown>);
}

/** One sweep by id (`forUpdate`: locked in the caller's transaction). */
export async function findSweep(
  db: Db,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<EncryptionSweep | undefined> {
  let query = db
    .selectFrom('encryption_sweeps')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (options.forUpdate === true) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row === undefined ? undefined : sweepFromRow(row as unknown as Record<string, unknown>);
}

/** The tenant's sweeps, newest first. */
export async function listSweeps(
  db: Db,
  tenantId: string,
  limit: number,
): Promise<EncryptionSweep[]> {
  const rows = await db
    .selectFrom('encryption_sweeps')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => sweepFromRow(r as unknown as Record<string, unknown>));
}

/** Write a sweep's progress back (its id and tenant name the row). */
export async function saveSweep(db: Db, sweep: EncryptionSweep, now: number): Promise<void> {
  await db
    .updateTable('encryption_sweeps')
    .set({
      target_version: sweep.targetVersion,
      state: sweep.state,
      pass: sweep.pass,
      tables: JSON.stringify(sweep.tables),
      counts: JSON.stringify(sweep.counts),
      lease_by: sweep.lease?.by ?? null,
      lease_until: sweep.lease === null ? null : new Date(sweep.lease.until),
      errors: JSON.stringify(sweep.errors),
      remaining: sweep.remaining,
      updated_at: new Date(now),
      finished_at: sweep.finishedAt === null ? null : new Date(sweep.finishedAt),
    })
    .where('tenant_id', '=', sweep.tenantId)
    .where('id', '=', sweep.id)
    .execute();
}

/** The record count of each object's table for a tenant (a pass's totals). */
export async function countRecords(db: Db, tenantId: string): Promise<Record<ObjectType, number>> {
  const out = {} as Record<ObjectType, number>;
  for (const object of OBJECT_TYPES) {
    const row = await db
      .selectFrom(RECORD_TABLE[object])
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    out[object] = Number(row?.n ?? 0);
  }
  return out;
}

/**
 * Take the sweep for one run until `until`: true when it was free (no lease, or an expired one,
 * or this run's own). Two runs of one sweep never work at once.
 */
export async function takeSweepLease(
  db: Db,
  tenantId: string,
  id: string,
  by: string,
  now: number,
  until: number,
): Promise<boolean> {
  const result = await db
    .updateTable('encryption_sweeps')
    .set({ lease_by: by, lease_until: new Date(until) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('state', '=', 'running')
    .where((eb) =>
      eb.or([
        eb('lease_until', 'is', null),
        eb('lease_until', '<', new Date(now)),
        eb('lease_by', '=', by),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
