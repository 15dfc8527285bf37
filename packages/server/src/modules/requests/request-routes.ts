import { IdSchema, isKnownFunction, OBJECT_TYPES, SENSITIVITIES } from '@custos/engine';
import {
  appendAuditEvent,
  APPROVAL_STEP_KINDS,
  deleteApprovalChain,
  getAccessRequest,
  getApprovalChain,
  listAccessRequests,
  listApprovalChains,
  upsertApprovalChain,
  type AccessRequestStatus,
  type ApprovalChain,
  type ApprovalStepSpec,
} from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { auditContext } from '../../http/audit-context.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import {
  approveRequest,
  cancelRequest,
  DEFAULT_CHAINS,
  rejectRequest,
  submitRequest,
  type Actor,
  type RequestInput,
} from './access-request-service.ts';
import { approverView, REQUEST_VIEW, requesterView } from './request-views.ts';

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
  422: ERROR_BODY_SCHEMA,
} as const;

const REASON = { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' } as const;
const REQUEST_ID = { type: 'string', maxLength: 18, pattern: '^[0-9]{1,18}$' } as const;
const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: REQUEST_ID },
} as const;
const STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'expired'] as const;

const SUBMIT_BODY = {
  type: 'object',
  required: ['kind', 'durationDays', 'reason'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['record', 'scope', 'role'] },
    object: { type: 'string', enum: [...OBJECT_TYPES] },
    recordId: IdSchema,
    scope: {
      oneOf: [
        {
          type: 'object',
          required: ['kind', 'departmentId', 'includeSubdepartments'],
          additionalProperties: false,
          properties: {
            kind: { const: 'department' },
            departmentId: IdSchema,
            includeSubdepartments: { type: 'boolean' },
          },
        },
        {
          type: 'object',
          required: ['kind', 'userId'],
          additionalProperties: false,
          properties: { kind: { const: 'owner' }, userId: IdSchema },
        },
        {
          type: 'object',
          required: ['kind'],
          additionalProperties: false,
          properties: { kind: { const: 'all' } },
        },
      ],
    },
    roleId: IdSchema,
    access: { type: 'string', enum: ['read', 'edit'] },
    durationDays: { type: 'integer', minimum: 1, maximum: 366 },
    reason: REASON,
  },
} as const;

const LIST_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: [...STATUSES] },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
    before: REQUEST_ID,
  },
} as const;

const LIST_ANSWER = {
  type: 'object',
  required: ['items', 'nextBefore'],
  properties: {
    items: { type: 'array', items: REQUEST_VIEW },
    nextBefore: { type: ['string', 'null'] },
  },
} as const;

const STEP_SPEC = {
  type: 'object',
  required: ['kind'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...APPROVAL_STEP_KINDS] },
    of: { type: 'string', enum: ['requester', 'record'] },
    userId: IdSchema,
    functionName: { type: 'string', minLength: 1, maxLength: 64 },
  },
} as const;

const CHAIN_BODY = {
  type: 'object',
  required: ['name', 'requestKind', 'steps'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
    requestKind: { type: 'string', enum: ['record', 'scope', 'role'] },
    object: { type: ['string', 'null'], enum: [...OBJECT_TYPES, null] },
    sensitivity: { type: ['string', 'null'], enum: [...SENSITIVITIES, null] },
    steps: { type: 'array', minItems: 1, maxItems: 5, items: STEP_SPEC },
  },
} as const;

const CHAIN_VIEW = {
  type: 'object',
  required: ['id', 'name', 'requestKind', 'object', 'sensitivity', 'steps'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    requestKind: { type: 'string' },
    object: { type: ['string', 'null'] },
    sensitivity: { type: ['string', 'null'] },
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string' },
          of: { type: 'string' },
          userId: { type: 'string' },
          functionName: { type: 'string' },
        },
      },
    },
    updatedAt: { type: ['string', 'null'] },
    updatedBy: { type: ['string', 'null'] },
  },
} as const;

interface ChainBody {
  name: string;
  requestKind: ApprovalChain['requestKind'];
  object?: string | null;
  sensitivity?: string | null;
  steps: ApprovalStepSpec[];
}

const chainView = (c: ApprovalChain) => ({
  ...c,
  updatedAt: new Date(c.updatedAt).toISOString(),
});

