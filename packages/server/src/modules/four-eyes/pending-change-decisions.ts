import { hasFunction } from '@custos/engine';
import {
  appendAuditEvent,
  decidePendingChange,
  getPendingChange,
  notifyUser,
  readFourEyesSetting,
  writeFourEyesSetting,
  type Database,
  type PendingChange,
} from '@custos/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { auditContext, requestAuditExtras } from '../../http/audit-context.ts';
import { commitChanges } from '../directory/commit-change.ts';
import type { PolicyChange } from '../directory/policy-change.ts';
import { functionsNeeded, pendingLink } from './four-eyes-gate.ts';
import type { FourEyesSettingChange } from './four-eyes-setting.ts';

type Db = Database['db'];

/** Codes of a commit that fails because the policy moved under the waiting change. */
const STALE_CODES = new Set([
  'CONFLICT',
  'NOT_FOUND',
  'MODEL_INVALID',
  'ROLE_IN_USE',
  'DEPARTMENT_NOT_EMPTY',
]);

/** The pending change, or NOT_FOUND naming it. */
export async function pendingOr404(db: Db, tenantId: string, id: string): Promise<PendingChange> {
  const pending = await getPendingChange(db, tenantId, id);
  if (pending === undefined)
    throw new AppError('NOT_FOUND', `no pending change "${id}"`, {
      kind: 'pending_change',
      id,
      field: 'params/id',
    });
  return pending;
}

/** PENDING_CHANGE_DECIDED when the change is no longer waiting. */
function assertPending(pending: PendingChange): void {
  if (pending.status !== 'pending')
    throw new AppError(
      'PENDING_CHANGE_DECIDED',
      `pending change ${pending.id} is ${pending.status} already`,
      { id: pending.id, status: pending.status, decidedBy: pending.decidedBy },
    );
}

/** PERMISSION_DENIED unless the caller holds every function the change needs. */
function assertMayDecide(request: FastifyRequest, pending: PendingChange): void {
  const ctx = request.custos;
  for (const name of functionsNeeded(pending.changes as PolicyChange[]))
    if (!hasFunction(ctx.index, ctx.userId, name))
      throw new AppError(
        'PERMISSION_DENIED',
        `deciding this change requires the function permission ${name}`,
        { function: name },
      );
}

/**
 * Refuse the author deciding their own change (audited as denied: a second administrator is the
 * whole point). `verb` is `approve` or `reject`.
 */
async function assertNotAuthor(
  app: FastifyInstance,
  request: FastifyRequest,
  pending: PendingChange,
  verb: 'approve' | 'reject',
): Promise<void> {
  const ctx = request.custos;
  if (pending.authorId !== ctx.userId) return;
  await appendAuditEvent(app.custos.database.db, {
    tenantId: ctx.tenantId,
    action: `change.${verb}`,
    target: `pending_change/${pending.id}`,
    at: new Date(ctx.now),
    ...auditContext(request),
    outcome: 'denied',
    after: { reason: 'own_change' },
  });
  throw new AppError(
    'FOUR_EYES_OWN_CHANGE',
    `the author of pending change ${pending.id} cannot ${verb} it: a second administrator must`,
    { id: pending.id, authorId: pending.authorId },
  );
}

/** Expire a change found past its time at a decision (its own transaction), then refuse. */
async function refuseIfExpired(
  app: FastifyInstance,
  request: FastifyRequest,
  pending: PendingChange,
): Promise<void> {
  const ctx = request.custos;
  if (ctx.now < pending.expiresAt) return;
  await app.custos.database.db.transaction().execute(async (tx) => {
    await expirePendingChange(tx, pending, ctx.now);
  });
  throw new AppError(
    'PENDING_CHANGE_DECIDED',
    `pending change ${pending.id} expired at ${new Date(pending.expiresAt).toISOString()}`,
    { id: pending.id, status: 'expired' },
  );
}

