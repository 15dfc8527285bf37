import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { explain } from './explain.ts';
import type { PolicyModel, SodRule } from './model.ts';
import { buildIndex } from './policy-index.ts';
import { sodConflicts, sodConflictsIntroduced } from './sod.ts';
import { customer, testModel } from './test-model.ts';
import { validateModel } from './validate-model.ts';

const record = customer('c1', 'lilei');

/** lilei holds `rep` (customer read/update/create own) and, with `approver`, approve_discount. */
function model(rules: SodRule[], lileiRoles = ['rep', 'approver']): PolicyModel {
  const m = testModel();
  return {
    ...m,
    roles: [
      ...m.roles,
      {
        id: 'approver',
        name: '折扣审批',
        objects: {},
        functions: ['approve_discount'],
        fields: {},
      },
      { id: 'cashier', name: '出纳', objects: {}, functions: ['approve_transfer'], fields: {} },
    ],
    users: m.users.map((u) => (u.id === 'lilei' ? { ...u, roleIds: lileiRoles } : u)),
    sodRules: rules,
  };
}

const pair: SodRule = {
  id: 'sod1',
  name: '改客户与审批折扣分离',
  left: { kind: 'object', object: 'customer', action: 'update' },
  right: { kind: 'function', name: 'approve_discount' },
};

describe('SoD rules: pairs and sets of permissions or roles', () => {
  it('a pair held through two roles is a conflict naming the roles, and denies both', () => {
    const m = model([pair]);
    expect(validateModel(m).ok).toBe(true);
    const conflicts = sodConflicts(m);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      ruleId: 'sod1',
      userId: 'lilei',
      held: [
        { key: 'record:customer:update', via: [{ kind: 'role', roleId: 'rep' }] },
        { key: 'function:approve_discount', via: [{ kind: 'role', roleId: 'approver' }] },
      ],
    });
    const index = buildIndex(m);
    expect(decide(index, 'lilei', 'update', record, 0)).toBe(false);
    expect(decide(index, 'lilei', 'read', record, 0)).toBe(true);
    expect(index.principals.get('lilei')?.blockedFunctions.get('approve_discount')?.id).toBe(
      'sod1',
    );
    const why = explain(index, 'lilei', 'update', record, 0);
    expect(why.allowed).toBe(false);
    expect(why.deniedBy).toEqual({ kind: 'sod', ruleId: 'sod1', ruleName: pair.name });
  });

  it('one side only is no conflict and nothing is denied', () => {
    const m = model([pair], ['rep']);
    expect(sodConflicts(m)).toEqual([]);
    expect(decide(buildIndex(m), 'lilei', 'update', record, 0)).toBe(true);
  });

  it('a set rule: at most one of three; two held is a conflict, one is not', () => {
    const set: SodRule = {
      id: 'sod2',
      name: '至多其一',
      left: { kind: 'role', roleId: 'approver' },
      right: { kind: 'role', roleId: 'cashier' },
      others: [{ kind: 'function', name: 'export' }],
    };
    expect(sodConflicts(model([set], ['rep', 'approver']))).toEqual([]);
    const two = model([set], ['rep', 'approver', 'cashier']);
    expect(validateModel(two).ok).toBe(true);
    const [c] = sodConflicts(two);
    expect(c?.held.map((h) => h.key)).toEqual(['role:approver', 'role:cashier']);
    // The manager holds `export` only: one member, no conflict.
    expect(sodConflicts(two).map((x) => x.userId)).toEqual(['lilei']);
    // A role member is prevented and listed; the function members held are denied.
    const index = buildIndex(two);
    expect(index.principals.get('lilei')?.blockedFunctions.has('approve_discount')).toBe(false);
  });

  it('a grant counts as holding read (and update for edit), also through a group', () => {
    const m = model([pair], ['approver']);
    expect(sodConflicts(m)).toEqual([]);
    const granted: PolicyModel = {
      ...m,
      groups: [{ id: 'g1', name: '组', kind: 'public', userIds: ['lilei'], groupIds: [] }],
      grants: [
        {
          id: 'gr1',
          subject: { kind: 'group', groupId: 'g1' },
          object: 'customer',
          target: { kind: 'all' },
          access: 'edit',
          expiresAt: 2_000,
        },
      ],
    };
    const [c] = sodConflicts(granted, { now: 1_000 });
    expect(c?.held[0]?.via).toEqual([{ kind: 'grant', grantId: 'gr1', groupId: 'g1' }]);
    // Expired at `now`: held no longer.
    expect(sodConflicts(granted, { now: 2_000 })).toEqual([]);
  });

  it('introduced conflicts leave out existing ones and the rules being written', () => {
    const before = sodConflicts(model([pair], ['rep']));
    const after = sodConflicts(model([pair]));
    expect(sodConflictsIntroduced(before, after).map((c) => c.userId)).toEqual(['lilei']);
    expect(sodConflictsIntroduced(after, after)).toEqual([]);
    expect(sodConflictsIntroduced([], after, new Set(['sod1']))).toEqual([]);
  });

  it('validation names unknown roles and functions (with their path) and a role alone in conflict', () => {
    const bad = model([
      {
        id: 'x',
        name: 'x',
        left: { kind: 'role', roleId: 'nobody' },
        right: { kind: 'function', name: 'exprot' },
        others: [{ kind: 'role', roleId: 'ghost' }],
      },
    ]);
    const errors = validateModel(bad).errors.map((e) => `${e.code} ${e.path}`);
    expect(errors).toContain('ENGINE_UNKNOWN_REFERENCE sodRules[0].left.roleId');
    expect(errors).toContain('ENGINE_UNKNOWN_REFERENCE sodRules[0].right.name');
    expect(errors).toContain('ENGINE_UNKNOWN_REFERENCE sodRules[0].others[0].roleId');
    const alone = model([
      {
        id: 'y',
        name: '经理自己',
        left: { kind: 'role', roleId: 'manager' },
        right: { kind: 'function', name: 'export' },
      },
    ]);
    expect(validateModel(alone).errors.map((e) => e.code)).toContain('ENGINE_SOD_CONFLICT_IN_ROLE');
  });
});
