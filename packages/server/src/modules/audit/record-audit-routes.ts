import { isSealed, openOneField } from '@custos/store';
import { openAuditEvents } from './audit-values.ts';
import {
  fieldAccess,
  hasFunction,
  OBJECT_CATALOGUE,
  OBJECT_TYPES,
  type FieldLevel,
  type ObjectType,
} from '@custos/engine';
import { readableRecord } from '@custos/records';
import {
  appendAuditEvent,
  countRecentActions,
  oldestRecentAction,
  searchAuditEvents,
} from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { auditContext } from '../../http/audit-context.ts';
import { cursorBinding } from '../../http/cursor-seal.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { ID_PARAMS } from '../crm/crm-schemas.ts';
import { viewAuditEvent } from './audit-event-view.ts';
import { EVENT_PAGE, HISTORY_QUERY, REVEAL_ANSWER, REVEAL_BODY } from './audit-schemas.ts';

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
  429: ERROR_BODY_SCHEMA,
} as const;

/** The window of the reveal rate limit. */
const HOUR = 3_600_000;

type IdParams = { Params: { id: string } };

/**
 * A record's history and the reveal of a masked value, for each object:
 *
 * - `GET /v1/<object>/:id/history`: the audit events on the record (created, updated with the
 *   fields that changed, transferred, team changes, reveals, refusals), newest first, for whoever
 *   may read it — NOT_FOUND exactly as reading it — each value at the caller's level on the
 *   record. The request details (address, user agent, request id) only for an `audit_view` holder.
 * - `POST /v1/<object>/:id/reveal` `{ field }` (function `reveal_masked`, and read access to the
 *   record): the clear value of a field shown masked to the caller, once (`no-store`), audited
 *   `<object>.reveal` with the field's name only, at most `revealRateLimitPerHour` a user.
 */
export async function recordAuditRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  for (const object of OBJECT_TYPES) {
    const { path, names } = OBJECT_CATALOGUE[object];
    const [en, zh] = [names['en-US'].one, names['zh-CN'].one];
    const tags = [`crm: ${path}`];

    app.get<IdParams & { Querystring: { limit: number; cursor?: string } }>(
      `/v1/${path}/:id/history`,
      {
        config: { permission: { kind: 'record', object, action: 'read' } },
        schema: {
          tags,
          summary: `The history of one ${en} (${zh}变更记录): its audit events, newest first`,
          params: ID_PARAMS,
          querystring: HISTORY_QUERY,
          response: { 200: EVENT_PAGE, ...ERRORS },
        },
      },
      async (request) => {
        const ctx = request.custos;
        const { id } = request.params;
        const record = await readableRecord(db, ctx, object, id);
        const target = `${object}/${id}`;
        const binding = cursorBinding('history', ctx.tenantId, ctx.userId, target);
        const cursor =
          request.query.cursor === undefined
            ? undefined
            : app.custos.cursors.open(binding, request.query.cursor, 'querystring/cursor');
        const page = await searchAuditEvents(db, {
          tenantId: ctx.tenantId,
          target,
          limit: request.query.limit,
          ...(cursor === undefined ? {} : { beforeId: cursor }),
        });
        const levels = fieldAccess(ctx.index, ctx.userId, object, record, ctx.now);
        const levelOf = (field: string): FieldLevel =>
          (Object.hasOwn(levels, field) ? levels[field] : undefined) ?? 'hidden';
        const auditor = hasFunction(ctx.index, ctx.userId, 'audit_view');
        return {
          items: (await openAuditEvents(db, ctx, page.events)).map((e) => {
            const view = viewAuditEvent(ctx, e, () => levelOf);
            return auditor ? view : { ...view, ip: null, userAgent: null, requestId: null };
          }),
          nextCursor:
            page.nextBeforeId === null ? null : app.custos.cursors.seal(binding, page.nextBeforeId),
        };
      },
    );

    app.post<IdParams & { Body: { field: string } }>(
      `/v1/${path}/:id/reveal`,
      {
        config: { permission: { kind: 'function', name: 'reveal_masked' } },
        schema: {
          tags,
          summary: `Reveal the clear value of a field of one ${en} shown masked to you (查看原值, audited, rate-limited)`,
          params: ID_PARAMS,
          body: REVEAL_BODY,
          response: { 200: REVEAL_ANSWER, ...ERRORS },
        },
      },
      async (request, reply) => {
        void reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
        try {
          return await reveal(app, request, object, request.params.id, request.body.field);
        } catch (error) {
          if (error instanceof AppError && error.code === 'REVEAL_RATE_LIMITED')
            void reply.header('retry-after', String(error.details.retryAfterSeconds));
          throw error;
        }
      },
    );
  }
}

