import {
  OBJECT_TYPES,
  RECORD_ACTIONS,
  decide,
  decideWithReason,
  explain,
  filter,
  hasFunction,
  type CrmRecord,
  type ObjectType,
  type RecordAction,
} from '@custos/engine';
import { RECORD_TABLE, compilePredicate, getRecords } from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { cursorBinding } from '../../http/cursor-seal.ts';
import { ID } from '../crm/crm-schemas.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import type { RequestContext } from '../../http/request-context.ts';

/** The function permission that lets an application ask on behalf of any user of its tenant. */
export const AUTHZ_QUERY_FUNCTION = 'authz_query';
export const MAX_CHECK_ITEMS = 1000;
export const MAX_LOOKUP_LIMIT = 1000;

interface CheckItem {
  subject: string;
  action: RecordAction;
  object: ObjectType;
  recordId: string;
}

interface LookupBody {
  subject: string;
  action: RecordAction;
  object: ObjectType;
  limit?: number;
  cursor?: string | null;
}

const ITEM_SCHEMA = {
  type: 'object',
  required: ['subject', 'action', 'object', 'recordId'],
  additionalProperties: false,
  properties: {
    subject: ID,
    action: { type: 'string', enum: [...RECORD_ACTIONS] },
    object: { type: 'string', enum: [...OBJECT_TYPES] },
    recordId: ID,
  },
} as const;

/** The caller may ask for itself, or for anyone in its tenant with `authz_query`. */
function assertMayActFor(ctx: RequestContext, subjects: Iterable<string>): void {
  for (const subject of subjects) {
    if (subject === ctx.userId) continue;
    if (hasFunction(ctx.index, ctx.userId, AUTHZ_QUERY_FUNCTION)) return;
    throw new AppError(
      'PERMISSION_DENIED',
      `asking on behalf of another user requires the function permission ${AUTHZ_QUERY_FUNCTION}`,
      { function: AUTHZ_QUERY_FUNCTION, subject },
    );
  }
}

/**
 * Whether the caller may learn anything about a record: always with `authz_query` (an application
 * asking for its users); otherwise only about records the caller may read. A record one may not
 * read answers like a missing one (`not_found`, 404), as in the CRM API: no existence, no
 * sensitivity, no owner leaks through a self-check.
 */
function mayLearnAbout(ctx: RequestContext, trusted: boolean, record: CrmRecord): boolean {
  return trusted || decide(ctx.index, ctx.userId, 'read', record, ctx.now);
}

/**
 * The authorization API for other applications: check a batch, explain one decision, look up the
 * records a subject may act on. Always in the caller's tenant, at the policy version of the
 * request, with the engine's semantics (the lookup runs the engine's filter as SQL).
 */
