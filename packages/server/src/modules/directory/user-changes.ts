import type { PolicyModel, User } from '@custos/engine';
import { AppError } from '../../http/app-error.ts';
import { assertNewId, indexOfId, replaceAt } from './model-lookup.ts';
import type { ChangeOutcome, PolicyChange } from './policy-change.ts';

type UserChange = Extract<PolicyChange, { kind: `user.${string}` }>;

/**
 * User changes (joiner / mover / leaver). Unknown departments, managers and roles and cycles in
 * the reporting line are left to `validateModel`. A transfer records what happens to the user's
 * owned records (`ownedRecords`) in the audit event's `after`; the CRM module acts on it.
 */
export function applyUserChange(model: PolicyModel, change: UserChange): ChangeOutcome {
  if (change.kind === 'user.create') {
    assertNewId(model.users, change.user.id, 'user');
    const after = change.user;
    return {
      model: { ...model, users: [...model.users, after] },
      action: change.kind,
      target: `user/${after.id}`,
      before: null,
      after,
      entity: after,
    };
  }
  const i = indexOfId(model.users, change.id, 'user');
  const before = model.users[i] as User;
  let after: User;
  let audited: unknown;
  switch (change.kind) {
    case 'user.update':
      after = {
        ...before,
        ...(change.name === undefined ? {} : { name: change.name }),
        ...(change.roleIds === undefined ? {} : { roleIds: change.roleIds }),
        ...(change.clearance === undefined ? {} : { clearance: change.clearance }),
        ...(change.title === undefined ? {} : { title: change.title }),
      };
      break;
    case 'user.transfer': {
      const owned = change.ownedRecords;
      if (owned.mode === 'transfer_to') {
        const successor = model.users.find((u) => u.id === owned.userId);
        // A successor owns records: an active internal user (never a portal principal).
        if (
          successor === undefined ||
          successor.status !== 'active' ||
          successor.kind !== 'internal' ||
          successor.id === before.id
        )
          throw new AppError(
            'REQUEST_INVALID',
            `owned records cannot be transferred to "${owned.userId}": not another active internal user`,
            { field: 'body/transferToUserId' },
          );
      }
      after = {
        ...before,
        departmentId: change.departmentId,
        ...(change.managerId === undefined ? {} : { managerId: change.managerId }),
      };
      audited = { ...after, ownedRecords: change.ownedRecords };
      break;
    }
    case 'user.set_manager':
      after = { ...before, managerId: change.managerId };
      break;
    case 'user.deactivate':
      after = { ...before, status: change.status };
      break;
    case 'user.reactivate':
      after = { ...before, status: 'active' };
      break;
  }
  return {
    model: { ...model, users: replaceAt(model.users, i, after) },
    action: change.kind,
    target: `user/${change.id}`,
    before,
    after: audited ?? after,
    entity: after,
  };
}
