import type { Department, PolicyModel } from '@custos/engine';
import { AppError } from '../../http/app-error.ts';
import { assertNewId, indexOfId, removeAt, replaceAt } from './model-lookup.ts';
import type { ChangeOutcome, PolicyChange } from './policy-change.ts';

type DepartmentChange = Extract<PolicyChange, { kind: `department.${string}` }>;

const target = (id: string): string => `department/${id}`;

function update(
  model: PolicyModel,
  change: DepartmentChange & { id: string },
  patch: Partial<Department>,
): ChangeOutcome {
  const i = indexOfId(model.departments, change.id, 'department');
  const before = model.departments[i] as Department;
  const after: Department = { ...before, ...patch };
  return {
    model: { ...model, departments: replaceAt(model.departments, i, after) },
    action: change.kind,
    target: target(change.id),
    before,
    after,
    entity: after,
  };
}

/**
 * Department changes. Cycles (moving a department under its own subtree) and unknown parents or
 * heads are left to `validateModel`, which names the path. A department is deleted only when
 * empty: no sub-departments, no users (of any status), no department groups on it.
 */
export function applyDepartmentChange(model: PolicyModel, change: DepartmentChange): ChangeOutcome {
  switch (change.kind) {
    case 'department.create': {
      assertNewId(model.departments, change.department.id, 'department');
      const after = change.department;
      return {
        model: { ...model, departments: [...model.departments, after] },
        action: change.kind,
        target: target(after.id),
        before: null,
        after,
        entity: after,
      };
    }
    case 'department.rename':
      return update(model, change, { name: change.name });
    case 'department.move':
      return update(model, change, { parentId: change.parentId });
    case 'department.set_head':
      return update(model, change, { headId: change.headId });
    case 'department.delete': {
      const i = indexOfId(model.departments, change.id, 'department');
      const before = model.departments[i] as Department;
      const children = model.departments.filter((d) => d.parentId === change.id).map((d) => d.id);
      const users = model.users.filter((u) => u.departmentId === change.id).map((u) => u.id);
      const groups = model.groups
        .filter((g) => g.kind === 'department' && g.departmentId === change.id)
        .map((g) => g.id);
      if (children.length + users.length + groups.length > 0) {
        throw new AppError(
          'DEPARTMENT_NOT_EMPTY',
          `department "${change.id}" still has sub-departments, users or groups`,
          { id: change.id, departments: children, users, groups },
        );
      }
      return {
        model: { ...model, departments: removeAt(model.departments, i) },
        action: change.kind,
        target: target(change.id),
        before,
        after: null,
        entity: before,
      };
    }
  }
}
