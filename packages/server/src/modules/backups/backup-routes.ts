import { createReadStream } from 'node:fs';
import {
  appendAuditEvent,
  BackupError,
  readBackupManifest,
  type BackupManifest,
} from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { auditContext } from '../../http/audit-context.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { enqueueJob, listJobs } from '../../jobs/job-queue.ts';
import { listSchedules } from '../../jobs/schedule-store.ts';
import {
  BACKUP_FILE_NAME,
  backupFileName,
  listBackupFiles,
  nextScheduledBackup,
  type BackupFile,
} from './backup-files.ts';
import { loadBackupKey } from './backup-key.ts';
import { formatBackupInterval } from './backup-schedule.ts';

const tags = ['backups'];
const permission = { kind: 'function', name: 'backup_admin' } as const;
const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
} as const;

/** The job a "back up now" queues (registered in `jobs/schedules.ts`). */
export const BACKUP_JOB = 'backup.create';
/** The recurring schedule of the whole-database backup. */
export const BACKUP_SCHEDULE = 'backup.scheduled';

const NAME_PARAM = {
  type: 'object',
  required: ['name'],
  properties: {
    // The shortest name the pattern allows: custos-YYYYMMDDTHHMMSSmmmZ-manual.cbk (37 characters).
    name: { type: 'string', minLength: 37, maxLength: 80, pattern: BACKUP_FILE_NAME.source },
  },
} as const;

const HEAD = {
  type: ['object', 'null'],
  properties: { seq: { type: 'integer' }, hash: { type: 'string' } },
} as const;

const BACKUP = {
  type: 'object',
  required: ['name', 'kind', 'createdAt', 'bytes', 'readable', 'downloadable'],
  properties: {
    name: { type: 'string' },
    kind: { type: 'string', enum: ['scheduled', 'manual'] },
    createdAt: { type: 'string' },
    bytes: { type: 'integer' },
    /** Whether the server's key opens it (false: sealed with another key, or damaged). */
    readable: { type: 'boolean' },
    scope: { type: ['string', 'null'] },
    tenants: { type: 'integer' },
    /** Only when the backup holds the caller's tenant alone (no other tenant's counts). */
    rows: { type: ['integer', 'null'] },
    tables: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, rows: { type: 'integer' } },
      },
    },
    auditHead: HEAD,
    migrations: { type: 'integer' },
    dataKeys: { type: 'integer' },
    /** Read back whole after writing (from its `backup.create` event); null: not known here. */
    verified: { type: ['boolean', 'null'] },
    downloadable: { type: 'boolean' },
  },
} as const;

const JOB = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    state: { type: 'string' },
    createdAt: { type: 'string' },
    startedAt: { type: ['string', 'null'] },
    lastError: { type: ['string', 'null'] },
  },
} as const;

const LIST = {
  type: 'object',
  required: ['data'],
  properties: {
    data: {
      type: 'object',
      properties: {
        backups: { type: 'array', items: BACKUP },
        jobs: { type: 'array', items: JOB },
        schedule: {
          type: 'object',
          properties: {
            interval: { type: 'string' },
            keep: { type: 'string' },
            keyConfigured: { type: 'boolean' },
            keySource: { type: 'string', enum: ['file', 'secret', 'none'] },
            lastRunAt: { type: ['string', 'null'] },
            lastStatus: { type: ['string', 'null'] },
            lastError: { type: ['string', 'null'] },
            nextRunAt: { type: ['string', 'null'] },
          },
        },
      },
    },
  },
} as const;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

interface Listed {
  file: BackupFile;
  manifest: BackupManifest | undefined;
}

/** The backups holding the tenant (or unreadable: they might), newest first. */
async function backupsOf(app: FastifyInstance, tenantId: string): Promise<Listed[]> {
  const { config, keys } = app.custos;
  const key = await loadBackupKey(config, keys);
  const listed: Listed[] = [];
  for (const file of await listBackupFiles(config)) {
    const manifest =
      key === undefined
        ? undefined
        : await readBackupManifest(file.path, { key }).catch(() => undefined);
    if (manifest !== undefined && !manifest.tenants.includes(tenantId)) continue;
    listed.push({ file, manifest });
  }
  return listed;
}

/** Only a backup of the caller's tenant alone is shown in detail or handed out. */
function ownOnly(
  manifest: BackupManifest | undefined,
  tenantId: string,
): manifest is BackupManifest {
  return (
    manifest !== undefined && manifest.tenants.length === 1 && manifest.tenants[0] === tenantId
  );
}

/**
 * The backups (docs/backup.md), for holders of `backup_admin`: the list with the schedule and
 * retention in force, "back up now" (a background job), and the download of a backup that holds
 * the caller's tenant alone. Making and downloading a backup are audited.
 */