async function reveal(
  app: FastifyInstance,
  request: FastifyRequest,
  object: ObjectType,
  id: string,
  field: string,
) {
  const db = app.custos.database.db;
  const ctx = request.custos;
  const record = await readableRecord(db, ctx, object, id);
  const settings = ctx.model.objects.find((o) => o.object === object)?.fields ?? {};
  if (!Object.hasOwn(settings, field) && !Object.hasOwn(record.fields, field))
    throw new AppError('REQUEST_INVALID', `${object} has no field ${field}`, {
      field: 'body/field',
    });
  const levels = fieldAccess(ctx.index, ctx.userId, object, record, ctx.now);
  const level = (Object.hasOwn(levels, field) ? levels[field] : undefined) ?? 'hidden';
  const target = `${object}/${id}`;
  const at = new Date(ctx.now);
  const context = auditContext(request);
  if (level === 'hidden') {
    await appendAuditEvent(db, {
      tenantId: ctx.tenantId,
      action: `${object}.reveal`,
      target,
      outcome: 'denied',
      after: { field, reason: 'hidden' },
      at,
      ...context,
    });
    throw new AppError(
      'REVEAL_FIELD_HIDDEN',
      `${field} is hidden from you; a reveal shows only a masked field, it does not lift hidden`,
      { field: 'body/field', level },
    );
  }
  if (level !== 'masked')
    throw new AppError(
      'REVEAL_NOT_MASKED',
      `${field} is not masked for you: you read it in clear already`,
      { field: 'body/field', level },
    );
  const limit = app.custos.config.revealRateLimitPerHour;
  const since = new Date(ctx.now - HOUR);
  const counter = {
    tenantId: ctx.tenantId,
    actorId: context.actorId ?? ctx.userId,
    verb: 'reveal',
  };
  const outcome = await db.transaction().execute(async (tx) => {
    const used = await countRecentActions(tx, { ...counter, since, lock: true });
    if (used >= limit) {
      const oldest = await oldestRecentAction(tx, { ...counter, since });
      const retryMs = oldest === null ? HOUR : oldest.getTime() + HOUR - ctx.now;
      return { limited: true as const, retryAfter: Math.max(1, Math.ceil(retryMs / 1000)) };
    }
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      action: `${object}.reveal`,
      target,
      after: { field },
      at,
      ...context,
    });
    return { limited: false as const, remaining: limit - used - 1 };
  });
  if (outcome.limited) {
    await appendAuditEvent(db, {
      tenantId: ctx.tenantId,
      action: `${object}.reveal`,
      target,
      outcome: 'denied',
      after: { field, reason: 'rate_limited' },
      at,
      ...context,
    });
    request.server.log.warn({ userId: ctx.userId, object }, 'reveal rate limit reached');
    throw new AppError(
      'REVEAL_RATE_LIMITED',
      `you have revealed ${limit} values in the last hour; retry in ${outcome.retryAfter} s`,
      { retryAfterSeconds: outcome.retryAfter, limit },
    );
  }
  // The one permitted path for a masked field's clear value: only this field is opened.
  const stored = record.fields[field];
  const value = isSealed(stored) ? await openOneField(db, ctx, record, field) : stored;
  return {
    object,
    id,
    field,
    value: value === undefined ? null : value,
    revealedAt: at.toISOString(),
    remaining: outcome.remaining,
  };
}
