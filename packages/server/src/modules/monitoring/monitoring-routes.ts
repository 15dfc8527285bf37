import { appendAuditEvent } from '@custos/store';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { auditContext } from '../../http/audit-context.ts';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { ALL_TENANTS, listJobs } from '../../jobs/job-queue.ts';
import { listSchedules } from '../../jobs/schedule-store.ts';
import {
  acknowledgeAlert,
  countAlertsByDay,
  findAlert,
  listAlerts,
  loadRules,
  saveRule,
  type Alert,
} from './monitoring-store.ts';
import {
  checkRuleParams,
  DEFAULT_RULES,
  RULE_KINDS,
  SEVERITIES,
  type RuleKind,
  type Severity,
} from './rule-catalogue.ts';
import { evaluateTenant, SECURITY_MONITOR } from './run-monitoring.ts';
import { checkWebhookUrl } from './webhook-url.ts';
import {
  createEndpoint,
  deleteEndpoint,
  findEndpoint,
  listDeliveries,
  listEndpoints,
  newWebhookSecret,
  queueWebhookEvent,
  updateEndpoint,
  WEBHOOK_EVENTS,
  withoutSecret,
} from './webhook-store.ts';

const DAY = 86_400_000;
const iso = (at: number | null): string | null => (at === null ? null : new Date(at).toISOString());

const ERRORS = {
  400: ERROR_BODY_SCHEMA,
  401: ERROR_BODY_SCHEMA,
  403: ERROR_BODY_SCHEMA,
  404: ERROR_BODY_SCHEMA,
  409: ERROR_BODY_SCHEMA,
} as const;

const NUMERIC_ID = { type: 'string', pattern: '^[0-9]{1,18}$', maxLength: 18 } as const;
const ENDPOINT_ID = { type: 'string', pattern: '^wh-[0-9a-f]{12}$', maxLength: 15 } as const;
const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

const ALERT_VIEW = {
  type: 'object',
  required: ['id', 'rule', 'userId', 'severity', 'status', 'createdAt'],
  properties: {
    id: { type: 'string' },
    rule: { type: 'string', enum: [...RULE_KINDS] },
    userId: { type: 'string' },
    userName: { type: ['string', 'null'] },
    window: { type: 'string' },
    severity: { type: 'string', enum: [...SEVERITIES] },
    status: { type: 'string', enum: ['open', 'acknowledged'] },
    summary: ANY_OBJECT,
    evidence: ANY_OBJECT,
    firstAt: { type: 'string' },
    lastAt: { type: 'string' },
    createdAt: { type: 'string' },
    ackBy: { type: ['string', 'null'] },
    ackAt: { type: ['string', 'null'] },
    ackNote: { type: ['string', 'null'] },
  },
} as const;

const RULE_VIEW = {
  type: 'object',
  required: ['rule', 'enabled', 'severity', 'params', 'defaults'],
  properties: {
    rule: { type: 'string', enum: [...RULE_KINDS] },
    enabled: { type: 'boolean' },
    severity: { type: 'string', enum: [...SEVERITIES] },
    params: ANY_OBJECT,
    defaults: ANY_OBJECT,
    updatedAt: { type: ['string', 'null'] },
    updatedBy: { type: ['string', 'null'] },
  },
} as const;

const ENDPOINT_VIEW = {
  type: 'object',
  required: ['id', 'name', 'url', 'events', 'enabled', 'createdAt'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    url: { type: 'string' },
    events: { type: 'array', items: { type: 'string' } },
    enabled: { type: 'boolean' },
    createdAt: { type: 'string' },
    createdBy: { type: ['string', 'null'] },
  },
} as const;

const EVENTS_SCHEMA = {
  type: 'array',
  minItems: 1,
  maxItems: WEBHOOK_EVENTS.length,
  uniqueItems: true,
  items: { type: 'string', enum: [...WEBHOOK_EVENTS] },
} as const;
const URL_SCHEMA = { type: 'string', minLength: 1, maxLength: 2000 } as const;
const NAME_SCHEMA = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } as const;

interface AlertQuery {
  status?: 'open' | 'acknowledged';
  rule?: RuleKind;
  userId?: string;
  severity?: Severity;
  from?: string;
  to?: string;
  beforeId?: string;
  limit: number;
}