export async function backupRoutes(app: FastifyInstance): Promise<void> {
  const { database, config, keys } = app.custos;

  app.get(
    '/v1/admin/backups',
    {
      config: { permission },
      schema: {
        tags,
        summary:
          "The backups holding the caller's tenant (newest first), the running backup jobs, and the schedule and retention in force",
        response: { 200: LIST, ...ERRORS },
      },
    },
    async (request) => {
      const tenantId = request.custos.tenantId;
      const listed = await backupsOf(app, tenantId);
      const names = listed.map((l) => `backup/${l.file.name}`);
      const events =
        names.length === 0
          ? []
          : await database.db
              .selectFrom('audit_events')
              .select(['target', 'after'])
              .where('tenant_id', '=', tenantId)
              .where('action', '=', 'backup.create')
              .where('target', 'in', names)
              .execute();
      const verified = new Map<string, boolean>();
      for (const e of events) {
        const after = (typeof e.after === 'string' ? JSON.parse(e.after) : e.after) as {
          verified?: unknown;
        } | null;
        if (e.target !== null && typeof after?.verified === 'boolean')
          verified.set(e.target.slice('backup/'.length), after.verified);
      }
      const key = await loadBackupKey(config, keys);
      const schedule = (await listSchedules(database.db)).find((s) => s.name === BACKUP_SCHEDULE);
      const jobs = await listJobs(database.db, {
        tenantIds: [tenantId],
        states: ['queued', 'running', 'dead'],
        limit: 20,
      });
      return {
        data: {
          backups: listed.map(({ file, manifest }) => {
            const own = ownOnly(manifest, tenantId);
            return {
              name: file.name,
              kind: file.kind,
              createdAt: new Date(file.createdAt).toISOString(),
              bytes: file.bytes,
              readable: manifest !== undefined,
              scope: manifest?.scope ?? null,
              tenants: manifest?.tenants.length ?? 0,
              rows: own ? manifest.rows : null,
              tables: own ? manifest.tables.map((t) => ({ name: t.name, rows: t.rows })) : null,
              auditHead: manifest?.auditHeads[tenantId] ?? null,
              migrations: manifest?.migrations.length ?? 0,
              dataKeys: manifest?.dataKeys[tenantId]?.length ?? 0,
              verified: verified.get(file.name) ?? null,
              downloadable: own,
            };
          }),
          jobs: jobs
            .filter((j) => j.name === BACKUP_JOB)
            .map((j) => ({
              id: j.id,
              name: String((j.payload as { name?: unknown } | null)?.name ?? ''),
              state: j.state,
              createdAt: new Date(j.createdAt).toISOString(),
              startedAt: iso(j.startedAt),
              lastError: j.lastError,
            })),
          schedule: {
            interval: formatBackupInterval(config.backupInterval),
            keep:
              config.backupKeep.kind === 'count'
                ? String(config.backupKeep.count)
                : `${config.backupKeep.days}d`,
            keyConfigured: key !== undefined,
            keySource:
              config.backupKeyFile !== undefined ? 'file' : key !== undefined ? 'secret' : 'none',
            lastRunAt: iso(schedule?.lastRunAt ?? null),
            lastStatus: schedule?.lastStatus ?? null,
            lastError: schedule?.lastError ?? null,
            nextRunAt:
              key === undefined
                ? null
                : iso(await nextScheduledBackup({ database, config }, request.custos.now)),
          },
        },
      };
    },
  );

  app.post(
    '/v1/admin/backups',
    {
      config: { permission },
      schema: {
        tags,
        summary:
          "Back up the caller's tenant now, in the background (a job): answers the backup's name; the list shows it running, then done",
        body: { type: 'object', additionalProperties: false, properties: {} },
        response: {
          202: {
            type: 'object',
            properties: {
              data: {
                type: 'object',
                properties: { name: { type: 'string' }, jobId: { type: 'string' } },
              },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      if ((await loadBackupKey(config, keys)) === undefined)
        throw new AppError(
          'BACKUP_KEY_MISSING',
          'no backup key: set CUSTOS_BACKUP_KEY_FILE, or CUSTOS_SECRET to derive it from',
        );
      const name = backupFileName('manual', ctx.now);
      const audit = auditContext(request);
      const jobId = await enqueueJob(database.db, {
        name: BACKUP_JOB,
        tenantId: ctx.tenantId,
        uniqueKey: 'manual',
        maxAttempts: 2,
        payload: { name, actorId: audit.actorId, requestId: audit.requestId },
        now: ctx.now,
      });
      if (jobId === null)
        throw new AppError(
          'BACKUP_RUNNING',
          'a backup of this tenant is already queued or running',
        );
      reply.code(202);
      return { data: { name, jobId } };
    },
  );

  app.get<{ Params: { name: string } }>(
    '/v1/admin/backups/:name',
    {
      config: { permission },
      schema: {
        tags,
        summary:
          "Download a backup (encrypted with the server's backup key) that holds the caller's tenant alone",
        params: NAME_PARAM,
        response: { ...ERRORS },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const found = (await backupsOf(app, ctx.tenantId)).find(
        (l) => l.file.name === request.params.name,
      );
      if (found === undefined)
        throw new AppError('NOT_FOUND', `no backup ${request.params.name}`, {
          field: 'params/name',
        });
      if (found.manifest === undefined)
        throw new BackupError(
          'BACKUP_WRONG_KEY',
          "the server's backup key does not open this backup",
        );
      if (!ownOnly(found.manifest, ctx.tenantId))
        throw new AppError(
          'BACKUP_OTHER_TENANTS',
          'this backup holds other tenants too: only the operator hands it out, from the backup directory',
        );
      await appendAuditEvent(database.db, {
        tenantId: ctx.tenantId,
        action: 'backup.download',
        target: `backup/${found.file.name}`,
        at: new Date(ctx.now),
        after: { name: found.file.name, bytes: found.file.bytes },
        ...auditContext(request),
      });
      return reply
        .type('application/octet-stream')
        .header('content-length', String(found.file.bytes))
        .header('content-disposition', `attachment; filename="${found.file.name}"`)
        .send(createReadStream(found.file.path));
    },
  );
}
