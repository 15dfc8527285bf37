import {
  OBJECT_CATALOGUE,
  OBJECT_TYPES,
  type AccessLevel,
  type ObjectType,
  type RecordAction,
} from '@custos/engine';
import { appendAuditEvent } from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditContext } from '../../http/audit-context.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import type { RoutePermission } from '../../http/route-permission.ts';
import {
  CREATE_BODY,
  ID_PARAMS,
  LIST_ANSWER,
  LIST_QUERY,
  RECORD_VIEW,
  TEAM_ANSWER,
  TEAM_MEMBER_BODY,
  TEAM_MEMBER_PARAMS,
  TRANSFER_BODY,
  UPDATE_BODY,
} from './crm-schemas.ts';
import {
  createObjectRecord,
  deleteObjectRecord,
  getCustomerTeam,
  getObjectRecord,
  listObjectRecords,
  putCustomerTeamMember,
  removeCustomerTeamMember,
  transferObjectRecord,
  updateObjectRecord,
  type CreateBody,
  type ListParams,
  type TransferBody,
  type WriteRequestContext,
  type UpdateBody,
} from './crm-service.ts';

type IdParams = { Params: { id: string } };
type MemberParams = { Params: { id: string; userId: string } };

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
} as const;

const record = (object: ObjectType, action: RecordAction): RoutePermission => ({
  kind: 'record',
  object,
  action,
});

/**
 * The CRM API for the six objects (`/v1/customers`, `/v1/contacts`, `/v1/deals`, `/v1/orders`,
 * `/v1/tickets`, `/v1/activities`): list, get, create, update, delete, transfer; customer teams.
 * Every record is decided by the engine (DESIGN §3): a list is what `filter` selects, an
 * unreadable record is 404, fields come back per `fieldAccess` (hidden absent, masked masked), and
 * a write to a field the caller may not edit is FIELD_NOT_EDITABLE naming it, with nothing written.
 */
/** The request's context with its audit part, for the events a write appends. */
function withAudit(request: FastifyRequest): WriteRequestContext {
  return { ...request.custos, audit: auditContext(request) };
}

export async function crmRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  for (const object of OBJECT_TYPES) {
    const { path, names } = OBJECT_CATALOGUE[object];
    const base = `/v1/${path}`;
    const [en, zh] = [names['en-US'].one, names['zh-CN'].one];
    const tags = [`crm: ${path}`];

    app.get<{ Querystring: ListParams }>(
      base,
      {
        config: { permission: record(object, 'read') },
        schema: {
          tags,
          summary: `List the ${en} records you may read (${zh}列表)`,
          querystring: LIST_QUERY,
          response: { 200: LIST_ANSWER, ...ERRORS },
        },
      },
      async (request) => {
        const page = await listObjectRecords(
          db,
          request.custos,
          app.custos.cursors,
          object,
          request.query,
        );
        request.usageRecords = page.items.length;
        return page;
      },
    );

    app.get<IdParams>(
      `${base}/:id`,
      {
        config: { permission: record(object, 'read') },
        schema: {
          tags,
          summary: `Get one ${en}, with your level on each field`,
          params: ID_PARAMS,
          response: { 200: RECORD_VIEW, ...ERRORS },
        },
      },
      async (request) => {
        const view = await getObjectRecord(db, request.custos, object, request.params.id);
        // A contact is a data subject: who read their record is part of what they may ask for
        // (GDPR Art. 15, docs/privacy.md), so each single-record read of a contact is audited.
        if (object === 'contact')
          await appendAuditEvent(db, {
            tenantId: request.custos.tenantId,
            action: 'record.read',
            target: `contact/${view.id}`,
            at: new Date(request.custos.now),
            ...auditContext(request),
          });
        return view;
      },
    );

    app.post<{ Body: CreateBody }>(
      base,
      {
        config: { permission: record(object, 'create') },
        schema: {
          tags,
          summary: `Create a ${en} (新建${zh})`,
          body: CREATE_BODY,
          response: { 201: RECORD_VIEW, ...ERRORS },
        },
      },
      async (request, reply) => {
        const created = await createObjectRecord(db, withAudit(request), object, request.body);
        return reply.code(201).send(created);
      },
    );

    app.patch<IdParams & { Body: UpdateBody }>(
      `${base}/:id`,
      {
        config: { permission: record(object, 'update') },
        schema: {
          tags,
          summary: `Change fields of a ${en}`,
          params: ID_PARAMS,
          body: UPDATE_BODY,
          response: { 200: RECORD_VIEW, ...ERRORS },
        },
      },
      (request) =>
        updateObjectRecord(db, withAudit(request), object, request.params.id, request.body),
    );

    app.delete<IdParams>(
      `${base}/:id`,
      {
        config: { permission: record(object, 'delete') },
        schema: {
          tags,
          summary: `Delete a ${en}`,
          params: ID_PARAMS,
          response: { 204: { type: 'null' }, ...ERRORS },
        },
      },
      async (request, reply) => {
        await deleteObjectRecord(db, withAudit(request), object, request.params.id);
        return reply.code(204).send();
      },
    );

    app.post<IdParams & { Body: TransferBody }>(
      `${base}/:id/transfer`,
      {
        config: { permission: record(object, 'transfer') },
        schema: {
          tags,
          summary: `Transfer a ${en} to another owner (转移${zh})`,
          params: ID_PARAMS,
          body: TRANSFER_BODY,
          response: { 200: RECORD_VIEW, ...ERRORS },
        },
      },
      (request) =>
        transferObjectRecord(db, withAudit(request), object, request.params.id, request.body),
    );
  }

  const tags = ['crm: customers'];
  app.get<IdParams>(
    '/v1/customers/:id/team',
    {
      config: { permission: record('customer', 'read') },
      schema: {
        tags,
        summary: 'The customer team (客户团队)',
        params: ID_PARAMS,
        response: { 200: TEAM_ANSWER, ...ERRORS },
      },
    },
    async (request) => ({ members: await getCustomerTeam(db, request.custos, request.params.id) }),
  );

  app.put<MemberParams & { Body: { access: AccessLevel } }>(
    '/v1/customers/:id/team/:userId',
    {
      config: { permission: record('customer', 'share') },
      schema: {
        tags,
        summary: 'Add a user to the customer team, or change their access',
        params: TEAM_MEMBER_PARAMS,
        body: TEAM_MEMBER_BODY,
        response: { 200: TEAM_ANSWER, ...ERRORS },
      },
    },
    async (request) => ({
      members: await putCustomerTeamMember(
        db,
        withAudit(request),
        request.params.id,
        request.params.userId,
        request.body.access,
      ),
    }),
  );

  app.delete<MemberParams>(
    '/v1/customers/:id/team/:userId',
    {
      config: { permission: record('customer', 'share') },
      schema: {
        tags,
        summary: 'Remove a user from the customer team',
        params: TEAM_MEMBER_PARAMS,
        response: { 204: { type: 'null' }, ...ERRORS },
      },
    },
    async (request, reply) => {
      await removeCustomerTeamMember(
        db,
        withAudit(request),
        request.params.id,
        request.params.userId,
      );
      return reply.code(204).send();
    },
  );
}
