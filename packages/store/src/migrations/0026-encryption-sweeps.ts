import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Key rotation's re-seal sweep (docs/key-rotation.md, ADR 0024): one row per sweep of a tenant —
 * the data key version it brings every encrypted value to, its state, where it stands in each
 * record table (so a sweep interrupted by a restart resumes where it stopped), its counts and the
 * errors it met. At most one sweep of a tenant runs at a time (a partial unique index).
 */
export const encryptionSweepsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`create table encryption_sweeps (
        tenant_id text not null references tenants (id),
        id text not null,
        reason text not null,
        trigger text not null check (trigger in ('rotate', 'policy', 'manual')),
        requested_by text,
        target_version integer not null check (target_version >= 1),
        state text not null check (state in ('running', 'done', 'failed')),
        pass integer not null default 1,
        tables jsonb not null,
        counts jsonb not null,
        errors jsonb not null default '[]'::jsonb,
        remaining integer,
        lease_by text,
        lease_until timestamptz,
        started_at timestamptz not null,
        updated_at timestamptz not null,
        finished_at timestamptz,
        primary key (tenant_id, id)
      )`.execute(db);
    await sql`create unique index encryption_sweeps_one_running_idx on encryption_sweeps (tenant_id)
        where state = 'running'`.execute(db);
    await sql`create index encryption_sweeps_started_idx on encryption_sweeps (tenant_id, started_at desc)`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    await sql`drop table encryption_sweeps`.execute(db);
  },
};
