import type { Group, PolicyModel } from '@custos/engine';
import { AppError } from '../../http/app-error.ts';
import { assertNewId, indexOfId, removeAt, replaceAt } from './model-lookup.ts';
import type { ChangeOutcome, PolicyChange } from './policy-change.ts';

type GroupChange = Extract<PolicyChange, { kind: `group.${string}` }>;

/**
 * Group changes. Members are added to and removed from public groups only (department and role
 * groups derive their members). Deleting a group that rules, grants, pools or other groups still
 * name is refused by `validateModel`, which names each reference.
 */
export function applyGroupChange(model: PolicyModel, change: GroupChange): ChangeOutcome {
  if (change.kind === 'group.create') {
    assertNewId(model.groups, change.group.id, 'group');
    return {
      model: { ...model, groups: [...model.groups, change.group] },
      action: change.kind,
      target: `group/${change.group.id}`,
      before: null,
      after: change.group,
      entity: change.group,
    };
  }
  const id = change.kind === 'group.update' ? change.group.id : change.id;
  const i = indexOfId(model.groups, id, 'group');
  const before = model.groups[i] as Group;
  let after: Group | null;
  switch (change.kind) {
    case 'group.update':
      after = change.group;
      break;
    case 'group.delete':
      after = null;
      break;
    case 'group.add_member':
    case 'group.remove_member': {
      if (before.kind !== 'public') {
        throw new AppError(
          'REQUEST_INVALID',
          `group "${id}" is a ${before.kind} group: its members follow the ${before.kind}`,
          { field: 'params/id', groupKind: before.kind },
        );
      }
      const key = change.member.kind === 'user' ? 'userIds' : 'groupIds';
      const list = before[key];
      const present = list.includes(change.member.id);
      if (change.kind === 'group.add_member') {
        after = present ? before : { ...before, [key]: [...list, change.member.id] };
      } else {
        if (!present) {
          throw new AppError('NOT_FOUND', `${change.member.id} is not a member of "${id}"`, {
            kind: `group member`,
            id: change.member.id,
          });
        }
        after = { ...before, [key]: list.filter((m) => m !== change.member.id) };
      }
      break;
    }
  }
  return {
    model: {
      ...model,
      groups: after === null ? removeAt(model.groups, i) : replaceAt(model.groups, i, after),
    },
    action: change.kind,
    target: `group/${id}`,
    before,
    after,
    entity: after ?? before,
  };
}
