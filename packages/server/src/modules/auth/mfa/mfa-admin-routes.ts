import { assertCredentialsWithinActor } from '../../accounts/credential-guard.ts';
import {
  appendAuditEvent,
  MFA_POLICIES,
  readMfaPolicy,
  writeMfaPolicy,
  type MfaPolicy,
} from '@custos/store';
import { auditContext, requestAuditExtras } from '../../../http/audit-context.ts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../../http/error-handler.ts';
import { ID_PARAMS } from '../../directory/directory-schemas.ts';
import { ADMIN_FUNCTIONS } from './mfa-policy.ts';
import { resetMfa } from './reset-mfa.ts';

const TAG = 'admin: security';
const USER_ADMIN = { kind: 'function', name: 'user_admin' } as const;
const POLICY_ANSWER = {
  type: 'object',
  required: ['policy', 'adminFunctions'],
  properties: {
    policy: { type: 'string', enum: [...MFA_POLICIES] },
    adminFunctions: { type: 'array', items: { type: 'string' } },
  },
} as const;
const ERRORS = { 400: ERROR_BODY_SCHEMA, 401: ERROR_BODY_SCHEMA, 403: ERROR_BODY_SCHEMA };
/** What the answer says counts as an administrator's function. */
const ADMIN_FUNCTIONS_TEXT = [...ADMIN_FUNCTIONS, '*_admin'];

/**
 * The tenant's MFA policy (`off` | `admins` | `everyone`) and an admin's reset of a user's MFA
 * (the user lost the authenticator and the recovery codes). Both need `user_admin`; both audited.
 */
export async function mfaAdminRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.custos.database.db;

  app.get(
    '/v1/admin/security/mfa-policy',
    {
      config: { permission: USER_ADMIN },
      schema: {
        tags: [TAG],
        summary: "The tenant's MFA policy: off, admins (holders of admin functions) or everyone",
        response: { 200: POLICY_ANSWER, ...ERRORS },
      },
    },
    async (request) => ({
      policy: await readMfaPolicy(db(), request.custos.tenantId),
      adminFunctions: ADMIN_FUNCTIONS_TEXT,
    }),
  );

  app.put<{ Body: { policy: MfaPolicy } }>(
    '/v1/admin/security/mfa-policy',
    {
      config: { permission: USER_ADMIN },
      schema: {
        tags: [TAG],
        summary:
          "Set the tenant's MFA policy; requiring MFA needs the acting admin to have enabled it first",
        body: {
          type: 'object',
          required: ['policy'],
          additionalProperties: false,
          properties: { policy: { type: 'string', enum: [...MFA_POLICIES] } },
        },
        response: { 200: POLICY_ANSWER, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const { policy } = request.body;
      // The acting admin is an administrator: any policy but `off` requires MFA of them.
      if (policy !== 'off' && request.mfa?.enabled !== true)
        throw new AppError(
          'AUTH_MFA_ENROLMENT_REQUIRED',
          'enable MFA for yourself before requiring it (POST /v1/auth/mfa/enrolment)',
          { field: 'body/policy', reason: 'actor_not_enrolled' },
        );
      await db()
        .transaction()
        .execute(async (tx) => {
          const before = await readMfaPolicy(tx, ctx.tenantId);
          await writeMfaPolicy(tx, {
            tenantId: ctx.tenantId,
            policy,
            actorId: ctx.userId,
            now: ctx.now,
          });
          await appendAuditEvent(tx, {
            tenantId: ctx.tenantId,
            ...auditContext(request),
            action: 'mfa.policy_set',
            target: `tenant/${ctx.tenantId}`,
            before: { policy: before },
            after: { policy },
            at: new Date(ctx.now),
          });
        });
      return { policy, adminFunctions: ADMIN_FUNCTIONS_TEXT };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/v1/admin/users/:id/mfa/reset',
    {
      config: { permission: USER_ADMIN },
      schema: {
        tags: [TAG],
        summary:
          "Reset a user's MFA (lost authenticator): removes the authenticator and recovery codes and ends the user's sessions; the user enrols again",
        params: ID_PARAMS,
        body: { type: 'object', additionalProperties: false, properties: {} },
        response: {
          200: {
            type: 'object',
            required: ['userId', 'hadMfa', 'sessionsEnded'],
            properties: {
              userId: { type: 'string' },
              hadMfa: { type: 'boolean' },
              sessionsEnded: { type: 'integer' },
            },
          },
          ...ERRORS,
          404: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const userId = request.params.id;
      if (!ctx.index.users.has(userId))
        throw new AppError('NOT_FOUND', `no user ${userId}`, { kind: 'user', id: userId });
      if (userId === ctx.userId)
        throw new AppError(
          'PERMISSION_DENIED',
          'another administrator must reset your MFA (or use a recovery code)',
          { reason: 'self', field: 'params/id' },
        );
      assertCredentialsWithinActor(request.custos, request.params.id);
      return resetMfa(app.custos.database, {
        tenantId: ctx.tenantId,
        userId,
        actorId: ctx.userId,
        now: ctx.now,
        audit: requestAuditExtras(request),
      });
    },
  );
}
