import type { PolicyModel } from '@custos/engine';
import { applyDepartmentChange } from './department-changes.ts';
import { applyGrantChange } from './grant-changes.ts';
import { applyGroupChange } from './group-changes.ts';
import { applyObjectChange } from './object-changes.ts';
import type { ChangeOutcome, PolicyChange } from './policy-change.ts';
import { applyRoleChange } from './role-changes.ts';
import { applySharingRuleChange } from './sharing-rule-changes.ts';
import { applySodRuleChange } from './sod-rule-changes.ts';
import { applyUserChange } from './user-changes.ts';

/**
 * Apply one admin change to a model: pure (no I/O, no clock), the input is not mutated. Throws an
 * `AppError` when the change cannot apply at all (NOT_FOUND, CONFLICT for an existing id,
 * DEPARTMENT_NOT_EMPTY, ROLE_IN_USE); whether the result is a valid model is `validateModel`'s
 * question, asked by the service.
 */
export function applyChange(model: PolicyModel, change: PolicyChange): ChangeOutcome {
  switch (change.kind) {
    case 'department.create':
    case 'department.rename':
    case 'department.move':
    case 'department.set_head':
    case 'department.delete':
      return applyDepartmentChange(model, change);
    case 'user.create':
    case 'user.update':
    case 'user.transfer':
    case 'user.set_manager':
    case 'user.deactivate':
    case 'user.reactivate':
      return applyUserChange(model, change);
    case 'role.create':
    case 'role.update':
    case 'role.delete':
      return applyRoleChange(model, change);
    case 'object.set_org_wide_default':
    case 'object.set_field':
    case 'object.remove_field':
      return applyObjectChange(model, change);
    case 'sharing_rule.create':
    case 'sharing_rule.update':
    case 'sharing_rule.delete':
      return applySharingRuleChange(model, change);
    case 'group.create':
    case 'group.update':
    case 'group.delete':
    case 'group.add_member':
    case 'group.remove_member':
      return applyGroupChange(model, change);
    case 'grant.create':
    case 'grant.revoke':
      return applyGrantChange(model, change);
    case 'sod_rule.create':
    case 'sod_rule.update':
    case 'sod_rule.delete':
      return applySodRuleChange(model, change);
  }
}
