import { ID_MAX_LENGTH } from '@custos/engine';
import {
  appendAuditEvent,
  listReviewCampaigns,
  listReviewItems,
  type ReviewCampaign,
  type ReviewItem,
} from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { auditContext } from '../../http/audit-context.ts';
import {
  evidenceCsv,
  evidencePdf,
  summaryOf,
  verifyEvidence,
  type EvidenceFormat,
} from './review-evidence.ts';
import {
  campaignOrThrow,
  closeCampaign,
  createCampaign,
  decideItem,
  reassignItem,
  startCampaign,
  type CampaignInput,
  type DecisionInput,
  type Reduction,
} from './review-service.ts';

const ID = {
  type: 'string',
  minLength: 1,
  maxLength: ID_MAX_LENGTH,
  pattern: '^[A-Za-z0-9_.:-]+$',
} as const;
const IDS = { type: 'array', items: ID, maxItems: 100, uniqueItems: true } as const;
const REASON = { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' } as const;
const TIME = { type: 'string', format: 'date-time', maxLength: 40 } as const;
const ADMIN = { kind: 'function', name: 'access_review_admin' } as const;

const SCOPE = {
  type: 'object',
  oneOf: [
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { const: 'all_users' } },
    },
    {
      type: 'object',
      required: ['kind', 'departmentId'],
      additionalProperties: false,
      properties: { kind: { const: 'department' }, departmentId: ID },
    },
    {
      type: 'object',
      required: ['kind', 'roleId'],
      additionalProperties: false,
      properties: { kind: { const: 'role' }, roleId: ID },
    },
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { const: 'confidential' } },
    },
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { const: 'all_grants' } },
    },
  ],
  discriminator: { propertyName: 'kind' },
} as const;

const REVIEWERS = {
  type: 'object',
  oneOf: [
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { const: 'manager' } },
    },
    {
      type: 'object',
      required: ['kind'],
      additionalProperties: false,
      properties: { kind: { const: 'data_owner' } },
    },
    {
      type: 'object',
      required: ['kind', 'userIds'],
      additionalProperties: false,
      properties: { kind: { const: 'named' }, userIds: { ...IDS, minItems: 1 } },
    },
  ],
  discriminator: { propertyName: 'kind' },
} as const;

const CREATE_BODY = {
  type: 'object',
  required: ['name', 'scope', 'reviewers', 'deadline', 'defaultDecision'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    scope: SCOPE,
    reviewers: REVIEWERS,
    deadline: TIME,
    reminderDays: {
      type: 'array',
      items: { type: 'integer', minimum: 0, maximum: 365 },
      maxItems: 10,
      uniqueItems: true,
    },
    defaultDecision: { type: 'string', enum: ['keep', 'revoke'] },
    recurrence: { type: 'string', enum: ['none', 'quarterly', 'half_yearly', 'yearly'] },
    start: { type: 'boolean' },
  },
} as const;

const REDUCTION = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    removeRoleIds: IDS,
    removeGrantIds: IDS,
    removeTeamCustomerIds: IDS,
    expiresAt: TIME,
    access: { type: 'string', enum: ['read', 'edit', 'manage'] },
  },
} as const;

const DECIDE_BODY = {
  type: 'object',
  required: ['decision', 'reason'],
  additionalProperties: false,
  properties: {
    decision: { type: 'string', enum: ['keep', 'revoke', 'reduce'] },
    reason: REASON,
    reduction: REDUCTION,
  },
} as const;

const ITEM_PARAMS = {
  type: 'object',
  required: ['id', 'itemNo'],
  additionalProperties: false,
  properties: { id: ID, itemNo: { type: 'integer', minimum: 1, maximum: 1_000_000 } },
} as const;
const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: ID },
} as const;
const EMPTY = { type: 'object', additionalProperties: false, properties: {} } as const;

interface ReductionInput extends Omit<Reduction, 'expiresAt'> {
  expiresAt?: string;
}

const time = (iso: string, field: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t))
    throw new AppError('REQUEST_INVALID', `${field} is not a date-time`, { field });
  return t;
};

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

/** A campaign as the API shows it, with its progress. */
export function campaignView(
  c: ReviewCampaign,
  items?: readonly ReviewItem[],
): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: c.id,
    name: c.name,
    status: c.status,
    scope: c.scope,
    reviewers: c.reviewers,
    ownerId: c.ownerId,
    startsAt: iso(c.startsAt),
    deadline: iso(c.deadline),
    reminderDays: c.reminderDays,
    remindersSent: c.remindersSent,
    defaultDecision: c.defaultDecision,
    recurrence: c.recurrence,
    previousId: c.previousId,
    nextId: c.nextId,
    createdAt: iso(c.createdAt),
    startedAt: iso(c.startedAt),
    closedAt: iso(c.closedAt),
    snapshotHash: c.snapshotHash,
    itemCount: c.itemCount,
  };
  if (items !== undefined) view.progress = summaryOf(items);
  return view;
}

