import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Indexes for reading the audit log (governance, issue 10): a search by actor, by target (a
 * record's history), by action (exact or a prefix such as `customer.`) or by outcome walks one
 * index newest first instead of the whole tenant's log. Each keyed by `tenant_id` first.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const auditSearchMigration: Migration = {
  async up(db) {
    await run(db, [
      'create index audit_events_actor_idx on audit_events (tenant_id, actor_id, id desc)',
      'create index audit_events_target_idx on audit_events (tenant_id, target, id desc)',
      'create index audit_events_action_idx on audit_events (tenant_id, action text_pattern_ops, id desc)',
      'create index audit_events_outcome_idx on audit_events (tenant_id, outcome, id desc)',
    ]);
  },
  async down(db) {
    await run(db, [
      'drop index audit_events_outcome_idx',
      'drop index audit_events_action_idx',
      'drop index audit_events_target_idx',
      'drop index audit_events_actor_idx',
    ]);
  },
};
