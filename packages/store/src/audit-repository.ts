import { sql, type Kysely } from 'kysely';
import {
  canonicalAuditJson,
  canonicalAuditJsonAroundSeq,
  chainHash,
  GENESIS_HASH,
} from './audit-chain.ts';
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

/** Where an appended event sits in its tenant's chain. */
export interface AppendedAuditEvent {
  id: string;
  seq: number;
  hash: string;
}

/**
 * Append an audit event — the ONE writer of `audit_events`. Pass the transaction that makes the
 * change, so that the change and its audit row commit together or not at all.
 *
 * One statement chains it (ADR 0013): it bumps the tenant's row in `audit_heads` (created on the
 * first event) and computes `h_i = SHA-256(h_{i-1} ‖ canonical JSON)` in the database from the
 * canonical JSON built here around the not-yet-known `seq`. The head row stays locked until the
 * enclosing transaction ends, so concurrent writers of a tenant queue behind each other and form
 * one chain; outside a transaction the statement is atomic by itself.
 */
export async function appendAuditEvent(
  db: Kysely<StoreSchema>,
  event: AuditEvent,
): Promise<AppendedAuditEvent>;
/**
 * Batched append (group commit): many events in two statements — the tenant's head row is bumped
 * by their count (and stays locked), their hashes are chained here, then all rows and the new
 * head hash are written at once. In the caller's transaction, or one of its own.
 */
export async function appendAuditEvent(
  db: Kysely<StoreSchema>,
  events: readonly AuditEvent[],
): Promise<AppendedAuditEvent[]>;
export async function appendAuditEvent(
  db: Kysely<StoreSchema>,
  given: AuditEvent | readonly AuditEvent[],
): Promise<AppendedAuditEvent | AppendedAuditEvent[]> {
  if (isEventList(given)) {
    if (given.length === 0) return [];
    if (!db.isTransaction) return db.transaction().execute((tx) => appendAuditEvent(tx, given));
    const out: AppendedAuditEvent[] = [];
    // Tenants in a fixed order, so two batches never wait on each other's head rows in a cycle.
    const tenants = [...new Set(given.map((e) => e.tenantId))].sort();
    for (const tenant of tenants)
      out.push(
        ...(await appendBatch(
          db,
          tenant,
          given.filter((e) => e.tenantId === tenant),
        )),
      );
    return out;
  }
  const event = given;
  const before = event.before === undefined ? null : JSON.stringify(event.before);
  const after = event.after === undefined ? null : JSON.stringify(event.after);
  const at = new Date(event.at.getTime()).toISOString();
  const outcome = event.outcome ?? 'success';
  const [head, tail] = canonicalAuditJsonAroundSeq({
    tenant: event.tenantId,
    at,
    actor: event.actorId,
    action: event.action,
    target: event.target,
    // The JSON value as the database will give it back.
    before: before === null ? null : JSON.parse(before),
    after: after === null ? null : JSON.parse(after),
    outcome,
    acting_as_id: event.actingAsId ?? null,
    request_id: event.requestId ?? null,
    ip: event.ip ?? null,
    user_agent: event.userAgent ?? null,
  });
  const { rows } = await sql<{ id: string; seq: string; hash: string }>`
    with head as (
      insert into audit_heads as h (tenant_id, seq, hash)
      values (${event.tenantId}, 1, encode(sha256(decode(${GENESIS_HASH}::text, 'hex')
        || convert_to(${head}::text || '1' || ${tail}::text, 'UTF8')), 'hex'))
      on conflict (tenant_id) do update set
        seq = h.seq + 1,
        hash = encode(sha256(decode(h.hash, 'hex')
          || convert_to(${head}::text || (h.seq + 1)::text || ${tail}::text, 'UTF8')), 'hex')
      returning seq, hash
    )
    insert into audit_events (tenant_id, at, actor_id, action, target, before, after, outcome,
      acting_as_id, request_id, ip, user_agent, seq, hash)
    select ${event.tenantId}, ${at}::timestamptz, ${event.actorId}, ${event.action},
      ${event.target}, ${before}::jsonb, ${after}::jsonb, ${outcome}, ${event.actingAsId ?? null},
      ${event.requestId ?? null}, ${event.ip ?? null}, ${event.userAgent ?? null}, head.seq, head.hash
    from head
    returning id, seq, hash`.execute(db);
  const row = rows[0]!;
  return { id: String(row.id), seq: Number(row.seq), hash: row.hash };
}

