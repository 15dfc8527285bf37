import { hasFunction, type PolicyModel, type User } from '@custos/engine';
import { createSession, deleteSession, findCredentialByEmail } from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { SESSION_COOKIE, sessionCookieOptions } from '../../http/session-cookie.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { MFA_LOGIN_PROPERTIES, MFA_ME_SCHEMA, mfaLoginAnswer, mfaOfMe } from './mfa/mfa-gate.ts';

const HOUR = 3_600_000;

interface LoginBody {
  email: string;
  password: string;
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

function rolesOf(model: PolicyModel, user: User): { id: string; name: string }[] {
  const byId = new Map(model.roles.map((r) => [r.id, r]));
  return user.roleIds.map((id) => ({ id, name: byId.get(id)?.name ?? id }));
}

const invalidCredentials = () =>
  new AppError('AUTH_INVALID_CREDENTIALS', 'the e-mail or password is wrong');

/** Sign in (`POST /v1/auth/login`), sign out, and who am I. */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  app.post<{ Body: LoginBody }>(
    '/v1/auth/login',
    {
      config: { permission: { kind: 'public' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: {
          type: 'object',
          required: ['email', 'password'],
          additionalProperties: false,
          properties: {
            email: { type: 'string', minLength: 3, maxLength: 320 },
            password: { type: 'string', minLength: 1, maxLength: 1024 },
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
        },
      },
    },
    async (request, reply) => {
      const { database, clock, policy, config } = app.custos;
      const { email, password } = request.body;
      const credential = await findCredentialByEmail(database.db, email.trim());
      if (credential === undefined) {
        // Same work as a wrong password, same answer: no user enumeration.
        await verifyPassword(await dummyPasswordHash(), password);
        throw invalidCredentials();
      }
      if (!(await verifyPassword(credential.passwordHash, password))) throw invalidCredentials();
      const snapshot = await policy.current(credential.tenantId);
      const user = snapshot.users.get(credential.userId);
      if (user === undefined) throw invalidCredentials();
      if (user.status !== 'active')
        throw new AppError('AUTH_USER_INACTIVE', `the user is ${user.status}`, {
          status: user.status,
        });
      const ttlMs = config.sessionTtlHours * HOUR;
      const { token } = await createSession(database.db, {
        tenantId: credential.tenantId,
        userId: user.id,
        now: clock(),
        ttlMs,
      });
      reply.setCookie(
        SESSION_COOKIE,
        token,
        sessionCookieOptions({ secure: config.cookieSecure, maxAgeSeconds: ttlMs / 1000 }),
      );
      request.log.info({ tenantId: credential.tenantId, userId: user.id }, 'signed in');
      return {
        user: {
          id: user.id,
          name: user.name,
          tenantId: credential.tenantId,
          roles: rolesOf(snapshot.model, user),
        },
        // MFA: whether this session must verify a code (or enrol) before anything else.
        ...(await mfaLoginAnswer(app, {
          token,
          userId: user.id,
          model: snapshot.model,
          index: snapshot.index,
        })),
      };
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
      const token = request.cookies[SESSION_COOKIE];
      if (token !== undefined) await deleteSession(app.custos.database.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

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
        mfa: mfaOfMe(request),
      };
    },
  );
}
