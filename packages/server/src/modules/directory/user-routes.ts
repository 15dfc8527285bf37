import type { FastifyInstance } from 'fastify';
import { findOnboardingTemplate } from '@custos/store';
import { requestAuditExtras } from '../../http/audit-context.ts';
import { AppError } from '../../http/app-error.ts';
import { createInvitedUser } from '../accounts/account-service.ts';
import { holdIfSensitive } from '../four-eyes/four-eyes-gate.ts';
import { INVITATION_SCHEMA } from '../accounts/account-routes.ts';
import {
  USER_ADMIN,
  changeSchema,
  commit,
  expectedVersionOf,
  newId,
  readRoutes,
} from './directory-http.ts';
import {
  ID_PARAMS,
  USER_CREATE,
  USER_DEACTIVATE,
  USER_MANAGER,
  USER_TRANSFER,
  USER_UPDATE,
  type UserCreateBody,
  type UserDeactivateBody,
  type UserManagerBody,
  type UserTransferBody,
  type UserUpdateBody,
} from './directory-schemas.ts';

const TAG = 'admin: users';
type Params = { Params: { id: string } };

/**
 * Internal users (员工): list, get, create, update name / roles / clearance, transfer between
 * departments, change manager, deactivate and reactivate. (Portal users belong to the portal
 * module.)
 */
export async function userRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: USER_ADMIN };

  readRoutes(app, {
    path: '/v1/admin/users',
    tag: TAG,
    config,
    summaries: ['List users', 'Get a user'],
    kind: 'user',
    items: (model) => model.users,
  });

  const createSchema = changeSchema(
    TAG,
    'Create an internal user (with `email`: an invitation link too)',
    { body: USER_CREATE },
    true,
  );
  createSchema.response = {
    ...(createSchema.response as object),
    201: {
      type: 'object',
      required: ['data', 'version'],
      properties: { data: {}, version: { type: 'integer' }, invitation: INVITATION_SCHEMA },
    },
  };
  app.post<{ Body: UserCreateBody }>(
    '/v1/admin/users',
    { config, schema: createSchema },
    async (request, reply) => {
      const { email, applyTemplate, ...b } = request.body;
      const ctx = request.custos;
      // Joiner: start from the onboarding template of the department and title.
      let fromTemplate: { roleIds: string[]; clearance: string; groupIds: string[] } | null = null;
      if (applyTemplate === true) {
        if (b.title == null)
          throw new AppError('REQUEST_INVALID', 'applyTemplate needs a title', {
            field: 'body/title',
          });
        const template = await findOnboardingTemplate(app.custos.database.db, ctx.tenantId, {
          departmentId: b.departmentId,
          title: b.title,
        });
        if (template === undefined)
          throw new AppError(
            'NOT_FOUND',
            `no onboarding template for ${b.departmentId} / ${b.title}`,
            { field: 'body/title', object: 'onboarding_template' },
          );
        fromTemplate = template;
      }
      const user = {
        ...b,
        ...(fromTemplate === null
          ? {}
          : {
              roleIds: b.roleIds ?? fromTemplate.roleIds,
              clearance: b.clearance ?? (fromTemplate.clearance as NonNullable<typeof b.clearance>),
              groupIds: fromTemplate.groupIds,
            }),
      };
      // Four eyes on clearance: a user created with a high clearance waits for a second admin
      // (the invitation is sent once approved: POST /v1/admin/users/:id/invite).
      const id = b.id ?? newId('user');
      const held = await holdIfSensitive(
        app,
        request,
        [
          {
            kind: 'user.create',
            user: {
              id,
              name: b.name,
              kind: 'internal',
              status: 'active',
              departmentId: user.departmentId,
              managerId: user.managerId ?? null,
              roleIds: user.roleIds ?? [],
              clearance: user.clearance ?? 'internal',
            },
          },
        ],
        { expectedVersion: expectedVersionOf(request) },
      );
      if (held !== null) return reply.code(202).send(held);
      // The user, their account and the invitation commit in one transaction.
      const { version, result, invitation } = await createInvitedUser(app.custos.database.db, {
        tenantId: ctx.tenantId,
        actorId: ctx.userId,
        audit: requestAuditExtras(request),
        now: ctx.now,
        settings: app.custos.config,
        policy: app.custos.policy,
        user: { ...user, id },
        ...(email === undefined ? {} : { email }),
        ...(expectedVersionOf(request) === undefined
          ? {}
          : { expectedVersion: expectedVersionOf(request) as number }),
      });
      void reply.code(201).header('etag', `"${version}"`);
      return {
        data: result.entity,
        version,
        ...(invitation === null
          ? {}
          : {
              invitation: {
                userId: invitation.userId,
                email: invitation.email,
                purpose: invitation.purpose,
                link: invitation.link,
                expiresAt: invitation.expiresAt,
              },
            }),
      };
    },
  );

  app.patch<Params & { Body: UserUpdateBody }>(
    '/v1/admin/users/:id',
    {
      config,
      schema: changeSchema(TAG, "Update a user's name, roles or clearance", {
        params: ID_PARAMS,
        body: USER_UPDATE,
      }),
    },
    (request, reply) =>
      commit(app, request, reply, { kind: 'user.update', id: request.params.id, ...request.body }),
  );

  app.post<Params & { Body: UserTransferBody }>(
    '/v1/admin/users/:id/transfer',
    {
      config,
      schema: changeSchema(
        TAG,
        'Transfer a user to another department (optionally a new manager); access follows at once',
        { params: ID_PARAMS, body: USER_TRANSFER },
      ),
    },
    (request, reply) => {
      const b = request.body;
      return commit(app, request, reply, {
        kind: 'user.transfer',
        id: request.params.id,
        departmentId: b.departmentId,
        ...(b.managerId === undefined ? {} : { managerId: b.managerId }),
        ownedRecords:
          b.ownedRecords === 'transfer_to' && b.transferToUserId !== undefined
            ? { mode: 'transfer_to', userId: b.transferToUserId }
            : { mode: 'keep' },
      });
    },
  );

  app.put<Params & { Body: UserManagerBody }>(
    '/v1/admin/users/:id/manager',
    {
      config,
      schema: changeSchema(TAG, "Change a user's manager (汇报对象)", {
        params: ID_PARAMS,
        body: USER_MANAGER,
      }),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'user.set_manager',
        id: request.params.id,
        managerId: request.body.managerId,
      }),
  );

  app.post<Params & { Body: UserDeactivateBody }>(
    '/v1/admin/users/:id/deactivate',
    {
      config,
      schema: changeSchema(
        TAG,
        'Deactivate a user (suspended or departed): denied from the next request',
        {
          params: ID_PARAMS,
          body: USER_DEACTIVATE,
        },
      ),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'user.deactivate',
        id: request.params.id,
        status: request.body?.status ?? 'suspended',
      }),
  );

  app.post<Params>(
    '/v1/admin/users/:id/reactivate',
    { config, schema: changeSchema(TAG, 'Reactivate a user', { params: ID_PARAMS }) },
    (request, reply) =>
      commit(app, request, reply, { kind: 'user.reactivate', id: request.params.id }),
  );
}
