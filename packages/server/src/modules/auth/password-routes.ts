import type { PolicyModel } from '@custos/engine';
import {
  appendAuditEvent,
  consumePasswordLink,
  deleteUserSessions,
  endUserAccess,
  findCredentialOfUser,
  findUsablePasswordLink,
  isMfaEnrolled,
  normalizeEmail,
  recordLoginFailure,
  resetLoginFailures,
  revokePasswordLinks,
  setCredentialPassword,
} from '@custos/store';
import { auditContext, requestAuditExtras } from '../../http/audit-context.ts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { sessionTokenOf } from '../../http/session-cookie.ts';
import { loginDelayMs } from '../accounts/login-throttle.ts';
import { checkPassword } from '../accounts/password-policy.ts';
import { assertNotThrottled, authRateLimit } from './auth-limits.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { rotateSession } from './start-session.ts';

/** A password as a request carries it: at most 1,024 UTF-16 units (the policy counts). */
const PASSWORD = { type: 'string', minLength: 1, maxLength: 1024 } as const;

const linkInvalid = () =>
  new AppError('PASSWORD_LINK_INVALID', 'the link is unknown, used or expired; ask for a new one', {
    field: 'body/token',
  });

/**
 * The new password checked against the policy for this account; PASSWORD_REJECTED naming the
 * field and the reason. Returns the Argon2id hash to store.
 */
async function acceptablePasswordHash(
  password: string,
  input: { model: PolicyModel; userId: string; email: string; mfaEnrolled: boolean },
  field: string,
): Promise<string> {
  const user = input.model.users.find((u) => u.id === input.userId);
  const verdict = checkPassword(password, {
    mfaEnrolled: input.mfaEnrolled,
    userName: user?.name ?? '',
    email: input.email,
    tenantName: input.model.tenant.name,
    tenantId: input.model.tenant.id,
  });
  if (!verdict.ok)
    throw new AppError('PASSWORD_REJECTED', verdict.message['en-US'], {
      field,
      reason: verdict.reason,
      ...(verdict.limit === undefined ? {} : { limit: verdict.limit }),
      messages: verdict.message,
    });
  return hashPassword(verdict.normalized);
}

