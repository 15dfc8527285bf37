import type { PolicyModel } from '@custos/engine';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { requestAuditExtras } from '../../http/audit-context.ts';
import { AppError } from '../../http/app-error.ts';
import { cursorBinding } from '../../http/cursor-seal.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import type { RoutePermission } from '../../http/route-permission.ts';
import { HELD_SCHEMA, holdIfSensitive, type HeldAnswer } from '../four-eyes/four-eyes-gate.ts';
import { adminPage, entityIndex, type AdminPageQuery } from './admin-page.ts';
import { commitChange } from './commit-change.ts';
import { ADMIN_LIST_QUERY, IF_MATCH_HEADERS, ID_PARAMS } from './directory-schemas.ts';
import type { PolicyChange } from './policy-change.ts';

/** Users, departments and groups. */
export const USER_ADMIN: RoutePermission = { kind: 'function', name: 'user_admin' };
/** Roles, object and field settings, sharing rules, grants. */
export const ROLE_ADMIN: RoutePermission = { kind: 'function', name: 'role_admin' };

/** What every admin answer carries: the entity (or list) and the policy version it is at. */
export interface Versioned<T> {
  data: T;
  version: number;
}

/** An admin list answer: one page, the policy version, and the cursor of the next page. */
export interface VersionedPage<T> extends Versioned<T[]> {
  nextCursor: string | null;
}

const IF_MATCH = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/;

/** The `If-Match` header as a policy version; absent = no check. */
export function expectedVersionOf(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header === '*') return undefined;
  const match = IF_MATCH.exec(String(header));
  if (match === null)
    throw new AppError('REQUEST_INVALID', 'If-Match must be a policy version such as "42"', {
      field: 'headers/if-match',
    });
  return Number(match[1]);
}

/** A fresh id for an entity created without one, e.g. `dept-1a2b3c4d`. */
export function newId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** The OpenAPI shape of a successful admin answer. */
const VERSIONED_SCHEMA = {
  type: 'object',
  required: ['data', 'version'],
  properties: { data: {}, version: { type: 'integer' } },
} as const;

/** The OpenAPI shape of an admin list answer. */
const PAGE_SCHEMA = {
  type: 'object',
  required: ['data', 'version', 'nextCursor'],
  properties: {
    data: { type: 'array', items: {} },
    version: { type: 'integer' },
    nextCursor: { type: ['string', 'null'] },
  },
} as const;

/** Schema of a list route: `limit`, `cursor`, `q`, a page, and the error answers. */
export function listSchema(tag: string, summary: string): FastifySchema {
  return {
    tags: [tag],
    summary,
    querystring: ADMIN_LIST_QUERY,
    response: {
      200: PAGE_SCHEMA,
      400: ERROR_BODY_SCHEMA,
      403: ERROR_BODY_SCHEMA,
      404: ERROR_BODY_SCHEMA,
    },
  };
}

/** Schema of a read route: tags, summary and the error answers. */
export function readSchema(tag: string, summary: string, extra: FastifySchema = {}): FastifySchema {
  return {
    tags: [tag],
    summary,
    ...extra,
    response: { 200: VERSIONED_SCHEMA, 403: ERROR_BODY_SCHEMA, 404: ERROR_BODY_SCHEMA },
  };
}

/** Schema of a change route: tags, summary, If-Match and every error a change can answer. */
export function changeSchema(
  tag: string,
  summary: string,
  extra: FastifySchema = {},
  created = false,
): FastifySchema {
  return {
    tags: [tag],
    summary,
    headers: IF_MATCH_HEADERS,
    ...extra,
    response: {
      [created ? 201 : 200]: VERSIONED_SCHEMA,
      202: HELD_SCHEMA,
      400: ERROR_BODY_SCHEMA,
      403: ERROR_BODY_SCHEMA,
      404: ERROR_BODY_SCHEMA,
      409: ERROR_BODY_SCHEMA,
      422: ERROR_BODY_SCHEMA,
    },
  };
}

