import type { PolicyModel, Role } from '@custos/engine';
import { AppError } from '../../http/app-error.ts';
import { assertNewId, indexOfId, removeAt, replaceAt } from './model-lookup.ts';
import type { ChangeOutcome, PolicyChange } from './policy-change.ts';

type RoleChange = Extract<PolicyChange, { kind: `role.${string}` }>;

/**
 * Role changes. An update replaces each given part (object permissions with their data scopes,
 * function permissions, field permissions) wholesale. A role is deleted only when no user holds
 * it and no role group is built on it.
 */
export function applyRoleChange(model: PolicyModel, change: RoleChange): ChangeOutcome {
  if (change.kind === 'role.create') {
    assertNewId(model.roles, change.role.id, 'role');
    const after = change.role;
    return {
      model: { ...model, roles: [...model.roles, after] },
      action: change.kind,
      target: `role/${after.id}`,
      before: null,
      after,
      entity: after,
    };
  }
  const i = indexOfId(model.roles, change.id, 'role');
  const before = model.roles[i] as Role;
  if (change.kind === 'role.delete') {
    const users = model.users.filter((u) => u.roleIds.includes(change.id)).map((u) => u.id);
    const groups = model.groups
      .filter((g) => g.kind === 'role' && g.roleId === change.id)
      .map((g) => g.id);
    if (users.length + groups.length > 0) {
      throw new AppError('ROLE_IN_USE', `role "${change.id}" is still assigned`, {
        id: change.id,
        users,
        groups,
      });
    }
    return {
      model: { ...model, roles: removeAt(model.roles, i) },
      action: change.kind,
      target: `role/${change.id}`,
      before,
      after: null,
      entity: before,
    };
  }
  const after: Role = {
    ...before,
    ...(change.name === undefined ? {} : { name: change.name }),
    ...(change.objects === undefined ? {} : { objects: change.objects }),
    ...(change.functions === undefined ? {} : { functions: change.functions }),
    ...(change.fields === undefined ? {} : { fields: change.fields }),
  };
  return {
    model: { ...model, roles: replaceAt(model.roles, i, after) },
    action: change.kind,
    target: `role/${change.id}`,
    before,
    after,
    entity: after,
  };
}
