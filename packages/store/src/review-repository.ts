import type { Kysely } from 'kysely';
import type { ReviewCampaignRow, StoreSchema } from './schema.ts';

/**
 * Access review campaigns and their items (0018-access-reviews). The service that runs them is
 * the server's (`modules/reviews`); this is their storage. An item's snapshot is written once
 * (`insertReviewItems`) and never updated: the database refuses it (a trigger).
 */

/** Who is under review. */
export type ReviewScope =
  | { kind: 'all_users' }
  | { kind: 'department'; departmentId: string }
  | { kind: 'role'; roleId: string }
  | { kind: 'confidential' }
  | { kind: 'all_grants' };

/** Who reviews each item (never its reviewee). */
export type ReviewerRule =
  { kind: 'manager' } | { kind: 'data_owner' } | { kind: 'named'; userIds: string[] };

export type ReviewCampaignStatus = ReviewCampaignRow['status'];
export type ReviewDecision = 'keep' | 'revoke';
export type ReviewRecurrence = ReviewCampaignRow['recurrence'];
export type ReviewItemStatus = 'pending' | 'kept' | 'revoked' | 'reduced';

export interface ReviewCampaign {
  tenantId: string;
  id: string;
  name: string;
  status: ReviewCampaignStatus;
  scope: ReviewScope;
  reviewers: ReviewerRule;
  ownerId: string;
  /** A scheduled campaign (the next of a recurrence) starts then. */
  startsAt: number | null;
  deadline: number;
  /** Remind the reviewers with pending items this many days before the deadline. */
  reminderDays: number[];
  /** The reminder days already sent. */
  remindersSent: number[];
  defaultDecision: ReviewDecision;
  recurrence: ReviewRecurrence;
  previousId: string | null;
  nextId: string | null;
  createdAt: number;
  startedAt: number | null;
  closedAt: number | null;
  /** SHA-256 over the items' hashes, set at start (immutable). */
  snapshotHash: string | null;
  itemCount: number;
}

export interface ReviewItem {
  tenantId: string;
  campaignId: string;
  itemNo: number;
  kind: 'user' | 'grant';
  revieweeId: string | null;
  grantId: string | null;
  /** The snapshot of what is under review (immutable). */
  content: Record<string, unknown>;
  /** SHA-256 of the canonical JSON of `content`. */
  hash: string;
  reviewerId: string;
  status: ReviewItemStatus;
  /** Decided by the campaign's default at the deadline. */
  defaulted: boolean;
  reason: string | null;
  reduction: Record<string, unknown> | null;
  decidedBy: string | null;
  decidedAt: number | null;
  auditEventIds: string[] | null;
  recheck: Record<string, unknown> | null;
}

type Db = Kysely<StoreSchema>;

const millis = (d: Date | string | null): number | null =>
  d === null ? null : d instanceof Date ? d.getTime() : Date.parse(d);
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

function campaignOf(r: Record<string, unknown>): ReviewCampaign {
  const t = (k: string): number | null => millis(r[k] as Date | string | null);
  return {
    tenantId: r.tenant_id as string,
    id: r.id as string,
    name: r.name as string,
    status: r.status as ReviewCampaignStatus,
    scope: json<ReviewScope>(r.scope),
    reviewers: json<ReviewerRule>(r.reviewers),
    ownerId: r.owner_id as string,
    startsAt: t('starts_at'),
    deadline: t('deadline') as number,
    reminderDays: json<number[]>(r.reminder_days),
    remindersSent: json<number[]>(r.reminders_sent),
    defaultDecision: r.default_decision as ReviewDecision,
    recurrence: r.recurrence as ReviewRecurrence,
    previousId: r.previous_id as string | null,
    nextId: r.next_id as string | null,
    createdAt: t('created_at') as number,
    startedAt: t('started_at'),
    closedAt: t('closed_at'),
    snapshotHash: r.snapshot_hash as string | null,
    itemCount: Number(r.item_count),
  };
}

