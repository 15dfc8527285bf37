import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import type { Database } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrateToLatest } from './migrations/migrate.ts';
import { PgliteDialect } from './pglite-dialect.ts';
import type { StoreSchema } from './schema.ts';

export interface PgliteDatabaseOptions {
  /** A data directory (e.g. `./data`); in memory when absent. */
  dataDir?: string;
  /** Run the migrations before returning (default true). */
  migrate?: boolean;
}

/**
 * A database on PGlite: in memory for tests, or in a data directory — which this process then
 * holds (`lockDataDir`) until `close`: another process opening it is refused at once with
 * `STORE_DATA_DIR_LOCKED` instead of crashing PGlite.
 */
export async function openPgliteDatabase(options: PgliteDatabaseOptions = {}): Promise<Database> {
  const lock = options.dataDir === undefined ? undefined : await lockDataDir(options.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(options.dataDir);
  } catch (error) {
    await lock?.release();
    throw error;
  }
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
    close: async () => {
      try {
        await db.destroy();
      } finally {
        await lock?.release();
      }
    },
  };
  if (options.migrate ?? true) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}
