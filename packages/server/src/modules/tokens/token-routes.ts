import { assertCredentialsWithinActor } from '../accounts/credential-guard.ts';
import { IdSchema } from '@custos/engine';
import {
  apiTokenPrefix,
  appendAuditEvent,
  createApiToken,
  findApiToken,
  hasSignInCredential,
  listUserApiTokens,
  revokeApiToken,
  type ApiToken,
  type ApiTokenKind,
} from '@custos/store';
import { auditContext } from '../../http/audit-context.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { scopesBeyond, TOKEN_SCOPES } from '../../http/token-scopes.ts';

const DAY = 86_400_000;

interface CreateBody {
  name: string;
  scopes: string[];
  /** ISO 8601; required, after now and at most `tokenMaxDays` ahead. */
  expiresAt: string;
}

const TOKEN_ID = { type: 'string', maxLength: 16, pattern: '^[0-9a-f]{16}$' } as const;

const CREATE_BODY = {
  type: 'object',
  required: ['name', 'scopes', 'expiresAt'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
    scopes: {
      type: 'array',
      minItems: 1,
      maxItems: TOKEN_SCOPES.length,
      uniqueItems: true,
      items: { type: 'string', enum: [...TOKEN_SCOPES] },
    },
    expiresAt: { type: 'string', format: 'date-time', maxLength: 40 },
  },
} as const;

const TOKEN_VIEW = {
  type: 'object',
  required: ['id', 'prefix', 'name', 'kind', 'userId', 'scopes', 'status', 'expiresAt'],
  properties: {
    id: { type: 'string' },
    prefix: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: ['personal', 'service'] },
    userId: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    status: { type: 'string', enum: ['active', 'expired', 'revoked'] },
    createdAt: { type: 'string' },
    createdBy: { type: 'string' },
    expiresAt: { type: 'string' },
    lastUsedAt: { type: ['string', 'null'] },
    revokedAt: { type: ['string', 'null'] },
    revokedBy: { type: ['string', 'null'] },
  },
} as const;

const LIST_ANSWER = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: TOKEN_VIEW } },
} as const;

const CREATED_ANSWER = {
  type: 'object',
  required: ['token', 'apiToken'],
  properties: {
    token: { type: 'string', description: 'The token string: shown this once, never again' },
    apiToken: TOKEN_VIEW,
  },
} as const;

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
} as const;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** A token as the API shows it: never its secret, only its prefix. */
export function tokenView(token: ApiToken, now: number) {
  return {
    id: token.id,
    prefix: apiTokenPrefix(token),
    name: token.name,
    kind: token.kind,
    userId: token.userId,
    scopes: token.scopes,
    status:
      token.revokedAt !== null
        ? 'revoked'
        : token.expiresAt <= now
          ? 'expired'
          : ('active' as const),
    createdAt: iso(token.createdAt),
    createdBy: token.createdBy,
    expiresAt: iso(token.expiresAt),
    lastUsedAt: iso(token.lastUsedAt),
    revokedAt: iso(token.revokedAt),
    revokedBy: token.revokedBy,
  };
}

/** The expiry asked for, checked: after now, at most `maxDays` ahead (REQUEST_INVALID naming it). */
function expiryOf(text: string, now: number, maxDays: number): number {
  const at = Date.parse(text);
  if (!Number.isFinite(at))
    throw new AppError('REQUEST_INVALID', 'expiresAt must be an ISO 8601 date-time', {
      field: 'body/expiresAt',
    });
  if (at <= now)
    throw new AppError('REQUEST_INVALID', 'expiresAt must be in the future', {
      field: 'body/expiresAt',
    });
  if (at > now + maxDays * DAY)
    throw new AppError(
      'REQUEST_INVALID',
      `expiresAt may be at most ${maxDays} days ahead (CUSTOS_TOKEN_MAX_DAYS)`,
      { field: 'body/expiresAt', maxDays },
    );
  return at;
}

