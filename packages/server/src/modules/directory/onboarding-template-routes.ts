import { CLOSED, SensitivitySchema, diffModels, type PolicyModel, type User } from '@custos/engine';
import {
  appendAuditEvent,
  deleteOnboardingTemplate,
  findOnboardingTemplate,
  listOnboardingTemplates,
  putOnboardingTemplate,
} from '@custos/store';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { AppError } from '../../http/app-error.ts';
import { auditContext } from '../../http/audit-context.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { escalationDenied, escalationOf } from './change-checks.ts';
import { USER_ADMIN } from './directory-http.ts';
import { ID, ID_PARAMS } from './directory-schemas.ts';

const TAG = 'admin: joiner / mover / leaver';
const TITLE = Type.String({ minLength: 1, maxLength: 100 });
const IDS = Type.Array(ID, { uniqueItems: true, maxItems: 100 });

export const TEMPLATE_BODY = Type.Object(
  {
    departmentId: ID,
    title: TITLE,
    roleIds: IDS,
    clearance: SensitivitySchema,
    groupIds: Type.Optional(IDS),
  },
  CLOSED,
);
type TemplateBody = Static<typeof TEMPLATE_BODY>;
const MATCH_QUERY = Type.Object({ departmentId: ID, title: TITLE }, CLOSED);

const ANSWER = {
  200: { type: 'object', required: ['data'], properties: { data: {} } },
  400: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
  422: ERROR_BODY_SCHEMA,
} as const;

/**
 * A template checked against the catalogue (department, roles, public groups: each unknown one
 * refused naming its field) and against the admin's no-escalation rule: a user created from it
 * must be one the admin could create (the same check the change path makes).
 */
export function checkTemplate(
  model: PolicyModel,
  index: Parameters<typeof escalationOf>[0],
  actorId: string | null,
  t: TemplateBody,
): void {
  if (!model.departments.some((d) => d.id === t.departmentId))
    throw new AppError('NOT_FOUND', `no department ${t.departmentId}`, {
      field: 'body/departmentId',
      object: 'department',
      id: t.departmentId,
    });
  t.roleIds.forEach((id, i) => {
    if (!model.roles.some((r) => r.id === id))
      throw new AppError('NOT_FOUND', `no role ${id}`, {
        field: `body/roleIds/${i}`,
        object: 'role',
        id,
      });
  });
  (t.groupIds ?? []).forEach((id, i) => {
    const group = model.groups.find((g) => g.id === id);
    if (group === undefined || group.kind !== 'public')
      throw new AppError(
        group === undefined ? 'NOT_FOUND' : 'REQUEST_INVALID',
        group === undefined
          ? `no group ${id}`
          : `group ${id} is not a public group (members are not listed by hand)`,
        { field: `body/groupIds/${i}`, object: 'group', id },
      );
  });
  const probe: User = {
    id: '__onboarding-template__',
    name: t.title,
    kind: 'internal',
    status: 'active',
    departmentId: t.departmentId,
    managerId: null,
    roleIds: t.roleIds,
    clearance: t.clearance,
  };
  const after: PolicyModel = {
    ...model,
    users: [...model.users, probe],
    groups: model.groups.map((g) =>
      g.kind === 'public' && (t.groupIds ?? []).includes(g.id)
        ? { ...g, userIds: [...g.userIds, probe.id] }
        : g,
    ),
  };
  const excess = escalationOf(index, after, diffModels(model, after), actorId);
  if (excess.length > 0) throw escalationDenied(excess);
}

/**
 * Onboarding templates (joiner): department + title → roles, clearance and public groups. Creating
 * a user with `applyTemplate` starts from the template of their department and title.
 */
export async function onboardingTemplateRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: USER_ADMIN };
  const db = app.custos.database.db;

  app.get(
    '/v1/admin/onboarding-templates',
    { config, schema: { tags: [TAG], summary: 'List onboarding templates', response: ANSWER } },
    async (request) => ({ data: await listOnboardingTemplates(db, request.custos.tenantId) }),
  );

  app.get<{ Querystring: Static<typeof MATCH_QUERY> }>(
    '/v1/admin/onboarding-templates/match',
    {
      config,
      schema: {
        tags: [TAG],
        summary: 'The onboarding template for a department and title (null when none)',
        querystring: MATCH_QUERY,
        response: ANSWER,
      },
    },
    async (request) => ({
      data:
        (await findOnboardingTemplate(db, request.custos.tenantId, {
          departmentId: request.query.departmentId,
          title: request.query.title,
        })) ?? null,
    }),
  );

  app.put<{ Params: { id: string }; Body: TemplateBody }>(
    '/v1/admin/onboarding-templates/:id',
    {
      config,
      schema: {
        tags: [TAG],
        summary: 'Create or replace an onboarding template (checked against the catalogue)',
        params: ID_PARAMS,
        body: TEMPLATE_BODY,
        response: ANSWER,
      },
    },
    async (request) => {
      const ctx = request.custos;
      const body = request.body;
      checkTemplate(ctx.model, ctx.index, ctx.userId, body);
      const template = { id: request.params.id, ...body, groupIds: body.groupIds ?? [] };
      return db.transaction().execute(async (tx) => {
        const same = await findOnboardingTemplate(tx, ctx.tenantId, {
          departmentId: body.departmentId,
          title: body.title,
        });
        if (same !== undefined && same.id !== template.id)
          throw new AppError(
            'CONFLICT',
            `template ${same.id} is already the one for ${body.departmentId} / ${body.title}`,
            { field: 'body/title', id: same.id },
          );
        const before = await putOnboardingTemplate(tx, ctx.tenantId, template, {
          actorId: ctx.userId,
          now: ctx.now,
        });
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          action: before === null ? 'onboarding_template.create' : 'onboarding_template.update',
          target: `onboarding_template/${template.id}`,
          at: new Date(ctx.now),
          ...auditContext(request),
          before,
          after: template,
        });
        return { data: await findOnboardingTemplate(tx, ctx.tenantId, { id: template.id }) };
      });
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/admin/onboarding-templates/:id',
    {
      config,
      schema: {
        tags: [TAG],
        summary: 'Delete an onboarding template',
        params: ID_PARAMS,
        response: ANSWER,
      },
    },
    async (request) => {
      const ctx = request.custos;
      return db.transaction().execute(async (tx) => {
        const before = await deleteOnboardingTemplate(tx, ctx.tenantId, request.params.id);
        if (before === undefined)
          throw new AppError('NOT_FOUND', `no onboarding template ${request.params.id}`, {
            field: 'params/id',
          });
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          action: 'onboarding_template.delete',
          target: `onboarding_template/${before.id}`,
          at: new Date(ctx.now),
          ...auditContext(request),
          before,
        });
        return { data: before };
      });
    },
  );
}