/** A read answer at the request's policy version. */
export function versioned<T>(request: FastifyRequest, reply: FastifyReply, data: T): Versioned<T> {
  void reply.header('etag', `"${request.custos.version}"`);
  return { data, version: request.custos.version };
}

/**
 * Commit a change for the signed-in admin (If-Match honoured) and answer the changed entity with
 * the new policy version (also as ETag). A sensitive change under four eyes is held for a second
 * administrator instead: 202 with the pending change.
 */
export async function commit(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  change: PolicyChange,
  status = 200,
): Promise<Versioned<unknown> | HeldAnswer> {
  const ctx = request.custos;
  const expectedVersion = expectedVersionOf(request);
  const held = await holdIfSensitive(app, request, [change], { expectedVersion });
  if (held !== null) {
    void reply.code(202);
    return held;
  }
  const result = await commitChange(app.custos.database.db, change, {
    tenantId: ctx.tenantId,
    actorId: ctx.userId,
    audit: requestAuditExtras(request),
    now: ctx.now,
    expectedVersion,
    policy: app.custos.policy,
  });
  void reply.code(status).header('etag', `"${result.version}"`);
  return { data: result.entity, version: result.version };
}

/**
 * The cursor of an admin list as the client holds it: the list's own position (`admin-page.ts`)
 * sealed (`cursor-seal.ts`) and bound to the caller and the list (kind and filters); a tampered,
 * foreign or garbage cursor is REQUEST_INVALID naming `querystring/cursor`.
 */
export function adminListCursor(
  app: FastifyInstance,
  request: FastifyRequest,
  kind: string,
  filters: (string | undefined)[],
): {
  open(cursor: string | undefined): string | undefined;
  seal(inner: string | null): string | null;
} {
  const ctx = request.custos;
  const binding = cursorBinding('admin', ctx.tenantId, ctx.userId, kind, ...filters);
  return {
    open: (cursor) =>
      cursor === undefined
        ? undefined
        : app.custos.cursors.open(binding, cursor, 'querystring/cursor'),
    seal: (inner) => (inner === null ? null : app.custos.cursors.seal(binding, inner)),
  };
}

/** NOT_FOUND for a missing entity of the request's model. */
export function found<T>(item: T | undefined, kind: string, id: string): T {
  if (item === undefined) throw new AppError('NOT_FOUND', `no ${kind} "${id}"`, { kind, id });
  return item;
}

/**
 * The two read routes of an admin entity: `GET <path>` lists them a page at a time in id order
 * (`limit`, default 50, at most 500; `cursor`; `q`, name contains), `GET <path>/:id` gets one
 * (NOT_FOUND naming the kind), both at the request's policy version (also as ETag). Both look up
 * an index of the model's entities built once per version, never scan them per request.
 */
export function readRoutes<T extends { id: string }>(
  app: FastifyInstance,
  options: {
    path: string;
    tag: string;
    config: { permission: RoutePermission };
    summaries: [list: string, get: string];
    kind: string;
    items: (model: PolicyModel) => readonly T[];
  },
): void {
  const { path, tag, config, summaries, kind, items } = options;
  app.get<{ Querystring: AdminPageQuery }>(
    path,
    { config, schema: listSchema(tag, summaries[0]) },
    (request, reply): VersionedPage<T> => {
      const cursors = adminListCursor(app, request, kind, [request.query.q]);
      const cursor = cursors.open(request.query.cursor);
      const page = adminPage(items(request.custos.model), kind, {
        ...request.query,
        ...(cursor === undefined ? {} : { cursor }),
      });
      return {
        ...versioned(request, reply, page.items),
        nextCursor: cursors.seal(page.nextCursor),
      };
    },
  );
  app.get<{ Params: { id: string } }>(
    `${path}/:id`,
    { config, schema: readSchema(tag, summaries[1], { params: ID_PARAMS }) },
    (request, reply) => {
      const { id } = request.params;
      return versioned(
        request,
        reply,
        found(entityIndex(items(request.custos.model)).byId.get(id), kind, id),
      );
    },
  );
}
