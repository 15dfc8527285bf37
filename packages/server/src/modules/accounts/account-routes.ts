import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestAuditExtras } from '../../http/audit-context.ts';
import { assertCredentialsWithinActor } from './credential-guard.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { USER_ADMIN } from '../directory/directory-http.ts';
import { ID_PARAMS } from '../directory/directory-schemas.ts';
import { EMAIL_PATTERN, endUserSessions, inviteUser, resetPassword } from './account-service.ts';

const TAG = 'admin: accounts';

/** The JSON shape of an invitation or reset link as the admin sees it. */
export const INVITATION_SCHEMA = {
  type: 'object',
  required: ['userId', 'email', 'purpose', 'link', 'expiresAt'],
  properties: {
    userId: { type: 'string' },
    email: { type: 'string' },
    purpose: { type: 'string', enum: ['invite', 'reset'] },
    link: { type: 'string', description: 'One-time set-password link (also in the outbox)' },
    expiresAt: { type: 'string' },
  },
} as const;

/** The e-mail of a request body. */
export const EMAIL_SCHEMA = {
  type: 'string',
  minLength: 3,
  maxLength: 320,
  pattern: EMAIL_PATTERN,
} as const;

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
} as const;

const invitationView = (i: {
  userId: string;
  email: string;
  purpose: string;
  link: string;
  expiresAt: string;
}) => ({
  userId: i.userId,
  email: i.email,
  purpose: i.purpose,
  link: i.link,
  expiresAt: i.expiresAt,
});

/**
 * Admin account routes (function `user_admin`): invite a user (set or replace their sign-in
 * e-mail, a new set-password link), reset a password (a new link, the user's sessions end, older
 * links die), end a user's sessions. Each is audited.
 */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: USER_ADMIN };
  const servicesOf = (request: FastifyRequest) => ({
    tenantId: request.custos.tenantId,
    actorId: request.custos.userId,
    audit: requestAuditExtras(request),
    now: request.custos.now,
    settings: app.custos.config,
    policy: app.custos.policy,
  });

  app.post<{ Params: { id: string }; Body: { email: string } }>(
    '/v1/admin/users/:id/invite',
    {
      config,
      schema: {
        tags: [TAG],
        summary:
          'Invite a user: set or replace their sign-in e-mail and issue a one-time set-password link (older links die)',
        params: ID_PARAMS,
        body: {
          type: 'object',
          required: ['email'],
          additionalProperties: false,
          properties: { email: EMAIL_SCHEMA },
        },
        response: {
          200: {
            type: 'object',
            required: ['invitation'],
            properties: { invitation: INVITATION_SCHEMA },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      assertCredentialsWithinActor(request.custos, request.params.id);
      const invitation = await inviteUser(app.custos.database.db, {
        ...servicesOf(request),
        userId: request.params.id,
        email: request.body.email,
      });
      return { invitation: invitationView(invitation) };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/v1/admin/users/:id/reset-password',
    {
      config,
      schema: {
        tags: [TAG],
        summary:
          "Reset a user's password: a one-time set-password link (older links die) and every session of the user ends",
        params: ID_PARAMS,
        response: {
          200: {
            type: 'object',
            required: ['invitation', 'sessionsEnded'],
            properties: { invitation: INVITATION_SCHEMA, sessionsEnded: { type: 'integer' } },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      assertCredentialsWithinActor(request.custos, request.params.id);
      const reset = await resetPassword(app.custos.database.db, {
        ...servicesOf(request),
        userId: request.params.id,
      });
      return { invitation: invitationView(reset), sessionsEnded: reset.sessionsEnded };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/v1/admin/users/:id/end-sessions',
    {
      config,
      schema: {
        tags: [TAG],
        summary: 'End every session of a user (they must sign in again)',
        params: ID_PARAMS,
        response: {
          200: { type: 'object', required: ['ended'], properties: { ended: { type: 'integer' } } },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      assertCredentialsWithinActor(request.custos, request.params.id);
      const ended = await endUserSessions(app.custos.database.db, {
        ...servicesOf(request),
        userId: request.params.id,
      });
      return { ended };
    },
  );
}
