import { sql, type Kysely, type Migration } from 'kysely';
import { canonicalAuditJson, chainHash, GENESIS_HASH } from '../audit-chain.ts';

/**
 * The tamper-evident audit log (governance, issue 10; ADR 0013): every event gets its tenant's
 * next sequence number and the chain hash `h_i = SHA-256(h_{i-1} ‖ RFC 8785 JSON of event_i)`;
 * `audit_heads` holds each tenant's last (seq, hash) and its row lock serialises appends (one
 * chain, no fork); the database refuses UPDATE, DELETE and TRUNCATE of `audit_events` and
 * `audit_checkpoints` (a trigger, on PGlite and PostgreSQL). Events written before this migration
 * are chained here, per tenant in id order (their `at` is first cut to milliseconds, the
 * precision of the canonical form).
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

interface OldRow {
  tenant_id: string;
  id: string;
  at: Date | string;
  actor_id: string | null;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  outcome: string;
  acting_as_id: string | null;
  request_id: string | null;
  ip: string | null;
  user_agent: string | null;
}

const BATCH = 2000;

async function chainExisting(db: Kysely<unknown>): Promise<void> {
  await sql`update audit_events set at = date_trunc('milliseconds', at)`.execute(db);
  const tenants = await sql<{
    tenant_id: string;
  }>`select distinct tenant_id from audit_events order by tenant_id`.execute(db);
  for (const { tenant_id: tenant } of tenants.rows) {
    let seq = 0;
    let hash = GENESIS_HASH;
    let afterId = '0';
    for (;;) {
      const { rows } = await sql<OldRow>`
        select * from audit_events where tenant_id = ${tenant} and id > ${afterId}::bigint
        order by id limit ${BATCH}`.execute(db);
      if (rows.length === 0) break;
      const seqs: number[] = [];
      const hashes: string[] = [];
      const ids: string[] = [];
      for (const r of rows) {
        seq += 1;
        hash = chainHash(
          hash,
          canonicalAuditJson({
            tenant,
            seq,
            at: (r.at instanceof Date ? r.at : new Date(r.at)).toISOString(),
            actor: r.actor_id,
            action: r.action,
            target: r.target,
            before: typeof r.before === 'string' ? JSON.parse(r.before) : r.before,
            after: typeof r.after === 'string' ? JSON.parse(r.after) : r.after,
            outcome: r.outcome,
            acting_as_id: r.acting_as_id,
            request_id: r.request_id,
            ip: r.ip,
            user_agent: r.user_agent,
          }),
        );
        ids.push(String(r.id));
        seqs.push(seq);
        hashes.push(hash);
      }
      await sql`
        update audit_events e set seq = v.seq, hash = v.hash
        from unnest(${ids}::bigint[], ${seqs}::bigint[], ${hashes}::text[]) as v(id, seq, hash)
        where e.tenant_id = ${tenant} and e.id = v.id`.execute(db);
      afterId = String(rows[rows.length - 1]!.id);
    }
    await sql`insert into audit_heads (tenant_id, seq, hash) values (${tenant}, ${seq}, ${hash})`.execute(
      db,
    );
  }
}

export const auditChainMigration: Migration = {
  async up(db) {
    await run(db, [
      'alter table audit_events add column seq bigint',
      'alter table audit_events add column hash text',
      `create table audit_heads (
        tenant_id text not null references tenants (id),
        seq bigint not null,
        hash text not null,
        primary key (tenant_id)
      )`,
      `create table audit_checkpoints (
        tenant_id text not null references tenants (id),
        seq bigint not null,
        hash text not null,
        at timestamptz not null,
        mac text not null,
        primary key (tenant_id, seq)
      )`,
    ]);
    await chainExisting(db);
    await run(db, [
      'alter table audit_events alter column seq set not null',
      'alter table audit_events alter column hash set not null',
      'create unique index audit_events_seq_idx on audit_events (tenant_id, seq)',
      // The chain starts at 1: an event numbered below would lie outside every walk of it.
      'alter table audit_events add constraint audit_events_seq_positive check (seq >= 1)',
      `create function audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit log is append-only: % on % refused', tg_op, tg_table_name
          using errcode = 'insufficient_privilege';
      end $$`,
      `create trigger audit_events_append_only before update or delete on audit_events
        for each row execute function audit_append_only()`,
      `create trigger audit_events_no_truncate before truncate on audit_events
        for each statement execute function audit_append_only()`,
      `create trigger audit_checkpoints_append_only before update or delete on audit_checkpoints
        for each row execute function audit_append_only()`,
      `create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
        for each statement execute function audit_append_only()`,
    ]);
  },
  async down(db) {
    await run(db, [
      'drop trigger audit_checkpoints_no_truncate on audit_checkpoints',
      'drop trigger audit_checkpoints_append_only on audit_checkpoints',
      'drop trigger audit_events_no_truncate on audit_events',
      'drop trigger audit_events_append_only on audit_events',
      'drop function audit_append_only()',
      'drop index audit_events_seq_idx',
      'drop table audit_checkpoints',
      'drop table audit_heads',
      'alter table audit_events drop column hash',
      'alter table audit_events drop column seq',
    ]);
  },
};
