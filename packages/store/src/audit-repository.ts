import type { Kysely } from 'kysely';
import type { AuditOutcome, StoreSchema } from './schema.ts';

/** One audited change: who did what to which target, when, and the state before and after. */
export interface AuditEvent {
  tenantId: string;
  /** The acting user; null for the system (migrations, seeding). */
  actorId: string | null;
  /** A stable dotted name: `customer.update`, `role.update`, `team.add`, `auth.login` … */
  action: string;
  /** What was acted on, e.g. `customer/c-42` or `role/sales-rep`. */
  target: string | null;
  before?: unknown;
  after?: unknown;
  at: Date;
  /** Default `success`. */
  outcome?: AuditOutcome;
  /** The user whose access served the request when it is not the actor's own (view as). */
  actingAsId?: string | null;
  /** The request's id, the caller's address and user agent (absent for the CLI and jobs). */
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Append an audit event. Pass the transaction that makes the change, so that the change and its
 * audit row commit together or not at all. (The hash chain comes with the governance issue.)
 */
export async function appendAuditEvent(db: Kysely<StoreSchema>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      tenant_id: event.tenantId,
      at: event.at,
      actor_id: event.actorId,
      action: event.action,
      target: event.target,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      outcome: event.outcome ?? 'success',
      acting_as_id: event.actingAsId ?? null,
      request_id: event.requestId ?? null,
      ip: event.ip ?? null,
      user_agent: event.userAgent ?? null,
    })
    .execute();
}

/** A tenant's audit events, newest first (for tests and the audit view). */
export async function listAuditEvents(
  db: Kysely<StoreSchema>,
  tenantId: string,
  options: { limit?: number; action?: string } = {},
): Promise<(Omit<AuditEvent, 'at'> & { id: string; at: Date })[]> {
  let q = db
    .selectFrom('audit_events')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100);
  if (options.action !== undefined) q = q.where('action', '=', options.action);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: String(r.id),
    tenantId: r.tenant_id,
    actorId: r.actor_id,
    action: r.action,
    target: r.target,
    before: parseJson(r.before),
    after: parseJson(r.after),
    at: r.at instanceof Date ? r.at : new Date(r.at),
    outcome: r.outcome,
    actingAsId: r.acting_as_id,
    requestId: r.request_id,
    ip: r.ip,
    userAgent: r.user_agent,
  }));
}

function parseJson(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}
