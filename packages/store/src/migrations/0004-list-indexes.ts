import { sql, type Kysely, type Migration } from 'kysely';
import { RECORD_TABLES } from '../record-tables.ts';

/**
 * Indexes for the per-path list shape (ADR 0005):
 * - children: `(tenant_id, customer_id, updated_at desc, id)` replaces `(tenant_id, customer_id)`,
 *   so the children of one customer (portal user, a path through the parent) walk in list order;
 * - customers: `(tenant_id, name text_pattern_ops)` for the name-prefix search (`like 'abc%'`).
 */
const CHILD_TABLES = RECORD_TABLES.filter((t) => t !== 'customers');

async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const listIndexesMigration: Migration = {
  async up(db) {
    await run(db, [
      ...CHILD_TABLES.flatMap((t) => [
        `drop index ${t}_customer_idx`,
        `create index ${t}_customer_idx on ${t} (tenant_id, customer_id, updated_at desc, id)`,
      ]),
      `create index customers_name_idx on customers (tenant_id, name text_pattern_ops)`,
    ]);
  },
  async down(db) {
    await run(db, [
      'drop index customers_name_idx',
      ...CHILD_TABLES.flatMap((t) => [
        `drop index ${t}_customer_idx`,
        `create index ${t}_customer_idx on ${t} (tenant_id, customer_id)`,
      ]),
    ]);
  },
};
