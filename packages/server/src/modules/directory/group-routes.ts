import type { Group } from '@custos/engine';
import type { FastifyInstance } from 'fastify';
import { USER_ADMIN, changeSchema, commit, newId, readRoutes } from './directory-http.ts';
import {
  GROUP,
  GROUP_MEMBER,
  ID_PARAMS,
  MEMBER_PARAMS,
  type GroupBody,
  type GroupMemberBody,
  type MemberParams,
} from './directory-schemas.ts';

const TAG = 'admin: groups';
type Params = { Params: { id: string } };

/** The group of a body: its id, and the defaults of what the body may leave out. */
function groupOf(id: string, b: GroupBody): Group {
  switch (b.kind) {
    case 'department':
      return {
        id,
        name: b.name,
        kind: 'department',
        departmentId: b.departmentId,
        includeSubdepartments: b.includeSubdepartments ?? false,
      };
    case 'role':
      return { id, name: b.name, kind: 'role', roleId: b.roleId };
    case 'public':
      return {
        id,
        name: b.name,
        kind: 'public',
        userIds: b.userIds ?? [],
        groupIds: b.groupIds ?? [],
      };
  }
}

/**
 * Groups: list, get, create, replace, delete, and members of public groups (users and nested
 * groups) added and removed one at a time.
 */
export async function groupRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: USER_ADMIN };

  readRoutes(app, {
    path: '/v1/admin/groups',
    tag: TAG,
    config,
    summaries: ['List groups', 'Get a group'],
    kind: 'group',
    items: (model) => model.groups,
  });

  app.post<{ Body: GroupBody }>(
    '/v1/admin/groups',
    { config, schema: changeSchema(TAG, 'Create a group', { body: GROUP }, true) },
    (request, reply) =>
      commit(
        app,
        request,
        reply,
        { kind: 'group.create', group: groupOf(request.body.id ?? newId('group'), request.body) },
        201,
      ),
  );

  app.put<Params & { Body: GroupBody }>(
    '/v1/admin/groups/:id',
    { config, schema: changeSchema(TAG, 'Replace a group', { params: ID_PARAMS, body: GROUP }) },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'group.update',
        group: groupOf(request.params.id, request.body),
      }),
  );

  app.delete<Params>(
    '/v1/admin/groups/:id',
    {
      config,
      schema: changeSchema(TAG, 'Delete a group nothing refers to', { params: ID_PARAMS }),
    },
    (request, reply) =>
      commit(app, request, reply, { kind: 'group.delete', id: request.params.id }),
  );

  app.post<Params & { Body: GroupMemberBody }>(
    '/v1/admin/groups/:id/members',
    {
      config,
      schema: changeSchema(TAG, 'Add a user or a nested group to a public group', {
        params: ID_PARAMS,
        body: GROUP_MEMBER,
      }),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'group.add_member',
        id: request.params.id,
        member: request.body,
      }),
  );

  app.delete<{ Params: MemberParams }>(
    '/v1/admin/groups/:id/members/:memberKind/:memberId',
    {
      config,
      schema: changeSchema(TAG, 'Remove a member from a public group', { params: MEMBER_PARAMS }),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'group.remove_member',
        id: request.params.id,
        member: { kind: request.params.memberKind, id: request.params.memberId },
      }),
  );
}