/** The steps as the admin typed them, checked against the catalogue (REQUEST_INVALID naming the field). */
function checkSteps(
  app: FastifyInstance,
  request: FastifyRequest,
  steps: readonly ApprovalStepSpec[],
) {
  const index = request.custos.index;
  steps.forEach((step, i) => {
    const at = `body/steps/${i}`;
    const invalid = (field: string, message: string) =>
      new AppError('REQUEST_INVALID', message, { field: `${at}/${field}` });
    if (step.kind === 'user') {
      if (step.userId === undefined) throw invalid('userId', 'a "user" step names its approver');
      const user = index.users.get(step.userId);
      if (user === undefined || user.kind !== 'internal')
        throw invalid('userId', `no internal user ${step.userId}`);
    } else if (step.userId !== undefined)
      throw invalid('userId', `only a "user" step names a user`);
    if (step.kind === 'function') {
      if (step.functionName === undefined)
        throw invalid('functionName', 'a "function" step names the function permission');
      if (!isKnownFunction(step.functionName))
        throw invalid('functionName', `no function permission ${step.functionName}`);
    } else if (step.functionName !== undefined)
      throw invalid('functionName', 'only a "function" step names a function permission');
    if (step.of !== undefined && step.kind !== 'department_head')
      throw invalid('of', 'only a "department_head" step says whose department');
  });
  void app;
}

/**
 * Access requests (权限申请与审批, docs/access-requests.md): any signed-in user asks for access to
 * a record, a scope or a role and follows their requests; approvers decide what waits on them;
 * `role_admin` configures the approval chains.
 */
