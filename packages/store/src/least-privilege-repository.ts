import { sql, type Kysely } from 'kysely';
import type { AuditOutcome, StoreSchema } from './schema.ts';

/** Audit events of one actor, action and outcome in a window, counted (least-privilege analytics). */
export interface AuditActionCount {
  actorId: string;
  action: string;
  outcome: AuditOutcome;
  count: number;
  /** The newest event's time, ms since the epoch. */
  lastAt: number;
  /** Up to five targets of the newest events (`customer/c-1`). */
  targets: string[];
}

/**
 * A tenant's audit events from `from` (inclusive) to `to` (exclusive), counted per actor, action
 * and outcome (optionally one outcome): what least-privilege analytics read of the audit stream —
 * writes a user made, requests refused to them. Events of the system (no actor) are left out.
 */
export async function countAuditActions(
  db: Kysely<StoreSchema>,
  tenantId: string,
  options: { from: Date; to: Date; outcome?: AuditOutcome },
): Promise<AuditActionCount[]> {
  let q = db
    .selectFrom('audit_events')
    .select([
      'actor_id',
      'action',
      'outcome',
      sql<string>`count(*)`.as('n'),
      sql<Date | string>`max(at)`.as('last_at'),
      sql<
        string[] | string
      >`(array_agg(target order by id desc) filter (where target is not null))[1:5]`.as('targets'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('at', '>=', options.from)
    .where('at', '<', options.to)
    .where('actor_id', 'is not', null)
    .groupBy(['actor_id', 'action', 'outcome'])
    .orderBy('actor_id')
    .orderBy('action');
  if (options.outcome !== undefined) q = q.where('outcome', '=', options.outcome);
  const rows = await q.execute();
  return rows.map((r) => ({
    actorId: r.actor_id as string,
    action: r.action,
    outcome: r.outcome,
    count: Number(r.n),
    lastAt: (r.last_at instanceof Date ? r.last_at : new Date(r.last_at)).getTime(),
    targets: Array.isArray(r.targets) ? r.targets : [],
  }));
}
