import { CLOSED } from '@custos/engine';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { auditContext } from '../../http/audit-context.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { USER_ADMIN, expectedVersionOf } from './directory-http.ts';
import {
  ID,
  ID_PARAMS,
  IF_MATCH_HEADERS,
  REASON,
  USER_TRANSFER,
  type UserTransferBody,
} from './directory-schemas.ts';
import { offboardUser, previewOffboarding, type OffboardInput } from './offboarding.ts';
import { previewTransfer } from './transfer-preview.ts';

const TAG = 'admin: joiner / mover / leaver';
type Params = { Params: { id: string } };

/** At most this many per-customer hand-overs, new heads or new managers in one request. */
const MAX_ENTRIES = 1000;

export const OFFBOARD_BODY = Type.Object(
  {
    successorId: Type.Optional(ID),
    customers: Type.Optional(
      Type.Array(Type.Object({ customerId: ID, successorId: ID }, CLOSED), {
        maxItems: MAX_ENTRIES,
        description: 'Per customer: who takes it, with every record under it the leaver owns',
      }),
    ),
    departmentHeads: Type.Optional(
      Type.Array(Type.Object({ departmentId: ID, headId: ID }, CLOSED), {
        maxItems: MAX_ENTRIES,
        description: 'A new head for each department the leaver heads',
      }),
    ),
    newManagerId: Type.Optional(ID),
    managers: Type.Optional(
      Type.Array(Type.Object({ userId: ID, managerId: ID }, CLOSED), {
        maxItems: MAX_ENTRIES,
        description: 'A new manager per report (overrides newManagerId for that report)',
      }),
    ),
    reason: Type.Optional(REASON),
  },
  CLOSED,
);
type OffboardBody = Static<typeof OFFBOARD_BODY>;

const ANSWER = {
  200: {
    type: 'object',
    required: ['data'],
    properties: { data: {}, version: { type: 'integer' } },
  },
  400: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
  422: ERROR_BODY_SCHEMA,
} as const;

function inputOf(b: OffboardBody): OffboardInput {
  return {
    ...(b.successorId === undefined ? {} : { successorId: b.successorId }),
    ...(b.customers === undefined ? {} : { customers: b.customers }),
    ...(b.departmentHeads === undefined ? {} : { departmentHeads: b.departmentHeads }),
    ...(b.newManagerId === undefined ? {} : { newManagerId: b.newManagerId }),
    ...(b.managers === undefined ? {} : { managers: b.managers }),
    ...(b.reason === undefined ? {} : { reason: b.reason }),
  };
}

function transferChange(id: string, b: UserTransferBody) {
  return {
    kind: 'user.transfer' as const,
    id,
    departmentId: b.departmentId,
    ...(b.managerId === undefined ? {} : { managerId: b.managerId }),
    ownedRecords:
      b.ownedRecords === 'transfer_to' && b.transferToUserId !== undefined
        ? { mode: 'transfer_to' as const, userId: b.transferToUserId }
        : { mode: 'keep' as const },
  };
}

/**
 * Joiner / mover / leaver (docs/joiner-mover-leaver.md): the preview of a transfer, and
 * offboarding — its preview and the one action. All need `user_admin`.
 */
export async function jmlRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: USER_ADMIN };

  app.post<Params & { Body: UserTransferBody }>(
    '/v1/admin/users/:id/transfer/preview',
    {
      config,
      schema: {
        tags: [TAG],
        summary:
          'Preview a transfer: the records that move, what the user may read and edit per object before and after, everyone whose access changes',
        params: ID_PARAMS,
        body: USER_TRANSFER,
        response: ANSWER,
      },
    },
    async (request) => {
      const ctx = request.custos;
      const data = await previewTransfer(
        app.custos.database.db,
        {
          tenantId: ctx.tenantId,
          actorId: ctx.userId,
          now: ctx.now,
          policy: app.custos.policy,
          backend: app.custos.database.backend,
        },
        transferChange(request.params.id, request.body),
      );
      return { data };
    },
  );

  app.post<Params & { Body: OffboardBody }>(
    '/v1/admin/users/:id/offboard/preview',
    {
      config,
      schema: {
        tags: [TAG],
        summary:
          'Preview offboarding: the records to hand over, teams, grants, groups, positions needing a new holder, sessions and tokens; valid or every error',
        params: ID_PARAMS,
        body: OFFBOARD_BODY,
        response: ANSWER,
      },
    },
    async (request) => {
      const ctx = request.custos;
      const data = await previewOffboarding(
        app.custos.database.db,
        { tenantId: ctx.tenantId, actorId: ctx.userId, now: ctx.now, policy: app.custos.policy },
        request.params.id,
        inputOf(request.body),
      );
      return { data, version: ctx.version };
    },
  );

  app.post<Params & { Body: OffboardBody }>(
    '/v1/admin/users/:id/offboard',
    {
      config,
      schema: {
        tags: [TAG],
        summary:
          'Offboard a user in one transaction: new holders for their positions, records handed to successors, teams, groups and grants removed, the account departed with sessions ended and tokens revoked',
        headers: IF_MATCH_HEADERS,
        params: ID_PARAMS,
        body: OFFBOARD_BODY,
        response: ANSWER,
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const { actingAsId, requestId, ip, userAgent } = auditContext(request);
      const audit = { actingAsId, requestId, ip, userAgent };
      const expected = expectedVersionOf(request);
      const { version, summary } = await offboardUser(
        app.custos.database.db,
        {
          tenantId: ctx.tenantId,
          actorId: ctx.userId,
          now: ctx.now,
          policy: app.custos.policy,
          audit,
          ...(expected === undefined ? {} : { expectedVersion: expected }),
        },
        request.params.id,
        inputOf(request.body),
      );
      void reply.header('etag', `"${version}"`);
      return { data: summary, version };
    },
  );
}
