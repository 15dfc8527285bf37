import { sql, type Migration } from 'kysely';

/**
 * Separation of duties (governance, issue 10): an SoD rule names a pair (`left`, `right`) or a set
 * of members; `others` holds the members after the first two (permissions or roles), `[]` for a
 * pair. Rules written before this migration are pairs.
 */
export const sodMigration: Migration = {
  async up(db) {
    await sql
      .raw(`alter table sod_rules add column others jsonb not null default '[]'::jsonb`)
      .execute(db);
  },
  async down(db) {
    await sql.raw('alter table sod_rules drop column others').execute(db);
  },
};
