import type { FieldSetting, ObjectType } from '@custos/engine';
import type { FastifyInstance } from 'fastify';
import { ROLE_ADMIN, changeSchema, commit, readSchema, versioned } from './directory-http.ts';
import {
  FIELD_PARAMS,
  FIELD_SETTING,
  OBJECT_PARAMS,
  ORG_WIDE_DEFAULT,
  type OrgWideDefaultBody,
} from './directory-schemas.ts';
import { defaultObjectSettings } from './object-changes.ts';

const TAG = 'admin: objects';
type ObjectParams = { Params: { object: ObjectType } };
type FieldParams = { Params: { object: ObjectType; field: string } };

/** Object settings: org-wide defaults (基础数据权限) and field settings. */
export async function objectRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: ROLE_ADMIN };

  app.get(
    '/v1/admin/objects',
    { config, schema: readSchema(TAG, 'List object settings') },
    (request, reply) => versioned(request, reply, request.custos.model.objects),
  );

  app.get<ObjectParams>(
    '/v1/admin/objects/:object',
    { config, schema: readSchema(TAG, "Get an object's settings", { params: OBJECT_PARAMS }) },
    (request, reply) =>
      versioned(
        request,
        reply,
        request.custos.model.objects.find((o) => o.object === request.params.object) ??
          defaultObjectSettings(request.params.object),
      ),
  );

  app.put<ObjectParams & { Body: OrgWideDefaultBody }>(
    '/v1/admin/objects/:object/org-wide-default',
    {
      config,
      schema: changeSchema(TAG, "Set an object's org-wide default", {
        params: OBJECT_PARAMS,
        body: ORG_WIDE_DEFAULT,
      }),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'object.set_org_wide_default',
        object: request.params.object,
        orgWideDefault: request.body.orgWideDefault,
      }),
  );

  app.put<FieldParams & { Body: FieldSetting }>(
    '/v1/admin/objects/:object/fields/:field',
    {
      config,
      schema: changeSchema(TAG, "Set a field's settings (sensitivity, mask, internal, label)", {
        params: FIELD_PARAMS,
        body: FIELD_SETTING,
      }),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'object.set_field',
        object: request.params.object,
        field: request.params.field,
        setting: request.body,
      }),
  );

  app.delete<FieldParams>(
    '/v1/admin/objects/:object/fields/:field',
    { config, schema: changeSchema(TAG, "Remove a field's settings", { params: FIELD_PARAMS }) },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'object.remove_field',
        object: request.params.object,
        field: request.params.field,
      }),
  );
}