function timeOf(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at))
    throw new AppError('REQUEST_INVALID', `${field} must be an ISO 8601 date or date-time`, {
      field: `querystring/${field}`,
    });
  return at;
}

/**
 * Security monitoring (docs/monitoring.md), all with the function `security_monitor`: alerts
 * (list with filters, per-day counts, acknowledge with a note), the tenant's rules (read, change:
 * checked, audited), an evaluation on demand, webhook endpoints (create — the secret shown once —,
 * change, delete, send a test, the delivery log) and the job runner's view (`/v1/admin/jobs`).
 */
export async function monitoringRoutes(app: FastifyInstance): Promise<void> {
  const db = app.custos.database.db;
  const config = { permission: { kind: 'function', name: SECURITY_MONITOR } } as const;
  const tags = ['admin: monitoring'];

  const nameOf = (ctx: { model: { users: readonly { id: string; name: string }[] } }) => {
    const names = new Map(ctx.model.users.map((u) => [u.id, u.name]));
    return (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  };
  const alertView = (alert: Alert, name: (id: string | null) => string | null) => ({
    id: alert.id,
    rule: alert.rule,
    userId: alert.userId,
    userName: name(alert.userId),
    window: alert.windowKey,
    severity: alert.severity,
    status: alert.status,
    summary: alert.summary,
    evidence: alert.evidence,
    firstAt: iso(alert.firstAt),
    lastAt: iso(alert.lastAt),
    createdAt: iso(alert.createdAt),
    ackBy: alert.ackBy,
    ackAt: iso(alert.ackAt),
    ackNote: alert.ackNote,
  });

  app.get<{ Querystring: AlertQuery }>(
    '/v1/admin/monitoring/alerts',
    {
      config,
      schema: {
        tags,
        summary: 'Security alerts, newest first, filtered; `nextBeforeId` pages on',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            status: { type: 'string', enum: ['open', 'acknowledged'] },
            rule: { type: 'string', enum: [...RULE_KINDS] },
            userId: { type: 'string', minLength: 1, maxLength: 128 },
            severity: { type: 'string', enum: [...SEVERITIES] },
            from: { type: 'string', maxLength: 40 },
            to: { type: 'string', maxLength: 40 },
            beforeId: NUMERIC_ID,
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['items', 'nextBeforeId'],
            properties: {
              items: { type: 'array', items: ALERT_VIEW },
              nextBeforeId: { type: ['string', 'null'] },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const q = request.query;
      const from = timeOf(q.from, 'from');
      const to = timeOf(q.to, 'to');
      const items = await listAlerts(db, ctx.tenantId, {
        limit: q.limit,
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.rule === undefined ? {} : { rule: q.rule }),
        ...(q.userId === undefined ? {} : { userId: q.userId }),
        ...(q.severity === undefined ? {} : { severity: q.severity }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(q.beforeId === undefined ? {} : { beforeId: q.beforeId }),
      });
      const name = nameOf(ctx);
      return {
        items: items.map((a) => alertView(a, name)),
        nextBeforeId: items.length === q.limit ? (items.at(-1)?.id ?? null) : null,
      };
    },
  );

  app.get<{ Querystring: { days: number } }>(
    '/v1/admin/monitoring/alerts/per-day',
    {
      config,
      schema: {
        tags,
        summary: 'Alerts raised per UTC day and rule over the last `days` days (for the chart)',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { days: { type: 'integer', minimum: 1, maximum: 366, default: 30 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['from', 'items'],
            properties: {
              from: { type: 'string' },
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['day', 'rule', 'count'],
                  properties: {
                    day: { type: 'string' },
                    rule: { type: 'string' },
                    count: { type: 'integer' },
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
      const from = Math.floor(ctx.now / DAY) * DAY - (request.query.days - 1) * DAY;
      return {
        from: new Date(from).toISOString().slice(0, 10),
        items: await countAlertsByDay(db, ctx.tenantId, from),
      };
    },
  );

  app.post<{ Params: { id: string }; Body: { note: string } }>(
    '/v1/admin/monitoring/alerts/:id/acknowledge',
    {
      config,
      schema: {
        tags,
        summary: 'Acknowledge an alert with a note (who and when are recorded; audited)',
        params: {
          type: 'object',
          required: ['id'],
          additionalProperties: false,
          properties: { id: NUMERIC_ID },
        },
        body: {
          type: 'object',
          required: ['note'],
          additionalProperties: false,
          properties: { note: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' } },
        },
        response: { 200: ALERT_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const note = request.body.note.trim();
      const alert = await app.custos.database.db.transaction().execute(async (tx) => {
        const before = await findAlert(tx, ctx.tenantId, request.params.id, true);
        if (before === undefined)
          throw new AppError('NOT_FOUND', `no alert ${request.params.id}`, {
            object: 'alert',
            id: request.params.id,
          });
        if (before.status === 'acknowledged')
          throw new AppError(
            'ALERT_ALREADY_ACKNOWLEDGED',
            `alert ${before.id} is acknowledged already`,
            {
              ackBy: before.ackBy,
              ackAt: iso(before.ackAt),
            },
          );
        const after = await acknowledgeAlert(
          tx,
          ctx.tenantId,
          before.id,
          ctx.userId,
          note,
          ctx.now,
        );
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          action: 'alert.acknowledge',
          target: `alert/${after.id}`,
          at: new Date(ctx.now),
          ...auditContext(request),
          before: { status: before.status },
          after: { status: after.status, note, rule: after.rule, userId: after.userId },
        });
        await queueWebhookEvent(tx, {
          tenantId: ctx.tenantId,
          event: 'alert.acknowledged',
          data: {
            alert: {
              id: after.id,
              rule: after.rule,
              userId: after.userId,
              ackBy: ctx.userId,
              ackAt: iso(ctx.now),
              note,
            },
          },
          alertId: after.id,
          now: ctx.now,
        });
        return after;
      });
      return alertView(alert, nameOf(ctx));
    },
  );

  app.get(
    '/v1/admin/monitoring/rules',
    {
      config,
      schema: {
        tags,
        summary: "The tenant's monitoring rules: enabled, severity, thresholds, and the defaults",
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
    async (request) => {
      const rules = await loadRules(db, request.custos.tenantId);
      return {
        items: rules.map((r) => ({
          rule: r.rule,
          enabled: r.enabled,
          severity: r.severity,
          params: r.params,
          defaults: DEFAULT_RULES[r.rule].params,
          updatedAt: iso(r.updatedAt),
          updatedBy: r.updatedBy,
        })),
      };
    },
  );

  app.put<{
    Params: { rule: RuleKind };
    Body: { enabled: boolean; severity: Severity; params: Record<string, unknown> };
  }>(
    '/v1/admin/monitoring/rules/:rule',
    {
      config,
      schema: {
        tags,
        summary:
          'Set a rule: enabled, severity and every threshold (checked, naming a bad field; audited)',
        params: {
          type: 'object',
          required: ['rule'],
          additionalProperties: false,
          properties: { rule: { type: 'string', enum: [...RULE_KINDS] } },
        },
        body: {
          type: 'object',
          required: ['enabled', 'severity', 'params'],
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean' },
            severity: { type: 'string', enum: [...SEVERITIES] },
            params: {
              type: 'object',
              maxProperties: 8,
              propertyNames: { maxLength: 32 },
              additionalProperties: {
                anyOf: [
                  { type: 'number', minimum: 0, maximum: 10_000_000 },
                  { type: 'string', maxLength: 64 },
                  {
                    type: 'array',
                    maxItems: 7,
                    items: { type: 'integer', minimum: 0, maximum: 6 },
                  },
                ],
              },
            },
          },
        },
        response: { 200: RULE_VIEW, ...ERRORS },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const kind = request.params.rule;
      const params = checkRuleParams(kind, request.body.params);
      const setting = {
        rule: kind,
        enabled: request.body.enabled,
        severity: request.body.severity,
        params,
      };
      await app.custos.database.db.transaction().execute(async (tx) => {
        const before = (await loadRules(tx, ctx.tenantId)).find((r) => r.rule === kind);
        await saveRule(tx, ctx.tenantId, setting, ctx.userId, ctx.now);
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          action: 'monitoring_rule.update',
          target: `monitoring_rule/${kind}`,
          at: new Date(ctx.now),
          ...auditContext(request),
          before:
            before === undefined
              ? null
              : { enabled: before.enabled, severity: before.severity, params: before.params },
          after: { enabled: setting.enabled, severity: setting.severity, params },
        });
      });
      return {
        ...setting,
        defaults: DEFAULT_RULES[kind].params,
        updatedAt: iso(ctx.now),
        updatedBy: ctx.userId,
      };
    },
  );

  app.post<{ Body: Record<string, never> }>(
    '/v1/admin/monitoring/evaluate',
    {
      config,
      schema: {
        tags,
        summary: 'Run the monitoring pass for this tenant now (the job runs it every minute)',
        body: { type: 'object', additionalProperties: false, maxProperties: 0 },
        response: {
          200: {
            type: 'object',
            required: ['events', 'created', 'updated'],
            properties: {
              events: { type: 'integer' },
              created: { type: 'integer' },
              updated: { type: 'integer' },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const result = await evaluateTenant(
        app.custos.database,
        request.custos.tenantId,
        request.custos.now,
      );
      return { events: result.events, created: result.created.length, updated: result.updated };
    },
  );

  // ─── Webhooks ───
  const webhookTags = ['admin: webhooks'];
  const endpointView = (e: Parameters<typeof withoutSecret>[0]) => {
    const v = withoutSecret(e);
    return { ...v, createdAt: iso(v.createdAt) };
  };
  const endpointParams = {
    type: 'object',
    required: ['id'],
    additionalProperties: false,
    properties: { id: ENDPOINT_ID },
  } as const;
  const requireEndpoint = async (tenantId: string, id: string) => {
    const endpoint = await findEndpoint(db, tenantId, id);
    if (endpoint === undefined)
      throw new AppError('NOT_FOUND', `no webhook endpoint ${id}`, { object: 'webhook', id });
    return endpoint;
  };

  app.get(
    '/v1/admin/webhooks',
    {
      config,
      schema: {
        tags: webhookTags,
        summary: "The tenant's webhook endpoints (never their secrets)",
        response: {
          200: {
            type: 'object',
            required: ['items', 'events'],
            properties: {
              items: { type: 'array', items: ENDPOINT_VIEW },
              events: { type: 'array', items: { type: 'string' } },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => ({
      items: (await listEndpoints(db, request.custos.tenantId)).map(endpointView),
      events: [...WEBHOOK_EVENTS],
    }),
  );

  app.post<{ Body: { name: string; url: string; events: string[] } }>(
    '/v1/admin/webhooks',
    {
      config,
      schema: {
        tags: webhookTags,
        summary: 'Add a webhook endpoint; its signing secret is in this answer only',
        body: {
          type: 'object',
          required: ['name', 'url', 'events'],
          additionalProperties: false,
          properties: { name: NAME_SCHEMA, url: URL_SCHEMA, events: EVENTS_SCHEMA },
        },
        response: {
          201: {
            type: 'object',
            required: ['secret', 'endpoint'],
            properties: {
              secret: { type: 'string', description: 'The signing secret: shown this once' },
              endpoint: ENDPOINT_VIEW,
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const url = checkWebhookUrl(request.body.url, app.custos.config.webhookAllowedHosts);
      const created = await app.custos.database.db.transaction().execute(async (tx) => {
        const endpoint = await createEndpoint(tx, {
          tenantId: ctx.tenantId,
          name: request.body.name.trim(),
          url,
          events: request.body.events,
          by: ctx.userId,
          now: ctx.now,
        });
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          action: 'webhook.create',
          target: `webhook/${endpoint.id}`,
          at: new Date(ctx.now),
          ...auditContext(request),
          after: { name: endpoint.name, url: endpoint.url, events: endpoint.events },
        });
        return endpoint;
      });
      return reply.code(201).send({ secret: created.secret, endpoint: endpointView(created) });
    },
  );

  app.patch<{
    Params: { id: string };
    Body: { name?: string; url?: string; events?: string[]; enabled?: boolean };
  }>(
    '/v1/admin/webhooks/:id',
    {
      config,
      schema: {
        tags: webhookTags,
        summary:
          'Change a webhook endpoint (name, URL, events, enabled); a new URL gets a new signing secret, shown this once; audited',
        params: endpointParams,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            name: NAME_SCHEMA,
            url: URL_SCHEMA,
            events: EVENTS_SCHEMA,
            enabled: { type: 'boolean' },
          },
        },
        response: {
          200: {
            ...ENDPOINT_VIEW,
            properties: {
              ...ENDPOINT_VIEW.properties,
              secret: {
                type: 'string',
                description:
                  'The new signing secret, when the URL changed (the old one signed for the old receiver): shown this once',
              },
            },
          },
          ...ERRORS,
        },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const before = await requireEndpoint(ctx.tenantId, request.params.id);
      const body = request.body;
      const change = {
        ...(body.name === undefined ? {} : { name: body.name.trim() }),
        ...(body.url === undefined
          ? {}
          : { url: checkWebhookUrl(body.url, app.custos.config.webhookAllowedHosts) }),
        ...(body.events === undefined ? {} : { events: body.events }),
        ...(body.enabled === undefined ? {} : { enabled: body.enabled }),
      };
      // A new receiver gets a new secret: the old one must not sign for an address it never had.
      const secret =
        change.url !== undefined && change.url !== before.url ? newWebhookSecret() : undefined;
      await app.custos.database.db.transaction().execute(async (tx) => {
        await updateEndpoint(tx, ctx.tenantId, before.id, {
          ...change,
          ...(secret === undefined ? {} : { secret }),
        });
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          action: 'webhook.update',
          target: `webhook/${before.id}`,
          at: new Date(ctx.now),
          ...auditContext(request),
          before: {
            name: before.name,
            url: before.url,
            events: before.events,
            enabled: before.enabled,
          },
          after: { ...change, ...(secret === undefined ? {} : { secretRotated: true }) },
        });
      });
      const view = endpointView(await requireEndpoint(ctx.tenantId, before.id));
      return secret === undefined ? view : { ...view, secret };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/v1/admin/webhooks/:id',
    {
      config,
      schema: {
        tags: webhookTags,
        summary: 'Delete a webhook endpoint (its pending deliveries fail); audited',
        params: endpointParams,
        response: { 204: { type: 'null' }, ...ERRORS },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const before = await requireEndpoint(ctx.tenantId, request.params.id);
      await app.custos.database.db.transaction().execute(async (tx) => {
        await deleteEndpoint(tx, ctx.tenantId, before.id);
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          action: 'webhook.delete',
          target: `webhook/${before.id}`,
          at: new Date(ctx.now),
          ...auditContext(request),
          before: { name: before.name, url: before.url, events: before.events },
        });
      });
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { id: string }; Body: Record<string, never> }>(
    '/v1/admin/webhooks/:id/test',
    {
      config,
      schema: {
        tags: webhookTags,
        summary: 'Send a signed `webhook.test` event to the endpoint (through the job runner)',
        params: endpointParams,
        body: { type: 'object', additionalProperties: false, maxProperties: 0 },
        response: {
          202: {
            type: 'object',
            required: ['deliveryId'],
            properties: { deliveryId: { type: 'string' } },
          },
          ...ERRORS,
        },
      },
    },
    async (request, reply) => {
      const ctx = request.custos;
      const endpoint = await requireEndpoint(ctx.tenantId, request.params.id);
      if (!endpoint.enabled)
        throw new AppError('CONFLICT', `webhook endpoint ${endpoint.id} is disabled`, {
          field: 'params/id',
        });
      const [deliveryId] = await app.custos.database.db.transaction().execute(async (tx) => {
        const ids = await queueWebhookEvent(tx, {
          tenantId: ctx.tenantId,
          event: 'webhook.test',
          data: { message: 'A test delivery from Custos', requestedBy: ctx.userId },
          endpointId: endpoint.id,
          now: ctx.now,
        });
        await appendAuditEvent(tx, {
          tenantId: ctx.tenantId,
          action: 'webhook.test',
          target: `webhook/${endpoint.id}`,
          at: new Date(ctx.now),
          ...auditContext(request),
          after: { deliveryId: ids[0] },
        });
        return ids;
      });
      return reply.code(202).send({ deliveryId: deliveryId ?? '' });
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number } }>(
    '/v1/admin/webhooks/:id/deliveries',
    {
      config,
      schema: {
        tags: webhookTags,
        summary: "An endpoint's latest deliveries, each with its attempts (the delivery log)",
        params: endpointParams,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['items'],
            properties: {
              items: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'event', 'status', 'attempts', 'createdAt', 'log'],
                  properties: {
                    id: { type: 'string' },
                    event: { type: 'string' },
                    alertId: { type: ['string', 'null'] },
                    status: { type: 'string', enum: ['pending', 'delivered', 'failed'] },
                    attempts: { type: 'integer' },
                    createdAt: { type: 'string' },
                    deliveredAt: { type: ['string', 'null'] },
                    log: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['attempt', 'at', 'durationMs'],
                        properties: {
                          attempt: { type: 'integer' },
                          at: { type: 'string' },
                          statusCode: { type: ['integer', 'null'] },
                          durationMs: { type: 'integer' },
                          error: { type: ['string', 'null'] },
                        },
                      },
                    },
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
      const endpoint = await requireEndpoint(ctx.tenantId, request.params.id);
      const items = await listDeliveries(db, ctx.tenantId, endpoint.id, request.query.limit);
      return {
        items: items.map((d) => ({
          id: d.id,
          event: d.event,
          alertId: d.alertId,
          status: d.status,
          attempts: d.attempts,
          createdAt: iso(d.createdAt),
          deliveredAt: iso(d.deliveredAt),
          log: d.log.map((a) => ({ ...a, at: iso(a.at) })),
        })),
      };
    },
  );

  // ─── The job runner's view ───
  app.get(
    '/v1/admin/jobs',
    {
      config,
      schema: {
        tags: ['admin: jobs'],
        summary: 'Recurring schedules (last and next run, status) and recent job failures',
        response: {
          200: {
            type: 'object',
            required: ['schedules', 'failures'],
            properties: {
              schedules: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['name', 'everyMs', 'nextRunAt', 'runs', 'failures'],
                  properties: {
                    name: { type: 'string' },
                    everyMs: { type: 'integer' },
                    nextRunAt: { type: 'string' },
                    lastRunAt: { type: ['string', 'null'] },
                    lastFinishedAt: { type: ['string', 'null'] },
                    lastStatus: { type: ['string', 'null'] },
                    lastError: { type: ['string', 'null'] },
                    lastDurationMs: { type: ['integer', 'null'] },
                    runs: { type: 'integer' },
                    failures: { type: 'integer' },
                  },
                },
              },
              failures: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'name', 'state', 'attempts', 'maxAttempts'],
                  properties: {
                    id: { type: 'string' },
                    name: { type: 'string' },
                    state: { type: 'string' },
                    attempts: { type: 'integer' },
                    maxAttempts: { type: 'integer' },
                    lastError: { type: ['string', 'null'] },
                    runAt: { type: 'string' },
                    finishedAt: { type: ['string', 'null'] },
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
      const schedules = await listSchedules(db);
      const jobs = await listJobs(db, {
        tenantIds: [ALL_TENANTS, ctx.tenantId],
        states: ['dead', 'queued', 'running'],
        limit: 200,
      });
      return {
        schedules: schedules.map((s) => ({
          ...s,
          nextRunAt: iso(s.nextRunAt),
          lastRunAt: iso(s.lastRunAt),
          lastFinishedAt: iso(s.lastFinishedAt),
        })),
        // Dead jobs, and waiting jobs that failed an attempt already (retrying).
        failures: jobs
          .filter((j) => j.state === 'dead' || j.lastError !== null)
          .slice(0, 50)
          .map((j) => ({
            id: j.id,
            name: j.name,
            state: j.state,
            attempts: j.attempts,
            maxAttempts: j.maxAttempts,
            lastError: j.lastError,
            runAt: iso(j.runAt),
            finishedAt: iso(j.finishedAt),
          })),
      };
    },
  );
}
