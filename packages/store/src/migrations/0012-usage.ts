import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Permission usage per user and day (governance, issue 10): how often each permission a route
 * declares was exercised, and how many records it returned. Reads are not audit events (too many);
 * least-privilege analytics (unused permissions) and monitoring (read volume against a user's
 * own baseline) read these counters.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const usageMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table usage_daily (
        tenant_id text not null references tenants (id),
        user_id text not null,
        day date not null,
        permission text not null,
        requests bigint not null,
        records bigint not null,
        last_at timestamptz not null,
        primary key (tenant_id, user_id, day, permission)
      )`,
      'create index usage_daily_day_idx on usage_daily (tenant_id, day)',
    ]);
  },
  async down(db) {
    await run(db, ['drop table usage_daily']);
  },
};
