import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { migrateToLatest } from './migrations/migrate.ts';
import { PgliteDialect } from './pglite-dialect.ts';
import type { StoreSchema } from './schema.ts';

export interface PgliteDatabaseOptions {
  /** A data directory (e.g. `./data`); in memory when absent. */
  dataDir?: string;
  /** Run the migrations before returning (default true). */
  migrate?: boolean;
}

/** A database on PGlite: in memory for tests, or in a data directory. */
export async function openPgliteDatabase(options: PgliteDatabaseOptions = {}): Promise<Database> {
  const pglite = await PGlite.create(options.dataDir);
  const db = new Kysely<StoreSchema>({ dialect: new PgliteDialect(pglite) });
  const database: Database = {
    backend: 'pglite',
    db,
    migrate: async () => {
      await migrateToLatest(db as unknown as Kysely<unknown>);
    },
    listen: async (channel, onMessage) => {
      const unsubscribe = await pglite.listen(channel, onMessage);
      return async () => {
        await unsubscribe();
      };
    },
    close: () => db.destroy(),
  };
  if (options.migrate ?? true) await database.migrate();
  return database;
}
