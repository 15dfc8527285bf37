import type { Grant, GrantTarget, ObjectType } from '@custos/engine';
import { findGrant, listStoredGrants } from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { ADMIN_PAGE_SIZE, decodeCursor, encodeCursor, type AdminPageQuery } from './admin-page.ts';
import {
  adminListCursor,
  ROLE_ADMIN,
  changeSchema,
  commit,
  found,
  listSchema,
  newId,
  readSchema,
  versioned,
} from './directory-http.ts';
import {
  GRANT_CREATE,
  GRANT_LIST_QUERY,
  GRANT_REVOKE,
  ID_PARAMS,
  type GrantBody,
  type GrantRevokeBody,
  timeOf,
} from './directory-schemas.ts';

const TAG = 'admin: grants';
type Params = { Params: { id: string } };

/** A department target's subtree flag defaults to false. */
function targetOf(t: GrantBody['target']): GrantTarget {
  return t.kind === 'department'
    ? { ...t, includeSubdepartments: t.includeSubdepartments ?? false }
    : t;
}

function grantOf(id: string, b: GrantBody): Grant {
  return {
    id,
    subject: b.subject,
    object: b.object,
    target: targetOf(b.target),
    access: b.access,
    startsAt: timeOf(b.startsAt, 'body/startsAt'),
    expiresAt: timeOf(b.expiresAt, 'body/expiresAt'),
    reason: b.reason,
  };
}

/** Grants (临时授权): list, get, create with time bounds and a reason, revoke. */
export async function grantRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: ROLE_ADMIN };

  // Read from the database: grants on one record are facts of their records, not in the model.
  app.get<{ Querystring: AdminPageQuery & { object?: ObjectType; recordId?: string } }>(
    '/v1/admin/grants',
    {
      config,
      schema: {
        ...listSchema(TAG, 'List grants (policy grants and grants on one record), in id order'),
        querystring: GRANT_LIST_QUERY,
      },
    },
    async (request, reply) => {
      const { limit = ADMIN_PAGE_SIZE, q, object, recordId } = request.query;
      const cursors = adminListCursor(app, request, 'grant', [q, object, recordId]);
      const cursor = cursors.open(request.query.cursor);
      const rows = await listStoredGrants(app.custos.database.db, request.custos.tenantId, {
        limit: limit + 1,
        ...(cursor === undefined ? {} : { after: decodeCursor('grant', cursor) }),
        ...(q === undefined ? {} : { q }),
        ...(object === undefined ? {} : { object }),
        ...(recordId === undefined ? {} : { recordId }),
      });
      const items = rows.slice(0, limit).map((r) => r.grant);
      const last = items[items.length - 1];
      return {
        ...versioned(request, reply, items),
        nextCursor: cursors.seal(
          rows.length > limit && last !== undefined ? encodeCursor('grant', last.id) : null,
        ),
      };
    },
  );
  app.get<Params>(
    '/v1/admin/grants/:id',
    { config, schema: readSchema(TAG, 'Get a grant', { params: ID_PARAMS }) },
    async (request, reply) => {
      const { id } = request.params;
      const stored = await findGrant(app.custos.database.db, request.custos.tenantId, id);
      return versioned(request, reply, found(stored?.grant, 'grant', id));
    },
  );

  app.post<{ Body: GrantBody }>(
    '/v1/admin/grants',
    { config, schema: changeSchema(TAG, 'Create a grant', { body: GRANT_CREATE }, true) },
    (request, reply) =>
      commit(
        app,
        request,
        reply,
        { kind: 'grant.create', grant: grantOf(request.body.id ?? newId('grant'), request.body) },
        201,
      ),
  );

  app.delete<Params & { Body: GrantRevokeBody }>(
    '/v1/admin/grants/:id',
    {
      config,
      schema: changeSchema(TAG, 'Revoke a grant (optionally with a reason, kept in the audit)', {
        params: ID_PARAMS,
        body: GRANT_REVOKE,
      }),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'grant.revoke',
        id: request.params.id,
        ...(request.body?.reason === undefined ? {} : { reason: request.body.reason }),
      }),
  );
}
