import {
  decide,
  FIELD_NAME_PATTERN,
  fieldAccess,
  IdSchema,
  OBJECT_TYPES,
  type CrmRecord,
  type ObjectType,
} from '@custos/engine';
import { appendAuditEvent, getRecord } from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { auditContext } from '../../http/audit-context.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { runTenantRetention } from './apply-retention.ts';
import { PRIVACY_ADMIN } from './do-not-sell-routes.ts';
import {
  AGE_UNITS,
  checkRetentionRule,
  CONDITION_OPS,
  MAX_AGE,
  RETENTION_ACTIONS,
  retentionCutoff,
  ruleAudit,
  type RetentionRule,
  type RetentionRuleInput,
} from './retention-rule.ts';
import { checkDateField, countDue, selectDue } from './retention-selection.ts';
import {
  deleteLegalHold,
  deleteRetentionRule,
  getLegalHold,
  getRetentionRule,
  insertRetentionRule,
  listLegalHolds,
  listRetentionRules,
  newRuleId,
  putLegalHold,
  updateRetentionRule,
  type LegalHold,
} from './retention-store.ts';

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
} as const;

/** Records a preview lists by id and name. */
const SAMPLE = 10;
const MAX_VALUES = 50;
const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

const RULE_ID = { type: 'string', pattern: '^rr-[0-9a-f]{12}$', maxLength: 15 } as const;
const FIELD = { type: 'string', minLength: 1, maxLength: 64, pattern: FIELD_NAME_PATTERN } as const;

const CONDITION = {
  type: ['object', 'null'],
  required: ['field', 'op', 'values'],
  additionalProperties: false,
  properties: {
    field: FIELD,
    op: { type: 'string', enum: [...CONDITION_OPS] },
    values: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_VALUES,
      items: {
        type: ['string', 'number', 'boolean'],
        maxLength: 200,
        minimum: -1e15,
        maximum: 1e15,
      },
    },
  },
  description: 'Records whose field equals the value (`eq`) or one of the values (`in`); null: all',
} as const;

const RULE_BODY = {
  type: 'object',
  required: ['name', 'object', 'ageAmount', 'ageUnit', 'action'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    object: { type: 'string', enum: [...OBJECT_TYPES] },
    condition: CONDITION,
    ageAmount: { type: 'integer', minimum: 1, maximum: MAX_AGE.days },
    ageUnit: { type: 'string', enum: [...AGE_UNITS] },
    ageField: {
      anyOf: [FIELD, { type: 'null' }],
      description: 'A date field the age counts from; null or absent: the last change',
    },
    action: { type: 'string', enum: [...RETENTION_ACTIONS] },
    anonymiseFields: {
      type: 'array',
      maxItems: 200,
      uniqueItems: true,
      items: FIELD,
      description: '`anonymise`: the fields cleared',
    },
    enabled: { type: 'boolean', default: false },
  },
} as const;

const RULE_VIEW = {
  type: 'object',
  required: ['id', 'name', 'object', 'ageAmount', 'ageUnit', 'action', 'enabled'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    object: { type: 'string', enum: [...OBJECT_TYPES] },
    condition: {
      type: ['object', 'null'],
      properties: {
        field: { type: 'string' },
        op: { type: 'string', enum: [...CONDITION_OPS] },
        values: { type: 'array', items: { type: ['string', 'number', 'boolean'] } },
      },
    },
    ageAmount: { type: 'integer' },
    ageUnit: { type: 'string', enum: [...AGE_UNITS] },
    ageField: { type: ['string', 'null'] },
    action: { type: 'string', enum: [...RETENTION_ACTIONS] },
    anonymiseFields: { type: 'array', items: { type: 'string' } },
    enabled: { type: 'boolean' },
    lastRunAt: { type: ['string', 'null'] },
    lastCount: { type: ['integer', 'null'] },
    lastComplete: { type: ['boolean', 'null'] },
    createdAt: { type: 'string' },
    createdBy: { type: ['string', 'null'] },
    updatedAt: { type: 'string' },
    updatedBy: { type: ['string', 'null'] },
  },
} as const;

