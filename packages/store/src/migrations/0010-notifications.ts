import { sql, type Kysely, type Migration } from 'kysely';

/**
 * In-app notifications (governance, issue 10): one row per recipient, read or not. Requests,
 * approvals, four-eyes changes, review reminders and alerts all notify through this table; the
 * e-mail copy goes to the `outbox` (0007) in the same transaction.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const notificationsMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table notifications (
        tenant_id text not null references tenants (id),
        id bigint generated always as identity,
        user_id text not null,
        kind text not null,
        params jsonb not null,
        link text,
        created_at timestamptz not null,
        read_at timestamptz,
        primary key (tenant_id, id)
      )`,
      'create index notifications_user_idx on notifications (tenant_id, user_id, id desc)',
    ]);
  },
  async down(db) {
    await run(db, ['drop table notifications']);
  },
};