/** Mark one pending change expired, audit it and tell its author (pass the transaction). */
export async function expirePendingChange(
  tx: Db,
  pending: PendingChange,
  now: number,
): Promise<boolean> {
  const decided = await decidePendingChange(tx, {
    tenantId: pending.tenantId,
    id: pending.id,
    status: 'expired',
    decidedBy: null,
    reason: 'not decided in time',
    now,
  });
  if (decided === undefined) return false;
  await appendAuditEvent(tx, {
    tenantId: pending.tenantId,
    actorId: null,
    action: 'change.expire',
    target: `pending_change/${pending.id}`,
    at: new Date(now),
    before: { status: 'pending' },
    after: { status: 'expired', expiresAt: new Date(pending.expiresAt).toISOString() },
  });
  await notifyUser(tx, {
    tenantId: pending.tenantId,
    userId: pending.authorId,
    kind: 'change.expired',
    params: { pendingChangeId: pending.id },
    link: pendingLink(pending.id),
    now,
  });
  return true;
}

/** What an approval answers: the decided change and the policy version it committed. */
export interface ApprovalAnswer {
  pending: PendingChange;
  version: number;
}

/**
 * Approve a pending change: by an administrator other than its author who holds what each change
 * needs. The changes commit through the change path as one transaction, as the approver (the
 * escalation check is theirs), against the version the change was submitted at: when an entity it
 * touches changed since, or it no longer validates, the approval is refused with
 * PENDING_CHANGE_STALE naming the cause, and nothing is written. The decision, the audit event
 * (author and approver) and the author's notification commit with the changes.
 */
export async function approvePendingChange(
  app: FastifyInstance,
  request: FastifyRequest,
  id: string,
  comment: string | undefined,
): Promise<ApprovalAnswer> {
  const ctx = request.custos;
  const db = app.custos.database.db;
  const pending = await pendingOr404(db, ctx.tenantId, id);
  assertPending(pending);
  await assertNotAuthor(app, request, pending, 'approve');
  assertMayDecide(request, pending);
  await refuseIfExpired(app, request, pending);

  /** Decide, audit and notify inside the commit's transaction; a lost race rolls it all back. */
  const decide = async (tx: Db, version: number, targets: string[]): Promise<PendingChange> => {
    const locked = await getPendingChange(tx, ctx.tenantId, id, { forUpdate: true });
    if (locked === undefined) throw new AppError('NOT_FOUND', `no pending change "${id}"`);
    assertPending(locked);
    const decided = await decidePendingChange(tx, {
      tenantId: ctx.tenantId,
      id,
      status: 'approved',
      decidedBy: ctx.userId,
      reason: comment ?? null,
      resultVersion: version,
      now: ctx.now,
    });
    if (decided === undefined) throw new AppError('PENDING_CHANGE_DECIDED', 'decided meanwhile');
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      action: 'change.approve',
      target: `pending_change/${id}`,
      at: new Date(ctx.now),
      ...auditContext(request),
      before: { status: 'pending' },
      after: {
        status: 'approved',
        authorId: pending.authorId,
        approverId: ctx.userId,
        version,
        targets,
        comment: comment ?? null,
      },
    });
    await notifyUser(tx, {
      tenantId: ctx.tenantId,
      userId: pending.authorId,
      kind: 'change.approved',
      params: { pendingChangeId: id, approverId: ctx.userId },
      link: pendingLink(id),
      now: ctx.now,
    });
    return decided;
  };

  if (pending.setting !== null) {
    const setting = pending.setting as FourEyesSettingChange;
    const decided = await db.transaction().execute(async (tx) => {
      const before = await readFourEyesSetting(tx, ctx.tenantId);
      await writeFourEyesSetting(tx, {
        tenantId: ctx.tenantId,
        categories: setting.categories,
        expiryDays: setting.expiryDays,
        actorId: ctx.userId,
        now: ctx.now,
      });
      await appendAuditEvent(tx, {
        tenantId: ctx.tenantId,
        action: 'four_eyes.update',
        target: `tenant/${ctx.tenantId}`,
        at: new Date(ctx.now),
        ...auditContext(request),
        before: { categories: before.categories, expiryDays: before.expiryDays },
        after: { ...setting, authorId: pending.authorId, approverId: ctx.userId },
      });
      return decide(tx, ctx.version, [`tenant/${ctx.tenantId}`]);
    });
    return { pending: decided, version: ctx.version };
  }

  let decided: PendingChange | undefined;
  try {
    const { version } = await commitChanges(db, pending.changes as PolicyChange[], {
      tenantId: ctx.tenantId,
      actorId: ctx.userId,
      audit: requestAuditExtras(request),
      now: ctx.now,
      expectedVersion: pending.baseVersion,
      policy: app.custos.policy,
      within: async (tx, results) => {
        const version = Math.max(...results.map((r) => r.version));
        decided = await decide(
          tx,
          version,
          results.map((r) => r.target),
        );
      },
    });
    return { pending: decided as PendingChange, version };
  } catch (error) {
    if (error instanceof AppError && STALE_CODES.has(error.code) && error.details.reason !== 'busy')
      throw new AppError(
        'PENDING_CHANGE_STALE',
        `pending change ${id} no longer applies to the current policy: ${error.message}`,
        {
          id,
          baseVersion: pending.baseVersion,
          cause: { code: error.code, message: error.message, details: error.details },
        },
      );
    throw error;
  }
}