const COUNTS = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  description: 'Records per object',
} as const;

const PREVIEW_VIEW = {
  type: 'object',
  required: ['object', 'action', 'cutoff', 'total', 'byObject', 'byYear', 'held', 'sample'],
  properties: {
    ruleId: { type: ['string', 'null'] },
    object: { type: 'string', enum: [...OBJECT_TYPES] },
    action: { type: 'string', enum: [...RETENTION_ACTIONS] },
    cutoff: { type: 'string', description: 'Records whose age counts from before this go' },
    total: { type: 'integer', description: 'Records of the object the rule takes now' },
    byObject: COUNTS,
    byYear: {
      type: 'array',
      items: {
        type: 'object',
        required: ['year', 'count'],
        properties: { year: { type: 'integer' }, count: { type: 'integer' } },
      },
    },
    held: { type: 'integer', description: 'Records the rule would take but a legal hold keeps' },
    sample: {
      type: 'array',
      description: 'The oldest records it takes that you may read',
      items: {
        type: 'object',
        required: ['id', 'ageFrom'],
        properties: {
          id: { type: 'string' },
          name: { type: ['string', 'null'] },
          ageFrom: { type: 'string' },
        },
      },
    },
    sampleUnreadable: { type: 'integer', description: 'Records of the sample you may not read' },
  },
} as const;

