import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The audit event's context (governance, issue 10): the outcome (`success`, `denied`,
 * `failure`), the user whose access was used when it is not the actor's own (view as), the
 * request id, the caller's address and user agent. Older events keep `success` and nulls.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const auditContextMigration: Migration = {
  async up(db) {
    await run(db, [
      `alter table audit_events add column outcome text not null default 'success'
        check (outcome in ('success', 'denied', 'failure'))`,
      'alter table audit_events add column acting_as_id text',
      'alter table audit_events add column request_id text',
      'alter table audit_events add column ip text',
      'alter table audit_events add column user_agent text',
    ]);
  },
  async down(db) {
    await run(db, [
      'alter table audit_events drop column user_agent',
      'alter table audit_events drop column ip',
      'alter table audit_events drop column request_id',
      'alter table audit_events drop column acting_as_id',
      'alter table audit_events drop column outcome',
    ]);
  },
};
