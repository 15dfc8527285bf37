import { sql, type Migration } from 'kysely';

/**
 * The policy's field setting `encrypted` (存储加密, docs/encryption.md, ADR 0020) is stored with
 * the other field settings: nullable, so an absent flag stays absent (as `internal`, 0002).
 */
export const encryptedFieldsMigration: Migration = {
  async up(db) {
    await sql.raw('alter table field_settings add column encrypted boolean').execute(db);
  },
  async down(db) {
    await sql.raw('alter table field_settings drop column encrypted').execute(db);
  },
};