function isEventList(v: AuditEvent | readonly AuditEvent[]): v is readonly AuditEvent[] {
  return Array.isArray(v);
}

async function appendBatch(
  tx: Kysely<StoreSchema>,
  tenantId: string,
  events: readonly AuditEvent[],
): Promise<AppendedAuditEvent[]> {
  const n = events.length;
  // A first event of the tenant inserts the row (seq n, the genesis hash as "previous").
  const { rows: heads } = await sql<{ seq: string; hash: string }>`
    insert into audit_heads as h (tenant_id, seq, hash) values (${tenantId}, ${n}, ${GENESIS_HASH})
    on conflict (tenant_id) do update set seq = h.seq + ${n}
    returning seq, hash`.execute(tx);
  let seq = Number(heads[0]!.seq) - n;
  let hash = heads[0]!.hash;
  const cols = {
    at: [] as string[],
    actor: [] as (string | null)[],
    action: [] as string[],
    target: [] as (string | null)[],
    before: [] as (string | null)[],
    after: [] as (string | null)[],
    outcome: [] as string[],
    actingAs: [] as (string | null)[],
    requestId: [] as (string | null)[],
    ip: [] as (string | null)[],
    userAgent: [] as (string | null)[],
    seq: [] as number[],
    hash: [] as string[],
  };
  for (const e of events) {
    seq += 1;
    const before = e.before === undefined ? null : JSON.stringify(e.before);
    const after = e.after === undefined ? null : JSON.stringify(e.after);
    const at = new Date(e.at.getTime()).toISOString();
    const outcome = e.outcome ?? 'success';
    hash = chainHash(
      hash,
      canonicalAuditJson({
        tenant: tenantId,
        seq,
        at,
        actor: e.actorId,
        action: e.action,
        target: e.target,
        before: before === null ? null : JSON.parse(before),
        after: after === null ? null : JSON.parse(after),
        outcome,
        acting_as_id: e.actingAsId ?? null,
        request_id: e.requestId ?? null,
        ip: e.ip ?? null,
        user_agent: e.userAgent ?? null,
      }),
    );
    cols.at.push(at);
    cols.actor.push(e.actorId);
    cols.action.push(e.action);
    cols.target.push(e.target);
    cols.before.push(before);
    cols.after.push(after);
    cols.outcome.push(outcome);
    cols.actingAs.push(e.actingAsId ?? null);
    cols.requestId.push(e.requestId ?? null);
    cols.ip.push(e.ip ?? null);
    cols.userAgent.push(e.userAgent ?? null);
    cols.seq.push(seq);
    cols.hash.push(hash);
  }
  const { rows } = await sql<{ id: string; seq: string; hash: string }>`
    with e as (
      insert into audit_events (tenant_id, at, actor_id, action, target, before, after, outcome,
        acting_as_id, request_id, ip, user_agent, seq, hash)
      select ${tenantId}, v.at, v.actor, v.action, v.target, v.before, v.after, v.outcome,
        v.acting_as, v.request_id, v.ip, v.user_agent, v.seq, v.hash
      from unnest(${cols.at}::timestamptz[], ${cols.actor}::text[], ${cols.action}::text[],
        ${cols.target}::text[], ${cols.before}::jsonb[], ${cols.after}::jsonb[],
        ${cols.outcome}::text[], ${cols.actingAs}::text[], ${cols.requestId}::text[],
        ${cols.ip}::text[], ${cols.userAgent}::text[], ${cols.seq}::bigint[], ${cols.hash}::text[])
        as v(at, actor, action, target, before, after, outcome, acting_as, request_id, ip,
          user_agent, seq, hash)
      returning id, seq, hash
    ), head as (
      update audit_heads set hash = ${hash} where tenant_id = ${tenantId}
    )
    select id, seq, hash from e order by seq`.execute(tx);
  return rows.map((r) => ({ id: String(r.id), seq: Number(r.seq), hash: r.hash }));
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
