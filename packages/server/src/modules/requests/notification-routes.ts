import { countUnreadNotifications, listNotifications, markNotificationsRead } from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';

const NOTIFICATION_ID = { type: 'string', maxLength: 18, pattern: '^[0-9]{1,18}$' } as const;
const ERRORS = { 400: ERROR_BODY_SCHEMA, 401: ERROR_BODY_SCHEMA, 403: ERROR_BODY_SCHEMA } as const;

const NOTIFICATION_VIEW = {
  type: 'object',
  required: ['id', 'kind', 'params', 'link', 'createdAt', 'readAt'],
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    params: { type: 'object', additionalProperties: true },
    link: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
    readAt: { type: ['string', 'null'] },
  },
} as const;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * The signed-in user's in-app notifications (the console's bell): their own only, newest first,
 * with the unread count; marking some or all read.
 */
export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  const tags = ['me: notifications'];
  const signedIn = { permission: { kind: 'authenticated' } } as const;

  app.get<{ Querystring: { limit: number; before?: string; unread?: boolean } }>(
    '/v1/me/notifications',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Your notifications, newest first, with how many are unread',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            before: NOTIFICATION_ID,
            unread: { type: 'boolean', description: 'Only the unread ones' },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['items', 'unread', 'nextBefore'],
            properties: {
              items: { type: 'array', items: NOTIFICATION_VIEW },
              unread: { type: 'integer' },
              nextBefore: { type: ['string', 'null'] },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const { tenantId, userId } = request.custos;
      const { limit, before, unread } = request.query;
      const items = await listNotifications(db, tenantId, userId, {
        limit,
        ...(before === undefined ? {} : { beforeId: before }),
        ...(unread === true ? { unreadOnly: true } : {}),
      });
      return {
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          params: n.params,
          link: n.link,
          createdAt: iso(n.createdAt),
          readAt: iso(n.readAt),
        })),
        unread: await countUnreadNotifications(db, tenantId, userId),
        nextBefore: items.length === limit ? (items.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.post<{ Body: { ids?: string[]; all?: boolean } }>(
    '/v1/me/notifications/read',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Mark your notifications read: the ones named, or all',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ids: { type: 'array', minItems: 1, maxItems: 100, items: NOTIFICATION_ID },
            all: { type: 'boolean', const: true },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['marked', 'unread'],
            properties: { marked: { type: 'integer' }, unread: { type: 'integer' } },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const { tenantId, userId, now } = request.custos;
      const { ids, all } = request.body;
      if ((ids === undefined) === (all === undefined))
        throw new AppError('REQUEST_INVALID', 'name the notifications (ids) or all, not both', {
          field: ids === undefined ? 'body/ids' : 'body/all',
        });
      const marked = await markNotificationsRead(
        db,
        tenantId,
        userId,
        all === true ? 'all' : (ids ?? []),
        now,
      );
      return { marked, unread: await countUnreadNotifications(db, tenantId, userId) };
    },
  );
}
