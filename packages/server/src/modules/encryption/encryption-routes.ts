import { OBJECT_TYPES, type ObjectType, type PolicyModel } from '@custos/engine';
import type { FastifyInstance } from 'fastify';
import { requestAuditExtras } from '../../http/audit-context.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { countValuesByKey, type FieldKeyUsage } from './key-usage.ts';
import { rotateDataKey } from './rotate-data-key.ts';
import { shareKeyring } from './sweep-keyring.ts';
import { listSweeps, type EncryptionSweep } from './sweep-store.ts';

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
} as const;

const COUNTS = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  description: 'Values per key: `v<n>` a data key version, `subject` a person’s own key, `clear`',
} as const;

const TABLE_PROGRESS = {
  type: 'object',
  required: ['done', 'total', 'finished'],
  properties: {
    done: { type: 'integer' },
    total: { type: 'integer' },
    finished: { type: 'boolean' },
  },
} as const;

const SWEEP_VIEW = {
  type: 'object',
  required: [
    'id',
    'state',
    'trigger',
    'reason',
    'requestedBy',
    'targetVersion',
    'pass',
    'percent',
    'tables',
    'counts',
    'errors',
    'remaining',
    'startedAt',
    'updatedAt',
    'finishedAt',
  ],
  properties: {
    id: { type: 'string' },
    state: { type: 'string', enum: ['running', 'done', 'failed'] },
    trigger: { type: 'string', enum: ['rotate', 'policy', 'manual'] },
    reason: { type: 'string' },
    requestedBy: { type: ['string', 'null'] },
    targetVersion: { type: 'integer' },
    pass: { type: 'integer' },
    percent: { type: 'integer', description: 'Records visited in this pass, of all (0–100)' },
    tables: { type: 'object', additionalProperties: TABLE_PROGRESS },
    counts: { type: 'object', additionalProperties: { type: 'integer' } },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'object', 'recordId', 'field', 'code', 'message'],
        properties: {
          at: { type: 'string' },
          object: { type: 'string' },
          recordId: { type: 'string' },
          field: { type: 'string' },
          code: { type: 'string' },
          message: { type: 'string' },
        },
      },
    },
    remaining: { type: ['integer', 'null'] },
    startedAt: { type: 'string' },
    updatedAt: { type: 'string' },
    finishedAt: { type: ['string', 'null'] },
  },
} as const;

const KEY_VIEW = {
  type: 'object',
  required: ['version', 'state', 'createdAt', 'retiredAt'],
  properties: {
    version: { type: 'integer' },
    state: { type: 'string', enum: ['active', 'retired'] },
    createdAt: { type: 'string' },
    retiredAt: { type: ['string', 'null'] },
  },
} as const;

const OVERVIEW = {
  type: 'object',
  required: ['activeVersion', 'keys', 'objects', 'valuesByKey', 'sweep'],
  properties: {
    activeVersion: { type: 'integer' },
    keys: { type: 'array', items: KEY_VIEW },
    objects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['object', 'fields'],
        properties: {
          object: { type: 'string' },
          fields: {
            type: 'array',
            items: {
              type: 'object',
              required: ['field', 'label', 'encrypted', 'values'],
              properties: {
                field: { type: 'string' },
                label: { type: ['string', 'null'] },
                encrypted: { type: 'boolean' },
                values: COUNTS,
              },
            },
          },
        },
      },
    },
    valuesByKey: COUNTS,
    sweep: { oneOf: [SWEEP_VIEW, { type: 'null' }] },
  },
} as const;

/** A sweep as the API shows it (its lease is the runner's business). */
export function sweepView(sweep: EncryptionSweep) {
  const tables = Object.fromEntries(
    Object.entries(sweep.tables).map(([object, t]) => [
      object,
      { done: t.done, total: t.total, finished: t.finished },
    ]),
  );
  const total = Object.values(sweep.tables).reduce((n, t) => n + t.total, 0);
  const done = Object.values(sweep.tables).reduce((n, t) => n + Math.min(t.done, t.total), 0);
  const percent =
    sweep.state !== 'running'
      ? 100
      : total === 0
        ? 0
        : Math.min(99, Math.floor((done * 100) / total));
  return {
    id: sweep.id,
    state: sweep.state,
    trigger: sweep.trigger,
    reason: sweep.reason,
    requestedBy: sweep.requestedBy,
    targetVersion: sweep.targetVersion,
    pass: sweep.pass,
    percent,
    tables,
    counts: { ...sweep.counts },
    errors: sweep.errors,
    remaining: sweep.remaining,
    startedAt: sweep.startedAt,
    updatedAt: sweep.updatedAt,
    finishedAt: sweep.finishedAt,
  };
}