export function itemView(i: ReviewItem): Record<string, unknown> {
  return {
    campaignId: i.campaignId,
    itemNo: i.itemNo,
    kind: i.kind,
    revieweeId: i.revieweeId,
    grantId: i.grantId,
    content: i.content,
    hash: i.hash,
    reviewerId: i.reviewerId,
    status: i.status,
    defaulted: i.defaulted,
    reason: i.reason,
    reduction: i.reduction,
    decidedBy: i.decidedBy,
    decidedAt: iso(i.decidedAt),
    auditEventIds: i.auditEventIds,
    recheck: i.recheck,
  };
}

function actorOf(request: FastifyRequest) {
  const ctx = request.custos;
  return {
    tenantId: ctx.tenantId,
    actorId: ctx.userId,
    now: ctx.now,
    audit: auditContext(request),
  };
}

/**
 * Access reviews (权限定期审查, docs/access-reviews.md): campaigns for holders of
 * `access_review_admin`; a reviewer's own items for any signed-in user (the handler checks that
 * the item is theirs); signed evidence exports and their verification.
 */
export async function reviewRoutes(app: FastifyInstance): Promise<void> {
  const services = () => ({ database: app.custos.database, policy: app.custos.policy });
  const evidenceKey = () => app.custos.keys.key('reviewEvidence');

  app.get(
    '/v1/reviews/campaigns',
    {
      config: { permission: ADMIN },
      schema: { tags: ['reviews'], summary: 'Access review campaigns with their progress' },
    },
    async (request) => {
      const ctx = request.custos;
      const campaigns = await listReviewCampaigns(app.custos.database.db, ctx.tenantId);
      const out = [];
      for (const c of campaigns) {
        const items = await listReviewItems(app.custos.database.db, ctx.tenantId, {
          campaignId: c.id,
        });
        out.push(campaignView(c, items));
      }
      return { campaigns: out };
    },
  );

  app.post<{ Body: Omit<CampaignInput, 'deadline'> & { deadline: string } }>(
    '/v1/reviews/campaigns',
    {
      config: { permission: ADMIN },
      schema: {
        tags: ['reviews'],
        summary: 'Create a campaign (a draft, or started)',
        body: CREATE_BODY,
      },
    },
    async (request, reply) => {
      const body = request.body;
      const campaign = await createCampaign(services(), actorOf(request), {
        ...body,
        deadline: time(body.deadline, 'body/deadline'),
      });
      const items = await listReviewItems(app.custos.database.db, campaign.tenantId, {
        campaignId: campaign.id,
      });
      return reply.code(201).send({ campaign: campaignView(campaign, items) });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/v1/reviews/campaigns/:id',
    {
      config: { permission: ADMIN },
      schema: {
        tags: ['reviews'],
        summary: 'A campaign with its items and decisions',
        params: ID_PARAMS,
      },
    },
    async (request) => {
      const ctx = request.custos;
      const c = await campaignOrThrow(app.custos.database.db, ctx.tenantId, request.params.id);
      const items = await listReviewItems(app.custos.database.db, ctx.tenantId, {
        campaignId: c.id,
      });
      return { campaign: campaignView(c, items), items: items.map(itemView) };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/v1/reviews/campaigns/:id/start',
    {
      config: { permission: ADMIN },
      schema: {
        tags: ['reviews'],
        summary: 'Start a draft: take the snapshot',
        params: ID_PARAMS,
        body: EMPTY,
      },
    },
    async (request) => {
      const c = await startCampaign(services(), actorOf(request), request.params.id);
      return { campaign: campaignView(c) };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/v1/reviews/campaigns/:id/close',
    {
      config: { permission: ADMIN },
      schema: {
        tags: ['reviews'],
        summary: 'Close now: undecided items take the default',
        params: ID_PARAMS,
        body: EMPTY,
      },
    },
    async (request) => {
      const c = await closeCampaign(services(), actorOf(request), request.params.id);
      return { campaign: campaignView(c) };
    },
  );

  app.post<{ Params: { id: string; itemNo: number }; Body: { reviewerId: string } }>(
    '/v1/reviews/campaigns/:id/items/:itemNo/reassign',
    {
      config: { permission: ADMIN },
      schema: {
        tags: ['reviews'],
        summary: 'Give a pending item to another reviewer',
        params: ITEM_PARAMS,
        body: {
          type: 'object',
          required: ['reviewerId'],
          additionalProperties: false,
          properties: { reviewerId: ID },
        },
      },
    },
    async (request) => {
      const item = await reassignItem(
        services(),
        actorOf(request),
        request.params.id,
        request.params.itemNo,
        request.body.reviewerId,
      );
      return { item: itemView(item) };
    },
  );

  for (const format of ['csv', 'pdf'] as const)
    app.get<{ Params: { id: string } }>(
      `/v1/reviews/campaigns/:id/evidence.${format}`,
      {
        config: { permission: ADMIN },
        schema: {
          tags: ['reviews'],
          summary: `Signed evidence of a campaign (${format.toUpperCase()})`,
          params: ID_PARAMS,
        },
      },
      async (request, reply) => {
        const ctx = request.custos;
        const db = app.custos.database.db;
        const c = await campaignOrThrow(db, ctx.tenantId, request.params.id);
        const items = await listReviewItems(db, ctx.tenantId, { campaignId: c.id });
        const file =
          format === 'csv'
            ? evidenceCsv(evidenceKey(), c, items, ctx.now)
            : await evidencePdf(evidenceKey(), c, items, ctx.now);
        await appendAuditEvent(db, {
          tenantId: ctx.tenantId,
          ...auditContext(request),
          action: 'review.export',
          target: `review_campaign/${c.id}`,
          after: { format, items: items.length, bytes: file.length, snapshotHash: c.snapshotHash },
          at: new Date(ctx.now),
        });
        return reply
          .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/pdf')
          .header('content-disposition', `attachment; filename="review-${c.id}.${format}"`)
          .send(file);
      },
    );

  app.post<{ Body: { contentBase64: string } }>(
    '/v1/reviews/evidence/verify',
    {
      config: { permission: { kind: 'function', name: 'audit_view' } },
      schema: {
        tags: ['reviews'],
        summary: 'Verify a signed evidence export (CSV or PDF), byte for byte',
        body: {
          type: 'object',
          required: ['contentBase64'],
          additionalProperties: false,
          properties: { contentBase64: { type: 'string', minLength: 1, maxLength: 2_000_000 } },
        },
      },
    },
    async (request) => {
      const file = Buffer.from(request.body.contentBase64, 'base64');
      const result = verifyEvidence(evidenceKey(), file);
      return { ...result, bytes: file.length } as {
        valid: boolean;
        format: EvidenceFormat | null;
        reason: string;
        bytes: number;
      };
    },
  );

  app.get<{ Querystring: { status?: 'pending' | 'decided' } }>(
    '/v1/reviews/my-items',
    {
      config: { permission: { kind: 'authenticated' } },
      schema: {
        tags: ['reviews'],
        summary: "The caller's review items in open campaigns",
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { status: { type: 'string', enum: ['pending', 'decided'] } },
        },
      },
    },
    async (request) => {
      const ctx = request.custos;
      const db = app.custos.database.db;
      const items = await listReviewItems(db, ctx.tenantId, {
        reviewerId: ctx.userId,
        openOnly: true,
        ...(request.query.status === undefined
          ? {}
          : {
              status:
                request.query.status === 'pending' ? ['pending'] : ['kept', 'revoked', 'reduced'],
            }),
      });
      const campaigns = await listReviewCampaigns(db, ctx.tenantId, { status: ['open'] });
      const mine = new Set(items.map((i) => i.campaignId));
      return {
        campaigns: campaigns
          .filter((c) => mine.has(c.id))
          .map((c) => ({ id: c.id, name: c.name, deadline: iso(c.deadline) })),
        items: items.map(itemView),
      };
    },
  );

  app.post<{
    Params: { id: string; itemNo: number };
    Body: { decision: DecisionInput['decision']; reason: string; reduction?: ReductionInput };
  }>(
    '/v1/reviews/campaigns/:id/items/:itemNo/decision',
    {
      config: { permission: { kind: 'authenticated' } },
      schema: {
        tags: ['reviews'],
        summary: 'Keep, revoke or reduce an item assigned to the caller',
        params: ITEM_PARAMS,
        body: DECIDE_BODY,
      },
    },
    async (request) => {
      const { reduction, ...body } = request.body;
      const item = await decideItem(services(), actorOf(request), {
        campaignId: request.params.id,
        itemNo: request.params.itemNo,
        ...body,
        ...(reduction === undefined
          ? {}
          : {
              reduction: {
                ...reduction,
                ...(reduction.expiresAt === undefined
                  ? {}
                  : { expiresAt: time(reduction.expiresAt, 'body/reduction/expiresAt') }),
              } as Reduction,
            }),
      });
      return { item: itemView(item) };
    },
  );

  app.post<{ Body: { items: { campaignId: string; itemNo: number }[]; reason: string } }>(
    '/v1/reviews/my-items/keep',
    {
      config: { permission: { kind: 'authenticated' } },
      schema: {
        tags: ['reviews'],
        summary: 'Keep several of the caller’s items with one reason',
        body: {
          type: 'object',
          required: ['items', 'reason'],
          additionalProperties: false,
          properties: {
            items: {
              type: 'array',
              minItems: 1,
              maxItems: 200,
              items: {
                type: 'object',
                required: ['campaignId', 'itemNo'],
                additionalProperties: false,
                properties: {
                  campaignId: ID,
                  itemNo: { type: 'integer', minimum: 1, maximum: 1_000_000 },
                },
              },
            },
            reason: REASON,
          },
        },
      },
    },
    async (request) => {
      const kept = [];
      for (const [i, it] of request.body.items.entries()) {
        try {
          kept.push(
            itemView(
              await decideItem(services(), actorOf(request), {
                ...it,
                decision: 'keep',
                reason: request.body.reason,
              }),
            ),
          );
        } catch (error) {
          if (error instanceof AppError) {
            (error.details as Record<string, unknown>).field = `body/items/${i}`;
            (error.details as Record<string, unknown>).kept = kept.length;
          }
          throw error;
        }
      }
      return { items: kept };
    },
  );
}