export async function requestRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  const services = { database: app.custos.database, policy: app.custos.policy };
  const tags = ['access requests'];
  const signedIn = { permission: { kind: 'authenticated' } } as const;
  const actorOf = (request: FastifyRequest): Actor => ({
    tenantId: request.custos.tenantId,
    userId: request.custos.userId,
    index: request.custos.index,
    version: request.custos.version,
    now: request.custos.now,
    audit: auditContext(request),
  });

  app.post<{ Body: RequestInput }>(
    '/v1/access-requests',
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          'Request access to a record (read/edit), a scope (records of a department or an owner, or all) or a role, for a number of days, with a reason',
        body: SUBMIT_BODY,
        response: { 201: REQUEST_VIEW, ...ERRORS },
      },
    },
    async (request, reply) => {
      const made = await submitRequest(
        services,
        actorOf(request),
        request.body,
        app.custos.config.accessRequestMaxDays,
      );
      return reply.code(201).send(requesterView(made));
    },
  );

  app.get<{ Querystring: { status?: AccessRequestStatus; limit: number; before?: string } }>(
    '/v1/access-requests',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Your access requests, newest first',
        querystring: LIST_QUERY,
        response: { 200: LIST_ANSWER, ...ERRORS },
      },
    },
    async (request) => {
      const { status, limit, before } = request.query;
      const items = await listAccessRequests(db, request.custos.tenantId, {
        requesterId: request.custos.userId,
        limit,
        ...(status === undefined ? {} : { status }),
        ...(before === undefined ? {} : { beforeId: before }),
      });
      return {
        items: items.map(requesterView),
        nextBefore: items.length === limit ? (items.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get<{ Querystring: { limit: number; before?: string } }>(
    '/v1/access-requests/approvals',
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          'The access requests waiting on you, newest first: requester, what is asked, the record and its name, the chain and its routing',
        querystring: {
          ...LIST_QUERY,
          properties: { limit: LIST_QUERY.properties.limit, before: REQUEST_ID },
        },
        response: { 200: LIST_ANSWER, ...ERRORS },
      },
    },
    async (request) => {
      const { limit, before } = request.query;
      const items = await listAccessRequests(db, request.custos.tenantId, {
        waitingOn: request.custos.userId,
        limit,
        ...(before === undefined ? {} : { beforeId: before }),
      });
      const views = [];
      for (const r of items)
        views.push(await approverView(db, request.custos.index, r, request.custos));
      return {
        items: views,
        nextBefore: items.length === limit ? (items.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/access-requests/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One access request: yours, or one you approve (NOT_FOUND otherwise)',
        params: ID_PARAMS,
        response: { 200: REQUEST_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const { tenantId, userId, index } = request.custos;
      const found = await getAccessRequest(db, tenantId, request.params.id);
      if (found !== undefined && found.steps.some((s) => s.approverIds.includes(userId)))
        return approverView(db, index, found, request.custos);
      if (found !== undefined && found.requesterId === userId) return requesterView(found);
      throw new AppError('NOT_FOUND', `no access request ${request.params.id}`, {
        object: 'access_request',
        id: request.params.id,
      });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/v1/access-requests/:id/cancel',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Cancel one of your pending access requests',
        params: ID_PARAMS,
        body: { type: 'object', additionalProperties: false, properties: {} },
        response: { 200: REQUEST_VIEW, ...ERRORS },
      },
    },
    async (request) =>
      requesterView(await cancelRequest(services, actorOf(request), request.params.id)),
  );

  app.post<{ Params: { id: string }; Body: { days?: number; reason?: string } }>(
    '/v1/access-requests/:id/approve',
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          'Approve the step of an access request that waits on you, optionally for fewer days; the last step grants the access',
        params: ID_PARAMS,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { days: { type: 'integer', minimum: 1, maximum: 366 }, reason: REASON },
        },
        response: { 200: REQUEST_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const done = await approveRequest(
        services,
        actorOf(request),
        request.params.id,
        request.body,
      );
      return approverView(db, request.custos.index, done, request.custos);
    },
  );

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/v1/access-requests/:id/reject',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Reject an access request that waits on you, with a reason',
        params: ID_PARAMS,
        body: {
          type: 'object',
          required: ['reason'],
          additionalProperties: false,
          properties: { reason: REASON },
        },
        response: { 200: REQUEST_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const done = await rejectRequest(
        services,
        actorOf(request),
        request.params.id,
        request.body.reason.trim(),
      );
      return approverView(db, request.custos.index, done, request.custos);
    },
  );

  // Approval chains (role_admin).
  const admin = { permission: { kind: 'function', name: 'role_admin' } } as const;
  const adminTags = ['admin: approval chains'];
  const chainParams = {
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: { id: IdSchema },
  } as const;

  app.get(
    '/v1/admin/approval-chains',
    {
      config: admin,
      schema: {
        tags: adminTags,
        summary: 'The approval chains, and the default chain of each request kind',
        response: {
          200: {
            type: 'object',
            required: ['items', 'defaults'],
            properties: {
              items: { type: 'array', items: CHAIN_VIEW },
              defaults: {
                type: 'object',
                properties: Object.fromEntries(
                  ['record', 'scope', 'role'].map((k) => [k, CHAIN_VIEW.properties.steps]),
                ),
              },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => ({
      items: (await listApprovalChains(db, request.custos.tenantId)).map(chainView),
      defaults: DEFAULT_CHAINS,
    }),
  );

  app.put<{ Params: { id: string }; Body: ChainBody }>(
    '/v1/admin/approval-chains/:id',
    {
      config: admin,
      schema: {
        tags: adminTags,
        summary:
          'Create or replace an approval chain for a request kind, object and sensitivity (null: any)',
        params: chainParams,
        body: CHAIN_BODY,
        response: { 200: CHAIN_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const { tenantId, userId, now } = request.custos;
      const body = request.body;
      checkSteps(app, request, body.steps);
      if (body.requestKind === 'role' && (body.object ?? null) !== null)
        throw new AppError('REQUEST_INVALID', 'a chain for role requests names no object', {
          field: 'body/object',
        });
      if (body.requestKind !== 'record' && (body.sensitivity ?? null) !== null)
        throw new AppError(
          'REQUEST_INVALID',
          'only a chain for record requests names a sensitivity',
          {
            field: 'body/sensitivity',
          },
        );
      const chain: ApprovalChain = {
        id: request.params.id,
        name: body.name.trim(),
        requestKind: body.requestKind,
        object: body.object ?? null,
        sensitivity: body.sensitivity ?? null,
        steps: body.steps,
        updatedAt: now,
        updatedBy: userId,
      };
      await db.transaction().execute(async (tx) => {
        const before = await getApprovalChain(tx, tenantId, chain.id);
        await upsertApprovalChain(tx, tenantId, chain);
        await appendAuditEvent(tx, {
          tenantId,
          ...auditContext(request),
          action: 'approval_chain.update',
          target: `approval_chain/${chain.id}`,
          before: before ?? null,
          after: chain,
          at: new Date(now),
        });
      });
      return chainView(chain);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/admin/approval-chains/:id',
    {
      config: admin,
      schema: {
        tags: adminTags,
        summary: 'Delete an approval chain (its requests fall to another chain or the default)',
        params: chainParams,
        response: { 204: { type: 'null' }, ...ERRORS },
      },
    },
    async (request, reply) => {
      const { tenantId, now } = request.custos;
      await db.transaction().execute(async (tx) => {
        const before = await getApprovalChain(tx, tenantId, request.params.id);
        if (before === undefined || !(await deleteApprovalChain(tx, tenantId, request.params.id)))
          throw new AppError('NOT_FOUND', `no approval chain ${request.params.id}`, {
            object: 'approval_chain',
            id: request.params.id,
          });
        await appendAuditEvent(tx, {
          tenantId,
          ...auditContext(request),
          action: 'approval_chain.delete',
          target: `approval_chain/${request.params.id}`,
          before,
          after: null,
          at: new Date(now),
        });
      });
      return reply.code(204).send();
    },
  );
}
