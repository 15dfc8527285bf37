import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Four eyes (双人复核, governance, issue 10): the tenant's setting (which categories of
 * configuration change need a second administrator, and after how many days a waiting change
 * expires), and the pending changes themselves — the author, the changes as data, the policy
 * version they were submitted against, the reason, the impact preview at submission, and the
 * decision (approved / rejected / withdrawn / expired, by whom, when, why). Decided rows stay:
 * they are the history an auditor reads.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const pendingChangesMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table four_eyes_settings (
        tenant_id text not null references tenants (id),
        categories jsonb not null,
        expiry_days integer not null check (expiry_days between 1 and 365),
        updated_by text,
        updated_at timestamptz not null,
        primary key (tenant_id)
      )`,
      `create table pending_changes (
        tenant_id text not null references tenants (id),
        id bigint generated always as identity,
        author_id text not null,
        changes jsonb not null,
        setting jsonb,
        categories jsonb not null,
        base_version integer not null,
        reason text,
        preview jsonb,
        status text not null default 'pending'
          check (status in ('pending', 'approved', 'rejected', 'withdrawn', 'expired')),
        created_at timestamptz not null,
        expires_at timestamptz not null,
        decided_by text,
        decided_at timestamptz,
        decision_reason text,
        result_version integer,
        primary key (tenant_id, id)
      )`,
      'create index pending_changes_status_idx on pending_changes (tenant_id, status, id desc)',
    ]);
  },
  async down(db) {
    await run(db, ['drop table pending_changes', 'drop table four_eyes_settings']);
  },
};