/** Refuse scopes `userId` may not give a token (TOKEN_SCOPE_NOT_HELD naming the first). */
function requireHeld(ctx: RequestContext, userId: string, scopes: readonly string[], who: string) {
  const beyond = scopesBeyond(ctx.index, userId, scopes);
  const first = beyond[0];
  if (first !== undefined)
    throw new AppError(
      'TOKEN_SCOPE_NOT_HELD',
      `${who === 'you' ? 'you do' : `${who} does`} not hold the function permission ${first}, so a token cannot carry the scope ${first}`,
      { scope: first, field: `body/scopes/${scopes.indexOf(first)}` },
    );
}

/** Create a token and its `token.create` audit event in one transaction. */
async function issue(
  app: FastifyInstance,
  ctx: RequestContext,
  reply: FastifyReply,
  input: { userId: string; kind: ApiTokenKind; body: CreateBody },
) {
  const { name, scopes } = input.body;
  const expiresAt = expiryOf(input.body.expiresAt, ctx.now, app.custos.config.tokenMaxDays);
  const created = await app.custos.database.db.transaction().execute(async (tx) => {
    const made = await createApiToken(tx, {
      tenantId: ctx.tenantId,
      userId: input.userId,
      kind: input.kind,
      name: name.trim(),
      scopes,
      createdBy: ctx.userId,
      now: ctx.now,
      expiresAt,
    });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      ...auditContext(reply.request),
      action: 'token.create',
      target: `token/${made.apiToken.id}`,
      after: {
        id: made.apiToken.id,
        name: made.apiToken.name,
        kind: made.apiToken.kind,
        userId: made.apiToken.userId,
        scopes: made.apiToken.scopes,
        expiresAt: iso(made.apiToken.expiresAt),
      },
      at: new Date(ctx.now),
    });
    return made;
  });
  return reply
    .code(201)
    .send({ token: created.token, apiToken: tokenView(created.apiToken, ctx.now) });
}

/** Revoke a token of `userId` and audit `token.revoke`; 404 for another user's or an unknown id. */
async function revoke(app: FastifyInstance, request: FastifyRequest, userId: string, id: string) {
  const ctx = request.custos;
  await app.custos.database.db.transaction().execute(async (tx) => {
    const token = await findApiToken(tx, ctx.tenantId, id);
    if (token === undefined || token.userId !== userId)
      throw new AppError('NOT_FOUND', `no API token ${id} of user ${userId}`, {
        object: 'api_token',
        id,
      });
    if (!(await revokeApiToken(tx, { tenantId: ctx.tenantId, id, by: ctx.userId, now: ctx.now })))
      return; // revoked already: nothing to do, nothing to audit
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      ...auditContext(request),
      action: 'token.revoke',
      target: `token/${id}`,
      before: { id, name: token.name, kind: token.kind, userId: token.userId },
      after: { revokedBy: ctx.userId },
      at: new Date(ctx.now),
    });
  });
}

/**
 * API tokens (ADR 0009). `/v1/auth/tokens`: the caller's own personal tokens (list with last use,
 * create, revoke), with a signed-in session only. `/v1/admin/users/:id/tokens` (`user_admin`): a
 * user's tokens, revoking them, and issuing a service token to a service principal.
 */
