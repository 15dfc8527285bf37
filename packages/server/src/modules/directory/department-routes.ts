import type { FastifyInstance } from 'fastify';
import { USER_ADMIN, changeSchema, commit, newId, readRoutes } from './directory-http.ts';
import {
  DEPARTMENT_CREATE,
  DEPARTMENT_HEAD,
  DEPARTMENT_MOVE,
  DEPARTMENT_RENAME,
  ID_PARAMS,
  type DepartmentCreateBody,
  type DepartmentHeadBody,
  type DepartmentMoveBody,
  type DepartmentRenameBody,
} from './directory-schemas.ts';

const TAG = 'admin: departments';
type Params = { Params: { id: string } };

/** Departments (部门): list, get, create, rename, move, set the head, delete when empty. */
export async function departmentRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: USER_ADMIN };

  readRoutes(app, {
    path: '/v1/admin/departments',
    tag: TAG,
    config,
    summaries: ['List departments', 'Get a department'],
    kind: 'department',
    items: (model) => model.departments,
  });

  app.post<{ Body: DepartmentCreateBody }>(
    '/v1/admin/departments',
    { config, schema: changeSchema(TAG, 'Create a department', { body: DEPARTMENT_CREATE }, true) },
    (request, reply) => {
      const { id, name, parentId, headId } = request.body;
      return commit(
        app,
        request,
        reply,
        {
          kind: 'department.create',
          department: {
            id: id ?? newId('dept'),
            name,
            parentId,
            ...(headId == null ? {} : { headId }),
          },
        },
        201,
      );
    },
  );

  app.put<Params & { Body: DepartmentRenameBody }>(
    '/v1/admin/departments/:id/name',
    {
      config,
      schema: changeSchema(TAG, 'Rename a department', {
        params: ID_PARAMS,
        body: DEPARTMENT_RENAME,
      }),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'department.rename',
        id: request.params.id,
        name: request.body.name,
      }),
  );

  app.put<Params & { Body: DepartmentMoveBody }>(
    '/v1/admin/departments/:id/parent',
    {
      config,
      schema: changeSchema(TAG, 'Move a department under another parent', {
        params: ID_PARAMS,
        body: DEPARTMENT_MOVE,
      }),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'department.move',
        id: request.params.id,
        parentId: request.body.parentId,
      }),
  );

  app.put<Params & { Body: DepartmentHeadBody }>(
    '/v1/admin/departments/:id/head',
    {
      config,
      schema: changeSchema(TAG, 'Set the head of a department (部门负责人)', {
        params: ID_PARAMS,
        body: DEPARTMENT_HEAD,
      }),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'department.set_head',
        id: request.params.id,
        headId: request.body.headId,
      }),
  );

  app.delete<Params>(
    '/v1/admin/departments/:id',
    { config, schema: changeSchema(TAG, 'Delete an empty department', { params: ID_PARAMS }) },
    (request, reply) =>
      commit(app, request, reply, { kind: 'department.delete', id: request.params.id }),
  );
}
