import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  DEMO_TENANT_ID,
  openPgDatabase,
  openPgliteDatabase,
  StoreError,
  type Database,
} from '@custos/store';
import { CliError } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';

/** The options every command takes (before or after the command name). */
export interface GlobalOptions {
  /** PGlite data directory; ignored when a database URL is given. */
  dataDir: string;
  /** PostgreSQL connection string (`--database-url`, or `DATABASE_URL`). */
  databaseUrl?: string;
  tenant: string;
}

export const DEFAULT_DATA_DIR = './data';
export const DEFAULT_TENANT = DEMO_TENANT_ID;

/**
 * The global options with the environment applied: flags win over `CUSTOS_DATA_DIR` and
 * `DATABASE_URL` (the server's settings of the same name).
 */
export function resolveGlobalOptions(
  raw: { dataDir?: string; databaseUrl?: string; tenant?: string },
  io: CliIo,
): GlobalOptions {
  const databaseUrl = raw.databaseUrl ?? io.env.DATABASE_URL;
  return {
    dataDir: resolve(io.cwd, raw.dataDir ?? (io.env.CUSTOS_DATA_DIR || DEFAULT_DATA_DIR)),
    ...(databaseUrl ? { databaseUrl } : {}),
    tenant: raw.tenant ?? DEFAULT_TENANT,
  };
}

/** Where the data lives, for messages: the data directory or the URL without its password. */
export function describeDatabase(options: GlobalOptions): string {
  if (options.databaseUrl === undefined) return `PGlite ${options.dataDir}`;
  try {
    const url = new URL(options.databaseUrl);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** Open the database the options name (migrated to the latest schema unless `migrate: false`). */
export async function openDatabase(
  options: GlobalOptions,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<Database> {
  if (options.databaseUrl !== undefined) {
    return openPgDatabase({ connectionString: options.databaseUrl, migrate });
  }
  await mkdir(options.dataDir, { recursive: true });
  try {
    return await openPgliteDatabase({ dataDir: options.dataDir, migrate });
  } catch (error) {
    // A running server holds the data directory (PGlite: one process): say what to do.
    if (error instanceof StoreError && error.code === 'STORE_DATA_DIR_LOCKED')
      throw new CliError(
        error.code,
        `${error.message}. Stop the server first, or run this command against it: ` +
          '--server URL --token TOKEN (or CUSTOS_SERVER and CUSTOS_TOKEN)',
      );
    throw error;
  }
}

/** Run `work` with the database open, and close it whatever happens. */
export async function withDatabase<T>(
  options: GlobalOptions,
  work: (database: Database) => Promise<T>,
  open: { migrate?: boolean } = {},
): Promise<T> {
  const database = await openDatabase(options, open);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
