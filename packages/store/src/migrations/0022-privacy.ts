import { sql, type Kysely, type Migration } from 'kysely';

/**
 * GDPR / CCPA (数据合规, issue 11): consent records per contact (purpose, lawful basis, given and
 * withdrawn, source, who recorded it) and the data-subject request queue (kind, regime, legal
 * deadline, status, owner, subject, a timeline, and the evidence of what was done).
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const privacyMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table privacy_consents (
        tenant_id text not null references tenants (id),
        id bigint generated always as identity,
        contact_id text not null,
        purpose text not null,
        lawful_basis text not null,
        source text not null,
        note text,
        given_at timestamptz not null,
        withdrawn_at timestamptz,
        recorded_by text,
        withdrawn_by text,
        withdraw_reason text,
        created_at timestamptz not null,
        primary key (tenant_id, id)
      )`,
      'create index privacy_consents_contact_idx on privacy_consents (tenant_id, contact_id, id)',
      `create table privacy_requests (
        tenant_id text not null references tenants (id),
        id bigint generated always as identity,
        kind text not null,
        regime text not null,
        status text not null,
        contact_id text,
        requester_name text,
        requester_email text,
        notes text,
        received_at timestamptz not null,
        due_at timestamptz not null,
        extended_at timestamptz,
        extension_reason text,
        owner_id text,
        created_by text,
        closed_at timestamptz,
        closed_reason text,
        evidence jsonb,
        timeline jsonb not null default '[]'::jsonb,
        reminders_sent jsonb not null default '[]'::jsonb,
        primary key (tenant_id, id)
      )`,
      'create index privacy_requests_status_idx on privacy_requests (tenant_id, status, due_at)',
      'create index privacy_requests_contact_idx on privacy_requests (tenant_id, contact_id)',
    ]);
  },
  async down(db) {
    await run(db, ['drop table privacy_requests', 'drop table privacy_consents']);
  },
};