function itemOf(r: Record<string, unknown>): ReviewItem {
  return {
    tenantId: r.tenant_id as string,
    campaignId: r.campaign_id as string,
    itemNo: Number(r.item_no),
    kind: r.kind as 'user' | 'grant',
    revieweeId: r.reviewee_id as string | null,
    grantId: r.grant_id as string | null,
    content: json<Record<string, unknown>>(r.content),
    hash: r.hash as string,
    reviewerId: r.reviewer_id as string,
    status: r.status as ReviewItemStatus,
    defaulted: r.defaulted as boolean,
    reason: r.reason as string | null,
    reduction: r.reduction === null ? null : json<Record<string, unknown>>(r.reduction),
    decidedBy: r.decided_by as string | null,
    decidedAt: millis(r.decided_at as Date | null),
    auditEventIds: r.audit_event_ids === null ? null : json<string[]>(r.audit_event_ids),
    recheck: r.recheck === null ? null : json<Record<string, unknown>>(r.recheck),
  };
}

/** A new campaign (draft or scheduled); its items come at start. */
export async function insertReviewCampaign(
  db: Db,
  c: Omit<
    ReviewCampaign,
    'remindersSent' | 'nextId' | 'startedAt' | 'closedAt' | 'snapshotHash' | 'itemCount'
  >,
): Promise<void> {
  await db
    .insertInto('review_campaigns')
    .values({
      tenant_id: c.tenantId,
      id: c.id,
      name: c.name,
      status: c.status,
      scope: JSON.stringify(c.scope),
      reviewers: JSON.stringify(c.reviewers),
      owner_id: c.ownerId,
      starts_at: c.startsAt === null ? null : new Date(c.startsAt),
      deadline: new Date(c.deadline),
      reminder_days: JSON.stringify(c.reminderDays),
      default_decision: c.defaultDecision,
      recurrence: c.recurrence,
      previous_id: c.previousId,
      created_at: new Date(c.createdAt),
    })
    .execute();
}

/** One campaign; `lock` holds its row until the transaction ends. */
export async function findReviewCampaign(
  db: Db,
  tenantId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ReviewCampaign | undefined> {
  let q = db
    .selectFrom('review_campaigns')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id);
  if (options.lock === true) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row === undefined ? undefined : campaignOf(row as unknown as Record<string, unknown>);
}

/** A tenant's campaigns, newest first; `status` narrows. */
export async function listReviewCampaigns(
  db: Db,
  tenantId: string,
  options: { status?: readonly ReviewCampaignStatus[]; dueBy?: number } = {},
): Promise<ReviewCampaign[]> {
  let q = db
    .selectFrom('review_campaigns')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  if (options.status !== undefined) q = q.where('status', 'in', [...options.status]);
  const rows = await q.execute();
  return rows.map((r) => campaignOf(r as unknown as Record<string, unknown>));
}