export async function authzRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: { items: CheckItem[] } }>(
    '/v1/authz/check',
    {
      config: { permission: { kind: 'authenticated' } },
      schema: {
        tags: ['authz'],
        summary: 'Decide a batch of (subject, action, object, record) checks',
        body: {
          type: 'object',
          required: ['items'],
          additionalProperties: false,
          properties: {
            items: { type: 'array', minItems: 1, maxItems: MAX_CHECK_ITEMS, items: ITEM_SCHEMA },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['results'],
            properties: {
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['allowed', 'reason'],
                  properties: { allowed: { type: 'boolean' }, reason: { type: 'string' } },
                },
              },
            },
          },
          403: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request: FastifyRequest<{ Body: { items: CheckItem[] } }>) => {
      const ctx = request.custos;
      const { items } = request.body;
      assertMayActFor(ctx, new Set(items.map((i) => i.subject)));
      const idsByObject = new Map<ObjectType, string[]>();
      for (const item of items) {
        const ids = idsByObject.get(item.object) ?? [];
        ids.push(item.recordId);
        idsByObject.set(item.object, ids);
      }
      const loaded = new Map(
        await Promise.all(
          [...idsByObject].map(
            async ([object, ids]) =>
              [
                object,
                // Decided for the subjects (and the caller, who must be able to read it).
                await getRecords(app.custos.database.db, ctx.tenantId, object, ids, {
                  factsFor: [...new Set([ctx.userId, ...items.map((i) => i.subject)])],
                }),
              ] as const,
          ),
        ),
      );
      const trusted = hasFunction(ctx.index, ctx.userId, AUTHZ_QUERY_FUNCTION);
      const results = items.map((item) => {
        const record = loaded.get(item.object)?.get(item.recordId);
        if (record === undefined || !mayLearnAbout(ctx, trusted, record)) {
          return { allowed: false, reason: 'not_found' };
        }
        // The reason's kind only: the batch answers no sentences (`/v1/authz/explain` does).
        return decideWithReason(ctx.index, item.subject, item.action, record, ctx.now);
      });
      return { results };
    },
  );

  app.post<{ Body: CheckItem }>(
    '/v1/authz/explain',
    {
      config: { permission: { kind: 'authenticated' } },
      schema: {
        tags: ['authz'],
        summary: 'Explain one decision: every path that allowed it, or the rule that denied it',
        body: ITEM_SCHEMA,
        response: {
          200: {
            type: 'object',
            required: ['allowed', 'allowedBy', 'deniedBy', 'text', 'sentence', 'locale'],
            properties: {
              allowed: { type: 'boolean' },
              principalId: { type: 'string' },
              action: { type: 'string' },
              object: { type: 'string' },
              recordId: { type: 'string' },
              allowedBy: { type: 'array', items: { type: 'object', additionalProperties: true } },
              deniedBy: {
                anyOf: [{ type: 'object', additionalProperties: true }, { type: 'null' }],
              },
              text: {
                type: 'object',
                properties: { 'zh-CN': { type: 'string' }, 'en-US': { type: 'string' } },
              },
              sentence: { type: 'string' },
              locale: { type: 'string' },
              policyVersion: { type: 'integer' },
            },
          },
          403: ERROR_BODY_SCHEMA,
          404: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request: FastifyRequest<{ Body: CheckItem }>) => {
      const ctx = request.custos;
      const item = request.body;
      assertMayActFor(ctx, [item.subject]);
      const records = await getRecords(app.custos.database.db, ctx.tenantId, item.object, [
        item.recordId,
      ]);
      const record = records.get(item.recordId);
      const trusted = hasFunction(ctx.index, ctx.userId, AUTHZ_QUERY_FUNCTION);
      if (record === undefined || !mayLearnAbout(ctx, trusted, record))
        throw new AppError('NOT_FOUND', `no ${item.object} ${item.recordId}`, {
          object: item.object,
          recordId: item.recordId,
        });
      const e = explain(ctx.index, item.subject, item.action, record, ctx.now);
      return { ...e, sentence: e.text[ctx.locale], locale: ctx.locale, policyVersion: ctx.version };
    },
  );

  app.post<{ Body: LookupBody }>(
    '/v1/authz/lookup',
    {
      config: { permission: { kind: 'authenticated' } },
      schema: {
        tags: ['authz'],
        summary: 'The ids of the records a subject may act on, ordered by id, paginated',
        body: {
          type: 'object',
          required: ['subject', 'action', 'object'],
          additionalProperties: false,
          properties: {
            subject: ID,
            action: ITEM_SCHEMA.properties.action,
            object: ITEM_SCHEMA.properties.object,
            limit: { type: 'integer', minimum: 1, maximum: MAX_LOOKUP_LIMIT, default: 100 },
            cursor: { type: ['string', 'null'], maxLength: 1000 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['ids', 'nextCursor'],
            properties: {
              ids: { type: 'array', items: { type: 'string' } },
              nextCursor: { type: ['string', 'null'] },
            },
          },
          403: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request: FastifyRequest<{ Body: LookupBody }>) => {
      const ctx = request.custos;
      const { subject, action, object } = request.body;
      const limit = request.body.limit ?? 100;
      assertMayActFor(ctx, [subject]);
      // The cursor is sealed and bound to this lookup (caller, subject, action, object).
      const binding = cursorBinding('lookup', ctx.tenantId, ctx.userId, subject, action, object);
      const after =
        request.body.cursor === undefined || request.body.cursor === null
          ? undefined
          : app.custos.cursors.open(binding, request.body.cursor, 'body/cursor');
      const table = RECORD_TABLE[object];
      const predicate = filter(ctx.index, subject, action, object, ctx.now);
      let query = app.custos.database.db
        .selectFrom(`${table} as t` as 'customers as t')
        .select('t.id')
        .where('t.tenant_id', '=', ctx.tenantId)
        .where(compilePredicate(predicate, { table, alias: 't' }));
      if (after !== undefined) query = query.where('t.id', '>', after);
      const rows = await query
        .orderBy('t.id')
        .limit(limit + 1)
        .execute();
      const ids = rows.slice(0, limit).map((r) => r.id);
      const last = ids[ids.length - 1];
      return {
        ids,
        nextCursor:
          rows.length > limit && last !== undefined ? app.custos.cursors.seal(binding, last) : null,
      };
    },
  );
}
