import type { FastifyInstance } from 'fastify';
import { ROLE_ADMIN, changeSchema, commit, newId, readRoutes } from './directory-http.ts';
import {
  ID_PARAMS,
  ROLE_CREATE,
  ROLE_UPDATE,
  type RoleCreateBody,
  type RoleUpdateBody,
} from './directory-schemas.ts';

const TAG = 'admin: roles';
type Params = { Params: { id: string } };

/**
 * Roles (角色): list, get, create, update (object permissions with data scopes, function
 * permissions, field permissions; each given part replaces the role's), delete when unassigned.
 */
export async function roleRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: ROLE_ADMIN };

  readRoutes(app, {
    path: '/v1/admin/roles',
    tag: TAG,
    config,
    summaries: ['List roles', 'Get a role'],
    kind: 'role',
    items: (model) => model.roles,
  });

  app.post<{ Body: RoleCreateBody }>(
    '/v1/admin/roles',
    { config, schema: changeSchema(TAG, 'Create a role', { body: ROLE_CREATE }, true) },
    (request, reply) => {
      const b = request.body;
      return commit(
        app,
        request,
        reply,
        {
          kind: 'role.create',
          role: {
            id: b.id ?? newId('role'),
            name: b.name,
            objects: b.objects ?? {},
            functions: b.functions ?? [],
            fields: b.fields ?? {},
          },
        },
        201,
      );
    },
  );

  app.patch<Params & { Body: RoleUpdateBody }>(
    '/v1/admin/roles/:id',
    {
      config,
      schema: changeSchema(
        TAG,
        'Update a role: name, object permissions, function permissions, field permissions',
        { params: ID_PARAMS, body: ROLE_UPDATE },
      ),
    },
    (request, reply) =>
      commit(app, request, reply, { kind: 'role.update', id: request.params.id, ...request.body }),
  );

  app.delete<Params>(
    '/v1/admin/roles/:id',
    { config, schema: changeSchema(TAG, 'Delete a role no user holds', { params: ID_PARAMS }) },
    (request, reply) => commit(app, request, reply, { kind: 'role.delete', id: request.params.id }),
  );
}
