import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { StoreSchema } from '@custos/store';

/** The tenant of a job that concerns every tenant (a recurring pass). */
export const ALL_TENANTS = '';

/** The longest wait between two attempts, whatever the backoff. */
export const MAX_BACKOFF_MS = 3_600_000;

export interface NewJob {
  name: string;
  payload?: unknown;
  /** The tenant the job concerns; default `ALL_TENANTS`. */
  tenantId?: string;
  /** When it may run, ms since the epoch; default `now`. */
  runAt?: number;
  /** A job with the same name and key still waiting or running makes this one a no-op. */
  uniqueKey?: string;
  /** Default 5. */
  maxAttempts?: number;
  /** Default 10 s; doubles per attempt. */
  backoffMs?: number;
  now: number;
}

export type JobState = 'queued' | 'running' | 'done' | 'dead';

export interface StoredJob {
  id: string;
  tenantId: string;
  name: string;
  payload: unknown;
  uniqueKey: string | null;
  state: JobState;
  runAt: number;
  attempts: number;
  maxAttempts: number;
  backoffMs: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  lastError: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

const ms = (d: Date | string | null): number | null =>
  d === null ? null : d instanceof Date ? d.getTime() : Date.parse(d);

function jobFromRow(r: Record<string, unknown>): StoredJob {
  return {
    id: String(r['id']),
    tenantId: String(r['tenant_id']),
    name: String(r['name']),
    payload: typeof r['payload'] === 'string' ? JSON.parse(r['payload']) : r['payload'],
    uniqueKey: (r['unique_key'] as string | null) ?? null,
    state: r['state'] as JobState,
    runAt: ms(r['run_at'] as Date) ?? 0,
    attempts: Number(r['attempts']),
    maxAttempts: Number(r['max_attempts']),
    backoffMs: Number(r['backoff_ms']),
    lockedBy: (r['locked_by'] as string | null) ?? null,
    lockedUntil: ms(r['locked_until'] as Date | null),
    lastError: (r['last_error'] as string | null) ?? null,
    createdAt: ms(r['created_at'] as Date) ?? 0,
    startedAt: ms(r['started_at'] as Date | null),
    finishedAt: ms(r['finished_at'] as Date | null),
  };
}

/**
 * Queue a job (pass the transaction that makes the change it follows from, so both commit or
 * neither). Returns the job's id, or null when `uniqueKey` matched a job still waiting or running.
 */
export async function enqueueJob(db: Kysely<StoreSchema>, job: NewJob): Promise<string | null> {
  const row = await db
    .insertInto('jobs')
    .values({
      tenant_id: job.tenantId ?? ALL_TENANTS,
      name: job.name,
      payload: JSON.stringify(job.payload ?? {}),
      unique_key: job.uniqueKey ?? null,
      state: 'queued',
      run_at: new Date(job.runAt ?? job.now),
      max_attempts: job.maxAttempts ?? 5,
      backoff_ms: job.backoffMs ?? 10_000,
      created_at: new Date(job.now),
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'name', 'unique_key'])
        .where('unique_key', 'is not', null)
        .where('state', 'in', ['queued', 'running'])
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row === undefined ? null : String(row.id);
}

/**
 * Claim up to `limit` due jobs of `names` for `nodeId` until `leaseUntil`: queued jobs whose time
 * has come, and running jobs whose lease expired (their node died). `FOR UPDATE SKIP LOCKED`: two
 * nodes claiming at once never claim the same job.
 */
export async function claimJobs(
  db: Kysely<StoreSchema>,
  options: {
    names: readonly string[];
    nodeId: string;
    now: number;
    leaseUntil: number;
    limit: number;
  },
): Promise<StoredJob[]> {
  if (options.names.length === 0) return [];
  const now = new Date(options.now);
  const { rows } = await sql<Record<string, unknown>>`
    with due as (
      select tenant_id, id from jobs
      where name in (${sql.join(options.names)})
        and ((state = 'queued' and run_at <= ${now})
          or (state = 'running' and locked_until < ${now}))
      order by run_at, id
      limit ${options.limit}
      for update skip locked
    )
    update jobs j set state = 'running', attempts = j.attempts + 1, locked_by = ${options.nodeId},
      locked_until = ${new Date(options.leaseUntil)}, started_at = ${now}
    from due where j.tenant_id = due.tenant_id and j.id = due.id
    returning j.*`.execute(db);
  return rows.map(jobFromRow).sort((a, b) => a.runAt - b.runAt || Number(a.id) - Number(b.id));
}

/** Extend the lease of the jobs `nodeId` is running (a heartbeat). */
export async function extendLeases(
  db: Kysely<StoreSchema>,
  nodeId: string,
  jobs: readonly { tenantId: string; id: string }[],
  leaseUntil: number,
): Promise<void> {
  for (const job of jobs)
    await db
      .updateTable('jobs')
      .set({ locked_until: new Date(leaseUntil) })
      .where('tenant_id', '=', job.tenantId)
      .where('id', '=', job.id)
      .where('locked_by', '=', nodeId)
      .where('state', '=', 'running')
      .execute();
}

/** The job is done. False when this node no longer held it (its lease expired and moved on). */
export async function completeJob(
  db: Kysely<StoreSchema>,
  job: { tenantId: string; id: string },
  nodeId: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'done', finished_at: new Date(now), locked_by: null, locked_until: null })
    .where('tenant_id', '=', job.tenantId)
    .where('id', '=', job.id)
    .where('locked_by', '=', nodeId)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The delay before attempt `attempts + 1`: `backoffMs · 2^(attempts−1)`, at most an hour. */
export function backoffDelay(backoffMs: number, attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * The attempt failed: queued again after the backoff, or dead with the error when it was the last
 * attempt. Returns the new state (null when this node no longer held the job).
 */
export async function failJob(
  db: Kysely<StoreSchema>,
  job: StoredJob,
  nodeId: string,
  now: number,
  error: string,
): Promise<'queued' | 'dead' | null> {
  const dead = job.attempts >= job.maxAttempts;
  const result = await db
    .updateTable('jobs')
    .set({
      state: dead ? 'dead' : 'queued',
      last_error: error.slice(0, 2000),
      locked_by: null,
      locked_until: null,
      ...(dead
        ? { finished_at: new Date(now) }
        : { run_at: new Date(now + backoffDelay(job.backoffMs, job.attempts)) }),
    })
    .where('tenant_id', '=', job.tenantId)
    .where('id', '=', job.id)
    .where('locked_by', '=', nodeId)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0 ? (dead ? 'dead' : 'queued') : null;
}

/** One job by id. */
export async function findJob(
  db: Kysely<StoreSchema>,
  tenantId: string,
  id: string,
): Promise<StoredJob | undefined> {
  const row = await db
    .selectFrom('jobs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : jobFromRow(row as unknown as Record<string, unknown>);
}

/** Jobs of the given tenants in a state, newest first. */
export async function listJobs(
  db: Kysely<StoreSchema>,
  options: { tenantIds: readonly string[]; states: readonly JobState[]; limit: number },
): Promise<StoredJob[]> {
  const rows = await db
    .selectFrom('jobs')
    .selectAll()
    .where('tenant_id', 'in', [...options.tenantIds])
    .where('state', 'in', [...options.states])
    .orderBy('id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((r) => jobFromRow(r as unknown as Record<string, unknown>));
}

/** Forget finished jobs older than `before` (done ones; dead ones are kept for the admin view). */
export async function pruneJobs(db: Kysely<StoreSchema>, before: number): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('state', '=', 'done')
    .where('finished_at', '<', new Date(before))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
