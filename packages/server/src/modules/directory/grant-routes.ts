import type { AccessLevel, Grant, GrantTarget, ObjectType } from '@custos/engine';
import type { FastifyInstance } from 'fastify';
import { ROLE_ADMIN, changeSchema, commit, newId, readRoutes } from './directory-http.ts';
import { GRANT_CREATE, GRANT_REVOKE, ID_PARAMS } from './directory-schemas.ts';

const TAG = 'admin: grants';
type Params = { Params: { id: string } };

interface GrantBody {
  id?: string;
  subject: { kind: 'user' | 'group'; userId?: string; groupId?: string };
  object: ObjectType;
  target: {
    kind: GrantTarget['kind'];
    recordId?: string;
    departmentId?: string;
    includeSubdepartments?: boolean;
    userId?: string;
  };
  access: AccessLevel;
  startsAt?: number | null;
  expiresAt: number | null;
  reason: string;
}

/** Only the properties of the target's kind (the schema has required them). */
function targetOf(t: GrantBody['target']): GrantTarget {
  switch (t.kind) {
    case 'record':
      return { kind: 'record', recordId: t.recordId ?? '' };
    case 'department':
      return {
        kind: 'department',
        departmentId: t.departmentId ?? '',
        includeSubdepartments: t.includeSubdepartments ?? false,
      };
    case 'owner':
      return { kind: 'owner', userId: t.userId ?? '' };
    case 'all':
      return { kind: 'all' };
  }
}

function grantOf(id: string, b: GrantBody): Grant {
  return {
    id,
    subject:
      b.subject.kind === 'user'
        ? { kind: 'user', userId: b.subject.userId ?? '' }
        : { kind: 'group', groupId: b.subject.groupId ?? '' },
    object: b.object,
    target: targetOf(b.target),
    access: b.access,
    startsAt: b.startsAt ?? null,
    expiresAt: b.expiresAt,
    reason: b.reason,
  };
}

/** Grants (临时授权): list, get, create with time bounds and a reason, revoke. */
export async function grantRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: ROLE_ADMIN };

  readRoutes(app, {
    path: '/v1/admin/grants',
    tag: TAG,
    config,
    summaries: ['List grants', 'Get a grant'],
    kind: 'grant',
    items: (model) => model.grants,
  });

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

  app.delete<Params & { Body: { reason?: string } | null }>(
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
