import { sql, type Kysely } from 'kysely';
import type { StoreSchema } from './schema.ts';

/**
 * One user's use of one permission on one UTC day. `permission` is the route's declared
 * permission in its text form (`record:customer:read`, `function:export`); `records` counts the
 * records the requests returned (a list page counts its rows).
 */
export interface UsageCount {
  tenantId: string;
  userId: string;
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  permission: string;
  requests: number;
  records: number;
  /** The last use, ms since the epoch. */
  lastAt: number;
}

/** Add counts (summed into existing rows of the same user, day and permission). */
export async function addUsage(
  db: Kysely<StoreSchema>,
  counts: readonly UsageCount[],
): Promise<void> {
  if (counts.length === 0) return;
  await db
    .insertInto('usage_daily')
    .values(
      counts.map((c) => ({
        tenant_id: c.tenantId,
        user_id: c.userId,
        day: c.day,
        permission: c.permission,
        requests: c.requests,
        records: c.records,
        last_at: new Date(c.lastAt),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'user_id', 'day', 'permission']).doUpdateSet({
        requests: sql`usage_daily.requests + excluded.requests`,
        records: sql`usage_daily.records + excluded.records`,
        last_at: sql`greatest(usage_daily.last_at, excluded.last_at)`,
      }),
    )
    .execute();
}

const dayText = (d: Date | string): string =>
  d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10);

/** A tenant's usage from `fromDay` to `toDay` (inclusive, `YYYY-MM-DD`), optionally one user's. */
export async function listUsage(
  db: Kysely<StoreSchema>,
  tenantId: string,
  options: { fromDay: string; toDay: string; userId?: string; permission?: string },
): Promise<UsageCount[]> {
  let query = db
    .selectFrom('usage_daily')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('day', '>=', options.fromDay)
    .where('day', '<=', options.toDay)
    .orderBy('day')
    .orderBy('user_id')
    .orderBy('permission');
  if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
  if (options.permission !== undefined) query = query.where('permission', '=', options.permission);
  const rows = await query.execute();
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    userId: r.user_id,
    day: dayText(r.day),
    permission: r.permission,
    requests: Number(r.requests),
    records: Number(r.records),
    lastAt: r.last_at instanceof Date ? r.last_at.getTime() : Date.parse(String(r.last_at)),
  }));
}
