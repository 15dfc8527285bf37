import { migrator } from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';

const STATUS_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string' } },
} as const;

/** Liveness and readiness probes (public). */
export async function systemRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/healthz',
    {
      config: { permission: { kind: 'public' } },
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process is up',
        response: { 200: STATUS_SCHEMA },
      },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { permission: { kind: 'public' } },
      schema: {
        tags: ['system'],
        summary: 'Readiness: the database answers and its migrations are at the latest',
        response: { 200: STATUS_SCHEMA },
      },
    },
    async () => {
      const db = app.custos.database.db;
      let pending: string[];
      try {
        await db.selectNoFrom((eb) => eb.lit(1).as('one')).execute(); // select 1
        const migrations = await migrator(db as Parameters<typeof migrator>[0]).getMigrations();
        pending = migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
      } catch (error) {
        app.log.warn({ err: error }, 'readiness check failed');
        throw new AppError('NOT_READY', 'the database is not reachable');
      }
      if (pending.length > 0)
        throw new AppError('NOT_READY', 'database migrations are pending', { pending });
      return { status: 'ready' };
    },
  );
}
