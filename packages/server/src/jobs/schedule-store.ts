import type { Kysely } from 'kysely';
import type { StoreSchema } from '@custos/store';
import { ALL_TENANTS, enqueueJob } from './job-queue.ts';

export interface ScheduleStatus {
  name: string;
  everyMs: number;
  nextRunAt: number;
  lastRunAt: number | null;
  lastFinishedAt: number | null;
  lastStatus: 'ok' | 'failed' | null;
  lastError: string | null;
  lastDurationMs: number | null;
  runs: number;
  failures: number;
}

const ms = (d: Date | string | null): number | null =>
  d === null ? null : d instanceof Date ? d.getTime() : Date.parse(d);

/**
 * Make sure each schedule has its row: a new schedule is due now; an existing one keeps its next
 * tick (a restart does not run everything again) unless its interval changed.
 */
export async function upsertSchedules(
  db: Kysely<StoreSchema>,
  schedules: readonly { name: string; everyMs: number }[],
  now: number,
): Promise<void> {
  for (const s of schedules) {
    await db
      .insertInto('job_schedules')
      .values({
        tenant_id: ALL_TENANTS,
        name: s.name,
        every_ms: s.everyMs,
        next_run_at: new Date(now),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
      .execute();
    await db
      .updateTable('job_schedules')
      .set({ every_ms: s.everyMs, next_run_at: new Date(now + s.everyMs) })
      .where('tenant_id', '=', ALL_TENANTS)
      .where('name', '=', s.name)
      .where('every_ms', '<>', s.everyMs)
      .where('next_run_at', '>', new Date(now + s.everyMs))
      .execute();
  }
}

/**
 * Take the due tick of one schedule and queue its job, in one transaction. The conditional update
 * is the lock: of two nodes at once, the second re-reads the row after the first commits, sees the
 * next tick in the future and takes nothing. A node that was down does not replay missed ticks.
 * Returns whether this node took the tick.
 */
export async function takeDueTick(
  db: Kysely<StoreSchema>,
  schedule: { name: string; everyMs: number },
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const taken = await tx
      .updateTable('job_schedules')
      .set({ next_run_at: new Date(now + schedule.everyMs), last_run_at: new Date(now) })
      .where('tenant_id', '=', ALL_TENANTS)
      .where('name', '=', schedule.name)
      .where('next_run_at', '<=', new Date(now))
      .returning('next_run_at')
      .executeTakeFirst();
    if (taken === undefined) return false;
    await enqueueJob(tx, {
      name: schedule.name,
      payload: { schedule: schedule.name, tick: now },
      uniqueKey: 'tick',
      maxAttempts: 1,
      backoffMs: 0,
      now,
    });
    return true;
  });
}

/** Record how a tick ended. */
export async function recordTickResult(
  db: Kysely<StoreSchema>,
  name: string,
  result: { finishedAt: number; durationMs: number; error: string | null },
): Promise<void> {
  const row = await db
    .selectFrom('job_schedules')
    .select(['runs', 'failures'])
    .where('tenant_id', '=', ALL_TENANTS)
    .where('name', '=', name)
    .executeTakeFirst();
  if (row === undefined) return;
  await db
    .updateTable('job_schedules')
    .set({
      last_finished_at: new Date(result.finishedAt),
      last_status: result.error === null ? 'ok' : 'failed',
      last_error: result.error === null ? null : result.error.slice(0, 2000),
      last_duration_ms: Math.round(result.durationMs),
      runs: Number(row.runs) + 1,
      failures: Number(row.failures) + (result.error === null ? 0 : 1),
    })
    .where('tenant_id', '=', ALL_TENANTS)
    .where('name', '=', name)
    .execute();
}

/** Every schedule with its last and next run. */
export async function listSchedules(db: Kysely<StoreSchema>): Promise<ScheduleStatus[]> {
  const rows = await db
    .selectFrom('job_schedules')
    .selectAll()
    .where('tenant_id', '=', ALL_TENANTS)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    name: r.name,
    everyMs: Number(r.every_ms),
    nextRunAt: ms(r.next_run_at) ?? 0,
    lastRunAt: ms(r.last_run_at),
    lastFinishedAt: ms(r.last_finished_at),
    lastStatus: r.last_status as 'ok' | 'failed' | null,
    lastError: r.last_error,
    lastDurationMs: r.last_duration_ms,
    runs: Number(r.runs),
    failures: Number(r.failures),
  }));
}
