import { validateModel, type ModelError } from '@custos/engine';
import {
  appendAuditEvent,
  deleteUserSessions,
  loadPolicyModelIn,
  lockPolicyVersion,
  reassignOwnedRecords,
  writePolicyModel,
  type Database,
} from '@custos/store';
import { AppError } from '../../http/app-error.ts';
import { assertAdminsRemain } from './admin-lockout.ts';
import { applyChange } from './apply-change.ts';
import { assertNoDepartmentRecords } from './department-records.ts';
import type { PolicyChange } from './policy-change.ts';

export interface CommitOptions {
  tenantId: string;
  /** The acting admin; null for the system. */
  actorId: string | null;
  /** "Now", ms since the epoch: the audit event's time. */
  now: number;
  /** If-Match: the policy version the admin saw. When the policy moved since, CONFLICT. */
  expectedVersion?: number;
}

export interface CommitResult {
  /** The tenant's policy version after the change. */
  version: number;
  /** The changed entity (the deleted one for a deletion). */
  entity: unknown;
  action: string;
  target: string;
}

const key = (e: ModelError): string => `${e.code}\u0000${e.path}\u0000${e.message}`;

/**
 * Commit one admin change, all or nothing, in one transaction: lock the tenant row, read the
 * model, check `expectedVersion`, apply the change, validate the result, refuse a change that
 * would lock every admin out (CONFLICT) or delete a department records still belong to
 * (DEPARTMENT_NOT_EMPTY), write it (bumping the policy version), move a transferred user's
 * records (to the new department, or to the successor), end a deactivated user's sessions, and
 * append the audit event with the entity before and after.
 *
 * An invalid result is refused with MODEL_INVALID (422), `details.errors` being the engine's
 * errors the change introduced (each with its `path`); nothing is written.
 */
export async function commitChange(
  db: Database['db'],
  change: PolicyChange,
  options: CommitOptions,
): Promise<CommitResult> {
  return db.transaction().execute(async (tx) => {
    const current = await lockPolicyVersion(tx, options.tenantId);
    if (options.expectedVersion !== undefined && options.expectedVersion !== current) {
      throw new AppError(
        'CONFLICT',
        `the policy changed since version ${options.expectedVersion} (now ${current}); reload and retry`,
        { expectedVersion: options.expectedVersion, currentVersion: current },
      );
    }
    const model = await loadPolicyModelIn(tx, options.tenantId);
    const outcome = applyChange(model, change);

    // Only what the change introduced: a stored model is valid, but never block on old debt.
    const known = new Set(validateModel(model).errors.map(key));
    const errors = validateModel(outcome.model).errors.filter((e) => !known.has(key(e)));
    if (errors.length > 0) {
      const first = errors[0] as ModelError;
      throw new AppError(
        'MODEL_INVALID',
        `${first.message} (${first.path})${errors.length > 1 ? ` and ${errors.length - 1} more` : ''}`,
        { errors },
      );
    }

    assertAdminsRemain(model, outcome.model);
    if (change.kind === 'department.delete')
      await assertNoDepartmentRecords(tx, options.tenantId, change.id);

    const version = await writePolicyModel(tx, options.tenantId, outcome.model);
    let after = outcome.after;
    if (change.kind === 'user.transfer') {
      // Owned records follow the user to the new department (归属部门), or go to the successor.
      const owned = change.ownedRecords;
      const toOwnerId = owned.mode === 'transfer_to' ? owned.userId : change.id;
      const toDepartmentId =
        outcome.model.users.find((u) => u.id === toOwnerId)?.departmentId ?? null;
      const moved = await reassignOwnedRecords(tx, options.tenantId, {
        ownerId: change.id,
        toOwnerId,
        toDepartmentId,
      });
      after = { ...(after as object), ownedRecords: { ...owned, moved } };
    }
    // A deactivated user's sessions end with the change (the access hook refuses them anyway).
    if (change.kind === 'user.deactivate')
      await deleteUserSessions(tx, options.tenantId, change.id);
    await appendAuditEvent(tx, {
      tenantId: options.tenantId,
      actorId: options.actorId,
      action: outcome.action,
      target: outcome.target,
      before: outcome.before,
      after,
      at: new Date(options.now),
    });
    return { version, entity: outcome.entity, action: outcome.action, target: outcome.target };
  });
}
