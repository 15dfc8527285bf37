/**
 * The backends the store's tests run on: PGlite in memory, and a PostgreSQL server (the URL comes
 * from the global setup in `test-postgres-server.ts`: `DATABASE_URL`, or an embedded server). Each
 * PostgreSQL database is created for its opener and dropped on close, so test files run in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from './database.ts';
import { openPgDatabase } from './pg-database.ts';
import { openPgliteDatabase } from './pglite-database.ts';

export interface TestBackend {
  readonly name: Database['backend'];
  /** A fresh, migrated database; `close` removes it. */
  open(options?: { migrate?: boolean }): Promise<Database>;
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function openFreshPostgres(migrate: boolean): Promise<Database> {
  const url = inject('postgresUrl');
  const name = `custos_test_${randomBytes(6).toString('hex')}`;
  await admin(url, (c) => c.query(`create database ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPgDatabase({ connectionString: target.toString(), migrate });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export const TEST_BACKENDS: readonly TestBackend[] = [
  { name: 'pglite', open: (options) => openPgliteDatabase({ migrate: options?.migrate ?? true }) },
  { name: 'postgres', open: (options) => openFreshPostgres(options?.migrate ?? true) },
];

/**
 * A fresh, migrated PostgreSQL test database together with its connection string, so a test can
 * open more handles to the same database (e.g. two server nodes). `close` drops it.
 */
export async function openPostgresTestDatabaseWithUrl(): Promise<{
  database: Database;
  connectionString: string;
}> {
  const url = inject('postgresUrl');
  const name = `custos_test_${randomBytes(6).toString('hex')}`;
  await admin(url, (c) => c.query(`create database ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  const connectionString = target.toString();
  const database = await openPgDatabase({ connectionString });
  return {
    connectionString,
    database: {
      ...database,
      close: async () => {
        await database.close();
        await admin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
      },
    },
  };
}
