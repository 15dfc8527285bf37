import { randomBytes, randomUUID } from 'node:crypto';
import {
  ACCESS_LEVELS,
  explain,
  hasFunction,
  type Grant,
  type ObjectType,
  type PolicyIndex,
  type PolicyModel,
} from '@custos/engine';
import {
  appendAuditEvent,
  findGrant,
  findReviewCampaign,
  findReviewItem,
  getRecord,
  insertReviewCampaign,
  insertReviewItems,
  lastAuditEventId,
  listReviewItems,
  listTeam,
  notifyUser,
  reassignReviewItem,
  recordReviewDecision,
  removeTeamMember,
  updateReviewCampaign,
  type Database,
  type ReviewCampaign,
  type ReviewDecision,
  type ReviewerRule,
  type ReviewItem,
  type ReviewRecurrence,
  type ReviewScope,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import type { AuditContext, AuditedBy } from '../../http/audit-context.ts';

/** A request's audit context without the actor (the change path names the actor itself). */
function auditExtras(audit: Partial<AuditContext>): Omit<Partial<AuditContext>, 'actorId'> {
  const { actingAsId, requestId, ip, userAgent } = audit;
  return { actingAsId, requestId, ip, userAgent };
}
import { PolicyCache } from '../../http/policy-cache.ts';
import { commitChanges } from '../directory/commit-change.ts';
import type { PolicyChange } from '../directory/policy-change.ts';
import { ReviewerPicker } from './review-reviewers.ts';
import {
  assertNotEmpty,
  canonicalHash,
  grantSnapshot,
  liveGrants,
  snapshotHashOf,
  teamsByUser,
  userSnapshot,
  usersInScope,
  type StoredGrant,
} from './review-snapshot.ts';

type Db = Database['db'];
const DAY = 86_400_000;

/** What the review service needs: the database, the policy cache (optional), "now". */
export interface ReviewServices {
  database: Database;
  policy?: PolicyCache;
}

/** Who acts and from where (a request's audit context, or the system for scheduled work). */
export interface ReviewActor {
  tenantId: string;
  actorId: string | null;
  now: number;
  audit?: Partial<AuditContext>;
}

const policyOf = (services: ReviewServices): PolicyCache =>
  services.policy ?? new PolicyCache(services.database);

async function current(
  services: ReviewServices,
  tenantId: string,
): Promise<{ model: PolicyModel; index: PolicyIndex; version: number }> {
  return policyOf(services).current(tenantId);
}

/** A campaign as an admin types it. */
export interface CampaignInput {
  name: string;
  scope: ReviewScope;
  reviewers: ReviewerRule;
  /** ms since the epoch. */
  deadline: number;
  reminderDays?: number[];
  defaultDecision: ReviewDecision;
  recurrence?: ReviewRecurrence;
  /** Start at once (take the snapshot); default false (a draft). */
  start?: boolean;
}

const invalid = (field: string, message: string): AppError =>
  new AppError('REQUEST_INVALID', message, { field });

/** Check everything an admin typed against the policy; refuse naming the field. */
function checkInput(model: PolicyModel, input: CampaignInput, now: number): void {
  const scope = input.scope;
  if (scope.kind === 'department' && !model.departments.some((d) => d.id === scope.departmentId))
    throw invalid('body/scope/departmentId', `no department "${scope.departmentId}"`);
  if (scope.kind === 'role' && !model.roles.some((r) => r.id === scope.roleId))
    throw invalid('body/scope/roleId', `no role "${scope.roleId}"`);
  const reviewers = input.reviewers;
  if (reviewers.kind === 'named') {
    if (reviewers.userIds.length === 0)
      throw invalid('body/reviewers/userIds', 'name at least one reviewer');
    reviewers.userIds.forEach((id, i) => {
      const u = model.users.find((x) => x.id === id);
      if (u === undefined || u.status !== 'active' || u.kind !== 'internal')
        throw invalid(`body/reviewers/userIds/${i}`, `"${id}" is not an active internal user`);
    });
  }
  if (!(input.deadline > now)) throw invalid('body/deadline', 'the deadline must be in the future');
  (input.reminderDays ?? []).forEach((d, i) => {
    if (now + d * DAY >= input.deadline && d !== 0 && input.deadline - d * DAY < now)
      throw invalid(`body/reminderDays/${i}`, `a reminder ${d} days before the deadline is past`);
  });
}

/** Create a campaign (a draft, or started at once); audited as `review.create`. */
export async function createCampaign(
  services: ReviewServices,
  actor: ReviewActor & { actorId: string },
  input: CampaignInput,
): Promise<ReviewCampaign> {
  const { model } = await current(services, actor.tenantId);
  checkInput(model, input, actor.now);
  const id = `rc-${randomUUID()}`;
  await services.database.db.transaction().execute(async (tx) => {
    await insertReviewCampaign(tx, {
      tenantId: actor.tenantId,
      id,
      name: input.name,
      status: 'draft',
      scope: input.scope,
      reviewers: input.reviewers,
      ownerId: actor.actorId,
      startsAt: null,
      deadline: input.deadline,
      reminderDays: [...new Set(input.reminderDays ?? [])].sort((a, b) => b - a),
      defaultDecision: input.defaultDecision,
      recurrence: input.recurrence ?? 'none',
      previousId: null,
      createdAt: actor.now,
    });
    await appendAuditEvent(tx, {
      tenantId: actor.tenantId,
      ...actor.audit,
      actorId: actor.actorId,
      action: 'review.create',
      target: `review_campaign/${id}`,
      after: { name: input.name, scope: input.scope, reviewers: input.reviewers },
      at: new Date(actor.now),
    });
  });
  if (input.start === true) return startCampaign(services, actor, id);
  return (await findReviewCampaign(services.database.db, actor.tenantId, id)) as ReviewCampaign;
}

/** A campaign or NOT_FOUND. */
export async function campaignOrThrow(
  db: Db,
  tenantId: string,
  id: string,
  lock = false,
): Promise<ReviewCampaign> {
  const c = await findReviewCampaign(db, tenantId, id, { lock });
  if (c === undefined)
    throw new AppError('NOT_FOUND', `no review campaign ${id}`, { object: 'review_campaign', id });
  return c;
}

/** The preferred reviewer of a grant: the record's owner, the target's owner or head. */
async function grantOwner(
  db: Db,
  tenantId: string,
  model: PolicyModel,
  g: StoredGrant,
): Promise<string | null> {
  const t = g.grant.target;
  switch (t.kind) {
    case 'record': {
      const record = await getRecord(db, tenantId, g.grant.object, t.recordId);
      return record?.ownerId ?? null;
    }
    case 'owner':
      return t.userId;
    case 'department':
      return model.departments.find((d) => d.id === t.departmentId)?.headId ?? null;
    default:
      return null;
  }
}

/**
 * Start a campaign: take the snapshot of every item in scope (each with its SHA-256, the campaign
 * with one over them), assign reviewers, notify them, audit `review.start`. The snapshot is
 * written once; the database refuses to change it.
 */
export async function startCampaign(
  services: ReviewServices,
  actor: ReviewActor,
  id: string,
): Promise<ReviewCampaign> {
  const { model, index } = await current(services, actor.tenantId);
  const db = services.database.db;
  await db.transaction().execute(async (tx) => {
    const c = await campaignOrThrow(tx, actor.tenantId, id, true);
    if (c.status !== 'draft' && c.status !== 'scheduled')
      throw new AppError('REVIEW_NOT_OPEN', `campaign ${id} is ${c.status}: only a draft starts`, {
        status: c.status,
      });
    const grants = await liveGrants(tx, actor.tenantId, actor.now);
    const picker = new ReviewerPicker(model, index, c.reviewers, c.ownerId);
    const items: Parameters<typeof insertReviewItems>[3][number][] = [];
    if (c.scope.kind === 'all_grants') {
      for (const g of grants) {
        const reviewee = g.grant.subject.kind === 'user' ? g.grant.subject.userId : null;
        const preferred =
          c.reviewers.kind === 'manager' && reviewee !== null
            ? picker.preferredForUser(reviewee)
            : await grantOwner(tx, actor.tenantId, model, g);
        const content = grantSnapshot(g);
        items.push({
          itemNo: items.length + 1,
          kind: 'grant',
          revieweeId: reviewee,
          grantId: g.grant.id,
          content,
          hash: canonicalHash(content),
          reviewerId: picker.pick(reviewee, preferred),
        });
      }
    } else {
      const users = await usersInScope(tx, actor.tenantId, model, c.scope, grants);
      const teams = await teamsByUser(
        tx,
        actor.tenantId,
        users.map((u) => u.id),
      );
      for (const u of users) {
        const content = userSnapshot(model, index, u, grants, teams.get(u.id) ?? []);
        items.push({
          itemNo: items.length + 1,
          kind: 'user',
          revieweeId: u.id,
          grantId: null,
          content,
          hash: canonicalHash(content),
          reviewerId: picker.pick(u.id, picker.preferredForUser(u.id)),
        });
      }
    }
    assertNotEmpty(items.length);
    await insertReviewItems(tx, actor.tenantId, id, items);
    const snapshotHash = snapshotHashOf(items.map((i) => i.hash));
    await updateReviewCampaign(tx, actor.tenantId, id, {
      status: 'open',
      startedAt: actor.now,
      snapshotHash,
      itemCount: items.length,
    });
    const perReviewer = new Map<string, number>();
    for (const i of items) perReviewer.set(i.reviewerId, (perReviewer.get(i.reviewerId) ?? 0) + 1);
    for (const [reviewerId, count] of perReviewer)
      await notifyUser(tx, {
        tenantId: actor.tenantId,
        userId: reviewerId,
        kind: 'review.assigned',
        params: { campaignId: id, campaignName: c.name, items: count, deadline: c.deadline },
        link: '/reviews/mine',
        now: actor.now,
      });
    await appendAuditEvent(tx, {
      tenantId: actor.tenantId,
      ...actor.audit,
      actorId: actor.actorId,
      action: 'review.start',
      target: `review_campaign/${id}`,
      after: { snapshotHash, items: items.length, reviewers: Object.fromEntries(perReviewer) },
      at: new Date(actor.now),
    });
  });
  return campaignOrThrow(db, actor.tenantId, id);
}

/** What a reviewer takes away short of everything. */
export interface Reduction {
  /** A user item: roles, grants and team memberships (customer ids) to remove. */
  removeRoleIds?: string[];
  removeGrantIds?: string[];
  removeTeamCustomerIds?: string[];
  /** A grant item: an earlier expiry (ms) and/or a lower access level. */
  expiresAt?: number;
  access?: 'read' | 'edit' | 'manage';
}

export interface DecisionInput {
  campaignId: string;
  itemNo: number;
  decision: 'keep' | 'revoke' | 'reduce';
  reason: string;
  reduction?: Reduction;
}

interface Plan {
  changes: PolicyChange[];
  teams: string[];
  /** What the re-check must find gone (and, for a narrowed grant, what replaced it). */
  removed: { roles: string[]; grants: Grant[]; teams: string[]; replacement?: Grant };
  notRevocable: { grantId: string; why: string }[];
}

const snapGrants = (item: ReviewItem): Grant[] =>
  (item.content.grants as Grant[] | undefined) ?? [];
const snapRoles = (item: ReviewItem): string[] =>
  ((item.content.roles as { id: string }[] | undefined) ?? []).map((r) => r.id);
const snapTeams = (item: ReviewItem): string[] =>
  ((item.content.teams as { customerId: string }[] | undefined) ?? []).map((t) => t.customerId);

/** The changes a decision commits, against the current policy (what is still held). */
async function planOf(
  tx: Db,
  tenantId: string,
  model: PolicyModel,
  item: ReviewItem,
  decision: 'revoke' | 'reduce',
  reduction: Reduction | undefined,
  now: number,
): Promise<Plan> {
  const plan: Plan = {
    changes: [],
    teams: [],
    removed: { roles: [], grants: [], teams: [] },
    notRevocable: [],
  };
  const stillStored = async (g: Grant): Promise<boolean> =>
    model.grants.some((x) => x.id === g.id) || (await findGrant(tx, tenantId, g.id)) !== undefined;
  if (item.kind === 'grant') {
    const grant = (item.content.grant as Grant) ?? null;
    if (!(await stillStored(grant))) return plan; // gone already: nothing to commit
    if (decision === 'revoke') {
      plan.changes.push({ kind: 'grant.revoke', id: grant.id, reason: 'access review' });
      plan.removed.grants.push(grant);
      return plan;
    }
    const r = reduction ?? {};
    if (r.expiresAt === undefined && r.access === undefined)
      throw invalid('body/reduction', 'a grant is reduced by an earlier expiry or a lower access');
    if (
      r.expiresAt !== undefined &&
      (r.expiresAt <= now || (grant.expiresAt !== null && r.expiresAt >= grant.expiresAt))
    )
      throw invalid(
        'body/reduction/expiresAt',
        'the new expiry must be after now and before the current one',
      );
    if (
      r.access !== undefined &&
      ACCESS_LEVELS.indexOf(r.access) >= ACCESS_LEVELS.indexOf(grant.access)
    )
      throw invalid('body/reduction/access', `the new access must be lower than ${grant.access}`);
    const replacement: Grant = {
      ...grant,
      id: `${grant.id.slice(0, 100)}-rv-${randomBytes(4).toString('hex')}`,
      ...(r.access === undefined ? {} : { access: r.access }),
      ...(r.expiresAt === undefined ? {} : { expiresAt: r.expiresAt }),
      startsAt: grant.startsAt != null && grant.startsAt > now ? grant.startsAt : now,
      reason: `${grant.reason ?? ''} (reduced by access review)`.trim().slice(0, 1000),
    };
    plan.changes.push({ kind: 'grant.revoke', id: grant.id, reason: 'access review: reduced' });
    plan.changes.push({ kind: 'grant.create', grant: replacement });
    plan.removed.grants.push(grant);
    plan.removed.replacement = replacement;
    return plan;
  }
  const userId = item.revieweeId as string;
  const user = model.users.find((u) => u.id === userId);
  const roles = snapRoles(item);
  const grants = snapGrants(item);
  const teams = snapTeams(item);
  let removeRoles: string[];
  let removeGrants: Grant[];
  let removeTeams: string[];
  if (decision === 'revoke') {
    removeRoles = roles;
    removeGrants = grants;
    removeTeams = teams;
  } else {
    const r = reduction ?? {};
    (r.removeRoleIds ?? []).forEach((id, i) => {
      if (!roles.includes(id))
        throw invalid(`body/reduction/removeRoleIds/${i}`, `role "${id}" is not under review here`);
    });
    (r.removeGrantIds ?? []).forEach((id, i) => {
      if (!grants.some((g) => g.id === id))
        throw invalid(
          `body/reduction/removeGrantIds/${i}`,
          `grant "${id}" is not under review here`,
        );
    });
    (r.removeTeamCustomerIds ?? []).forEach((id, i) => {
      if (!teams.includes(id))
        throw invalid(
          `body/reduction/removeTeamCustomerIds/${i}`,
          `no team of customer "${id}" under review here`,
        );
    });
    removeRoles = r.removeRoleIds ?? [];
    removeGrants = grants.filter((g) => (r.removeGrantIds ?? []).includes(g.id));
    removeTeams = r.removeTeamCustomerIds ?? [];
    if (removeRoles.length + removeGrants.length + removeTeams.length === 0)
      throw invalid(
        'body/reduction',
        'a reduction removes at least one role, grant or team membership',
      );
  }
  if (user !== undefined) {
    const held = removeRoles.filter((r) => user.roleIds.includes(r));
    if (held.length > 0) {
      plan.changes.push({
        kind: 'user.update',
        id: userId,
        roleIds: user.roleIds.filter((r) => !held.includes(r)),
      });
      plan.removed.roles = held;
    }
  }
  for (const g of removeGrants) {
    if (g.subject.kind !== 'user') {
      plan.notRevocable.push({ grantId: g.id, why: 'a grant to a group: review it on the group' });
      continue;
    }
    if (!(await stillStored(g))) continue;
    plan.changes.push({ kind: 'grant.revoke', id: g.id, reason: 'access review' });
    plan.removed.grants.push(g);
  }
  for (const customerId of removeTeams) {
    const team = await listTeam(tx, tenantId, customerId);
    if (team.some((m) => m.userId === userId)) plan.teams.push(customerId);
  }
  plan.removed.teams = plan.teams;
  return plan;
}

/**
 * After the commit: prove with the engine, on the policy as committed, that what was revoked is
 * gone — the roles are no longer the user's, each revoked grant is no longer stored and no longer
 * a reason `explain` gives on its record, each team membership is gone and no longer a reason.
 */
async function recheckOf(
  services: ReviewServices,
  tenantId: string,
  item: ReviewItem,
  plan: Plan,
  version: number,
  now: number,
): Promise<Record<string, unknown>> {
  const db = services.database.db;
  const snap = await policyOf(services).atLeast(tenantId, version);
  const index = snap.index;
  const userId = item.revieweeId;
  const checks: Record<string, unknown>[] = [];
  if (userId !== null) {
    const user = index.users.get(userId);
    for (const roleId of plan.removed.roles)
      checks.push({ what: 'role', roleId, held: user?.roleIds.includes(roleId) ?? false });
    const lostFunctions = new Set(
      snap.model.roles.filter((r) => plan.removed.roles.includes(r.id)).flatMap((r) => r.functions),
    );
    const stillVia = new Set(
      snap.model.roles.filter((r) => user?.roleIds.includes(r.id)).flatMap((r) => r.functions),
    );
    for (const f of lostFunctions)
      if (!stillVia.has(f))
        checks.push({ what: 'function', name: f, held: hasFunction(index, userId, f) });
  }
  for (const g of plan.removed.grants) {
    const stored =
      snap.model.grants.some((x) => x.id === g.id) ||
      (await findGrant(db, tenantId, g.id)) !== undefined;
    const check: Record<string, unknown> = { what: 'grant', grantId: g.id, stored, held: stored };
    if (g.target.kind === 'record' && g.subject.kind === 'user') {
      const record = await getRecord(db, tenantId, g.object, g.target.recordId);
      if (record !== undefined) {
        const action = g.access === 'read' ? 'read' : 'update';
        const e = explain(index, g.subject.userId, action, record, now);
        const viaGrant = e.allowedBy.some((r) => r.kind === 'grant' && r.grantId === g.id);
        check.engine = {
          action,
          object: g.object,
          recordId: g.target.recordId,
          allowed: e.allowed,
          allowedBy: e.allowedBy.map((r) => r.kind),
          viaThisGrant: viaGrant,
        };
        check.held = stored || viaGrant;
      }
    }
    checks.push(check);
  }
  for (const customerId of plan.removed.teams) {
    const team = await listTeam(db, tenantId, customerId);
    const member = team.some((m) => m.userId === userId);
    const check: Record<string, unknown> = { what: 'team', customerId, member, held: member };
    const record = await getRecord(db, tenantId, 'customer' as ObjectType, customerId);
    if (record !== undefined && userId !== null) {
      const e = explain(index, userId, 'read', record, now);
      const viaTeam = e.allowedBy.some((r) => r.kind === 'team' && r.customerId === customerId);
      check.engine = {
        action: 'read',
        object: 'customer',
        recordId: customerId,
        allowed: e.allowed,
        allowedBy: e.allowedBy.map((r) => r.kind),
        viaThisTeam: viaTeam,
      };
      check.held = member || viaTeam;
    }
    checks.push(check);
  }
  if (plan.removed.replacement !== undefined) {
    const r = plan.removed.replacement;
    const stored =
      snap.model.grants.find((x) => x.id === r.id) ?? (await findGrant(db, tenantId, r.id))?.grant;
    checks.push({
      what: 'replacement',
      grantId: r.id,
      access: stored?.access ?? null,
      expiresAt: stored?.expiresAt ?? null,
      held: stored !== undefined,
    });
  }
  const passed = checks.every((c) =>
    c.what === 'replacement' ? c.held === true : c.held === false,
  );
  return { at: now, policyVersion: snap.version, passed, checks, notRevoked: plan.notRevocable };
}

/**
 * Decide one item. Only its reviewer decides (the system applies the default); a revocation or a
 * reduction commits through the change path (`commitChanges`: `user.update`, `grant.revoke`,
 * `grant.create`) with team removals and the decision in the same transaction; the audit event
 * ids are stored with the item, then the re-check (`recheckOf`).
 */
export async function decideItem(
  services: ReviewServices,
  actor: ReviewActor,
  input: DecisionInput,
  options: { defaulted?: boolean } = {},
): Promise<ReviewItem> {
  const db = services.database.db;
  const { tenantId, now } = actor;
  const campaign = await campaignOrThrow(db, tenantId, input.campaignId);
  if (campaign.status !== 'open')
    throw new AppError('REVIEW_NOT_OPEN', `campaign ${campaign.id} is ${campaign.status}`, {
      status: campaign.status,
    });
  const item = await findReviewItem(db, tenantId, input.campaignId, input.itemNo);
  if (item === undefined)
    throw new AppError('NOT_FOUND', `no item ${input.itemNo} in campaign ${input.campaignId}`, {
      object: 'review_item',
      id: `${input.campaignId}/${input.itemNo}`,
    });
  if (options.defaulted !== true && item.reviewerId !== actor.actorId)
    throw new AppError('REVIEW_NOT_REVIEWER', 'this item is assigned to another reviewer', {
      campaignId: item.campaignId,
      itemNo: item.itemNo,
    });
  if (item.status !== 'pending')
    throw new AppError('REVIEW_ALREADY_DECIDED', `item ${item.itemNo} is ${item.status} already`, {
      status: item.status,
    });
  if (input.decision === 'reduce' && input.reduction === undefined)
    throw invalid('body/reduction', 'a reduction says what to remove');

  const { model, version: builtFrom } = await current(services, tenantId);
  const status =
    input.decision === 'keep' ? 'kept' : input.decision === 'revoke' ? 'revoked' : 'reduced';
  let plan: Plan | undefined;
  let version = 0;
  const auditIds: string[] = [];
  const record = async (tx: Db): Promise<void> => {
    // Decided once: the row lock serialises two reviewers' clicks.
    const locked = await findReviewItem(tx, tenantId, item.campaignId, item.itemNo, { lock: true });
    if (locked?.status !== 'pending')
      throw new AppError('REVIEW_ALREADY_DECIDED', `item ${item.itemNo} was decided meanwhile`, {
        status: locked?.status,
      });
    for (const customerId of plan?.teams ?? []) {
      const member = (await listTeam(tx, tenantId, customerId)).find(
        (m) => m.userId === item.revieweeId,
      );
      if (member === undefined) continue;
      await removeTeamMember(tx, tenantId, customerId, item.revieweeId as string);
      await appendAuditEvent(tx, {
        tenantId,
        ...actor.audit,
        actorId: actor.actorId,
        action: 'team.remove',
        target: `customer/${customerId}`,
        before: { userId: item.revieweeId, access: member.access },
        after: { reason: `access review ${item.campaignId}#${item.itemNo}` },
        at: new Date(now),
      });
      const id = await lastAuditEventId(tx, tenantId, 'team.remove', `customer/${customerId}`);
      if (id !== undefined) auditIds.push(id);
    }
    await appendAuditEvent(tx, {
      tenantId,
      ...actor.audit,
      actorId: actor.actorId,
      action: 'review.decide',
      target: `review_item/${item.campaignId}/${item.itemNo}`,
      after: {
        decision: input.decision,
        reason: input.reason,
        reduction: input.reduction ?? null,
        defaulted: options.defaulted === true,
        auditEventIds: auditIds,
      },
      at: new Date(now),
    });
    await recordReviewDecision(tx, tenantId, item.campaignId, item.itemNo, {
      status,
      defaulted: options.defaulted === true,
      reason: input.reason,
      reduction: input.reduction ?? null,
      decidedBy: actor.actorId,
      decidedAt: now,
      auditEventIds: auditIds,
      recheck: null,
    });
  };

  if (input.decision === 'keep') {
    await db.transaction().execute(record);
  } else {
    plan = await planOf(db, tenantId, model, item, input.decision, input.reduction, now);
    const p = plan;
    if (p.changes.length === 0) {
      await db.transaction().execute(record);
    } else {
      const committed = await commitChanges(db, p.changes, {
        tenantId,
        actorId: actor.actorId,
        now,
        // The role list is of `builtFrom`: a user changed since is refused (CONFLICT: retry).
        expectedVersion: builtFrom,
        ...(actor.audit === undefined ? {} : { audit: auditExtras(actor.audit) }),
        ...(services.policy === undefined ? {} : { policy: services.policy }),
        within: async (tx, results) => {
          for (const r of results) {
            const id = await lastAuditEventId(tx, tenantId, r.action, r.target);
            if (id !== undefined) auditIds.push(id);
          }
          await record(tx);
        },
      });
      version = committed.version;
    }
    const recheck = await recheckOf(services, tenantId, item, p, version, now);
    await db
      .updateTable('review_items')
      .set({ recheck: JSON.stringify(recheck) })
      .where('tenant_id', '=', tenantId)
      .where('campaign_id', '=', item.campaignId)
      .where('item_no', '=', item.itemNo)
      .execute();
  }
  return (await findReviewItem(db, tenantId, item.campaignId, item.itemNo)) as ReviewItem;
}

/** Give a pending item to another reviewer (never its reviewee); audited. */
export async function reassignItem(
  services: ReviewServices,
  actor: ReviewActor & { actorId: string },
  campaignId: string,
  itemNo: number,
  reviewerId: string,
): Promise<ReviewItem> {
  const { model } = await current(services, actor.tenantId);
  const db = services.database.db;
  const target = model.users.find((u) => u.id === reviewerId);
  if (target === undefined || target.status !== 'active' || target.kind !== 'internal')
    throw invalid('body/reviewerId', `"${reviewerId}" is not an active internal user`);
  await db.transaction().execute(async (tx) => {
    const c = await campaignOrThrow(tx, actor.tenantId, campaignId);
    if (c.status !== 'open')
      throw new AppError('REVIEW_NOT_OPEN', `campaign ${campaignId} is ${c.status}`, {
        status: c.status,
      });
    const item = await findReviewItem(tx, actor.tenantId, campaignId, itemNo, { lock: true });
    if (item === undefined)
      throw new AppError('NOT_FOUND', `no item ${itemNo} in campaign ${campaignId}`, {
        object: 'review_item',
        id: `${campaignId}/${itemNo}`,
      });
    if (item.status !== 'pending')
      throw new AppError('REVIEW_ALREADY_DECIDED', `item ${itemNo} is ${item.status} already`, {
        status: item.status,
      });
    if (item.revieweeId === reviewerId)
      throw invalid('body/reviewerId', 'nobody reviews their own access');
    await reassignReviewItem(tx, actor.tenantId, campaignId, itemNo, reviewerId);
    await notifyUser(tx, {
      tenantId: actor.tenantId,
      userId: reviewerId,
      kind: 'review.assigned',
      params: { campaignId, campaignName: c.name, items: 1, deadline: c.deadline },
      link: '/reviews/mine',
      now: actor.now,
    });
    await appendAuditEvent(tx, {
      tenantId: actor.tenantId,
      ...actor.audit,
      actorId: actor.actorId,
      action: 'review.reassign',
      target: `review_item/${campaignId}/${itemNo}`,
      before: { reviewerId: item.reviewerId },
      after: { reviewerId },
      at: new Date(actor.now),
    });
  });
  return (await findReviewItem(db, actor.tenantId, campaignId, itemNo)) as ReviewItem;
}

const PERIOD_MONTHS: Record<Exclude<ReviewRecurrence, 'none'>, number> = {
  quarterly: 3,
  half_yearly: 6,
  yearly: 12,
};

/** `t` plus whole months (UTC). */
export function addMonths(t: number, months: number): number {
  const d = new Date(t);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/**
 * Close a campaign: every undecided item takes the campaign's default (revocations commit as the
 * system), the campaign closes, and a recurring campaign schedules its next one.
 */
export async function closeCampaign(
  services: ReviewServices,
  actor: ReviewActor,
  id: string,
): Promise<ReviewCampaign> {
  const db = services.database.db;
  const c = await campaignOrThrow(db, actor.tenantId, id);
  if (c.status !== 'open')
    throw new AppError(
      'REVIEW_NOT_OPEN',
      `campaign ${id} is ${c.status}: only an open one closes`,
      {
        status: c.status,
      },
    );
  const pending = await listReviewItems(db, actor.tenantId, {
    campaignId: id,
    status: ['pending'],
  });
  for (const item of pending) {
    try {
      await decideItem(
        services,
        { ...actor, actorId: null },
        {
          campaignId: id,
          itemNo: item.itemNo,
          decision: c.defaultDecision,
          reason: `undecided at the deadline: the campaign's default (${c.defaultDecision})`,
        },
        { defaulted: true },
      );
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'REVIEW_ALREADY_DECIDED')) throw error;
    }
  }
  await db.transaction().execute(async (tx) => {
    const locked = await campaignOrThrow(tx, actor.tenantId, id, true);
    if (locked.status !== 'open') return;
    let nextId: string | undefined;
    if (c.recurrence !== 'none') {
      const months = PERIOD_MONTHS[c.recurrence];
      nextId = `rc-${randomUUID()}`;
      await insertReviewCampaign(tx, {
        tenantId: actor.tenantId,
        id: nextId,
        name: c.name,
        status: 'scheduled',
        scope: c.scope,
        reviewers: c.reviewers,
        ownerId: c.ownerId,
        startsAt: addMonths(c.startedAt ?? actor.now, months),
        deadline: addMonths(c.deadline, months),
        reminderDays: c.reminderDays,
        defaultDecision: c.defaultDecision,
        recurrence: c.recurrence,
        previousId: c.id,
        createdAt: actor.now,
      });
    }
    await updateReviewCampaign(tx, actor.tenantId, id, {
      status: 'closed',
      closedAt: actor.now,
      ...(nextId === undefined ? {} : { nextId }),
    });
    await appendAuditEvent(tx, {
      tenantId: actor.tenantId,
      ...actor.audit,
      actorId: actor.actorId,
      action: 'review.close',
      target: `review_campaign/${id}`,
      after: { defaulted: pending.length, nextId: nextId ?? null },
      at: new Date(actor.now),
    });
  });
  return campaignOrThrow(db, actor.tenantId, id);
}

