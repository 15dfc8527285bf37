import {
  appendAuditEvent,
  createAuditCheckpoint,
  listAuditCheckpoints,
  verifyAuditChain,
  type SignedAuditCheckpoint,
} from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { auditContext } from '../../http/audit-context.ts';
import { AppError } from '../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import {
  CHECKPOINT_FILE_FORMAT,
  checkpointFile,
  parseCheckpointFile,
} from './audit-checkpoints.ts';
import { loadAuditKey, requireAuditKey } from './audit-key.ts';

const tags = ['audit'];
const permission = { kind: 'function', name: 'audit_view' } as const;
const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
} as const;

/** The most checkpoints a verify request may bring (a file of a year of 15-minute checkpoints). */
export const MAX_CHECKPOINTS_IN_REQUEST = 50_000;

const HEX64 = { type: 'string', minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$' } as const;

const CHECKPOINT = {
  type: 'object',
  required: ['tenant', 'seq', 'hash', 'at', 'mac'],
  additionalProperties: false,
  properties: {
    tenant: { type: 'string', minLength: 1, maxLength: 128 },
    seq: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
    hash: HEX64,
    at: { type: 'string', maxLength: 40 },
    mac: HEX64,
  },
} as const;

const CHECKPOINT_FILE = {
  type: 'object',
  required: ['format', 'checkpoints'],
  properties: {
    format: { type: 'string', enum: [CHECKPOINT_FILE_FORMAT] },
    checkpoints: { type: 'array', items: CHECKPOINT },
  },
} as const;

const ISSUE = {
  type: 'object',
  required: ['seq', 'problem', 'reason'],
  properties: {
    seq: { type: 'integer' },
    problem: { type: 'string' },
    reason: { type: 'string' },
    checkpointSeq: { type: 'integer' },
  },
} as const;

const REPORT = {
  type: 'object',
  required: ['ok', 'tenantId', 'events', 'lastSeq', 'lastHash', 'checkpoints', 'issues'],
  properties: {
    ok: { type: 'boolean' },
    tenantId: { type: 'string' },
    events: { type: 'integer' },
    lastSeq: { type: 'integer' },
    lastHash: { type: 'string' },
    checkpoints: { type: 'integer' },
    signaturesChecked: { type: 'integer' },
    keyAvailable: { type: 'boolean' },
    first: ISSUE,
    issues: { type: 'array', items: ISSUE },
  },
} as const;

interface VerifyBody {
  checkpoints?: SignedAuditCheckpoint[];
}

/**
 * The audit chain's routes (docs/audit.md), for holders of `audit_view`: the stored checkpoints
 * as a checkpoint file, a new checkpoint on demand, and verification of the tenant's chain
 * (optionally against checkpoints the caller brings, e.g. a file kept elsewhere). Each use is
 * itself an audit event.
 */
export async function auditChainRoutes(app: FastifyInstance): Promise<void> {
  const { database, config, keys } = app.custos;

  app.get(
    '/v1/audit/checkpoints',
    {
      config: { permission },
      schema: {
        tags,
        summary: "The tenant's signed audit checkpoints, oldest first, as a checkpoint file",
        response: { 200: CHECKPOINT_FILE, ...ERRORS },
      },
    },
    async (request) =>
      checkpointFile(await listAuditCheckpoints(database.db, request.custos.tenantId)),
  );

  app.post(
    '/v1/audit/checkpoints',
    {
      config: { permission },
      schema: {
        tags,
        summary:
          'Sign the audit log head now (HMAC with the key kept outside the database); answers every checkpoint as a checkpoint file',
        body: { type: 'object', additionalProperties: false, properties: {} },
        response: { 201: CHECKPOINT_FILE, ...ERRORS },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const key = await requireAuditKey(config, keys);
      // The request itself is the last event the checkpoint covers.
      await appendAuditEvent(database.db, {
        tenantId: ctx.tenantId,
        action: 'audit.checkpoint',
        target: null,
        at: new Date(ctx.now),
        ...auditContext(request),
      });
      await createAuditCheckpoint(database.db, key, ctx.tenantId, new Date(ctx.now));
      reply.code(201);
      return checkpointFile(await listAuditCheckpoints(database.db, ctx.tenantId));
    },
  );

  app.post<{ Body: VerifyBody }>(
    '/v1/audit/verify',
    {
      config: { permission },
      schema: {
        tags,
        summary:
          "Recompute the tenant's audit chain and check it against its head and the signed checkpoints (stored and given): ok, or the first bad sequence number and why",
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            // A checkpoint file's own marker, so that a file can be sent as it is.
            format: { type: 'string', enum: [CHECKPOINT_FILE_FORMAT] },
            checkpoints: { type: 'array', maxItems: MAX_CHECKPOINTS_IN_REQUEST, items: CHECKPOINT },
          },
        },
        response: { 200: REPORT, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const given = request.body.checkpoints ?? [];
      const foreign = given.findIndex((c) => c.tenant !== ctx.tenantId);
      if (foreign >= 0)
        throw new AppError('REQUEST_INVALID', "a checkpoint of another tenant than the caller's", {
          field: `body/checkpoints/${foreign}/tenant`,
        });
      const key = await loadAuditKey(config, keys);
      const report = await verifyAuditChain(database.db, ctx.tenantId, {
        checkpoints: parseCheckpointFile(given),
        ...(key === undefined ? {} : { key }),
      });
      await appendAuditEvent(database.db, {
        tenantId: ctx.tenantId,
        action: 'audit.verify',
        target: null,
        at: new Date(ctx.now),
        outcome: 'success',
        after: {
          ok: report.ok,
          lastSeq: report.lastSeq,
          checkpoints: report.checkpoints,
          ...(report.first === undefined ? {} : { first: report.first }),
        },
        ...auditContext(request),
      });
      return { ...report, keyAvailable: key !== undefined };
    },
  );
}