/** Every tenant with a campaign in one of these states (the scheduled pass walks them). */
export async function tenantsWithReviewCampaigns(
  db: Db,
  status: readonly ReviewCampaignStatus[],
): Promise<string[]> {
  const rows = await db
    .selectFrom('review_campaigns')
    .select('tenant_id')
    .distinct()
    .where('status', 'in', [...status])
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** Change a campaign's state (never its snapshot once started: the database refuses). */
export async function updateReviewCampaign(
  db: Db,
  tenantId: string,
  id: string,
  patch: Partial<{
    status: ReviewCampaignStatus;
    startedAt: number;
    closedAt: number;
    snapshotHash: string;
    itemCount: number;
    remindersSent: number[];
    nextId: string;
  }>,
): Promise<void> {
  await db
    .updateTable('review_campaigns')
    .set({
      ...(patch.status === undefined ? {} : { status: patch.status }),
      ...(patch.startedAt === undefined ? {} : { started_at: new Date(patch.startedAt) }),
      ...(patch.closedAt === undefined ? {} : { closed_at: new Date(patch.closedAt) }),
      ...(patch.snapshotHash === undefined ? {} : { snapshot_hash: patch.snapshotHash }),
      ...(patch.itemCount === undefined ? {} : { item_count: patch.itemCount }),
      ...(patch.remindersSent === undefined
        ? {}
        : { reminders_sent: JSON.stringify(patch.remindersSent) }),
      ...(patch.nextId === undefined ? {} : { next_id: patch.nextId }),
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Write a campaign's snapshot items, once. */
export async function insertReviewItems(
  db: Db,
  tenantId: string,
  campaignId: string,
  items: readonly {
    itemNo: number;
    kind: 'user' | 'grant';
    revieweeId: string | null;
    grantId: string | null;
    content: unknown;
    hash: string;
    reviewerId: string;
  }[],
): Promise<void> {
  for (let i = 0; i < items.length; i += 500) {
    await db
      .insertInto('review_items')
      .values(
        items.slice(i, i + 500).map((it) => ({
          tenant_id: tenantId,
          campaign_id: campaignId,
          item_no: it.itemNo,
          kind: it.kind,
          reviewee_id: it.revieweeId,
          grant_id: it.grantId,
          content: JSON.stringify(it.content),
          hash: it.hash,
          reviewer_id: it.reviewerId,
        })),
      )
      .execute();
  }
}

/** Items of a campaign, or of a reviewer across open campaigns, in item order. */
export async function listReviewItems(
  db: Db,
  tenantId: string,
  options: {
    campaignId?: string;
    reviewerId?: string;
    status?: readonly ReviewItemStatus[];
    openOnly?: boolean;
  },
): Promise<ReviewItem[]> {
  let q = db
    .selectFrom('review_items as i')
    .selectAll('i')
    .where('i.tenant_id', '=', tenantId)
    .orderBy('i.campaign_id')
    .orderBy('i.item_no');
  if (options.campaignId !== undefined) q = q.where('i.campaign_id', '=', options.campaignId);
  if (options.reviewerId !== undefined) q = q.where('i.reviewer_id', '=', options.reviewerId);
  if (options.status !== undefined) q = q.where('i.status', 'in', [...options.status]);
  if (options.openOnly === true)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('review_campaigns as c')
          .select('c.id')
          .whereRef('c.tenant_id', '=', 'i.tenant_id')
          .whereRef('c.id', '=', 'i.campaign_id')
          .where('c.status', '=', 'open'),
      ),
    );
  const rows = await q.execute();
  return rows.map((r) => itemOf(r as unknown as Record<string, unknown>));
}

/** One item; `lock` holds its row until the transaction ends. */
export async function findReviewItem(
  db: Db,
  tenantId: string,
  campaignId: string,
  itemNo: number,
  options: { lock?: boolean } = {},
): Promise<ReviewItem | undefined> {
  let q = db
    .selectFrom('review_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('campaign_id', '=', campaignId)
    .where('item_no', '=', itemNo);
  if (options.lock === true) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row === undefined ? undefined : itemOf(row as unknown as Record<string, unknown>);
}

/** Record an item's decision (its snapshot stays as it was). */
export async function recordReviewDecision(
  db: Db,
  tenantId: string,
  campaignId: string,
  itemNo: number,
  d: {
    status: Exclude<ReviewItemStatus, 'pending'>;
    defaulted: boolean;
    reason: string;
    reduction: unknown;
    decidedBy: string | null;
    decidedAt: number;
    auditEventIds: readonly string[];
    recheck: unknown;
  },
): Promise<void> {
  await db
    .updateTable('review_items')
    .set({
      status: d.status,
      defaulted: d.defaulted,
      reason: d.reason,
      reduction: d.reduction === null ? null : JSON.stringify(d.reduction),
      decided_by: d.decidedBy,
      decided_at: new Date(d.decidedAt),
      audit_event_ids: JSON.stringify(d.auditEventIds),
      recheck: d.recheck === null ? null : JSON.stringify(d.recheck),
    })
    .where('tenant_id', '=', tenantId)
    .where('campaign_id', '=', campaignId)
    .where('item_no', '=', itemNo)
    .execute();
}

/** Give a pending item to another reviewer. */
export async function reassignReviewItem(
  db: Db,
  tenantId: string,
  campaignId: string,
  itemNo: number,
  reviewerId: string,
): Promise<void> {
  await db
    .updateTable('review_items')
    .set({ reviewer_id: reviewerId })
    .where('tenant_id', '=', tenantId)
    .where('campaign_id', '=', campaignId)
    .where('item_no', '=', itemNo)
    .execute();
}

/**
 * The id of the newest audit event of `action` on `target` visible to this transaction (the
 * event a change just wrote in it), or undefined.
 */
export async function lastAuditEventId(
  db: Db,
  tenantId: string,
  action: string,
  target: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_events')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('action', '=', action)
    .where('target', '=', target)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : String(row.id);
}
