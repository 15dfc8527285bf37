import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Access requests and approval chains (权限申请与审批, issue 10): a user asks for access to a
 * record, a wider scope or a role, with a reason and a duration; the request walks an approval
 * chain (its steps and who decided each are kept on the request) and, approved, commits a grant
 * (or a role with an end) through the change path. Chains are configured per request kind,
 * object and sensitivity.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const accessRequestsMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table access_requests (
        tenant_id text not null references tenants (id),
        id bigint generated always as identity,
        requester_id text not null,
        kind text not null,
        object text,
        record_id text,
        scope jsonb,
        role_id text,
        access text,
        requested_days integer not null,
        granted_days integer not null,
        reason text not null,
        status text not null,
        chain_id text,
        steps jsonb not null,
        current_step integer not null default 0,
        waiting_on jsonb not null default '[]'::jsonb,
        created_at timestamptz not null,
        decided_at timestamptz,
        expires_at timestamptz,
        grant_id text,
        closed_reason text,
        primary key (tenant_id, id)
      )`,
      'create index access_requests_requester_idx on access_requests (tenant_id, requester_id, id desc)',
      'create index access_requests_status_idx on access_requests (tenant_id, status, expires_at)',
      `create table approval_chains (
        tenant_id text not null references tenants (id),
        id text not null,
        name text not null,
        request_kind text not null,
        object text,
        sensitivity text,
        steps jsonb not null,
        updated_at timestamptz not null,
        updated_by text,
        primary key (tenant_id, id)
      )`,
    ]);
  },
  async down(db) {
    await run(db, ['drop table approval_chains', 'drop table access_requests']);
  },
};