const CATALOGUE_VIEW = {
  type: 'object',
  required: ['objects'],
  properties: {
    objects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['object', 'fields'],
        properties: {
          object: { type: 'string', enum: [...OBJECT_TYPES] },
          fields: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'encrypted'],
              properties: {
                name: { type: 'string' },
                label: { type: ['string', 'null'] },
                encrypted: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
  },
} as const;

const HOLD_VIEW = {
  type: 'object',
  required: ['customerId', 'reason', 'setAt'],
  properties: {
    customerId: { type: 'string' },
    customerName: { type: ['string', 'null'] },
    reason: { type: 'string' },
    setBy: { type: ['string', 'null'] },
    setAt: { type: 'string' },
  },
} as const;

interface RuleBody {
  name: string;
  object: ObjectType;
  condition?: RetentionRuleInput['condition'];
  ageAmount: number;
  ageUnit: RetentionRuleInput['ageUnit'];
  ageField?: string | null;
  action: RetentionRuleInput['action'];
  anonymiseFields?: string[];
  enabled?: boolean;
}

const inputOf = (body: RuleBody): RetentionRuleInput => ({
  name: body.name.trim(),
  object: body.object,
  condition: body.condition ?? null,
  ageAmount: body.ageAmount,
  ageUnit: body.ageUnit,
  ageField: body.ageField ?? null,
  action: body.action,
  anonymiseFields: body.anonymiseFields ?? [],
  enabled: body.enabled ?? false,
});

const ruleView = (rule: RetentionRule) => ({
  id: rule.id,
  name: rule.name,
  object: rule.object,
  condition: rule.condition,
  ageAmount: rule.ageAmount,
  ageUnit: rule.ageUnit,
  ageField: rule.ageField,
  action: rule.action,
  anonymiseFields: rule.anonymiseFields,
  enabled: rule.enabled,
  lastRunAt: iso(rule.lastRunAt),
  lastCount: rule.lastCount,
  lastComplete: rule.lastComplete,
  createdAt: iso(rule.createdAt),
  createdBy: rule.createdBy,
  updatedAt: iso(rule.updatedAt),
  updatedBy: rule.updatedBy,
});

/** The field a record is known by, for the preview's sample (the first of these it has). */
const NAME_FIELDS = ['name', 'subject', 'orderNo', 'summary'] as const;

/** The name of a record as the caller may read it in clear; null when hidden or masked. */
function nameFor(ctx: RequestContext, record: CrmRecord): string | null {
  const access = fieldAccess(ctx.index, ctx.userId, record.object, record, ctx.now);
  for (const field of NAME_FIELDS) {
    const value = record.fields[field];
    if (value === undefined || value === null) continue;
    const level = access[field] ?? 'hidden';
    return level === 'read' || level === 'edit' ? String(value) : null;
  }
  return null;
}

/** A rule checked against the policy and the stored values (a date field must hold dates). */
async function checked(
  db: FastifyInstance['custos']['database']['db'],
  ctx: RequestContext,
  input: RetentionRuleInput,
  at = 'body',
): Promise<RetentionRuleInput> {
  checkRetentionRule(ctx.model, input, at);
  if (input.ageField !== null)
    await checkDateField(db, ctx.tenantId, input.object, input.ageField, `${at}/ageField`);
  return input;
}

/**
 * Retention rules and legal holds (docs/retention.md), all with the function `privacy_admin`:
 * the policy's objects and fields (for the rule editor), rules (list, create, change, delete —
 * each checked against the policy, audited), a dry-run preview of a stored or an unsaved rule
 * (counts per object and year, legal holds, a sample of what the caller may read — the same
 * selection the scheduled job applies), a run on demand, and legal holds on customers.
 */
export async function retentionRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  const config = { permission: { kind: 'function', name: PRIVACY_ADMIN } } as const;
  const tags = ['privacy: retention'];

  const preview = async (ctx: RequestContext, rule: RetentionRuleInput, ruleId: string | null) => {
    const counts = await countDue(db, ctx.tenantId, rule, ctx.now);
    const due = await selectDue(db, ctx.tenantId, rule, ctx.now, SAMPLE);
    const sample: { id: string; name: string | null; ageFrom: string }[] = [];
    let unreadable = 0;
    for (const record of due) {
      const stored = await getRecord(db, ctx.tenantId, record.object, record.id, {
        factsFor: [ctx.userId],
      });
      if (stored === undefined || !decide(ctx.index, ctx.userId, 'read', stored, ctx.now)) {
        unreadable += 1;
        continue;
      }
      sample.push({
        id: record.id,
        name: nameFor(ctx, stored),
        ageFrom: iso(record.ageFrom) ?? '',
      });
    }
    return {
      ruleId,
      object: rule.object,
      action: rule.action,
      cutoff: iso(retentionCutoff(rule, ctx.now)) ?? '',
      ...counts,
      sample,
      sampleUnreadable: unreadable,
    };
  };

  const found = async (tenantId: string, id: string, forUpdate = false) => {
    const rule = await getRetentionRule(db, tenantId, id, { forUpdate });
    if (rule === undefined)
      throw new AppError('NOT_FOUND', `no retention rule ${id}`, { entity: 'retention_rule', id });
    return rule;
  };

  app.get(
    '/v1/privacy/retention/catalogue',
    {
      config,
      schema: {
        tags,
        summary: "The objects and their fields a rule may name (the tenant's policy)",
        response: { 200: CATALOGUE_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const { model } = request.custos;
      return {
        objects: OBJECT_TYPES.map((object) => {
          const fields = model.objects.find((o) => o.object === object)?.fields ?? {};
          return {
            object,
            fields: Object.entries(fields).map(([name, setting]) => ({
              name,
              label: setting.label ?? null,
              encrypted: setting.encrypted === true,
            })),
          };
        }),
      };
    },
  );

  app.get(
    '/v1/privacy/retention/rules',
    {
      config,
      schema: {
        tags,
        summary: 'The retention rules (数据保留规则), with their last run',
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: RULE_VIEW } },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => ({
      items: (await listRetentionRules(db, request.custos.tenantId)).map(ruleView),
    }),
  );

  app.post<{ Body: RuleBody }>(
    '/v1/privacy/retention/rules',
    {
      config,
      schema: {
        tags,
        summary: 'Create a retention rule (checked against the policy; audited)',
        body: RULE_BODY,
        response: { 201: RULE_VIEW, ...ERRORS },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const input = await checked(db, ctx, inputOf(request.body));
      const id = newRuleId();
      const rule = await db.transaction().execute(async (tx) => {
        await insertRetentionRule(tx, ctx.tenantId, id, input, ctx.userId, ctx.now);
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          ...auditContext(request),
          action: 'retention_rule.create',
          target: `retention_rule/${id}`,
          after: ruleAudit(input),
          at: new Date(ctx.now),
        });
        return (await getRetentionRule(tx, ctx.tenantId, id)) as RetentionRule;
      });
      return reply.code(201).send(ruleView(rule));
    },
  );

  app.put<{ Params: { id: string }; Body: RuleBody }>(
    '/v1/privacy/retention/rules/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a retention rule (enable, disable, edit; audited with before and after)',
        params: {
          type: 'object',
          required: ['id'],
          additionalProperties: false,
          properties: { id: RULE_ID },
        },
        body: RULE_BODY,
        response: { 200: RULE_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const input = await checked(db, ctx, inputOf(request.body));
      const rule = await db.transaction().execute(async (tx) => {
        const before = await getRetentionRule(tx, ctx.tenantId, request.params.id, {
          forUpdate: true,
        });
        if (before === undefined)
          throw new AppError('NOT_FOUND', `no retention rule ${request.params.id}`, {
            entity: 'retention_rule',
            id: request.params.id,
          });
        await updateRetentionRule(tx, ctx.tenantId, before.id, input, ctx.userId, ctx.now);
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          ...auditContext(request),
          action: 'retention_rule.update',
          target: `retention_rule/${before.id}`,
          before: ruleAudit(before),
          after: ruleAudit(input),
          at: new Date(ctx.now),
        });
        return (await getRetentionRule(tx, ctx.tenantId, before.id)) as RetentionRule;
      });
      return ruleView(rule);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/privacy/retention/rules/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Delete a retention rule (audited; what it removed stays in the audit trail)',
        params: {
          type: 'object',
          required: ['id'],
          additionalProperties: false,
          properties: { id: RULE_ID },
        },
        response: { 204: { type: 'null' }, ...ERRORS },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      await db.transaction().execute(async (tx) => {
        const before = await getRetentionRule(tx, ctx.tenantId, request.params.id, {
          forUpdate: true,
        });
        if (before === undefined)
          throw new AppError('NOT_FOUND', `no retention rule ${request.params.id}`, {
            entity: 'retention_rule',
            id: request.params.id,
          });
        await deleteRetentionRule(tx, ctx.tenantId, before.id);
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          ...auditContext(request),
          action: 'retention_rule.delete',
          target: `retention_rule/${before.id}`,
          before: ruleAudit(before),
          at: new Date(ctx.now),
        });
      });
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string } }>(
    '/v1/privacy/retention/rules/:id/preview',
    {
      config,
      schema: {
        tags,
        summary:
          'Dry run of a stored rule: what it would delete or anonymise now (nothing changes)',
        params: {
          type: 'object',
          required: ['id'],
          additionalProperties: false,
          properties: { id: RULE_ID },
        },
        body: { type: 'object', additionalProperties: false, properties: {} },
        response: { 200: PREVIEW_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const rule = await found(ctx.tenantId, request.params.id);
      return preview(ctx, rule, rule.id);
    },
  );

  app.post<{ Body: RuleBody }>(
    '/v1/privacy/retention/preview',
    {
      config,
      schema: {
        tags,
        summary: 'Dry run of an unsaved rule (checked as a save would be; nothing changes)',
        body: RULE_BODY,
        response: { 200: PREVIEW_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      return preview(ctx, await checked(db, ctx, inputOf(request.body)), null);
    },
  );

  app.post<{ Body: { ruleIds?: string[] } }>(
    '/v1/privacy/retention/run',
    {
      config,
      schema: {
        tags,
        summary:
          'Apply retention now (as the daily job does): the rules named, or every enabled rule; audited',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ruleIds: { type: 'array', maxItems: 100, uniqueItems: true, items: RULE_ID },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['rules'],
            properties: {
              rules: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['ruleId', 'count', 'complete'],
                  properties: {
                    ruleId: { type: 'string' },
                    count: { type: 'integer' },
                    complete: { type: 'boolean' },
                  },
                },
              },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const ids = request.body.ruleIds;
      if (ids !== undefined)
        for (const [i, id] of ids.entries())
          if ((await getRetentionRule(db, ctx.tenantId, id)) === undefined)
            throw new AppError('REQUEST_INVALID', `no retention rule ${id}`, {
              field: `body/ruleIds/${i}`,
            });
      const rules = await runTenantRetention(db, ctx.tenantId, ctx.now, {
        ...(ids === undefined ? {} : { ruleIds: ids }),
        audit: auditContext(request),
      });
      return { rules };
    },
  );

  const holdView = async (ctx: RequestContext, hold: LegalHold) => {
    const customer = await getRecord(db, ctx.tenantId, 'customer', hold.customerId, {
      factsFor: [ctx.userId],
    });
    const readable =
      customer !== undefined && decide(ctx.index, ctx.userId, 'read', customer, ctx.now);
    return {
      customerId: hold.customerId,
      customerName: readable ? nameFor(ctx, customer) : null,
      reason: hold.reason,
      setBy: hold.setBy,
      setAt: iso(hold.setAt) ?? '',
    };
  };
  const CUSTOMER_PARAMS = {
    type: 'object',
    required: ['customerId'],
    additionalProperties: false,
    properties: { customerId: IdSchema },
  } as const;

  app.get(
    '/v1/privacy/legal-holds',
    {
      config,
      schema: {
        tags,
        summary: 'Legal holds: customers whose records no retention rule touches (法律保留)',
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: HOLD_VIEW } },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const holds = await listLegalHolds(db, ctx.tenantId);
      return { items: await Promise.all(holds.map((h) => holdView(ctx, h))) };
    },
  );

  app.put<{ Params: { customerId: string }; Body: { reason: string } }>(
    '/v1/privacy/legal-holds/:customerId',
    {
      config,
      schema: {
        tags,
        summary: 'Place a legal hold on a customer: retention keeps all its records (audited)',
        params: CUSTOMER_PARAMS,
        body: {
          type: 'object',
          required: ['reason'],
          additionalProperties: false,
          properties: { reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' } },
        },
        response: { 200: HOLD_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const { customerId } = request.params;
      const hold = await db.transaction().execute(async (tx) => {
        if ((await getRecord(tx, ctx.tenantId, 'customer', customerId)) === undefined)
          throw new AppError('NOT_FOUND', `no customer ${customerId}`, {
            object: 'customer',
            id: customerId,
          });
        const before = await getLegalHold(tx, ctx.tenantId, customerId);
        const hold: LegalHold = {
          customerId,
          reason: request.body.reason.trim(),
          setBy: ctx.userId,
          setAt: ctx.now,
        };
        await putLegalHold(tx, ctx.tenantId, hold);
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          ...auditContext(request),
          action: 'legal_hold.set',
          target: `customer/${customerId}`,
          ...(before === undefined ? {} : { before: { reason: before.reason } }),
          after: { reason: hold.reason },
          at: new Date(ctx.now),
        });
        return hold;
      });
      return holdView(ctx, hold);
    },
  );

  app.delete<{ Params: { customerId: string } }>(
    '/v1/privacy/legal-holds/:customerId',
    {
      config,
      schema: {
        tags,
        summary: 'Release a legal hold (audited): retention rules apply to the customer again',
        params: CUSTOMER_PARAMS,
        response: { 204: { type: 'null' }, ...ERRORS },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const { customerId } = request.params;
      await db.transaction().execute(async (tx) => {
        const before = await getLegalHold(tx, ctx.tenantId, customerId);
        if (before === undefined)
          throw new AppError('NOT_FOUND', `no legal hold on customer ${customerId}`, {
            entity: 'legal_hold',
            id: customerId,
          });
        await deleteLegalHold(tx, ctx.tenantId, customerId);
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          ...auditContext(request),
          action: 'legal_hold.release',
          target: `customer/${customerId}`,
          before: { reason: before.reason, setBy: before.setBy, setAt: iso(before.setAt) },
          at: new Date(ctx.now),
        });
      });
      return reply.code(204).send();
    },
  );
}
