/**
 * Admin input checked against the catalogue, and portal principals kept out of internal roles and
 * positions: `validateModel` and `validateChange` name the path of each problem.
 */
import { describe, expect, it } from 'vitest';
import { FUNCTION_CATALOGUE, isKnownFunction } from './function-catalogue.ts';
import { OBJECT_CATALOGUE } from './object-catalogue.ts';
import type { PolicyModel, User } from './model.ts';
import { testModel } from './test-model.ts';
import { validateChange, validateModel } from './validate-model.ts';

const codes = (m: PolicyModel): string[] =>
  validateModel(m).errors.map((e) => `${e.code} ${e.path}`);

const portal = (extra: Partial<User> = {}): User => ({
  id: 'p1',
  name: '门户用户',
  kind: 'portal',
  status: 'active',
  departmentId: null,
  managerId: null,
  roleIds: [],
  clearance: 'public',
  portalAccountId: 'c1',
  ...extra,
});

describe('the function catalogue', () => {
  it('lists each function once, admin or not, described in zh-CN and en-US', () => {
    const names = FUNCTION_CATALOGUE.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of [
      'user_admin',
      'role_admin',
      'authz_query',
      'export',
      'import',
      'reveal_masked',
      'audit_view',
      'view_as',
      'declassify',
      'reports',
    ])
      expect(isKnownFunction(name)).toBe(true);
    for (const f of FUNCTION_CATALOGUE) {
      expect(f.description['zh-CN'].length).toBeGreaterThan(0);
      expect(f.description['en-US'].length).toBeGreaterThan(0);
    }
    expect(FUNCTION_CATALOGUE.filter((f) => f.admin).map((f) => f.name)).toEqual([
      'user_admin',
      'role_admin',
      'authz_query',
      'audit_view',
      'view_as',
      'access_review_admin',
      'security_monitor',
      'encryption_admin',
      'privacy_admin',
    ]);
    // No function shares a name with an object: the two catalogues never collide.
    for (const name of names) expect(name in OBJECT_CATALOGUE).toBe(false);
  });
});

describe('admin input checked against the catalogue', () => {
  it('refuses an unknown function permission in a role or an SoD rule, naming it', () => {
    const m = testModel();
    m.roles[1] = { ...m.roles[1]!, functions: ['export', 'exprot'] };
    m.sodRules = [
      {
        id: 'sod1',
        name: '互斥',
        left: { kind: 'function', name: 'export' },
        right: { kind: 'function', name: 'aprove' },
      },
    ];
    expect(codes(m)).toEqual([
      'ENGINE_UNKNOWN_REFERENCE roles[1].functions[1]',
      'ENGINE_UNKNOWN_REFERENCE sodRules[0].right.name',
    ]);
  });

  it('refuses a role field permission on a field the object does not list', () => {
    const m = testModel();
    m.roles[1] = { ...m.roles[1]!, fields: { customer: { phnoe: 'masked', phone: 'masked' } } };
    expect(codes(m)).toEqual(['ENGINE_UNKNOWN_REFERENCE roles[1].fields.customer.phnoe']);
  });

  it('refuses a sharing-rule criterion on a field the object does not list, constructor included', () => {
    const m = testModel();
    const rule = (field: string) => ({
      id: `sr-${field}`,
      name: field,
      object: 'customer' as const,
      source: { kind: 'criteria' as const, criteria: [{ field, op: 'eq' as const, value: 'x' }] },
      targetGroupId: 'g1',
      access: 'read' as const,
    });
    m.groups = [{ id: 'g1', name: '组', kind: 'public', userIds: [], groupIds: [] }];
    m.sharingRules = [rule('regoin'), rule('constructor'), rule('name')];
    expect(codes(m)).toEqual([
      'ENGINE_UNKNOWN_REFERENCE sharingRules[0].source.criteria[0].field',
      'ENGINE_UNKNOWN_REFERENCE sharingRules[1].source.criteria[0].field',
    ]);
  });

  it('refuses two roles with one name, trimmed and case-insensitive', () => {
    const m = testModel();
    m.roles.push({ id: 'rep2', name: ' 销售代表 ', objects: {}, functions: [], fields: {} });
    expect(codes(m)).toEqual(['ENGINE_DUPLICATE_NAME roles[2].name']);
    const latin = testModel();
    latin.roles[0] = { ...latin.roles[0]!, name: 'Sales' };
    latin.roles[1] = { ...latin.roles[1]!, name: 'sales' };
    expect(codes(latin)).toEqual(['ENGINE_DUPLICATE_NAME roles[1].name']);
  });

  it('re-checks the roles naming a field when the field is removed from the object', () => {
    const before = testModel();
    const rest = Object.fromEntries(
      Object.entries(before.objects[0]!.fields).filter(([name]) => name !== 'idNumber'),
    );
    const after: PolicyModel = {
      ...before,
      objects: [{ ...before.objects[0]!, fields: rest }],
    };
    expect(validateChange(before, after).errors.map((e) => `${e.code} ${e.path}`)).toEqual([
      'ENGINE_UNKNOWN_REFERENCE roles[1].fields.customer.idNumber',
    ]);
  });
});

describe('portal principals hold no internal role or position', () => {
  it('refuses a portal user holding a role with function permissions', () => {
    const m = testModel();
    m.users.push(portal({ roleIds: ['manager'] }));
    expect(codes(m)).toEqual(['ENGINE_PORTAL_INTERNAL users[3].roleIds[0]']);
    // A role without functions is a portal role: allowed (the mandatory layer bounds it).
    const ok = testModel();
    ok.users.push(portal({ roleIds: ['rep'] }));
    expect(codes(ok)).toEqual([]);
  });

  it('refuses a portal user as a department head or as anybody’s manager', () => {
    const m = testModel();
    m.users.push(portal());
    m.departments[1] = { ...m.departments[1]!, headId: 'p1' };
    m.users[1] = { ...m.users[1]!, managerId: 'p1' };
    expect(codes(m)).toEqual([
      'ENGINE_PORTAL_INTERNAL departments[1].headId',
      'ENGINE_PORTAL_INTERNAL users[1].managerId',
    ]);
  });

  it('refuses, as a change, giving a function to a role a portal user holds', () => {
    const before = testModel();
    before.users.push(portal({ roleIds: ['rep'] }));
    const after: PolicyModel = {
      ...before,
      roles: before.roles.map((r) => (r.id === 'rep' ? { ...r, functions: ['user_admin'] } : r)),
    };
    expect(validateChange(before, after).errors.map((e) => `${e.code} ${e.path}`)).toEqual([
      'ENGINE_PORTAL_INTERNAL users[3].roleIds[0]',
    ]);
  });
});
