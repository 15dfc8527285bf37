import { sql, type Kysely } from 'kysely';
import type { AuditOutcome, StoreSchema } from './schema.ts';

/**
 * Reading the audit log (governance, issue 10): filters, keyset pages newest first, and the count
 * the reveal rate limit needs. Writing stays `appendAuditEvent` (`audit-repository.ts`).
 */

/** What to look for; every filter is optional and they combine with AND. */
export interface AuditFilter {
  /** The acting user (under view as: the viewer). */
  actorId?: string;
  /** The user whose access served the request (view as). */
  actingAsId?: string;
  /** An exact action (`customer.update`), or a prefix when it ends with a dot (`customer.`). */
  action?: string;
  /** The exact target, e.g. `customer/c-42`. */
  target?: string;
  outcome?: AuditOutcome;
  /** Events at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
}

export interface AuditQuery extends AuditFilter {
  tenantId: string;
  /** Page size. */
  limit: number;
  /** Keyset position: only events older than this id (exclusive). */
  beforeId?: string;
}

/** An audit event as it was stored. */
export interface StoredAuditEvent {
  id: string;
  at: Date;
  actorId: string | null;
  actingAsId: string | null;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  events: StoredAuditEvent[];
  /** The id to pass as `beforeId` for the next page; null on the last page. */
  nextBeforeId: string | null;
}

/** `like` special characters escaped (backslash is PostgreSQL's default escape). */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The tenant's events matching the filter (no order, no page). */
function filtered(db: Kysely<StoreSchema>, query: AuditFilter & { tenantId: string }) {
  let q = db.selectFrom('audit_events').where('tenant_id', '=', query.tenantId);
  if (query.actorId !== undefined) q = q.where('actor_id', '=', query.actorId);
  if (query.actingAsId !== undefined) q = q.where('acting_as_id', '=', query.actingAsId);
  if (query.action !== undefined)
    q = query.action.endsWith('.')
      ? q.where('action', 'like', likePrefix(query.action))
      : q.where('action', '=', query.action);
  if (query.target !== undefined) q = q.where('target', '=', query.target);
  if (query.outcome !== undefined) q = q.where('outcome', '=', query.outcome);
  if (query.from !== undefined) q = q.where('at', '>=', query.from);
  if (query.to !== undefined) q = q.where('at', '<', query.to);
  return q;
}

/** How many events match, counting no further than `upTo` (an export's progress total). */
export async function countAuditEvents(
  db: Kysely<StoreSchema>,
  query: AuditFilter & { tenantId: string },
  upTo: number,
): Promise<number> {
  const row = await db
    .selectFrom(filtered(db, query).select('id').limit(upTo).as('m'))
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One page of a tenant's audit events matching `query`, newest first (by id). */
export async function searchAuditEvents(
  db: Kysely<StoreSchema>,
  query: AuditQuery,
): Promise<AuditPage> {
  let q = filtered(db, query).select([
    'id',
    'at',
    'actor_id',
    'acting_as_id',
    'action',
    'target',
    'outcome',
    'request_id',
    'ip',
    'user_agent',
    'before',
    'after',
  ]);
  if (query.beforeId !== undefined) q = q.where('id', '<', query.beforeId);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const more = rows.length > query.limit;
  const page = more ? rows.slice(0, query.limit) : rows;
  return {
    events: page.map((r) => ({
      id: String(r.id),
      at: r.at instanceof Date ? r.at : new Date(r.at),
      actorId: r.actor_id,
      actingAsId: r.acting_as_id,
      action: r.action,
      target: r.target,
      outcome: r.outcome,
      requestId: r.request_id,
      ip: r.ip,
      userAgent: r.user_agent,
      before: parseJson(r.before),
      after: parseJson(r.after),
    })),
    nextBeforeId: more ? String(page[page.length - 1]?.id) : null,
  };
}

/**
 * Every event matching `query`, page by page (for exports): one bounded page in memory at a time,
 * at most `maxEvents` in all (then `truncated` is called).
 */
export async function* auditEventPages(
  db: Kysely<StoreSchema>,
  query: Omit<AuditQuery, 'limit' | 'beforeId'>,
  options: { pageSize: number; maxEvents: number },
): AsyncGenerator<StoredAuditEvent[], { count: number; truncated: boolean }> {
  let beforeId: string | undefined;
  let count = 0;
  for (;;) {
    const limit = Math.min(options.pageSize, options.maxEvents - count);
    if (limit <= 0) {
      const rest = await searchAuditEvents(db, {
        ...query,
        limit: 1,
        ...(beforeId === undefined ? {} : { beforeId }),
      });
      return { count, truncated: rest.events.length > 0 };
    }
    const page = await searchAuditEvents(db, {
      ...query,
      limit,
      ...(beforeId === undefined ? {} : { beforeId }),
    });
    if (page.events.length > 0) yield page.events;
    count += page.events.length;
    if (page.nextBeforeId === null) return { count, truncated: false };
    beforeId = page.nextBeforeId;
  }
}

/**
 * How many successful events of `actorId` whose action ends with `.${verb}` happened at or after `since`
 * (the reveal rate limit counts `<object>.reveal`). Inside a transaction, `lock` first serialises
 * concurrent counters of the same actor (a transaction-scoped advisory lock), so two requests
 * cannot both pass the last free slot.
 */
export async function countRecentActions(
  db: Kysely<StoreSchema>,
  args: { tenantId: string; actorId: string; verb: string; since: Date; lock?: boolean },
): Promise<number> {
  if (args.lock === true)
    await sql`select pg_advisory_xact_lock(hashtext(${JSON.stringify(['audit-count', args.tenantId, args.actorId, args.verb])}))`.execute(
      db,
    );
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('tenant_id', '=', args.tenantId)
    .where('actor_id', '=', args.actorId)
    .where('action', 'like', `%.${args.verb}`)
    .where('outcome', '=', 'success')
    .where('at', '>=', args.since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The oldest matching event's time among the recent ones (when the next slot frees). */
export async function oldestRecentAction(
  db: Kysely<StoreSchema>,
  args: { tenantId: string; actorId: string; verb: string; since: Date },
): Promise<Date | null> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.min('at').as('first'))
    .where('tenant_id', '=', args.tenantId)
    .where('actor_id', '=', args.actorId)
    .where('action', 'like', `%.${args.verb}`)
    .where('outcome', '=', 'success')
    .where('at', '>=', args.since)
    .executeTakeFirst();
  const first = row?.first as Date | string | null | undefined;
  return first === null || first === undefined ? null : new Date(first);
}

function parseJson(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}
