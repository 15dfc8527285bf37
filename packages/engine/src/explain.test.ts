import { describe, expect, it } from 'vitest';
import { explain } from './explain.ts';
import { filter } from './filter.ts';
import { fieldAccess } from './field-access.ts';
import { hasFunction } from './functions.ts';
import { customer, testModel } from './test-model.ts';

const model = testModel();

describe('explain', () => {
  it('names the role and the reporting line, in zh-CN and en-US', () => {
    const e = explain(model, 'mgr', 'read', customer('c1', 'lilei'), 0);
    expect(e.allowed).toBe(true);
    expect(e.allowedBy).toEqual([
      expect.objectContaining({
        kind: 'scope',
        roleName: '销售经理',
        relation: 'subordinate',
        ownerName: '李雷',
      }),
    ]);
    expect(e.text['zh-CN']).toBe(
      '允许。你的角色「销售经理」可读取下属的客户;该客户负责人 李雷 向你汇报。',
    );
    expect(e.text['en-US']).toBe(
      "Allowed. Your role “销售经理” may read your subordinates' customers; the customer's owner 李雷 reports to you.",
    );
  });

  it('gives the rule that denied, and lists every allowing path', () => {
    // The team travels with the record; the grant is given in the model (a small model may).
    const c2 = {
      ...customer('c2', 'lilei'),
      team: [{ customerId: 'c2', userId: 'lucy', access: 'edit' as const }],
    };
    const m = testModel({
      grants: [
        {
          id: 'g1',
          subject: { kind: 'user', userId: 'lucy' },
          object: 'customer',
          target: { kind: 'record', recordId: 'c2' },
          access: 'read',
          expiresAt: 1000,
        },
      ],
    });
    const denied = explain(m, 'lucy', 'delete', c2, 0);
    expect(denied.deniedBy).toEqual({ kind: 'no_privilege', object: 'customer', action: 'delete' });
    expect(denied.text['zh-CN']).toBe('拒绝。你的角色没有删除客户的权限。');
    const both = explain(m, 'lucy', 'read', c2, 0);
    expect(both.allowedBy.map((r) => r.kind)).toEqual(['team', 'grant']);
    expect(both.text['zh-CN']).toContain('临时授权 g1(只读权限,有效至 1970-01-01T00:00:01Z)');
    expect(explain(m, 'lucy', 'read', c2, 1000).allowedBy.map((r) => r.kind)).toEqual(['team']);
  });

  it('names the group a grant was given to (from the index)', () => {
    const m = testModel({
      groups: [
        { id: 'cover', name: '休假代班组', kind: 'public', userIds: ['lucy'], groupIds: [] },
      ],
      grants: [
        {
          id: 'g2',
          subject: { kind: 'group', groupId: 'cover' },
          object: 'customer',
          target: { kind: 'owner', userId: 'lilei' },
          access: 'read',
          expiresAt: null,
        },
      ],
    });
    const e = explain(m, 'lucy', 'read', customer('c2', 'lilei'), 0);
    expect(e.allowedBy).toEqual([
      expect.objectContaining({
        kind: 'grant',
        via: { kind: 'group', groupId: 'cover', groupName: '休假代班组' },
      }),
    ]);
    expect(e.text['zh-CN']).toContain('授予你所在的组「休假代班组」');
  });

  it('explains a clearance denial on a confidential customer', () => {
    const e = explain(
      model,
      'lilei',
      'read',
      customer('vip', 'lilei', { sensitivity: 'confidential' }),
      0,
    );
    expect(e.deniedBy).toEqual({
      kind: 'clearance',
      clearance: 'internal',
      sensitivity: 'confidential',
      onParent: false,
    });
    expect(e.text['zh-CN']).toBe('拒绝。该记录的敏感级别「机密」高于你的权限级别「内部」。');
  });
});

describe('filter', () => {
  it('folds to false when nothing can be allowed and to a constant path when everything is', () => {
    expect(filter(model, 'lilei', 'delete', 'customer', 0)).toEqual({
      kind: 'const',
      value: false,
    });
    expect(filter(model, 'nobody', 'read', 'customer', 0)).toEqual({ kind: 'const', value: false });
    const m = testModel();
    m.users[0] = { ...m.users[0]!, clearance: 'restricted' };
    m.roles[0] = { ...m.roles[0]!, objects: { customer: { read: 'all' } } };
    expect(filter(m, 'mgr', 'read', 'customer', 0)).toEqual({ kind: 'const', value: true });
  });

  it('has the documented shape: mandatory layer and the paths', () => {
    expect(filter(model, 'lilei', 'read', 'customer', 0)).toEqual({
      kind: 'and',
      items: [
        { kind: 'sensitivity_at_most', level: 'internal' },
        {
          kind: 'or',
          items: [
            { kind: 'owner_in', userIds: ['lilei'] },
            { kind: 'team_member', userId: 'lilei', minAccess: 'read' },
            { kind: 'record_grant', userId: 'lilei', groupIds: [], minAccess: 'read', at: 0 },
          ],
        },
      ],
    });
  });
});

describe('fieldAccess and functions', () => {
  it('masks what a role masks, hides what is above clearance, caps by record access', () => {
    expect(fieldAccess(model, 'lilei', 'customer', customer('c1', 'lilei'), 0)).toEqual({
      name: 'edit',
      phone: 'edit',
      idNumber: 'masked',
      credit: 'hidden',
    });
    expect(fieldAccess(model, 'lilei', 'customer', customer('c9', 'lucy'), 0)).toEqual({
      name: 'hidden',
      phone: 'hidden',
      idNumber: 'hidden',
      credit: 'hidden',
    });
    expect(fieldAccess(model, 'mgr', 'customer', customer('c1', 'lilei'), 0).credit).toBe('edit');
  });

  it('function permissions follow roles and status', () => {
    expect(hasFunction(model, 'mgr', 'export')).toBe(true);
    expect(hasFunction(model, 'lilei', 'export')).toBe(false);
    const m = testModel();
    m.users[0] = { ...m.users[0]!, status: 'suspended' };
    expect(hasFunction(m, 'mgr', 'export')).toBe(false);
  });
});
