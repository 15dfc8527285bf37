import { decide, hasFunction } from '@custos/engine';
import { inTransaction, lockForAction, readableRecord, RecordError } from '@custos/records';
import {
  appendAuditEvent,
  DO_NOT_SELL_SOURCES,
  getDoNotSell,
  putDoNotSell,
  type DoNotSell,
  type DoNotSellSource,
} from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { auditContext } from '../../http/audit-context.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { ID_PARAMS } from '../crm/crm-schemas.ts';

/** The function that manages data protection (data-subject requests, opt-outs, retention). */
export const PRIVACY_ADMIN = 'privacy_admin';

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
} as const;

export const DO_NOT_SELL_VIEW = {
  type: 'object',
  required: ['contactId', 'optedOut', 'source', 'receivedAt', 'recordedAt', 'canChange'],
  properties: {
    contactId: { type: 'string' },
    optedOut: { type: 'boolean', description: 'The contact opted out of sale or sharing' },
    source: {
      type: ['string', 'null'],
      enum: [...DO_NOT_SELL_SOURCES, null],
      description: 'How the request (or its withdrawal) was received; null: never recorded',
    },
    receivedAt: { type: ['string', 'null'] },
    note: { type: ['string', 'null'] },
    recordedBy: { type: ['string', 'null'] },
    recordedByName: { type: ['string', 'null'] },
    recordedAt: { type: ['string', 'null'] },
    canChange: { type: 'boolean', description: 'Whether you may set or clear it' },
  },
} as const;

interface PutBody {
  optedOut: boolean;
  source: DoNotSellSource;
  receivedAt?: string;
  note?: string;
}

const PUT_BODY = {
  type: 'object',
  required: ['optedOut', 'source'],
  additionalProperties: false,
  properties: {
    optedOut: {
      type: 'boolean',
      description: 'true: opt out of sale or sharing; false: opt in again',
    },
    source: {
      type: 'string',
      enum: [...DO_NOT_SELL_SOURCES],
      description:
        'How it was received: the portal, a web form, Global Privacy Control (gpc), a phone call …',
    },
    receivedAt: {
      type: 'string',
      maxLength: 40,
      description: 'When the request was received (ISO 8601); default now, never in the future',
    },
    note: { type: 'string', maxLength: 500 },
  },
} as const;

/** Whether the caller may set or clear the contact's flag: update it, or hold `privacy_admin`. */
function mayChange(ctx: RequestContext, contact: Parameters<typeof decide>[3]): boolean {
  return (
    decide(ctx.index, ctx.userId, 'update', contact, ctx.now) ||
    hasFunction(ctx.index, ctx.userId, PRIVACY_ADMIN)
  );
}

function view(
  ctx: RequestContext,
  contactId: string,
  state: DoNotSell | undefined,
  canChange: boolean,
) {
  const iso = (at: number): string => new Date(at).toISOString();
  const name = (id: string | null) =>
    id === null ? null : (ctx.model.users.find((u) => u.id === id)?.name ?? null);
  return {
    contactId,
    optedOut: state?.optedOut ?? false,
    source: state?.source ?? null,
    receivedAt: state === undefined ? null : iso(state.receivedAt),
    note: state?.note ?? null,
    recordedBy: state?.recordedBy ?? null,
    recordedByName: name(state?.recordedBy ?? null),
    recordedAt: state === undefined ? null : iso(state.recordedAt),
    canChange,
  };
}

/**
 * CCPA "do not sell or share" (§1798.120/.135) per contact (docs/privacy.md): read it as you read
 * the contact (NOT_FOUND exactly as reading it); set or clear it — with how and when the request
 * was received — if you may update the contact or hold `privacy_admin`, audited
 * `contact.do_not_sell`. Every export leaves a flagged contact out (`exportExclusions`).
 */
export async function doNotSellRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  const tags = ['crm: contacts'];

  app.get<{ Params: { id: string } }>(
    '/v1/contacts/:id/do-not-sell',
    {
      config: { permission: { kind: 'record', object: 'contact', action: 'read' } },
      schema: {
        tags,
        summary: 'The contact\'s CCPA "do not sell or share" opt-out (不出售或共享)',
        params: ID_PARAMS,
        response: { 200: DO_NOT_SELL_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const contact = await readableRecord(db, ctx, 'contact', request.params.id);
      const state = await getDoNotSell(db, ctx.tenantId, contact.id);
      return view(ctx, contact.id, state, mayChange(ctx, contact));
    },
  );

  app.put<{ Params: { id: string }; Body: PutBody }>(
    '/v1/contacts/:id/do-not-sell',
    {
      config: { permission: { kind: 'record', object: 'contact', action: 'update' } },
      schema: {
        tags,
        summary:
          'Set or clear the contact\'s "do not sell or share" opt-out, with its source and time (update the contact, or privacy_admin)',
        params: ID_PARAMS,
        body: PUT_BODY,
        response: { 200: DO_NOT_SELL_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const body = request.body;
      let receivedAt = ctx.now;
      if (body.receivedAt !== undefined) {
        receivedAt = Date.parse(body.receivedAt);
        if (!Number.isFinite(receivedAt))
          throw new AppError('REQUEST_INVALID', 'receivedAt must be an ISO 8601 date-time', {
            field: 'body/receivedAt',
          });
        if (receivedAt > ctx.now)
          throw new AppError('REQUEST_INVALID', 'receivedAt is in the future', {
            field: 'body/receivedAt',
          });
      }
      const note = body.note?.trim() ?? '';
      return inTransaction(db, async (tx) => {
        const contact = await lockForAction(tx, ctx, 'contact', request.params.id);
        if (!mayChange(ctx, contact))
          throw new RecordError(
            'PERMISSION_DENIED',
            'you may not update this contact and do not hold privacy_admin',
            { action: 'update', object: 'contact', id: contact.id, function: PRIVACY_ADMIN },
          );
        const before = await getDoNotSell(tx, ctx.tenantId, contact.id);
        const state: DoNotSell = {
          contactId: contact.id,
          optedOut: body.optedOut,
          source: body.source,
          receivedAt,
          note: note === '' ? null : note,
          recordedBy: ctx.userId,
          recordedAt: ctx.now,
        };
        await putDoNotSell(tx, ctx.tenantId, state);
        const audited = (s: DoNotSell | undefined) =>
          s === undefined
            ? { optedOut: false }
            : {
                optedOut: s.optedOut,
                source: s.source,
                receivedAt: new Date(s.receivedAt).toISOString(),
                ...(s.note === null ? {} : { note: s.note }),
              };
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          ...auditContext(request),
          action: 'contact.do_not_sell',
          target: `contact/${contact.id}`,
          before: audited(before),
          after: audited(state),
          at: new Date(ctx.now),
        });
        return view(ctx, contact.id, state, true);
      });
    },
  );
}
