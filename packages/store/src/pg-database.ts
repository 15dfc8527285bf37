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
  // An idle connection that the server ends (a restart, a failover) is dropped from the pool and
  // replaced on the next query; without a listener its error would end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<StoreSchema>({ dialect: new PostgresDialect({ pool }) });
  const database: Database = {
    backend: 'postgres',
    db,
    migrate: async () => {
      await migrateToLatest(db as unknown as Kysely<unknown>);
    },
    listen: (channel, onMessage) => listenOn(options.connectionString, channel, onMessage),
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

/**
 * LISTEN on a dedicated connection (a pooled one would be handed to queries). When the connection
 * drops, it is opened again after a second; notifications sent meanwhile are lost, which costs
 * nothing but promptness: every request still reads the policy version.
 */
async function listenOn(
  connectionString: string,
  channel: string,
  onMessage: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload !== undefined) onMessage(n.payload);
    });
    c.on('error', () => {
      void c.end().catch(() => undefined);
      if (client === c) client = null;
      if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await c.connect();
    await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
    client = null;
  };
}
