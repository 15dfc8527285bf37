import { openPgDatabase, openPgliteDatabase, type Database } from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { buildApp, type BuildAppOptions } from './app.ts';
import { redactConfig, type Config } from './config.ts';
import { readTlsFiles } from './tls-options.ts';
import { JobRunner } from './jobs/job-runner.ts';
import { createJobRegistry } from './jobs/schedules.ts';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  /** The listening address, e.g. `http://127.0.0.1:3000` (`https://…` with TLS). */
  url: string;
  /** Stop accepting requests, finish those in flight, close the database. Idempotent. */
  close(): Promise<void>;
}

/** Open the configured database: PostgreSQL at `DATABASE_URL`, else PGlite in the data dir. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  return config.databaseUrl === undefined
    ? openPgliteDatabase({ dataDir: config.dataDir, migrate: false })
    : openPgDatabase({ connectionString: config.databaseUrl, migrate: false });
}

/**
 * Open the database, migrate it to the latest, build the app and listen: HTTPS only (TLS 1.2 or
 * later) when `config.tlsCert` and `config.tlsKey` are set. Signal handling
 * (SIGINT/SIGTERM → `close`) is the caller's (the CLI's).
 */
export async function startServer(
  config: Config,
  options: Pick<BuildAppOptions, 'clock' | 'logger' | 'modules'> = {},
): Promise<RunningServer> {
  // A bad certificate stops the start before the database is opened.
  const tls = await readTlsFiles(config);
  const database = await openConfiguredDatabase(config);
  let app: FastifyInstance | undefined;
  try {
    await database.migrate();
    app = await buildApp({
      ...options,
      database,
      config,
      ...(tls === undefined ? {} : { https: tls }),
    });
    app.log.info({ config: redactConfig(config), backend: database.backend }, 'starting');
    const url = await app.listen({ port: config.port, host: config.host });
    // Scheduled work and webhook deliveries (docs/jobs.md): stopped before the app closes.
    const log = app.log;
    const jobs = config.jobsEnabled
      ? new JobRunner({
          database,
          registry: createJobRegistry(),
          config,
          ...(options.clock === undefined ? {} : { clock: options.clock }),
          log: { warn: (o, m) => log.warn(o, m), info: (o, m) => log.info(o, m) },
        })
      : undefined;
    await jobs?.start();
    let closing: Promise<void> | undefined;
    const running = app;
    return {
      app: running,
      database,
      url,
      close: () => {
        closing ??= (async () => {
          try {
            await jobs?.stop();
            await running.close();
          } finally {
            await database.close();
          }
        })();
        return closing;
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}
