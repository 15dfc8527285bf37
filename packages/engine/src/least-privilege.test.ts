import { describe, expect, it } from 'vitest';
import { leastPrivilege, permissionOfAuditAction, rolePermissions } from './least-privilege.ts';
import type { PolicyModel } from './model.ts';
import { buildIndex } from './policy-index.ts';
import { testModel } from './test-model.ts';

function world(): PolicyModel {
  const m = testModel();
  return {
    ...m,
    roles: [
      ...m.roles,
      // A smaller role than the manager's: customer read only, and export.
      {
        id: 'viewer',
        name: '只读',
        objects: { customer: { read: 'subordinates' } },
        functions: ['export'],
        fields: {},
      },
    ],
    grants: [
      {
        id: 'gr1',
        subject: { kind: 'user', userId: 'lucy' },
        object: 'deal',
        target: { kind: 'all' },
        access: 'read',
        expiresAt: null,
      },
      {
        id: 'gr-old',
        subject: { kind: 'user', userId: 'lucy' },
        object: 'order',
        target: { kind: 'all' },
        access: 'read',
        expiresAt: 10,
      },
    ],
  };
}

describe('least privilege (pure)', () => {
  it('names the permission of an audit action, or null', () => {
    expect(permissionOfAuditAction('customer.update')).toBe('record:customer:update');
    expect(permissionOfAuditAction('function.export')).toBe('function:export');
    expect(permissionOfAuditAction('auth.login')).toBeNull();
    expect(permissionOfAuditAction('customer.fly')).toBeNull();
    expect(permissionOfAuditAction('nodot')).toBeNull();
  });

  it('lists a role’s permissions in the usage counters’ words', () => {
    const rep = testModel().roles.find((r) => r.id === 'rep');
    expect([...rolePermissions(rep!)].sort()).toEqual([
      'record:customer:create',
      'record:customer:read',
      'record:customer:update',
    ]);
  });

  it('reports unused permissions and grants per user and role, denials and a smaller role', () => {
    const model = world();
    const report = leastPrivilege({
      model,
      groupMembers: buildIndex(model).groupMembers,
      uses: [
        { userId: 'mgr', permission: 'record:customer:read', count: 5, lastAt: 100 },
        { userId: 'mgr', permission: 'record:customer:read', count: 2, lastAt: 200 },
        { userId: 'mgr', permission: 'function:export', count: 1, lastAt: 150 },
        { userId: 'lilei', permission: 'record:customer:read', count: 1, lastAt: 100 },
      ],
      denials: [
        {
          userId: 'lucy',
          permission: 'record:deal:update',
          count: 4,
          lastAt: 300,
          targets: ['deal/d1'],
        },
        { userId: 'lilei', permission: 'record:deal:read', count: 2, lastAt: 300, targets: [] },
      ],
      now: 1_000,
    });
    const mgr = report.users.find((u) => u.userId === 'mgr');
    expect(mgr?.exercised).toEqual([
      { permission: 'function:export', count: 1, lastAt: 150 },
      { permission: 'record:customer:read', count: 7, lastAt: 200 },
    ]);
    expect(mgr?.unused).toEqual(['record:customer:update', 'record:deal:read']);
    // Lucy's live grant on deals is unused; the expired one is not listed.
    expect(report.users.find((u) => u.userId === 'lucy')?.unusedGrants).toEqual([
      { grantId: 'gr1', object: 'deal', access: 'read', expiresAt: null },
    ]);
    const rep = report.roles.find((r) => r.roleId === 'rep');
    expect(rep).toMatchObject({ holders: 2, permissions: 3 });
    expect(rep?.unused).toEqual(['record:customer:create', 'record:customer:update']);
    expect(report.roles.find((r) => r.roleId === 'viewer')?.holders).toBe(0);
    // Repeated denials: at least 3 by default.
    expect(report.underPrivileged).toEqual([
      {
        userId: 'lucy',
        userName: '露西',
        permission: 'record:deal:update',
        denials: 4,
        lastAt: 300,
        targets: ['deal/d1'],
      },
    ]);
    // The manager used customer read and export only: the viewer role (2 permissions) fits.
    expect(report.suggestions).toContainEqual({
      userId: 'mgr',
      userName: '韩梅梅',
      currentRoleIds: ['manager'],
      currentPermissions: 4,
      suggestedRoleId: 'viewer',
      suggestedRoleName: '只读',
      suggestedPermissions: 2,
      exercised: ['function:export', 'record:customer:read'],
    });
    // Li Lei used customer read only, but the viewer role would add export: no suggestion.
    expect(report.suggestions.some((s) => s.userId === 'lilei')).toBe(false);
    // Nobody who used nothing gets a suggestion (no evidence).
    expect(report.suggestions.some((s) => s.userId === 'lucy')).toBe(false);
  });

  it('counts repeated denials from the threshold given', () => {
    const model = world();
    const report = leastPrivilege({
      model,
      groupMembers: new Map(),
      uses: [],
      denials: [
        { userId: 'lilei', permission: 'record:deal:read', count: 2, lastAt: 1, targets: [] },
      ],
      now: 0,
      minDenials: 2,
    });
    expect(report.underPrivileged.map((d) => d.userId)).toEqual(['lilei']);
    expect(report.suggestions).toEqual([]);
  });
});