/**
 * A reviewer who leaves stops reviewing: each pending item of an open campaign assigned to them
 * goes to whom the campaign's rule picks under `model`/`index` (the policy in which they have
 * left): up the reviewee's line, else the campaign owner, else another `access_review_admin`
 * holder — never the reviewee. Audited (`review.reassign`, reason `reviewer_left`), the new
 * reviewers notified. Returns how many items moved.
 */
export async function reassignItemsOfLeaver(
  tx: Db,
  model: PolicyModel,
  index: PolicyIndex,
  tenantId: string,
  leaverId: string,
  now: number,
  audit: AuditedBy,
): Promise<number> {
  const items = await listReviewItems(tx, tenantId, {
    reviewerId: leaverId,
    status: ['pending'],
    openOnly: true,
  });
  const campaigns = new Map<string, ReviewCampaign | undefined>();
  const told = new Map<string, { campaignId: string; name: string; deadline: number; n: number }>();
  let moved = 0;
  for (const item of items) {
    if (!campaigns.has(item.campaignId))
      campaigns.set(item.campaignId, await findReviewCampaign(tx, tenantId, item.campaignId));
    const c = campaigns.get(item.campaignId);
    if (c === undefined || c.status !== 'open') continue;
    const picker = new ReviewerPicker(model, index, c.reviewers, c.ownerId);
    const reviewerId = picker.pick(
      item.revieweeId,
      item.revieweeId === null ? null : picker.preferredForUser(item.revieweeId),
    );
    if (reviewerId === leaverId || reviewerId === item.revieweeId) continue;
    await reassignReviewItem(tx, tenantId, item.campaignId, item.itemNo, reviewerId);
    await appendAuditEvent(tx, {
      tenantId,
      ...audit,
      action: 'review.reassign',
      target: `review_item/${item.campaignId}/${item.itemNo}`,
      before: { reviewerId: leaverId },
      after: { reviewerId, reason: 'reviewer_left' },
      at: new Date(now),
    });
    const key = `${reviewerId}\u0000${item.campaignId}`;
    const seen = told.get(key) ?? { campaignId: c.id, name: c.name, deadline: c.deadline, n: 0 };
    seen.n += 1;
    told.set(key, seen);
    moved += 1;
  }
  for (const [key, t] of told)
    await notifyUser(tx, {
      tenantId,
      userId: key.split('\u0000')[0] as string,
      kind: 'review.assigned',
      params: { campaignId: t.campaignId, campaignName: t.name, items: t.n, deadline: t.deadline },
      link: '/reviews/mine',
      now,
    });
  return moved;
}