export async function tokenRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  const tags = ['auth: tokens'];

  app.get(
    '/v1/auth/tokens',
    {
      config: { permission: { kind: 'authenticated' } },
      schema: {
        tags,
        summary: 'Your API tokens, with their last use (never their secrets)',
        response: { 200: LIST_ANSWER, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const tokens = await listUserApiTokens(db, ctx.tenantId, ctx.userId);
      return { items: tokens.map((t) => tokenView(t, ctx.now)) };
    },
  );

  app.post<{ Body: CreateBody }>(
    '/v1/auth/tokens',
    {
      config: { permission: { kind: 'authenticated' } },
      schema: {
        tags,
        summary:
          'Create a personal API token: scopes within your permissions, an expiry; shown once',
        body: CREATE_BODY,
        response: { 201: CREATED_ANSWER, ...ERRORS },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      requireHeld(ctx, ctx.userId, request.body.scopes, 'you');
      return issue(app, ctx, reply, { userId: ctx.userId, kind: 'personal', body: request.body });
    },
  );

  app.delete<{ Params: { tokenId: string } }>(
    '/v1/auth/tokens/:tokenId',
    {
      config: { permission: { kind: 'authenticated' } },
      schema: {
        tags,
        summary: 'Revoke one of your API tokens',
        params: {
          type: 'object',
          required: ['tokenId'],
          additionalProperties: false,
          properties: { tokenId: TOKEN_ID },
        },
        response: { 204: { type: 'null' }, ...ERRORS },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      await revoke(app, request, ctx.userId, request.params.tokenId);
      return reply.code(204).send();
    },
  );

  const admin = { permission: { kind: 'function', name: 'user_admin' } } as const;
  const adminTags = ['admin: users'];
  const userParams = {
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: { id: IdSchema },
  } as const;

  app.get<{ Params: { id: string } }>(
    '/v1/admin/users/:id/tokens',
    {
      config: admin,
      schema: {
        tags: adminTags,
        summary: "A user's API tokens (personal and service), with their last use",
        params: userParams,
        response: { 200: LIST_ANSWER, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const tokens = await listUserApiTokens(db, ctx.tenantId, request.params.id);
      return { items: tokens.map((t) => tokenView(t, ctx.now)) };
    },
  );

  app.post<{ Params: { id: string }; Body: CreateBody }>(
    '/v1/admin/users/:id/tokens',
    {
      config: admin,
      schema: {
        tags: adminTags,
        summary:
          'Issue a service token to a service principal (an active internal user without a sign-in)',
        params: userParams,
        body: CREATE_BODY,
        response: { 201: CREATED_ANSWER, ...ERRORS },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const userId = request.params.id;
      const user = ctx.index.users.get(userId);
      if (user === undefined)
        throw new AppError('NOT_FOUND', `no user ${userId}`, { kind: 'user', id: userId });
      if (user.kind !== 'internal' || user.status !== 'active')
        throw new AppError(
          'REQUEST_INVALID',
          `a service token needs an active internal user; ${userId} is ${user.kind}, ${user.status}`,
          { field: 'params/id' },
        );
      if (await hasSignInCredential(db, ctx.tenantId, userId))
        throw new AppError(
          'REQUEST_INVALID',
          `${userId} signs in as a person: service tokens are only for service principals (users without a sign-in); ${userId} creates personal tokens`,
          { field: 'params/id', reason: 'has_sign_in' },
        );
      // A token is within its owner's permissions, and an admin gives no function they lack.
      requireHeld(ctx, userId, request.body.scopes, `the service principal ${userId}`);
      requireHeld(ctx, ctx.userId, request.body.scopes, 'you');
      // Every scope acts with the principal's permissions: they must hold nothing the admin lacks.
      assertCredentialsWithinActor(ctx, userId);
      return issue(app, ctx, reply, { userId, kind: 'service', body: request.body });
    },
  );

  app.delete<{ Params: { id: string; tokenId: string } }>(
    '/v1/admin/users/:id/tokens/:tokenId',
    {
      config: admin,
      schema: {
        tags: adminTags,
        summary: "Revoke one of a user's API tokens",
        params: {
          type: 'object',
          required: ['id', 'tokenId'],
          additionalProperties: false,
          properties: { id: IdSchema, tokenId: TOKEN_ID },
        },
        response: { 204: { type: 'null' }, ...ERRORS },
      },
    },
    async (request, reply) => {
      await revoke(app, request, request.params.id, request.params.tokenId);
      return reply.code(204).send();
    },
  );
}
