/** `applyChange` is pure: the next model, what to audit, and refusals that need no validation. */
import { validateModel, type PolicyModel } from '@custos/engine';
import { demoCompany } from '@custos/store';
import { describe, expect, it } from 'vitest';
import { applyChange } from './apply-change.ts';
import type { PolicyChange } from './policy-change.ts';

const model: PolicyModel = demoCompany({ customers: 10, now: Date.UTC(2026, 5, 1) }).model;
const frozen = JSON.stringify(model);

function refusal(change: PolicyChange): { code: string; details: Record<string, unknown> } {
  try {
    applyChange(model, change);
  } catch (error) {
    return error as { code: string; details: Record<string, unknown> };
  }
  throw new Error(`${change.kind} was not refused`);
}

describe('applyChange', () => {
  it('returns the next model and leaves the input alone', () => {
    const outcome = applyChange(model, {
      kind: 'role.update',
      id: 'sales-rep',
      functions: ['export'],
    });
    expect(outcome.model.roles.find((r) => r.id === 'sales-rep')?.functions).toEqual(['export']);
    expect(outcome).toMatchObject({ action: 'role.update', target: 'role/sales-rep' });
    expect(outcome.before).toMatchObject({ functions: [] });
    expect(JSON.stringify(model)).toBe(frozen);
    expect(validateModel(outcome.model).ok).toBe(true);
  });

  it('refuses what cannot apply: unknown ids, existing ids, entities in use', () => {
    expect(refusal({ kind: 'user.reactivate', id: 'nobody' }).code).toBe('NOT_FOUND');
    expect(
      refusal({
        kind: 'department.create',
        department: { id: 'sales', name: 'x', parentId: null },
      }).code,
    ).toBe('CONFLICT');
    const inUse = refusal({ kind: 'role.delete', id: 'sales-rep' });
    expect(inUse.code).toBe('ROLE_IN_USE');
    expect(inUse.details.users).toContain('lilei');
    expect(refusal({ kind: 'department.delete', id: 'sales' }).details).toMatchObject({
      departments: ['sales-east', 'sales-north', 'sales-south'],
    });
    expect(
      refusal({
        kind: 'user.transfer',
        id: 'lilei',
        departmentId: 'sales-north',
        ownedRecords: { mode: 'transfer_to', userId: 'cailin' },
      }),
    ).toMatchObject({ code: 'REQUEST_INVALID', details: { field: 'body/transferToUserId' } });
  });

  it('leaves reference and cycle errors to validateModel', () => {
    const outcome = applyChange(model, {
      kind: 'user.set_manager',
      id: 'zhangjianguo',
      managerId: 'lilei',
    });
    const errors = validateModel(outcome.model).errors;
    expect(errors.map((e) => e.code)).toContain('ENGINE_HIERARCHY_CYCLE');
  });

  it('sets field settings, creating the object settings when missing', () => {
    const bare: PolicyModel = { ...model, objects: [] };
    const outcome = applyChange(bare, {
      kind: 'object.set_field',
      object: 'ticket',
      field: 'note',
      setting: { internal: true, label: '内部备注' },
    });
    expect(outcome.model.objects).toEqual([
      {
        object: 'ticket',
        orgWideDefault: 'private',
        controlledByParent: true,
        portalExposed: false,
        fields: { note: { internal: true, label: '内部备注' } },
      },
    ]);
    expect(outcome).toMatchObject({ target: 'object/ticket/note', before: null });
  });

  it('adds and removes public group members only', () => {
    const group = model.groups.find((g) => g.kind !== 'public');
    if (group !== undefined) {
      expect(
        refusal({ kind: 'group.add_member', id: group.id, member: { kind: 'user', id: 'lilei' } })
          .code,
      ).toBe('REQUEST_INVALID');
    }
    const created = applyChange(model, {
      kind: 'group.create',
      group: { id: 'g-x', name: 'X', kind: 'public', userIds: [], groupIds: [] },
    }).model;
    const added = applyChange(created, {
      kind: 'group.add_member',
      id: 'g-x',
      member: { kind: 'user', id: 'lilei' },
    });
    expect(added.entity).toMatchObject({ userIds: ['lilei'] });
    const removed = applyChange(added.model, {
      kind: 'group.remove_member',
      id: 'g-x',
      member: { kind: 'user', id: 'lilei' },
    });
    expect(removed.entity).toMatchObject({ userIds: [] });
  });
});
