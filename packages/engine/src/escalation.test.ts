/**
 * `checkEscalation` on the small test company: what a change gives is compared with what the
 * acting admin holds — functions, scopes, field levels, clearance, reach of grants and rules.
 */
import { describe, expect, it } from 'vitest';
import { checkEscalation } from './escalation.ts';
import { diffModels } from './model-diff.ts';
import type { PolicyModel } from './model.ts';
import { buildIndex, updateIndex } from './policy-index.ts';
import { testModel } from './test-model.ts';

/** The company with 韩梅梅 (mgr) also holding user_admin and role_admin. */
function company(): PolicyModel {
  const m = testModel();
  m.roles[0] = { ...m.roles[0]!, functions: ['export', 'user_admin', 'role_admin'] };
  m.roles.push({ id: 'none', name: '无', objects: {}, functions: [], fields: {} });
  return m;
}

function check(before: PolicyModel, after: PolicyModel, actor = 'mgr') {
  const diff = diffModels(before, after);
  const prev = buildIndex(before);
  return checkEscalation(prev, after, diff, actor, updateIndex(prev, after, diff)).map(
    (e) => `${e.field}: ${e.missing}`,
  );
}

describe('checkEscalation', () => {
  it('refuses raising a field level above the admin’s own, and allows it up to theirs', () => {
    const before = company();
    // mgr reads customers with every field at edit; lilei's role masks idNumber.
    before.roles[0] = { ...before.roles[0]!, fields: { customer: { phone: 'read' } } };
    const raise = (level: 'edit' | 'read') => ({
      ...before,
      roles: before.roles.map((r) =>
        r.id === 'rep'
          ? { ...r, fields: { customer: { idNumber: 'masked' as const, phone: level } } }
          : r,
      ),
    });
    // rep gave phone `edit` (unnamed); now naming it lowers it: nothing to refuse.
    expect(check(before, raise('read'))).toEqual([]);
    // A new reader of customers, unrestricted: phone at edit is above mgr's read.
    const reader = {
      ...before,
      roles: [
        ...before.roles,
        {
          id: 'reader',
          name: '读者',
          objects: { customer: { read: 'own' as const } },
          functions: [],
          fields: {},
        },
      ],
    };
    expect(check(before, reader)).toEqual([
      'roles/reader/fields/customer/phone: field level edit on customer.phone',
    ]);
  });

  it('measures a scope grant by the admin’s reach: a subordinate’s records yes, everyone’s no', () => {
    const before = company();
    const grant = (target: PolicyModel['grants'][number]['target']) => ({
      ...before,
      grants: [
        {
          id: 'g1',
          subject: { kind: 'user' as const, userId: 'lucy' },
          object: 'customer' as const,
          target,
          access: 'edit' as const,
          expiresAt: null,
        },
      ],
    });
    expect(check(before, grant({ kind: 'owner', userId: 'lilei' }))).toEqual([
      'grants/g1: customer.create on the customer records owned by lilei',
    ]);
    expect(check(before, grant({ kind: 'all' }))).toEqual([
      'grants/g1: customer.read on every customer',
      'grants/g1: customer.update on every customer',
      'grants/g1: customer.create on every customer',
    ]);
  });

  it('treats reactivating a user as giving their roles and clearance again', () => {
    const before = company();
    before.users.push({
      id: 'boss',
      name: '前老板',
      kind: 'internal',
      status: 'departed',
      departmentId: 'sales',
      managerId: null,
      roleIds: ['manager'],
      clearance: 'restricted',
    });
    const after = {
      ...before,
      users: before.users.map((u) => (u.id === 'boss' ? { ...u, status: 'active' as const } : u)),
    };
    expect(check(before, after, 'lilei')).toContain('users/boss/clearance: clearance restricted');
    // … and the grants made to them.
    const granted = {
      ...before,
      grants: [
        {
          id: 'g-boss',
          subject: { kind: 'user' as const, userId: 'boss' },
          object: 'customer' as const,
          target: { kind: 'all' as const },
          access: 'read' as const,
          expiresAt: null,
        },
      ],
    };
    const back = { ...granted, users: after.users };
    expect(check(granted, back, 'lilei')).toContain(
      'users/boss/status: customer.read on every customer',
    );
    expect(
      check(before, after, 'lilei').some((e) => e.startsWith('users/boss/roleIds: role manager')),
    ).toBe(true);
  });

  it('lets an admin change their own roles only holding every admin function', () => {
    const before = company();
    const after = {
      ...before,
      users: before.users.map((u) => (u.id === 'mgr' ? { ...u, roleIds: ['manager', 'none'] } : u)),
    };
    expect(check(before, after)).toEqual([
      'users/mgr/roleIds: function authz_query',
      'users/mgr/roleIds: function audit_view',
      'users/mgr/roleIds: function view_as',
      'users/mgr/roleIds: function access_review_admin',
      'users/mgr/roleIds: function security_monitor',
      'users/mgr/roleIds: function backup_admin',
      'users/mgr/roleIds: function encryption_admin',
      'users/mgr/roleIds: function privacy_admin',
    ]);
  });

  it('refuses opening an org-wide default or lowering a field sensitivity beyond the admin', () => {
    const before = company();
    const settings = before.objects[0]!;
    const after = {
      ...before,
      objects: [
        {
          ...settings,
          orgWideDefault: 'public_read' as const,
          fields: { ...settings.fields, credit: {} },
        },
      ],
    };
    // lilei: own scope, internal clearance; credit is confidential.
    expect(check(before, after, 'lilei')).toEqual([
      'objects/customer/orgWideDefault: scope all on customer.read',
      'objects/customer/fields/credit/sensitivity: clearance confidential',
    ]);
  });
});
