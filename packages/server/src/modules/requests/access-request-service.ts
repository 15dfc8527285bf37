import {
  decide,
  type CrmRecord,
  type Grant,
  type ObjectType,
  type PolicyIndex,
} from '@custos/engine';
import {
  appendAuditEvent,
  getAccessRequest,
  getRecord,
  insertAccessRequest,
  listAccessRequests,
  listApprovalChains,
  notifyUser,
  saveAccessRequest,
  type AccessRequest,
  type AccessRequestKind,
  type ApprovalChain,
  type ApprovalStepSpec,
  type Database,
  type RequestScope,
  type RequestStep,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import type { AuditContext, AuditedBy } from '../../http/audit-context.ts';
import type { PolicyCache } from '../../http/policy-cache.ts';
import { commitChanges } from '../directory/commit-change.ts';
import type { PolicyChange } from '../directory/policy-change.ts';
import { canGrant, resolveStep, type Requested } from './approval-routing.ts';

export const DAY = 86_400_000;

type Db = Database['db'];

/** What the request routes need of the app. */
export interface RequestServices {
  database: Database;
  policy: PolicyCache;
}

/** The acting user of a request route, with the policy as of the request. */
export interface Actor {
  tenantId: string;
  userId: string;
  index: PolicyIndex;
  /** The policy version `index` is of (a role list built from it commits only if still current). */
  version?: number;
  now: number;
  audit: AuditContext | null;
}

export interface RequestInput {
  kind: AccessRequestKind;
  object?: ObjectType;
  recordId?: string;
  scope?: RequestScope;
  roleId?: string;
  access?: 'read' | 'edit';
  durationDays: number;
  reason: string;
}

/** The chain used when no configured chain matches a request. */
export const DEFAULT_CHAINS: Readonly<Record<AccessRequestKind, ApprovalStepSpec[]>> = {
  record: [{ kind: 'manager' }, { kind: 'data_owner' }],
  scope: [{ kind: 'manager' }, { kind: 'department_head', of: 'record' }],
  role: [{ kind: 'manager' }, { kind: 'function', functionName: 'role_admin' }],
};

const audited = (actor: Actor) =>
  actor.audit ?? {
    actorId: actor.userId,
    actingAsId: null,
    requestId: null,
    ip: null,
    userAgent: null,
  };

/**
 * The record a record request is about, as a grant would cover it: the record itself, or its
 * customer when its object is controlled by the customer (a grant on such a child would do
 * nothing). Undefined when there is no such record.
 */
export async function requestedRecord(
  db: Db,
  index: PolicyIndex,
  tenantId: string,
  object: ObjectType,
  recordId: string,
): Promise<{ record: CrmRecord; grantObject: ObjectType; grantRecordId: string } | undefined> {
  const record = await getRecord(db, tenantId, object, recordId);
  if (record === undefined) return undefined;
  const controlled = index.objects.find((o) => o.object === object)?.controlledByParent ?? true;
  if (object === 'customer' || !controlled)
    return { record, grantObject: object, grantRecordId: record.id };
  const customer = record.parent ?? (await getRecord(db, tenantId, 'customer', record.customerId));
  if (customer === undefined) return undefined;
  return { record: customer, grantObject: 'customer', grantRecordId: customer.id };
}

/** The grant a request gives when approved for `days` from `now`. */
export function grantOf(
  request: AccessRequest,
  target: { grantObject: ObjectType; grantRecordId: string } | undefined,
  now: number,
  days: number,
): Grant {
  const base = {
    id: `request-${request.id}`,
    subject: { kind: 'user' as const, userId: request.requesterId },
    access: (request.access ?? 'read') as 'read' | 'edit',
    startsAt: now,
    expiresAt: now + days * DAY,
    reason: `access request ${request.id}: ${request.reason}`.slice(0, 1000),
  };
  if (request.kind === 'record')
    return {
      ...base,
      object: target?.grantObject ?? (request.object as ObjectType),
      target: { kind: 'record', recordId: target?.grantRecordId ?? (request.recordId as string) },
    };
  return {
    ...base,
    object: request.object as ObjectType,
    target: request.scope as Grant['target'],
  };
}

/** What the approvers are judged on (`canGrant`). */
async function requestedOf(
  db: Db,
  index: PolicyIndex,
  request: AccessRequest,
  now: number,
): Promise<{ requested: Requested; record: CrmRecord | undefined }> {
  if (request.kind === 'role')
    return { requested: { kind: 'role', roleId: request.roleId as string }, record: undefined };
  if (request.kind === 'scope') {
    const grant = grantOf(request, undefined, now, request.grantedDays);
    const scope = request.scope;
    // A department scope is judged on that department: its head is the "record's" department head.
    const pseudo =
      scope?.kind === 'department'
        ? ({ departmentId: scope.departmentId, ownerId: null } as unknown as CrmRecord)
        : scope?.kind === 'owner'
          ? ({
              departmentId: index.users.get(scope.userId)?.departmentId ?? null,
              ownerId: scope.userId,
            } as unknown as CrmRecord)
          : undefined;
    return { requested: { kind: 'scope', grant }, record: pseudo };
  }
  const target = await requestedRecord(
    db,
    index,
    request.tenantId,
    request.object as ObjectType,
    request.recordId as string,
  );
  const grant = grantOf(request, target, now, request.grantedDays);
  return { requested: { kind: 'record', grant, record: target?.record }, record: target?.record };
}

/**
 * The chain for a request: the configured chain of its kind whose object and sensitivity match
 * (a chain naming both beats one naming one, which beats one naming neither; ties by id), else
 * the default chain of its kind.
 */
export function chooseChain(
  chains: readonly ApprovalChain[],
  kind: AccessRequestKind,
  object: string | null,
  sensitivity: string | null,
): { id: string | null; steps: ApprovalStepSpec[] } {
  const matching = chains
    .filter(
      (c) =>
        c.requestKind === kind &&
        (c.object === null || c.object === object) &&
        (c.sensitivity === null || c.sensitivity === sensitivity),
    )
    .map((c) => ({ c, score: (c.object === null ? 0 : 2) + (c.sensitivity === null ? 0 : 1) }))
    .sort((a, b) => b.score - a.score || (a.c.id < b.c.id ? -1 : 1));
  const best = matching[0]?.c;
  return best === undefined
    ? { id: null, steps: DEFAULT_CHAINS[kind] }
    : { id: best.id, steps: best.steps };
}

/** Check what a request names against the policy (REQUEST_INVALID / CONFLICT naming the field). */
function checkInput(index: PolicyIndex, requesterId: string, input: RequestInput, maxDays: number) {
  const invalid = (field: string, message: string) =>
    new AppError('REQUEST_INVALID', message, { field });
  if (input.durationDays > maxDays)
    throw new AppError(
      'REQUEST_INVALID',
      `durationDays may be at most ${maxDays} (CUSTOS_ACCESS_REQUEST_MAX_DAYS)`,
      { field: 'body/durationDays', maxDays },
    );
  if (input.reason.trim() === '') throw invalid('body/reason', 'a reason is required');
  switch (input.kind) {
    case 'record':
      if (input.object === undefined)
        throw invalid('body/object', 'a record request names its object');
      if (input.recordId === undefined)
        throw invalid('body/recordId', 'a record request names the record');
      if (input.access === undefined)
        throw invalid('body/access', 'a record request names the access (read or edit)');
      return;
    case 'scope': {
      if (input.object === undefined)
        throw invalid('body/object', 'a scope request names its object');
      if (input.access === undefined)
        throw invalid('body/access', 'a scope request names the access (read or edit)');
      const scope = input.scope;
      if (scope === undefined) throw invalid('body/scope', 'a scope request names the scope');
      if (scope.kind === 'department' && !index.departments.has(scope.departmentId))
        throw invalid('body/scope/departmentId', `no department ${scope.departmentId}`);
      if (scope.kind === 'owner' && !index.users.has(scope.userId))
        throw invalid('body/scope/userId', `no user ${scope.userId}`);
      return;
    }
    case 'role': {
      if (input.roleId === undefined) throw invalid('body/roleId', 'a role request names the role');
      if (!index.roles.has(input.roleId)) throw invalid('body/roleId', `no role ${input.roleId}`);
      if (index.users.get(requesterId)?.roleIds.includes(input.roleId) === true)
        throw new AppError('CONFLICT', `you hold the role ${input.roleId} already`, {
          field: 'body/roleId',
          reason: 'held',
        });
      return;
    }
  }
}

/** The words an approver's notification carries: what is asked, and by whom. */
function approverParams(request: AccessRequest, recordName: string | null) {
  return {
    requestId: request.id,
    requesterId: request.requesterId,
    kind: request.kind,
    object: request.object,
    recordId: request.recordId,
    recordName,
    roleId: request.roleId,
    access: request.access,
    days: request.grantedDays,
  };
}

/** A record's display name (approvers only): its `name` field, when it has one. */
export function recordName(record: CrmRecord | undefined): string | null {
  const name = (record?.fields as Record<string, unknown> | undefined)?.['name'];
  return typeof name === 'string' ? name : null;
}

async function notifyApprovers(
  tx: Db,
  index: PolicyIndex,
  request: AccessRequest,
  approverIds: readonly string[],
  record: CrmRecord | undefined,
  now: number,
) {
  for (const userId of approverIds)
    await notifyUser(tx, {
      tenantId: request.tenantId,
      userId,
      kind: 'request.awaiting_approval',
      params: approverParams(request, nameFor(index, userId, record, now)),
      link: '/requests/approvals',
      now,
    });
}

/**
 * The record's name as `userId` may see it: only when they may read the record. A fallback
 * approver (a role administrator up the line) decides on the request's reason and the chain, not
 * on the contents of a record they cannot read.
 */
export function nameFor(
  index: PolicyIndex,
  userId: string,
  record: CrmRecord | undefined,
  now: number,
): string | null {
  return record !== undefined && decide(index, userId, 'read', record, now)
    ? recordName(record)
    : null;
}

/**
 * Submit a request: checked against the policy, its chain chosen, its first step resolved (up
 * the line where needed), stored, audited (`request.submit`), and the requester and the first
 * step's approvers notified. A record request answers the same whether the record exists or
 * not, and whatever its sensitivity: nothing about the record reaches the requester.
 */
export async function submitRequest(
  services: RequestServices,
  actor: Actor,
  input: RequestInput,
  maxDays: number,
): Promise<AccessRequest> {
  const db = services.database.db;
  const { index, tenantId, now } = actor;
  checkInput(index, actor.userId, input, maxDays);
  const draft: AccessRequest = {
    id: '0',
    tenantId,
    requesterId: actor.userId,
    kind: input.kind,
    object: input.kind === 'role' ? null : (input.object ?? null),
    recordId: input.kind === 'record' ? (input.recordId ?? null) : null,
    scope: input.kind === 'scope' ? (input.scope ?? null) : null,
    roleId: input.kind === 'role' ? (input.roleId ?? null) : null,
    access: input.kind === 'role' ? null : (input.access ?? null),
    requestedDays: input.durationDays,
    grantedDays: input.durationDays,
    reason: input.reason.trim(),
    status: 'pending',
    chainId: null,
    steps: [],
    currentStep: 0,
    waitingOn: [],
    createdAt: now,
    decidedAt: null,
    expiresAt: null,
    grantId: null,
    closedReason: null,
  };
  return db.transaction().execute(async (tx) => {
    const { requested, record } = await requestedOf(tx, index, draft, now);
    const chain = chooseChain(
      await listApprovalChains(tx, tenantId),
      draft.kind,
      draft.object,
      draft.kind === 'record' ? (record?.sensitivity ?? null) : null,
    );
    const first = resolveStep(index, chain.steps[0] as ApprovalStepSpec, {
      requesterId: actor.userId,
      requested,
      record,
      approvedBefore: new Set(),
      now,
    });
    const steps: RequestStep[] = chain.steps.map((spec, i) =>
      i === 0
        ? first
        : {
            spec,
            approverIds: [],
            routes: [],
            decision: null,
            decidedBy: null,
            decidedAt: null,
            reason: null,
            days: null,
          },
    );
    const stored = await insertAccessRequest(tx, {
      ...draft,
      chainId: chain.id,
      steps,
      waitingOn: first.approverIds,
    });
    await appendAuditEvent(tx, {
      tenantId,
      ...audited(actor),
      action: 'request.submit',
      target: `access_request/${stored.id}`,
      after: {
        kind: stored.kind,
        object: stored.object,
        recordId: stored.recordId,
        scope: stored.scope,
        roleId: stored.roleId,
        access: stored.access,
        durationDays: stored.requestedDays,
        reason: stored.reason,
        chainId: stored.chainId,
        waitingOn: stored.waitingOn,
      },
      at: new Date(now),
    });
    await notifyUser(tx, {
      tenantId,
      userId: actor.userId,
      kind: 'request.submitted',
      params: {
        requestId: stored.id,
        kind: stored.kind,
        object: stored.object,
        recordId: stored.recordId,
        roleId: stored.roleId,
        access: stored.access,
        days: stored.requestedDays,
      },
      link: '/requests',
      now,
    });
    await notifyApprovers(tx, index, stored, first.approverIds, record, now);
    return stored;
  });
}

/** A pending request, locked; ACCESS_REQUEST_CLOSED when decided, cancelled or expired. */
async function pendingForUpdate(tx: Db, tenantId: string, id: string): Promise<AccessRequest> {
  const request = await getAccessRequest(tx, tenantId, id, { forUpdate: true });
  if (request === undefined)
    throw new AppError('NOT_FOUND', `no access request ${id}`, { object: 'access_request', id });
  if (request.status !== 'pending')
    throw new AppError('ACCESS_REQUEST_CLOSED', `access request ${id} is ${request.status}`, {
      id,
      status: request.status,
    });
  return request;
}

/**
 * A request the actor may decide now: NOT_FOUND when they have nothing to do with it (nobody
 * learns of others' requests), ACCESS_REQUEST_SELF_APPROVAL for their own, CONFLICT when the
 * current step is not theirs (they decided an earlier one, or it waits on others).
 */
function assertDecider(request: AccessRequest, actor: Actor): void {
  const involved = request.steps.some((s) => s.approverIds.includes(actor.userId));
  if (request.requesterId === actor.userId)
    throw new AppError('ACCESS_REQUEST_SELF_APPROVAL', 'nobody decides their own access request', {
      id: request.id,
    });
  if (!involved)
    throw new AppError('NOT_FOUND', `no access request ${request.id}`, {
      object: 'access_request',
      id: request.id,
    });
  if (request.status !== 'pending')
    throw new AppError(
      'ACCESS_REQUEST_CLOSED',
      `access request ${request.id} is ${request.status}`,
      {
        id: request.id,
        status: request.status,
      },
    );
  if (!request.waitingOn.includes(actor.userId))
    throw new AppError('CONFLICT', `access request ${request.id} does not wait on you now`, {
      id: request.id,
      reason: 'not_your_step',
      waitingOn: request.waitingOn,
    });
}

/** Reject a request with a reason: closed, audited, the requester and the other approvers told. */
export async function rejectRequest(
  services: RequestServices,
  actor: Actor,
  id: string,
  reason: string,
): Promise<AccessRequest> {
  return services.database.db.transaction().execute(async (tx) => {
    const request = await getAccessRequest(tx, actor.tenantId, id, { forUpdate: true });
    if (request === undefined)
      throw new AppError('NOT_FOUND', `no access request ${id}`, { object: 'access_request', id });
    assertDecider(request, actor);
    const steps = request.steps.map((s, i) =>
      i === request.currentStep
        ? {
            ...s,
            decision: 'rejected' as const,
            decidedBy: actor.userId,
            decidedAt: actor.now,
            reason,
          }
        : s,
    );
    const closed: AccessRequest = {
      ...request,
      status: 'rejected',
      steps,
      waitingOn: [],
      decidedAt: actor.now,
      closedReason: reason,
    };
    await saveAccessRequest(tx, closed);
    await appendAuditEvent(tx, {
      tenantId: actor.tenantId,
      ...audited(actor),
      action: 'request.reject',
      target: `access_request/${id}`,
      before: { status: 'pending', step: request.currentStep },
      after: { status: 'rejected', reason },
      at: new Date(actor.now),
    });
    await notifyUser(tx, {
      tenantId: actor.tenantId,
      userId: request.requesterId,
      kind: 'request.rejected',
      // A record request's approver is the data owner (or up their line): never named to the
      // requester, who is told nothing that depends on the record.
      params: { requestId: id, ...(request.kind === 'record' ? {} : { by: actor.userId }), reason },
      link: '/requests',
      now: actor.now,
    });
    return closed;
  });
}

/**
 * Approve the current step (optionally with a shorter duration: a longer one is refused). The
 * approver must be able to grant what is asked. A further step is resolved and its approvers
 * told; the last step commits the grant (or the role) through the change path, in the same
 * transaction as the request's approval, with the approver as the acting admin.
 */
export async function approveRequest(
  services: RequestServices,
  actor: Actor,
  id: string,
  options: { days?: number; reason?: string },
): Promise<AccessRequest> {
  const db = services.database.db;
  const seen = await getAccessRequest(db, actor.tenantId, id);
  if (seen === undefined)
    throw new AppError('NOT_FOUND', `no access request ${id}`, { object: 'access_request', id });
  assertDecider(seen, actor);
  const days = options.days ?? seen.grantedDays;
  if (days > seen.grantedDays)
    throw new AppError(
      'REQUEST_INVALID',
      `days may only shorten the request: at most ${seen.grantedDays}`,
      { field: 'body/days', max: seen.grantedDays },
    );
  const shortened = { ...seen, grantedDays: days };
  const { requested, record } = await requestedOf(db, actor.index, shortened, actor.now);
  if (!canGrant(actor.index, actor.userId, requested, actor.now))
    throw new AppError(
      'ESCALATION_DENIED',
      'you may not approve this: nobody grants what they do not hold themselves',
      { field: 'params/id', reason: 'cannot_grant' },
    );
  const step = seen.currentStep;
  const approvedStep = (s: RequestStep, i: number): RequestStep =>
    i === step
      ? {
          ...s,
          decision: 'approved',
          decidedBy: actor.userId,
          decidedAt: actor.now,
          reason: options.reason ?? null,
          days: days < seen.grantedDays ? days : null,
        }
      : s;
  const lastStep = step + 1 >= seen.steps.length;

  /** Mark the step approved in `tx`, re-checking the request did not move meanwhile. */
  const record_ = async (tx: Db, finalState: Partial<AccessRequest>): Promise<AccessRequest> => {
    const current = await pendingForUpdate(tx, actor.tenantId, id);
    if (current.currentStep !== step || !current.waitingOn.includes(actor.userId))
      throw new AppError('CONFLICT', `access request ${id} moved on meanwhile; reload it`, {
        id,
        reason: 'moved',
      });
    const next: AccessRequest = {
      ...current,
      grantedDays: days,
      steps: current.steps.map(approvedStep),
      ...finalState,
    };
    await saveAccessRequest(tx, next);
    await appendAuditEvent(tx, {
      tenantId: actor.tenantId,
      ...audited(actor),
      action: 'request.approve',
      target: `access_request/${id}`,
      before: { status: 'pending', step, days: current.grantedDays },
      after: {
        status: next.status,
        step,
        days,
        ...(options.reason === undefined ? {} : { reason: options.reason }),
        ...(next.grantId === null ? {} : { grantId: next.grantId }),
        ...(next.expiresAt === null ? {} : { expiresAt: new Date(next.expiresAt).toISOString() }),
      },
      at: new Date(actor.now),
    });
    return next;
  };

  if (!lastStep) {
    const approvedBefore = new Set(
      seen.steps
        .slice(0, step)
        .map((s) => s.decidedBy)
        .filter((x): x is string => x !== null),
    );
    approvedBefore.add(actor.userId);
    const resolved = resolveStep(actor.index, seen.steps[step + 1]?.spec as ApprovalStepSpec, {
      requesterId: seen.requesterId,
      requested,
      record,
      approvedBefore,
      now: actor.now,
    });
    return db.transaction().execute(async (tx) => {
      const next = await record_(tx, {});
      const moved: AccessRequest = {
        ...next,
        steps: next.steps.map((s, i) => (i === step + 1 ? resolved : s)),
        currentStep: step + 1,
        waitingOn: resolved.approverIds,
      };
      await saveAccessRequest(tx, moved);
      await notifyApprovers(tx, actor.index, moved, resolved.approverIds, record, actor.now);
      return moved;
    });
  }

  // The last step: the grant (or the role) commits with the approval, all or nothing.
  const expiresAt = actor.now + days * DAY;
  let change: PolicyChange;
  let grantId: string | null = null;
  if (seen.kind === 'role') {
    const user = actor.index.users.get(seen.requesterId);
    if (user === undefined)
      throw new AppError('CONFLICT', `the requester ${seen.requesterId} is gone`, {
        reason: 'requester_gone',
      });
    change = {
      kind: 'user.update',
      id: user.id,
      roleIds: [...new Set([...user.roleIds, seen.roleId as string])],
    };
  } else {
    const grant = (requested as { grant: Grant }).grant;
    const final = { ...grant, startsAt: actor.now, expiresAt };
    grantId = final.id;
    change = { kind: 'grant.create', grant: final };
  }
  let approved: AccessRequest | undefined;
  await commitChanges(db, [change], {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    now: actor.now,
    ...(actor.audit === null
      ? {}
      : {
          audit: {
            actingAsId: actor.audit.actingAsId,
            requestId: actor.audit.requestId,
            ip: actor.audit.ip,
            userAgent: actor.audit.userAgent,
          },
        }),
    policy: services.policy,
    // The role list was built from the policy the approver saw: if the requester's roles changed
    // since, refuse (CONFLICT: retry) rather than put back a role someone just removed.
    ...(seen.kind === 'role' && actor.version !== undefined
      ? { expectedVersion: actor.version }
      : {}),
    within: async (tx) => {
      approved = await record_(tx, {
        status: 'approved',
        waitingOn: [],
        decidedAt: actor.now,
        expiresAt,
        grantId,
      });
      await notifyUser(tx, {
        tenantId: actor.tenantId,
        userId: seen.requesterId,
        kind: 'request.approved',
        params: {
          requestId: id,
          ...(seen.kind === 'record' ? {} : { by: actor.userId }),
          kind: seen.kind,
          object: seen.object,
          recordId: seen.recordId,
          roleId: seen.roleId,
          access: seen.access,
          days,
          expiresAt: new Date(expiresAt).toISOString(),
        },
        link:
          seen.kind === 'record' && seen.object !== null
            ? `/records/${seen.object}/${seen.recordId}`
            : '/requests',
        now: actor.now,
      });
    },
  });
  return approved as AccessRequest;
}

/** The requester cancels their pending request: closed, audited, its waiting approvers told. */
export async function cancelRequest(
  services: RequestServices,
  actor: Actor,
  id: string,
): Promise<AccessRequest> {
  return services.database.db.transaction().execute(async (tx) => {
    const request = await getAccessRequest(tx, actor.tenantId, id, { forUpdate: true });
    if (request === undefined || request.requesterId !== actor.userId)
      throw new AppError('NOT_FOUND', `no access request ${id} of yours`, {
        object: 'access_request',
        id,
      });
    if (request.status !== 'pending')
      throw new AppError('ACCESS_REQUEST_CLOSED', `access request ${id} is ${request.status}`, {
        id,
        status: request.status,
      });
    const closed: AccessRequest = {
      ...request,
      status: 'cancelled',
      waitingOn: [],
      decidedAt: actor.now,
      closedReason: 'cancelled by the requester',
    };
    await saveAccessRequest(tx, closed);
    await appendAuditEvent(tx, {
      tenantId: actor.tenantId,
      ...audited(actor),
      action: 'request.cancel',
      target: `access_request/${id}`,
      before: { status: 'pending' },
      after: { status: 'cancelled' },
      at: new Date(actor.now),
    });
    for (const userId of request.waitingOn)
      await notifyUser(tx, {
        tenantId: actor.tenantId,
        userId,
        kind: 'request.cancelled',
        params: { requestId: id, requesterId: request.requesterId },
        link: '/requests/approvals',
        now: actor.now,
      });
    return closed;
  });
}

/**
 * A user who leaves stops deciding: every pending request waiting on them has its current step
 * resolved again under `index` (the policy in which they are inactive), so it goes to the others
 * named, else up the line, else to the role administrators — never left waiting on nobody. Each
 * is audited (`request.reroute`) and the new approvers are notified. Returns the requests moved.
 */
export async function rerouteRequestsWaitingOn(
  tx: Db,
  index: PolicyIndex,
  tenantId: string,
  userId: string,
  now: number,
  audit: AuditedBy,
): Promise<string[]> {
  const waiting = await listAccessRequests(tx, tenantId, {
    status: 'pending',
    waitingOn: userId,
    limit: 10_000,
  });
  const moved: string[] = [];
  for (const request of waiting) {
    const step = request.steps[request.currentStep];
    if (step === undefined) continue;
    const { requested, record } = await requestedOf(tx, index, request, now);
    const approvedBefore = new Set(
      request.steps
        .slice(0, request.currentStep)
        .map((s) => s.decidedBy)
        .filter((x): x is string => x !== null),
    );
    const resolved = resolveStep(index, step.spec, {
      requesterId: request.requesterId,
      requested,
      record,
      approvedBefore,
      now,
    });
    const next: AccessRequest = {
      ...request,
      steps: request.steps.map((s, i) => (i === request.currentStep ? resolved : s)),
      waitingOn: resolved.approverIds,
    };
    await saveAccessRequest(tx, next);
    await appendAuditEvent(tx, {
      tenantId,
      ...audit,
      action: 'request.reroute',
      target: `access_request/${request.id}`,
      before: { step: request.currentStep, waitingOn: request.waitingOn },
      after: { step: request.currentStep, waitingOn: next.waitingOn, reason: 'approver_left' },
      at: new Date(now),
    });
    const added = next.waitingOn.filter((id) => !request.waitingOn.includes(id));
    await notifyApprovers(tx, index, next, added, record, now);
    moved.push(request.id);
  }
  return moved;
}