/** Reject a pending change with a reason (not by its author: they withdraw it). */
export async function rejectPendingChange(
  app: FastifyInstance,
  request: FastifyRequest,
  id: string,
  reason: string,
): Promise<PendingChange> {
  const ctx = request.custos;
  const db = app.custos.database.db;
  const pending = await pendingOr404(db, ctx.tenantId, id);
  assertPending(pending);
  await assertNotAuthor(app, request, pending, 'reject');
  assertMayDecide(request, pending);
  return decideSimply(app, request, pending, 'rejected', reason);
}

/** Withdraw a pending change: its author only. */
export async function withdrawPendingChange(
  app: FastifyInstance,
  request: FastifyRequest,
  id: string,
  reason: string | undefined,
): Promise<PendingChange> {
  const ctx = request.custos;
  const pending = await pendingOr404(app.custos.database.db, ctx.tenantId, id);
  if (pending.authorId !== ctx.userId)
    throw new AppError(
      'PENDING_CHANGE_NOT_AUTHOR',
      `only the author (${pending.authorId}) may withdraw pending change ${id}`,
      { id, authorId: pending.authorId },
    );
  assertPending(pending);
  return decideSimply(app, request, pending, 'withdrawn', reason);
}

async function decideSimply(
  app: FastifyInstance,
  request: FastifyRequest,
  pending: PendingChange,
  status: 'rejected' | 'withdrawn',
  reason: string | undefined,
): Promise<PendingChange> {
  const ctx = request.custos;
  return app.custos.database.db.transaction().execute(async (tx) => {
    const decided = await decidePendingChange(tx, {
      tenantId: ctx.tenantId,
      id: pending.id,
      status,
      decidedBy: ctx.userId,
      reason: reason ?? null,
      now: ctx.now,
    });
    if (decided === undefined)
      throw new AppError('PENDING_CHANGE_DECIDED', `pending change ${pending.id} was decided`, {
        id: pending.id,
      });
    await appendAuditEvent(tx, {
      tenantId: ctx.tenantId,
      action: status === 'rejected' ? 'change.reject' : 'change.withdraw',
      target: `pending_change/${pending.id}`,
      at: new Date(ctx.now),
      ...auditContext(request),
      before: { status: 'pending' },
      after: { status, authorId: pending.authorId, reason: reason ?? null },
    });
    if (status === 'rejected')
      await notifyUser(tx, {
        tenantId: ctx.tenantId,
        userId: pending.authorId,
        kind: 'change.rejected',
        params: { pendingChangeId: pending.id, rejectedBy: ctx.userId, reason: reason ?? '' },
        link: pendingLink(pending.id),
        now: ctx.now,
      });
    return decided;
  });
}
