import { hasFunction, holdingsExcess, ID_MAX_LENGTH, ID_PATTERN } from '@custos/engine';
import { appendAuditEvent } from '@custos/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

/** The request header naming the user to read as (docs/view-as.md). */
export const VIEW_AS_HEADER = 'x-custos-view-as';
/** The response header saying whose view the answer is. */
export const VIEWING_AS_HEADER = 'x-custos-viewing-as';
/** The function permission that allows it (engine FUNCTION_CATALOGUE). */
export const VIEW_AS_FUNCTION = 'view_as';
/** The audit action of every request served as another user. */
export const VIEW_AS_AUDIT_ACTION = 'view_as.read';

/** `details.field` of the errors about the header. */
const FIELD = `headers/${VIEW_AS_HEADER}`;
const ID_REGEX = new RegExp(ID_PATTERN);

/**
 * The routes served as another user: the record reads (lists, one record, a customer's team) by
 * their permission, and these, which read only (the authorization API is POST but changes nothing).
 */
const READ_ONLY_ROUTES = new Set([
  'GET /v1/auth/me',
  'GET /v1/auth/me/access',
  'POST /v1/authz/check',
  'POST /v1/authz/explain',
  'POST /v1/authz/lookup',
]);

function servedAs(request: FastifyRequest): boolean {
  const permission = request.routeOptions.config.permission;
  const method = request.method;
  if (READ_ONLY_ROUTES.has(`${method} ${request.routeOptions.url ?? ''}`)) return true;
  return (method === 'GET' || method === 'HEAD') && permission?.kind === 'record'
    ? permission.action === 'read'
    : false;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * 查看为 (view as), after the access check (`onRequest`, registered after `accessHook`): with the
 * header `x-custos-view-as: <userId>`, a caller holding the `view_as` function permission is
 * served the request as that user — `request.custos.userId` becomes the target, so every decision
 * and every record shown is theirs — and the answer carries `x-custos-viewing-as: <userId>`.
 * Only reads are served so: a state-changing request with the header is refused
 * (`VIEW_AS_READ_ONLY`) and any other route with it `VIEW_AS_NOT_SUPPORTED`, before anything runs.
 * The caller must hold `view_as` (`VIEW_AS_DENIED`), have finished MFA sign-in, and (with an API
 * token) carry `records:read`; the target must be an active user of the caller's tenant
 * (`VIEW_AS_TARGET_INVALID`) who holds nothing the caller does not (`ESCALATION_DENIED`, the
 * credential rule: `holdingsExcess`). Every request served is the audit event `view_as.read`
 * (actor, target, method, route, record id), written before the handler runs.
 */
export async function viewAsHook(
  this: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const raw = request.headers[VIEW_AS_HEADER];
  if (raw === undefined || request.is404) return;
  const method = request.method;
  if (!servedAs(request)) {
    if (!SAFE_METHODS.has(method)) {
      throw new AppError(
        'VIEW_AS_READ_ONLY',
        `viewing as another user is read-only: ${method} ${request.routeOptions.url ?? request.url} is refused; send it without ${VIEW_AS_HEADER}`,
        { field: FIELD },
      );
    }
    throw new AppError(
      'VIEW_AS_NOT_SUPPORTED',
      `${method} ${request.routeOptions.url ?? request.url} is not served as another user; send it without ${VIEW_AS_HEADER}`,
      { field: FIELD },
    );
  }
  const ctx = request.custos;
  const actorId = ctx.userId;
  if (!hasFunction(ctx.index, actorId, VIEW_AS_FUNCTION)) {
    throw new AppError(
      'VIEW_AS_DENIED',
      `viewing as another user requires the function permission ${VIEW_AS_FUNCTION}`,
      { field: FIELD, function: VIEW_AS_FUNCTION },
    );
  }
  const mfa = request.mfa;
  if (mfa !== undefined && !mfa.verified && (mfa.enabled || mfa.requiredByPolicy)) {
    throw new AppError('AUTH_MFA_REQUIRED', 'finish signing in before viewing as another user', {
      verify: '/v1/auth/mfa/verify',
    });
  }
  if (ctx.apiToken !== undefined && !ctx.apiToken.scopes.includes('records:read')) {
    throw new AppError(
      'AUTH_TOKEN_SCOPE',
      `viewing as another user with an API token needs the scope records:read`,
      { field: FIELD, scope: 'records:read' },
    );
  }
  const targetId = Array.isArray(raw) ? raw.join(',') : raw;
  if (targetId.length === 0 || targetId.length > ID_MAX_LENGTH || !ID_REGEX.test(targetId)) {
    throw new AppError('VIEW_AS_TARGET_INVALID', `${VIEW_AS_HEADER} must be one user id`, {
      field: FIELD,
      reason: 'malformed',
    });
  }
  const target = ctx.index.users.get(targetId);
  if (target === undefined) {
    throw new AppError(
      'VIEW_AS_TARGET_INVALID',
      `${VIEW_AS_HEADER}: no user ${targetId} in this tenant`,
      { field: FIELD, reason: 'unknown', userId: targetId },
    );
  }
  if (target.status !== 'active') {
    throw new AppError(
      'VIEW_AS_TARGET_INVALID',
      `${VIEW_AS_HEADER}: ${targetId} is ${target.status}, not active`,
      { field: FIELD, reason: 'inactive', userId: targetId, status: target.status },
    );
  }
  const excess = holdingsExcess(ctx.model, ctx.index, actorId, targetId);
  if (excess.length > 0) {
    const first = excess[0] as (typeof excess)[number];
    throw new AppError(
      'ESCALATION_DENIED',
      `${VIEW_AS_HEADER}: ${targetId} holds ${first.missing}, which you do not: you cannot view as them${excess.length > 1 ? ` (and ${excess.length - 1} more)` : ''}`,
      { field: FIELD, missing: first.missing, errors: excess },
    );
  }
  const params = (request.params ?? {}) as Record<string, unknown>;
  const recordId = typeof params.id === 'string' ? params.id : null;
  await appendAuditEvent(this.custos.database.db, {
    tenantId: ctx.tenantId,
    actorId,
    action: VIEW_AS_AUDIT_ACTION,
    target: `user/${targetId}`,
    after: {
      method,
      route: request.routeOptions.url ?? null,
      recordId,
      ...(ctx.apiToken === undefined ? {} : { apiTokenId: ctx.apiToken.id }),
    },
    at: new Date(ctx.now),
    actingAsId: targetId,
    requestId: String(request.id),
    ip: request.ip,
    userAgent:
      typeof request.headers['user-agent'] === 'string'
        ? request.headers['user-agent'].slice(0, 512)
        : null,
  });
  request.custos = { ...ctx, userId: targetId, viewAs: { actorId } };
  reply.header(VIEWING_AS_HEADER, targetId);
}
