import type { AccessLevel, ObjectType, PolicyModel, User } from '@custos/engine';
import { buildIndex, SENSITIVITIES, type Sensitivity } from '@custos/engine';
import { cancelOpenRequestsOf } from '@custos/store';
import {
  appendAuditEvent,
  countOwnedRecords,
  countUserAccess,
  decidePendingChange,
  type Database,
  listGrantsOfUser,
  listOwnedCustomers,
  listPendingChanges,
  listTeamMembershipsOf,
  reassignOwnedRecords,
  removeTeamMembershipsOf,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import type { PolicyCache } from '../../http/policy-cache.ts';
import { rerouteRequestsWaitingOn } from '../requests/access-request-service.ts';
import { reassignItemsOfLeaver } from '../reviews/review-service.ts';
import { commitChanges } from './commit-change.ts';
import type { PolicyChange } from './policy-change.ts';

type Db = Database['db'];

/** What the administrator decides when a user leaves (`POST /v1/admin/users/:id/offboard`). */
export interface OffboardInput {
  /** Who takes every record the leaver owns that `customers` does not hand to someone else. */
  successorId?: string;
  /** Per customer: who takes it, with every record under it the leaver owns. */
  customers?: { customerId: string; successorId: string }[];
  /** A new head for each department the leaver heads. */
  departmentHeads?: { departmentId: string; headId: string }[];
  /** A new manager for all the leaver's direct reports … */
  newManagerId?: string;
  /** … or per report (overrides `newManagerId` for that report). */
  managers?: { userId: string; managerId: string }[];
  /** Why (kept in the audit trail). */
  reason?: string;
}

/** A position the leaver holds that needs a new holder. */
export type Position =
  | {
      kind: 'department_head';
      departmentId: string;
      departmentName: string;
      newHolderId: string | null;
    }
  | {
      kind: 'manager';
      userId: string;
      userName: string;
      newHolderId: string | null;
    };

/** What offboarding would do, and whether it may. */
export interface OffboardPreview {
  user: { id: string; name: string; status: string; departmentId: string | null };
  valid: boolean;
  errors: { code: string; message: string; details: Record<string, unknown> }[];
  /** The records the leaver owns, per object, and the customers among them (the first 500). */
  records: {
    owned: Partial<Record<ObjectType, number>>;
    total: number;
    customers: { id: string; name: string | null; successorId: string | null }[];
    customersListed: number;
  };
  teams: { customerId: string; access: AccessLevel }[];
  grants: {
    id: string;
    object: ObjectType;
    access: AccessLevel;
    target: string;
    recordId: string | null;
    expiresAt: number | null;
  }[];
  groups: { id: string; name: string }[];
  positions: Position[];
  /** Positions that no new holder is named for: the commit refuses while there are any. */
  unassigned: Position[];
  access: { sessions: number; tokens: number };
  /** The steps the commit takes, in order. */
  steps: string[];
}

/** How many customers the preview lists. */
const CUSTOMERS_LISTED = 500;

/** One step of offboarding, in the commit's transaction. */
interface OffboardStep {
  name: string;
  run: (tx: Db, plan: Plan, summary: Record<string, unknown>) => Promise<void>;
}

interface Plan {
  tenantId: string;
  leaver: User;
  model: PolicyModel;
  input: OffboardInput;
  now: number;
  actorId: string | null;
  audit: AuditExtras;
  /** The positions the leaver held, with their new holders. */
  positions: Position[];
}

type AuditExtras = {
  actingAsId?: string | null;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

/**
 * The steps besides the policy changes (which `commitChanges` makes in the same transaction:
 * new department heads and managers, group memberships, grants, the account disabled with its
 * sessions and tokens). Each runs in the one transaction and adds to the summary that the
 * `user.offboard` event records.
 */
export const OFFBOARD_STEPS: readonly OffboardStep[] = [
  {
    name: 'records.hand_over',
    async run(tx, plan, summary) {
      const { tenantId, leaver, model, input } = plan;
      const departmentOf = (id: string) =>
        model.users.find((u) => u.id === id)?.departmentId ?? null;
      const handedOver: { customerId: string; successorId: string; moved: object }[] = [];
      for (const c of input.customers ?? []) {
        const moved = await reassignOwnedRecords(tx, tenantId, {
          customerId: c.customerId,
          ownerId: leaver.id,
          toOwnerId: c.successorId,
          toDepartmentId: departmentOf(c.successorId),
        });
        handedOver.push({ ...c, moved });
      }
      // Everything else the leaver owns (read now, in the transaction: nothing is left behind).
      const left = await countOwnedRecords(tx, tenantId, leaver.id);
      let bulk: Partial<Record<ObjectType, number>> = {};
      if (Object.keys(left).length > 0) {
        if (input.successorId === undefined)
          throw new AppError(
            'SUCCESSOR_REQUIRED',
            `${leaver.id} owns records no successor is named for: name a successor`,
            { field: 'body/successorId', records: left },
          );
        bulk = await reassignOwnedRecords(tx, tenantId, {
          ownerId: leaver.id,
          toOwnerId: input.successorId,
          toDepartmentId: departmentOf(input.successorId),
        });
      }
      const after = {
        perCustomer: handedOver,
        ...(input.successorId === undefined ? {} : { successorId: input.successorId }),
        bulk,
      };
      if (handedOver.length > 0 || Object.keys(bulk).length > 0)
        await appendAuditEvent(tx, {
          tenantId,
          actorId: plan.actorId,
          action: 'user.records_hand_over',
          target: `user/${leaver.id}`,
          before: null,
          after,
          at: new Date(plan.now),
          ...plan.audit,
        });
      summary.records = after;
    },
  },
  {
    name: 'teams.remove',
    async run(tx, plan, summary) {
      const { tenantId, leaver } = plan;
      const teams = await listTeamMembershipsOf(tx, tenantId, leaver.id);
      await removeTeamMembershipsOf(tx, tenantId, leaver.id);
      for (const m of teams)
        await appendAuditEvent(tx, {
          tenantId,
          actorId: plan.actorId,
          action: 'team.remove',
          target: `customer/${m.customerId}`,
          before: { userId: leaver.id, access: m.access },
          at: new Date(plan.now),
          ...plan.audit,
        });
      summary.teamsLeft = teams.length;
    },
  },
  {
    name: 'access_requests.cancel',
    // The leaver's open access requests are cancelled (audited; the waiting approvers are told).
    async run(tx, plan, summary) {
      const cancelled = await cancelOpenRequestsOf(
        tx,
        plan.tenantId,
        plan.leaver.id,
        plan.now,
        'offboarded',
        { actorId: plan.actorId, ...plan.audit },
      );
      summary.accessRequestsCancelled = cancelled.length;
    },
  },
  {
    name: 'access_requests.reroute',
    // Requests waiting on the leaver go to the others named, else up the line (the leaver is
    // inactive in the policy this commit makes), else to the role administrators.
    async run(tx, plan, summary) {
      const after = buildIndex(modelAfter(plan));
      const moved = await rerouteRequestsWaitingOn(
        tx,
        after,
        plan.tenantId,
        plan.leaver.id,
        plan.now,
        { actorId: plan.actorId, ...plan.audit },
      );
      summary.accessRequestsRerouted = moved.length;
    },
  },
  {
    name: 'reviews.reassign',
    // Pending review items the leaver was to decide go to whom each campaign's rule picks now.
    async run(tx, plan, summary) {
      const model = modelAfter(plan);
      summary.reviewItemsReassigned = await reassignItemsOfLeaver(
        tx,
        model,
        buildIndex(model),
        plan.tenantId,
        plan.leaver.id,
        plan.now,
        { actorId: plan.actorId, ...plan.audit },
      );
    },
  },
  {
    name: 'pending_changes.withdraw',
    // Four-eyes changes the leaver submitted are withdrawn: nobody approves the change of someone
    // who is no longer here to answer for it.
    async run(tx, plan, summary) {
      const pending = await listPendingChanges(tx, plan.tenantId, {
        status: 'pending',
        limit: 10_000,
      });
      let withdrawn = 0;
      for (const change of pending.filter((c) => c.authorId === plan.leaver.id)) {
        const decided = await decidePendingChange(tx, {
          tenantId: plan.tenantId,
          id: change.id,
          status: 'withdrawn',
          decidedBy: plan.actorId,
          reason: 'author offboarded',
          now: plan.now,
        });
        if (decided === undefined) continue;
        await appendAuditEvent(tx, {
          tenantId: plan.tenantId,
          actorId: plan.actorId,
          action: 'change.withdraw',
          target: `pending_change/${change.id}`,
          before: { status: 'pending' },
          after: { status: 'withdrawn', reason: 'author offboarded' },
          at: new Date(plan.now),
          ...plan.audit,
        });
        withdrawn += 1;
      }
      summary.pendingChangesWithdrawn = withdrawn;
    },
  },
];

/**
 * The policy as this offboarding leaves it, for the steps that pick people: the leaver departed,
 * their reports under their new managers, their departments under their new heads.
 */
function modelAfter(plan: Plan): PolicyModel {
  const holder = (kind: Position['kind'], id: string) =>
    plan.positions.find((p) =>
      p.kind === 'department_head'
        ? kind === p.kind && p.departmentId === id
        : kind === p.kind && p.userId === id,
    )?.newHolderId ?? null;
  return {
    ...plan.model,
    departments: plan.model.departments.map((d) => {
      const head = holder('department_head', d.id);
      return head === null ? d : { ...d, headId: head };
    }),
    users: plan.model.users.map((u) => {
      if (u.id === plan.leaver.id) return { ...u, status: 'departed' as const };
      const manager = holder('manager', u.id);
      return manager === null ? u : { ...u, managerId: manager };
    }),
  };
}

/** The offboarding of one user: the leaver, checked. */
function leaverOf(model: PolicyModel, userId: string, actorId: string | null): User {
  const leaver = model.users.find((u) => u.id === userId);
  if (leaver === undefined || leaver.kind !== 'internal')
    throw new AppError('NOT_FOUND', `no internal user ${userId}`, {
      field: 'params/id',
      object: 'user',
      id: userId,
    });
  if (leaver.id === actorId)
    throw new AppError('REQUEST_INVALID', 'an administrator cannot offboard themselves', {
      field: 'params/id',
    });
  return leaver;
}

/** Errors of the input against the model and what the leaver owns (all of them). */
function checkInput(
  model: PolicyModel,
  leaver: User,
  input: OffboardInput,
  owned: {
    customerIds: ReadonlySet<string>;
    total: number;
    /** Per owned customer, its sensitivity rank (0 public … 3 restricted). */
    sensitivity: ReadonlyMap<string, number>;
  },
  actorId: string | null,
): AppError[] {
  const errors: AppError[] = [];
  const rankOf = (s: string | undefined): number =>
    SENSITIVITIES.indexOf((s ?? 'public') as Sensitivity);
  const holder = (id: string, field: string, customerIds: readonly string[]) => {
    const user = model.users.find((u) => u.id === id);
    // The records go to someone cleared for the most sensitive of them.
    const highest = customerIds.reduce((max, c) => Math.max(max, owned.sensitivity.get(c) ?? 0), 0);
    const reason =
      id === leaver.id
        ? 'leaver'
        : user === undefined
          ? 'unknown'
          : user.kind !== 'internal'
            ? 'not_internal'
            : user.status !== 'active'
              ? 'inactive'
              : id === actorId
                ? 'self'
                : rankOf(user.clearance) < highest
                  ? 'clearance'
                  : null;
    if (reason !== null)
      errors.push(
        new AppError(
          'SUCCESSOR_INVALID',
          reason === 'leaver'
            ? `${field}: the leaver cannot succeed themselves`
            : reason === 'self'
              ? `${field}: you cannot hand the leaver's records to yourself; another administrator must`
              : reason === 'clearance'
                ? `${field}: "${id}" is cleared for ${user?.clearance ?? '?'} records, and records handed to them are ${SENSITIVITIES[highest]}`
                : `${field}: "${id}" is ${reason === 'unknown' ? 'not a user' : reason === 'inactive' ? 'not active' : 'not an internal user'}`,
          { field, reason, userId: id },
        ),
      );
  };
  const named = new Set((input.customers ?? []).map((c) => c.customerId));
  if (input.successorId !== undefined)
    holder(
      input.successorId,
      'body/successorId',
      [...owned.customerIds].filter((c) => !named.has(c)),
    );
  const seen = new Set<string>();
  (input.customers ?? []).forEach((c, i) => {
    if (!owned.customerIds.has(c.customerId) || seen.has(c.customerId))
      errors.push(
        new AppError(
          'REQUEST_INVALID',
          seen.has(c.customerId)
            ? `customer ${c.customerId} is named twice`
            : `${leaver.id} does not own customer ${c.customerId}`,
          { field: `body/customers/${i}/customerId` },
        ),
      );
    seen.add(c.customerId);
    holder(c.successorId, `body/customers/${i}/successorId`, [c.customerId]);
  });
  if (input.successorId === undefined && owned.total > 0) {
    // Without a successor in bulk, every owned customer must be handed over one by one (and
    // records outside them are left: refused).
    const covered = [...owned.customerIds].every((id) => seen.has(id));
    if (!covered || owned.customerIds.size === 0)
      errors.push(
        new AppError(
          'SUCCESSOR_REQUIRED',
          `${leaver.id} owns records no successor is named for: name a successor`,
          { field: 'body/successorId', records: owned.total },
        ),
      );
  }
  const headed = new Set(model.departments.filter((d) => d.headId === leaver.id).map((d) => d.id));
  (input.departmentHeads ?? []).forEach((h, i) => {
    if (!headed.has(h.departmentId))
      errors.push(
        new AppError('REQUEST_INVALID', `${leaver.id} does not head department ${h.departmentId}`, {
          field: `body/departmentHeads/${i}/departmentId`,
        }),
      );
    holder(h.headId, `body/departmentHeads/${i}/headId`, []);
  });
  const reports = new Set(model.users.filter((u) => u.managerId === leaver.id).map((u) => u.id));
  if (input.newManagerId !== undefined) holder(input.newManagerId, 'body/newManagerId', []);
  (input.managers ?? []).forEach((m, i) => {
    if (!reports.has(m.userId))
      errors.push(
        new AppError('REQUEST_INVALID', `${m.userId} does not report to ${leaver.id}`, {
          field: `body/managers/${i}/userId`,
        }),
      );
    if (m.managerId === m.userId)
      errors.push(
        new AppError('SUCCESSOR_INVALID', `${m.userId} cannot manage themselves`, {
          field: `body/managers/${i}/managerId`,
          reason: 'self',
          userId: m.managerId,
        }),
      );
    else holder(m.managerId, `body/managers/${i}/managerId`, []);
  });
  return errors;
}

/** The positions the leaver holds, with the new holder the input names for each. */
function positionsOf(model: PolicyModel, leaver: User, input: OffboardInput): Position[] {
  const heads = new Map((input.departmentHeads ?? []).map((h) => [h.departmentId, h.headId]));
  const managers = new Map((input.managers ?? []).map((m) => [m.userId, m.managerId]));
  return [
    ...model.departments
      .filter((d) => d.headId === leaver.id)
      .map((d): Position => ({
        kind: 'department_head',
        departmentId: d.id,
        departmentName: d.name,
        newHolderId: heads.get(d.id) ?? null,
      })),
    ...model.users
      .filter((u) => u.managerId === leaver.id)
      .map((u): Position => ({
        kind: 'manager',
        userId: u.id,
        userName: u.name,
        newHolderId: managers.get(u.id) ?? input.newManagerId ?? null,
      })),
  ];
}

function positionsError(leaver: User, unassigned: Position[]): AppError {
  const heads = unassigned.filter((p) => p.kind === 'department_head');
  const reports = unassigned.filter((p) => p.kind === 'manager');
  const parts = [
    ...heads.map((p) => `head of department ${p.departmentId}`),
    ...(reports.length > 0 ? [`manager of ${reports.length} people`] : []),
  ];
  return new AppError(
    'POSITIONS_UNASSIGNED',
    `${leaver.id} is ${parts.join(' and ')}: name a new holder for each (departmentHeads, newManagerId or managers)`,
    {
      field: heads.length > 0 ? 'body/departmentHeads' : 'body/newManagerId',
      positions: unassigned,
    },
  );
}

/** The policy changes of an offboarding (applied and audited by `commitChanges`). */
function policyChangesOf(
  model: PolicyModel,
  leaver: User,
  positions: Position[],
  grantIds: readonly string[],
): PolicyChange[] {
  const changes: PolicyChange[] = [];
  for (const p of positions) {
    if (p.newHolderId === null) continue;
    if (p.kind === 'department_head')
      changes.push({ kind: 'department.set_head', id: p.departmentId, headId: p.newHolderId });
    else changes.push({ kind: 'user.set_manager', id: p.userId, managerId: p.newHolderId });
  }
  for (const g of model.groups)
    if (g.kind === 'public' && g.userIds.includes(leaver.id))
      changes.push({
        kind: 'group.remove_member',
        id: g.id,
        member: { kind: 'user', id: leaver.id },
      });
  for (const id of grantIds) changes.push({ kind: 'grant.revoke', id, reason: 'offboarded' });
  changes.push({ kind: 'user.deactivate', id: leaver.id, status: 'departed' });
  return changes;
}

/** What offboarding `userId` with `input` would do; `valid: false` with every error if refused. */
export async function previewOffboarding(
  db: Db,
  options: { tenantId: string; actorId: string | null; now: number; policy: PolicyCache },
  userId: string,
  input: OffboardInput,
): Promise<OffboardPreview> {
  const { model } = await options.policy.current(options.tenantId);
  const leaver = leaverOf(model, userId, options.actorId);
  const owned = await countOwnedRecords(db, options.tenantId, userId);
  const total = Object.values(owned).reduce((a, b) => a + b, 0);
  const customers = await listOwnedCustomers(db, options.tenantId, userId, 100_000);
  const teams = await listTeamMembershipsOf(db, options.tenantId, userId);
  const grants = await listGrantsOfUser(db, options.tenantId, userId);
  const access = await countUserAccess(db, options.tenantId, userId, options.now);
  const errors = checkInput(
    model,
    leaver,
    input,
    {
      customerIds: new Set(customers.map((c) => c.id)),
      total,
      sensitivity: new Map(customers.map((c) => [c.id, c.sensitivity])),
    },
    options.actorId,
  );
  const positions = positionsOf(model, leaver, input);
  const unassigned = positions.filter((p) => p.newHolderId === null);
  if (unassigned.length > 0) errors.push(positionsError(leaver, unassigned));
  const perCustomer = new Map((input.customers ?? []).map((c) => [c.customerId, c.successorId]));
  return {
    user: {
      id: leaver.id,
      name: leaver.name,
      status: leaver.status,
      departmentId: leaver.departmentId,
    },
    valid: errors.length === 0,
    errors: errors.map((e) => ({ code: e.code, message: e.message, details: e.details })),
    records: {
      owned,
      total,
      customers: customers.slice(0, CUSTOMERS_LISTED).map((c) => ({
        ...c,
        successorId: perCustomer.get(c.id) ?? input.successorId ?? null,
      })),
      customersListed: Math.min(customers.length, CUSTOMERS_LISTED),
    },
    teams,
    grants: grants.map(({ grant, recordId }) => ({
      id: grant.id,
      object: grant.object,
      access: grant.access,
      target: grant.target.kind,
      recordId,
      expiresAt: grant.expiresAt,
    })),
    groups: model.groups
      .filter((g) => g.kind === 'public' && g.userIds.includes(userId))
      .map((g) => ({ id: g.id, name: g.name })),
    positions,
    unassigned,
    access,
    steps: [
      'positions.reassign',
      'groups.remove',
      'grants.revoke',
      'account.disable',
      ...OFFBOARD_STEPS.map((s) => s.name),
    ],
  };
}

/**
 * Offboard a user in one transaction: new holders for the positions they hold (refused while one
 * is missing), out of every public group, every grant to them revoked, the account departed with
 * its sessions ended and API tokens revoked (the change path: `commitChanges`), then, in the same
 * transaction, their records handed over, their team memberships ended, their open access
 * requests cancelled, and one `user.offboard` event with the summary.
 */
export async function offboardUser(
  db: Db,
  options: {
    tenantId: string;
    actorId: string | null;
    now: number;
    policy: PolicyCache;
    expectedVersion?: number;
    audit?: AuditExtras;
  },
  userId: string,
  input: OffboardInput,
): Promise<{ version: number; summary: Record<string, unknown> }> {
  const { model } = await options.policy.current(options.tenantId);
  const leaver = leaverOf(model, userId, options.actorId);
  const customers = await listOwnedCustomers(db, options.tenantId, userId, 100_000);
  const owned = await countOwnedRecords(db, options.tenantId, userId);
  const total = Object.values(owned).reduce((a, b) => a + b, 0);
  const errors = checkInput(
    model,
    leaver,
    input,
    {
      customerIds: new Set(customers.map((c) => c.id)),
      total,
      sensitivity: new Map(customers.map((c) => [c.id, c.sensitivity])),
    },
    options.actorId,
  );
  if (errors.length > 0) throw errors[0] as AppError;
  const positions = positionsOf(model, leaver, input);
  const unassigned = positions.filter((p) => p.newHolderId === null);
  if (unassigned.length > 0) throw positionsError(leaver, unassigned);
  const grantIds = (await listGrantsOfUser(db, options.tenantId, userId)).map((g) => g.grant.id);
  // Scope grants in the model but not yet stored (none in practice) are revoked too.
  for (const g of model.grants)
    if (g.subject.kind === 'user' && g.subject.userId === userId && !grantIds.includes(g.id))
      grantIds.push(g.id);
  const changes = policyChangesOf(model, leaver, positions, grantIds);
  const audit = options.audit ?? {};
  const summary: Record<string, unknown> = {
    positions: positions.map((p) =>
      p.kind === 'department_head'
        ? { departmentHead: p.departmentId, newHolderId: p.newHolderId }
        : { reportOf: p.userId, newManagerId: p.newHolderId },
    ),
    groupsLeft: changes.filter((c) => c.kind === 'group.remove_member').length,
    grantsRevoked: grantIds,
    ...(input.reason === undefined ? {} : { reason: input.reason }),
  };
  const { version } = await commitChanges(db, changes, {
    tenantId: options.tenantId,
    actorId: options.actorId,
    now: options.now,
    policy: options.policy,
    audit,
    ...(options.expectedVersion === undefined ? {} : { expectedVersion: options.expectedVersion }),
    within: async (tx) => {
      const plan: Plan = {
        tenantId: options.tenantId,
        leaver,
        model,
        input,
        now: options.now,
        actorId: options.actorId,
        audit,
        positions,
      };
      for (const step of OFFBOARD_STEPS) await step.run(tx, plan, summary);
      await appendAuditEvent(tx, {
        tenantId: options.tenantId,
        actorId: options.actorId,
        action: 'user.offboard',
        target: `user/${leaver.id}`,
        before: { status: leaver.status, departmentId: leaver.departmentId },
        after: summary,
        at: new Date(options.now),
        ...audit,
      });
    },
  });
  return { version, summary };
}