/** `POST /v1/auth/password/set` (with a link) and `POST /v1/auth/password` (change). */
export function passwordRoutes(app: FastifyInstance): void {
  app.post<{ Body: { token: string; password: string } }>(
    '/v1/auth/password/set',
    {
      config: { permission: { kind: 'public' }, rateLimit: authRateLimit(app) },
      schema: {
        tags: ['auth'],
        summary:
          'Set a password with a one-time link (invitation or reset): the link is used up and the sessions of the user end',
        body: {
          type: 'object',
          required: ['token', 'password'],
          additionalProperties: false,
          properties: {
            token: { type: 'string', minLength: 1, maxLength: 200 },
            password: PASSWORD,
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['email', 'tenantId'],
            properties: { email: { type: 'string' }, tenantId: { type: 'string' } },
          },
          400: ERROR_BODY_SCHEMA,
          422: ERROR_BODY_SCHEMA,
          429: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request) => {
      const { database, clock, policy } = app.custos;
      const now = clock();
      const { token, password } = request.body;
      const link = await findUsablePasswordLink(database.db, token, now);
      if (link === undefined) throw linkInvalid();
      const account = await findCredentialOfUser(database.db, link.tenantId, link.userId);
      if (account === undefined) throw linkInvalid();
      const { model } = await policy.current(link.tenantId);
      const passwordHash = await acceptablePasswordHash(
        password,
        {
          model,
          userId: link.userId,
          email: account.email,
          mfaEnrolled: await isMfaEnrolled(database.db, link.tenantId, link.userId),
        },
        'body/password',
      );
      await database.db.transaction().execute(async (tx) => {
        // Used up here, under a row lock: a second use (even a concurrent one) finds nothing.
        const used = await consumePasswordLink(tx, token, now);
        if (used === undefined) throw linkInvalid();
        await setCredentialPassword(tx, { ...link, passwordHash, now });
        await revokePasswordLinks(tx, link.tenantId, link.userId, now);
        const { sessionsEnded, tokensRevoked } = await endUserAccess(tx, {
          tenantId: link.tenantId,
          userId: link.userId,
          by: link.userId,
          now,
        });
        await appendAuditEvent(tx, {
          tenantId: link.tenantId,
          ...requestAuditExtras(request),
          actorId: link.userId,
          action: 'auth.password_set',
          target: `user/${link.userId}`,
          after: { purpose: link.purpose, sessionsEnded, tokensRevoked },
          at: new Date(now),
        });
      });
      await resetLoginFailures(database.db, normalizeEmail(account.email));
      return { email: account.email, tenantId: link.tenantId };
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/v1/auth/password',
    {
      config: { permission: { kind: 'authenticated' }, rateLimit: authRateLimit(app) },
      schema: {
        tags: ['auth'],
        summary:
          'Change your password (the current one required): your other sessions end and this one is renewed',
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: { currentPassword: PASSWORD, newPassword: PASSWORD },
        },
        response: {
          200: {
            type: 'object',
            required: ['sessionsEnded'],
            properties: { sessionsEnded: { type: 'integer' } },
          },
          400: ERROR_BODY_SCHEMA,
          401: ERROR_BODY_SCHEMA,
          403: ERROR_BODY_SCHEMA,
          422: ERROR_BODY_SCHEMA,
          429: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const { database, clock, config } = app.custos;
      const ctx = request.custos;
      const now = clock();
      const account = await findCredentialOfUser(database.db, ctx.tenantId, ctx.userId);
      if (account?.passwordHash == null)
        throw new AppError('PASSWORD_CURRENT_WRONG', 'this account has no password to change', {
          field: 'body/currentPassword',
        });
      const key = normalizeEmail(account.email);
      await assertNotThrottled(app, reply, key, now);
      if (!(await verifyPassword(account.passwordHash, request.body.currentPassword))) {
        await recordLoginFailure(database.db, key, now, loginDelayMs);
        await appendAuditEvent(database.db, {
          tenantId: ctx.tenantId,
          ...auditContext(request),
          action: 'auth.password_change_failed',
          target: `user/${ctx.userId}`,
          after: { reason: 'wrong_password', ip: request.ip },
          at: new Date(now),
        });
        throw new AppError('PASSWORD_CURRENT_WRONG', 'the current password is wrong', {
          field: 'body/currentPassword',
        });
      }
      const passwordHash = await acceptablePasswordHash(
        request.body.newPassword,
        {
          model: ctx.model,
          userId: ctx.userId,
          email: account.email,
          mfaEnrolled: await isMfaEnrolled(database.db, ctx.tenantId, ctx.userId),
        },
        'body/newPassword',
      );
      const current = sessionTokenOf(request, config.cookieSecure);
      const sessionsEnded = await database.db.transaction().execute(async (tx) => {
        await setCredentialPassword(tx, {
          tenantId: ctx.tenantId,
          userId: ctx.userId,
          passwordHash,
          now,
        });
        await revokePasswordLinks(tx, ctx.tenantId, ctx.userId, now);
        const ended = await deleteUserSessions(tx, ctx.tenantId, ctx.userId, current);
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          ...auditContext(request),
          action: 'auth.password_change',
          target: `user/${ctx.userId}`,
          after: { sessionsEnded: ended },
          at: new Date(now),
        });
        return ended;
      });
      await resetLoginFailures(database.db, key);
      // This session is renewed too (a new id; the old one ends), keeping its MFA time.
      await rotateSession(
        app,
        request,
        reply,
        { tenantId: ctx.tenantId, userId: ctx.userId },
        { mfaAt: ctx.session?.mfaAt ?? null },
      );
      return { sessionsEnded };
    },
  );
}
