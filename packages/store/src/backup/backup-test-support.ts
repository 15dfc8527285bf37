import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { backupTables } from './backup-catalogue.ts';

/**
 * Every data table as sorted lines of its columns' text forms (UTC, ISO dates), so two databases,
 * PGlite and PostgreSQL, compare row by row whatever their types (timestamps, json, bigint).
 */
export async function dumpTables(database: Database): Promise<Record<string, string[]>> {
  const db = database.db as unknown as Kysely<unknown>;
  return db.transaction().execute(async (tx) => {
    await sql`set local timezone = 'UTC'`.execute(tx);
    await sql`set local datestyle = 'ISO, YMD'`.execute(tx);
    await sql`set local extra_float_digits = 3`.execute(tx);
    const out: Record<string, string[]> = {};
    for (const t of await backupTables(tx)) {
      const cols = sql.join(t.columns.map((c) => sql`${sql.id(c.name)}::text`));
      const rows = await sql<{ line: string }>`
        select json_build_array(${cols})::text as line from ${sql.id(t.name)}`.execute(tx);
      out[t.name] = rows.rows.map((r) => r.line).sort();
    }
    return out;
  });
}
