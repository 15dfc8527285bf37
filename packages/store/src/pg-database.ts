import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { migrateToLatest } from './migrations/migrate.ts';
import type { StoreSchema } from './schema.ts';

export interface PgDatabaseOptions {
  /** A libpq connection string, e.g. `postgres://user:password@host:5432/custos`. */
  connectionString: string;
  /** Run the migrations before returning (default true). */
  migrate?: boolean;
  /** Largest number of pooled connections (default 10). */
  maxConnections?: number;
}

/** A database on a PostgreSQL server, through a `pg` connection pool. */
export async function openPgDatabase(options: PgDatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
  });
  const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  const database: Database = {
    backend: 'postgres',
    db,
    migrate: async () => {
      await migrateToLatest(db as unknown as Kysely<unknown>);
    },
    close: () => db.destroy(),
  };
  try {
    if (options.migrate ?? true) await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
