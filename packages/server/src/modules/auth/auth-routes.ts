import fastifyRateLimit from '@fastify/rate-limit';
import { hasFunction } from '@custos/engine';
import {
  appendAuditEvent,
  deleteSession,
  findCredentialsByEmail,
  normalizeEmail,
  recordLoginFailure,
  resetLoginFailures,
  type Credential,
} from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { sessionCookieName, sessionTokenOf } from '../../http/session-cookie.ts';
import { loginDelayMs } from '../accounts/login-throttle.ts';
import { assertNotThrottled, authRateLimit } from './auth-limits.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { passwordRoutes } from './password-routes.ts';
import { sessionRoutes } from './session-routes.ts';
import { rolesOf, startSession, userAgentOf } from './start-session.ts';
import { MFA_LOGIN_PROPERTIES, MFA_ME_SCHEMA, mfaOfMe } from './mfa/mfa-gate.ts';

interface LoginBody {
  email: string;
  password: string;
  tenantId?: string;
}

const ROLE_SCHEMA = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
} as const;

const USER_SCHEMA = {
  type: 'object',
  required: ['id', 'name', 'tenantId', 'roles'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    tenantId: { type: 'string' },
    roles: { type: 'array', items: ROLE_SCHEMA },
  },
} as const;

const invalidCredentials = () =>
  new AppError('AUTH_INVALID_CREDENTIALS', 'the e-mail or password is wrong');

/** A failed sign-in: counted for the e-mail, audited in each tenant where it has an account. */
async function signInFailed(
  app: FastifyInstance,
  request: FastifyRequest,
  key: string,
  accounts: readonly Credential[],
  tenantId: string | undefined,
): Promise<void> {
  const { database, clock } = app.custos;
  const now = clock();
  await recordLoginFailure(database.db, key, now, loginDelayMs);
  const audited = new Set<string>();
  for (const account of accounts) {
    audited.add(account.tenantId);
    await appendAuditEvent(database.db, {
      tenantId: account.tenantId,
      actorId: null,
      action: 'auth.login_failed',
      target: `user/${account.userId}`,
      after: {
        reason: account.passwordHash === null ? 'no_password' : 'wrong_password',
        ip: request.ip,
        userAgent: userAgentOf(request),
      },
      at: new Date(now),
      outcome: 'failure',
      requestId: String(request.id),
      ip: request.ip,
      userAgent: userAgentOf(request),
    });
  }
  // A named tenant without the e-mail: its audit still sees the attempt.
  if (tenantId !== undefined && !audited.has(tenantId)) {
    const tenant = await database.db
      .selectFrom('tenants')
      .select('id')
      .where('id', '=', tenantId)
      .executeTakeFirst();
    if (tenant !== undefined)
      await appendAuditEvent(database.db, {
        tenantId,
        actorId: null,
        action: 'auth.login_failed',
        target: null,
        after: { reason: 'unknown_email', ip: request.ip, userAgent: userAgentOf(request) },
        at: new Date(now),
        outcome: 'failure',
        requestId: String(request.id),
        ip: request.ip,
        userAgent: userAgentOf(request),
      });
  }
}

