import { CLOSED } from '@custos/engine';
import {
  PENDING_CHANGE_STATUSES,
  listPendingChanges,
  type PendingChangeStatus,
} from '@custos/store';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import type { RoutePermission } from '../../http/route-permission.ts';
import { REASON } from '../directory/directory-schemas.ts';
import { FOUR_EYES_CATEGORIES } from './four-eyes-categories.ts';
import { HELD_SCHEMA } from './four-eyes-gate.ts';
import { readSettingAnswer, setFourEyesSetting } from './four-eyes-setting.ts';
import {
  approvePendingChange,
  pendingOr404,
  rejectPendingChange,
  withdrawPendingChange,
} from './pending-change-decisions.ts';
import { detailOf, summaryOf } from './pending-change-view.ts';

const TAG = 'admin: four eyes';
const ROLE_ADMIN: RoutePermission = { kind: 'function', name: 'role_admin' };
/** Any admin may look; deciding needs the functions the change itself needs (checked per change). */
const ADMINS: RoutePermission = {
  kind: 'function_per_change',
  names: ['user_admin', 'role_admin'],
};

const PENDING_ID = Type.Object(
  { id: Type.String({ pattern: '^[0-9]{1,18}$', maxLength: 18 }) },
  CLOSED,
);
const SETTING_BODY = Type.Object(
  {
    categories: Type.Array(Type.Enum(FOUR_EYES_CATEGORIES, { type: 'string' }), {
      uniqueItems: true,
      maxItems: FOUR_EYES_CATEGORIES.length,
    }),
    expiryDays: Type.Integer({ minimum: 1, maximum: 365 }),
    reason: Type.Optional(REASON),
  },
  CLOSED,
);
const LIST_QUERY = Type.Object(
  {
    status: Type.Optional(Type.Enum(PENDING_CHANGE_STATUSES, { type: 'string' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$', maxLength: 18 })),
  },
  CLOSED,
);
const COMMENT_BODY = Type.Object({ comment: Type.Optional(REASON) }, CLOSED);
const REJECT_BODY = Type.Object({ reason: REASON }, CLOSED);
const WITHDRAW_BODY = Type.Object({ reason: Type.Optional(REASON) }, CLOSED);

const SETTING_ANSWER = {
  type: 'object',
  required: ['categories', 'expiryDays', 'available'],
  properties: {
    categories: { type: 'array', items: { type: 'string' } },
    expiryDays: { type: 'integer' },
    updatedBy: { type: ['string', 'null'] },
    updatedAt: { type: ['string', 'null'] },
    available: { type: 'array', items: { type: 'string' } },
  },
} as const;
const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
  422: ERROR_BODY_SCHEMA,
};

/**
 * Four eyes (双人复核): the tenant's setting (which categories of configuration change wait for a
 * second administrator), and the pending changes — listed with their history, each with a fresh
 * impact preview and diff, approved or rejected by another administrator, withdrawn by its author.
 */
export async function fourEyesRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/v1/admin/four-eyes',
    {
      config: { permission: ROLE_ADMIN },
      schema: {
        tags: [TAG],
        summary: 'The four-eyes setting: the categories held for a second administrator',
        response: { 200: SETTING_ANSWER, ...ERRORS },
      },
    },
    (request) => readSettingAnswer(app, request.custos.tenantId),
  );

  app.put<{ Body: Static<typeof SETTING_BODY> }>(
    '/v1/admin/four-eyes',
    {
      config: { permission: ROLE_ADMIN },
      schema: {
        tags: [TAG],
        summary:
          'Set the four-eyes setting; once on, turning it off or removing a category waits for a second administrator (202)',
        body: SETTING_BODY,
        response: {
          200: { type: 'object', required: ['setting'], properties: { setting: SETTING_ANSWER } },
          202: HELD_SCHEMA,
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const answer = await setFourEyesSetting(app, request, request.body);
      if ('pending' in answer) void reply.code(202);
      return answer;
    },
  );

  app.get<{ Querystring: Static<typeof LIST_QUERY> }>(
    '/v1/admin/pending-changes',
    {
      config: { permission: ADMINS },
      schema: {
        tags: [TAG],
        summary: 'Pending changes, newest first (status filter; decided ones stay as history)',
        querystring: LIST_QUERY,
        response: {
          200: {
            type: 'object',
            required: ['data', 'nextBefore'],
            properties: {
              data: { type: 'array', items: { type: 'object', additionalProperties: true } },
              nextBefore: { type: ['string', 'null'] },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const rows = await listPendingChanges(app.custos.database.db, request.custos.tenantId, {
        limit,
        ...(request.query.status === undefined
          ? {}
          : { status: request.query.status as PendingChangeStatus }),
        ...(request.query.before === undefined ? {} : { beforeId: request.query.before }),
      });
      return {
        data: rows.map((p) => summaryOf(request, p)),
        nextBefore: rows.length === limit ? (rows[rows.length - 1]?.id ?? null) : null,
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/admin/pending-changes/:id',
    {
      config: { permission: ADMINS },
      schema: {
        tags: [TAG],
        summary:
          'One pending change: the diff and a fresh impact preview against the current policy, and what changed since',
        params: PENDING_ID,
        response: {
          200: { type: 'object', required: ['data'], properties: { data: {} } },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const pending = await pendingOr404(app.custos.database.db, ctx.tenantId, request.params.id);
      return { data: await detailOf(app, request, pending) };
    },
  );

  app.post<{ Params: { id: string }; Body: Static<typeof COMMENT_BODY> }>(
    '/v1/admin/pending-changes/:id/approve',
    {
      config: { permission: ADMINS },
      schema: {
        tags: [TAG],
        summary:
          'Approve: another administrator commits the change as one transaction (stale: PENDING_CHANGE_STALE)',
        params: PENDING_ID,
        body: COMMENT_BODY,
        response: {
          200: {
            type: 'object',
            required: ['data', 'version'],
            properties: { data: {}, version: { type: 'integer' } },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const { pending, version } = await approvePendingChange(
        app,
        request,
        request.params.id,
        request.body.comment,
      );
      void reply.header('etag', `"${version}"`);
      return { data: summaryOf(request, pending), version };
    },
  );

  app.post<{ Params: { id: string }; Body: Static<typeof REJECT_BODY> }>(
    '/v1/admin/pending-changes/:id/reject',
    {
      config: { permission: ADMINS },
      schema: {
        tags: [TAG],
        summary: 'Reject with a reason (another administrator)',
        params: PENDING_ID,
        body: REJECT_BODY,
        response: { 200: { type: 'object', properties: { data: {} } }, ...ERRORS },
      },
    },
    async (request) => ({
      data: summaryOf(
        request,
        await rejectPendingChange(app, request, request.params.id, request.body.reason),
      ),
    }),
  );

  app.post<{ Params: { id: string }; Body: Static<typeof WITHDRAW_BODY> }>(
    '/v1/admin/pending-changes/:id/withdraw',
    {
      config: { permission: ADMINS },
      schema: {
        tags: [TAG],
        summary: 'Withdraw (the author only)',
        params: PENDING_ID,
        body: WITHDRAW_BODY,
        response: { 200: { type: 'object', properties: { data: {} } }, ...ERRORS },
      },
    },
    async (request) => ({
      data: summaryOf(
        request,
        await withdrawPendingChange(app, request, request.params.id, request.body.reason),
      ),
    }),
  );
}
