import { buildIndex, type PolicyModel } from '@custos/engine';
import { demoCompany } from '@custos/store';
import { describe, expect, it } from 'vitest';
import {
  functionsOf,
  holdsAdminFunction,
  isAdminFunction,
  policyRequiresMfa,
} from './mfa-policy.ts';

const NOW = Date.UTC(2026, 5, 1);

/** The demo policy with a role `billing-admin` (function `billing_admin`) given to 李雷. */
function model(): PolicyModel {
  const base = structuredClone(demoCompany({ customers: 2, now: NOW }).model);
  base.roles.push({
    id: 'billing-admin',
    name: 'Billing admin',
    objects: {},
    functions: ['billing_admin'],
    fields: {},
  });
  base.roles.push({
    id: 'authz-auditor',
    name: 'Authz auditor',
    objects: {},
    functions: ['authz_query'],
    fields: {},
  });
  const lilei = base.users.find((u) => u.id === 'lilei');
  const hanmeimei = base.users.find((u) => u.id === 'hanmeimei');
  if (lilei === undefined || hanmeimei === undefined) throw new Error('demo users missing');
  lilei.roleIds = [...lilei.roleIds, 'billing-admin'];
  hanmeimei.roleIds = [...hanmeimei.roleIds, 'authz-auditor'];
  return base;
}

describe('MFA policy', () => {
  it('counts user_admin, role_admin, authz_query and any *_admin function as an administrator’s', () => {
    for (const name of ['user_admin', 'role_admin', 'authz_query', 'billing_admin', 'x_admin'])
      expect({ name, admin: isAdminFunction(name) }).toEqual({ name, admin: true });
    for (const name of ['export', 'import', 'reveal_masked', 'audit_view', 'admin', 'administer'])
      expect({ name, admin: isAdminFunction(name) }).toEqual({ name, admin: false });
  });

  it('requires MFA per policy: off nobody, admins the holders of admin functions, everyone all', () => {
    const m = model();
    const index = buildIndex(m);
    expect(functionsOf(m, index, 'lilei')).toContain('billing_admin');
    const cases: [string, boolean][] = [
      ['zhoumin', true], // sys-admin: user_admin, role_admin
      ['lilei', true], // billing_admin
      ['hanmeimei', true], // authz_query
      ['wangzhiqiang', false], // 销售总监: export, reports
      ['zhangjianguo', false], // auditor: audit_view
    ];
    for (const [userId, admin] of cases) {
      expect({ userId, admin: holdsAdminFunction(m, index, userId) }).toEqual({ userId, admin });
      expect(policyRequiresMfa('off', m, index, userId)).toBe(false);
      expect({ userId, admins: policyRequiresMfa('admins', m, index, userId) }).toEqual({
        userId,
        admins: admin,
      });
      expect(policyRequiresMfa('everyone', m, index, userId)).toBe(true);
    }
    expect(policyRequiresMfa('admins', m, index, 'nobody')).toBe(false);
  });
});