/**
 * Sign in (`POST /v1/auth/login`), sign out, who am I; the password routes and the session
 * routes share the per-address rate limit registered here.
 */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('RATE_LIMITED', `too many requests; retry in ${context.after}`, {
        retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });

  app.post<{ Body: LoginBody }>(
    '/v1/auth/login',
    {
      config: { permission: { kind: 'public' }, rateLimit: authRateLimit(app) },
      schema: {
        tags: ['auth'],
        summary:
          'Sign in with e-mail and password (and the tenant when the e-mail has accounts in several); sets the session cookie',
        body: {
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: {
            email: { type: 'string', minLength: 3, maxLength: 320 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
            tenantId: { type: 'string', minLength: 1, maxLength: 128 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['user'],
            properties: { user: USER_SCHEMA, ...MFA_LOGIN_PROPERTIES },
          },
          401: ERROR_BODY_SCHEMA,
          403: ERROR_BODY_SCHEMA,
          409: ERROR_BODY_SCHEMA,
          429: ERROR_BODY_SCHEMA,
        },
      },
    },
    async (request, reply) => {
      const { database, clock } = app.custos;
      const { password, tenantId } = request.body;
      // Throttled per e-mail, known or not: unknown and known e-mails behave the same.
      const key = normalizeEmail(request.body.email);
      await assertNotThrottled(app, reply, key, clock());
      const accounts = await findCredentialsByEmail(database.db, key, tenantId);
      const withPassword = accounts.filter((a) => a.passwordHash !== null);
      const matched: Credential[] = [];
      if (withPassword.length === 0) {
        // Same work as a wrong password, same answer: no user enumeration.
        await verifyPassword(await dummyPasswordHash(), password);
      }
      // The password is checked against every candidate tenant before any is named.
      for (const account of withPassword)
        if (await verifyPassword(account.passwordHash as string, password)) matched.push(account);
      if (matched.length === 0) {
        await signInFailed(app, request, key, accounts, tenantId);
        throw invalidCredentials();
      }
      await resetLoginFailures(database.db, key);
      if (matched.length > 1) {
        const tenants = await database.db
          .selectFrom('tenants')
          .select(['id', 'name'])
          .where(
            'id',
            'in',
            matched.map((m) => m.tenantId),
          )
          .orderBy('id')
          .execute();
        throw new AppError(
          'AUTH_TENANT_REQUIRED',
          'this e-mail signs in to several tenants: repeat with tenantId',
          { field: 'body/tenantId', tenants },
        );
      }
      const account = matched[0] as Credential;
      return startSession(app, request, reply, {
        tenantId: account.tenantId,
        userId: account.userId,
      });
    },
  );

  app.post(
    '/v1/auth/logout',
    {
      config: { permission: { kind: 'authenticated' }, mfa: 'pending-ok' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out: ends the session and clears the cookie',
        response: { 204: { type: 'null' } },
      },
    },
    async (request, reply) => {
      const secure = app.custos.config.cookieSecure;
      const token = sessionTokenOf(request, secure);
      if (token !== undefined) await deleteSession(app.custos.database.db, token);
      reply.clearCookie(sessionCookieName(secure), { path: '/', secure, httpOnly: true });
      return reply.code(204).send();
    },
  );

  passwordRoutes(app);
  sessionRoutes(app);

  app.get(
    '/v1/auth/me',
    {
      config: { permission: { kind: 'authenticated' }, mfa: 'pending-ok' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, roles, function permissions, locale and MFA state',
        response: {
          200: {
            type: 'object',
            required: ['user', 'roles', 'functions', 'locale'],
            properties: {
              user: {
                type: 'object',
                required: ['id', 'name', 'tenantId', 'kind', 'departmentId'],
                properties: {
                  id: { type: 'string' },
                  name: { type: 'string' },
                  tenantId: { type: 'string' },
                  kind: { type: 'string' },
                  departmentId: { type: ['string', 'null'] },
                  clearance: { type: 'string' },
                },
              },
              roles: { type: 'array', items: ROLE_SCHEMA },
              functions: { type: 'array', items: { type: 'string' } },
              locale: { type: 'string' },
              policyVersion: { type: 'integer' },
              mfa: MFA_ME_SCHEMA,
              viewAs: {
                type: 'object',
                required: ['actorId', 'actorName'],
                description:
                  "Present when the request is served as another user (`x-custos-view-as`): who is viewing. `user`, `roles` and `functions` are then the viewed user's; `mfa` is left out.",
                properties: {
                  actorId: { type: 'string' },
                  actorName: { type: ['string', 'null'] },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const user = ctx.index.users.get(ctx.userId);
      if (user === undefined) throw new AppError('AUTH_REQUIRED', 'the user no longer exists');
      const roleIds = new Set(user.roleIds);
      const functions = [
        ...new Set(ctx.model.roles.filter((r) => roleIds.has(r.id)).flatMap((r) => r.functions)),
      ]
        .filter((name) => hasFunction(ctx.index, user.id, name))
        .sort();
      return {
        user: {
          id: user.id,
          name: user.name,
          tenantId: ctx.tenantId,
          kind: user.kind,
          departmentId: user.departmentId,
          clearance: user.clearance,
        },
        roles: rolesOf(ctx.model, user),
        functions,
        locale: ctx.locale,
        policyVersion: ctx.version,
        // Viewing as someone: the session's MFA state is the viewer's, not theirs.
        ...(ctx.viewAs === undefined
          ? { mfa: mfaOfMe(request) }
          : {
              viewAs: {
                actorId: ctx.viewAs.actorId,
                actorName: ctx.index.users.get(ctx.viewAs.actorId)?.name ?? null,
              },
            }),
      };
    },
  );
}