/** Per object: each field the policy sets or the data holds sealed, with its values per key. */
function objectsView(model: PolicyModel, usage: readonly FieldKeyUsage[]) {
  return OBJECT_TYPES.map((object: ObjectType) => {
    const settings = model.objects.find((o) => o.object === object)?.fields ?? {};
    const names = new Set([
      ...Object.keys(settings),
      ...usage.filter((u) => u.object === object).map((u) => u.field),
    ]);
    return {
      object,
      fields: [...names].sort().map((field) => ({
        field,
        label: settings[field]?.label ?? null,
        encrypted: settings[field]?.encrypted === true,
        values: usage.find((u) => u.object === object && u.field === field)?.values ?? {},
      })),
    };
  });
}

/**
 * Encryption at rest, administered (docs/key-rotation.md), all with the function
 * `encryption_admin`: the key versions and what each holds, rotating the data key (202: the sweep
 * re-seals in the background), the sweep's progress.
 */
export async function encryptionRoutes(app: FastifyInstance): Promise<void> {
  const { database, keyring } = app.custos;
  const db = database.db;
  // This node's job runner re-seals with the same keyring (the KEK and the shred ledger).
  shareKeyring(database, keyring);
  const config = { permission: { kind: 'function', name: 'encryption_admin' } } as const;
  const tags = ['admin: encryption'];

  app.get(
    '/v1/admin/encryption',
    {
      config,
      schema: {
        tags,
        summary: 'Key versions, encrypted fields with their values per key version, the sweep',
        response: { 200: OVERVIEW, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const keys = await keyring.tenant(db, ctx.tenantId);
      const rows = await db
        .selectFrom('data_keys')
        .select(['version', 'state', 'created_at', 'retired_at'])
        .where('tenant_id', '=', ctx.tenantId)
        .where('purpose', '=', 'data')
        .orderBy('version', 'desc')
        .execute();
      const usage = await countValuesByKey(db, ctx.tenantId, ctx.model);
      const valuesByKey: Record<string, number> = {};
      for (const u of usage)
        for (const [key, n] of Object.entries(u.values))
          valuesByKey[key] = (valuesByKey[key] ?? 0) + (n ?? 0);
      const [latest] = await listSweeps(db, ctx.tenantId, 1);
      return {
        activeVersion: keys.activeVersion,
        keys: rows.map((r) => ({
          version: r.version,
          state: r.state,
          createdAt: new Date(r.created_at).toISOString(),
          retiredAt: r.retired_at === null ? null : new Date(r.retired_at).toISOString(),
        })),
        objects: objectsView(ctx.model, usage),
        valuesByKey,
        sweep: latest === undefined ? null : sweepView(latest),
      };
    },
  );

  app.post<{ Body: { reason: string } }>(
    '/v1/admin/encryption/rotate',
    {
      config,
      schema: {
        tags,
        summary: 'Rotate the data key: a new version, every value re-sealed in the background',
        body: {
          type: 'object',
          required: ['reason'],
          additionalProperties: false,
          properties: { reason: { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' } },
        },
        response: {
          202: {
            type: 'object',
            required: ['fromVersion', 'version', 'sweep'],
            properties: {
              fromVersion: { type: 'integer' },
              version: { type: 'integer' },
              sweep: SWEEP_VIEW,
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const result = await rotateDataKey(
        { database, keyring },
        {
          tenantId: ctx.tenantId,
          actorId: ctx.viewAs?.actorId ?? ctx.userId,
          reason: request.body.reason.trim(),
          now: ctx.now,
          audit: requestAuditExtras(request),
        },
      );
      return reply.code(202).send({
        fromVersion: result.fromVersion,
        version: result.version,
        sweep: sweepView(result.sweep),
      });
    },
  );

  app.get(
    '/v1/admin/encryption/sweep',
    {
      config,
      schema: {
        tags,
        summary: 'The current (or last) re-encryption sweep’s progress, and the recent ones',
        response: {
          200: {
            type: 'object',
            required: ['sweep', 'recent'],
            properties: {
              sweep: { oneOf: [SWEEP_VIEW, { type: 'null' }] },
              recent: { type: 'array', items: SWEEP_VIEW },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const sweeps = await listSweeps(db, request.custos.tenantId, 10);
      return {
        sweep: sweeps[0] === undefined ? null : sweepView(sweeps[0]),
        recent: sweeps.map(sweepView),
      };
    },
  );
}
