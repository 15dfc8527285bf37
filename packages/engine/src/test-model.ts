import type { CrmRecord, PolicyModel, User } from './model.ts';

/** A small company for unit tests: 销售部 with 华东 below it, a manager and two reps. */
export function testModel(overrides: Partial<PolicyModel> = {}): PolicyModel {
  const user = (u: Partial<User> & Pick<User, 'id' | 'name'>): User => ({
    kind: 'internal',
    status: 'active',
    departmentId: 'east',
    managerId: 'mgr',
    roleIds: ['rep'],
    clearance: 'internal',
    ...u,
  });
  return {
    version: 1,
    tenant: { id: 't1', name: '示例公司' },
    departments: [
      { id: 'sales', name: '销售部', parentId: null, headId: 'mgr' },
      { id: 'east', name: '华东大区', parentId: 'sales' },
    ],
    users: [
      user({
        id: 'mgr',
        name: '韩梅梅',
        departmentId: 'sales',
        managerId: null,
        roleIds: ['manager'],
        clearance: 'confidential',
      }),
      user({ id: 'lilei', name: '李雷' }),
      user({ id: 'lucy', name: '露西' }),
    ],
    roles: [
      {
        id: 'manager',
        name: '销售经理',
        objects: {
          customer: { read: 'subordinates', update: 'subordinates' },
          deal: { read: 'all' },
        },
        functions: ['export'],
        fields: {},
      },
      {
        id: 'rep',
        name: '销售代表',
        objects: { customer: { read: 'own', update: 'own', create: 'own' } },
        functions: [],
        fields: { customer: { idNumber: 'masked' } },
      },
    ],
    objects: [
      {
        object: 'customer',
        orgWideDefault: 'private',
        controlledByParent: false,
        portalExposed: false,
        fields: {
          name: {},
          phone: { mask: 'phone' },
          idNumber: { mask: 'id_number' },
          credit: { sensitivity: 'confidential' },
        },
      },
    ],
    groups: [],
    sharingRules: [],
    grants: [],
    pools: [],
    sodRules: [],
    ...overrides,
  };
}

export function customer(
  id: string,
  ownerId: string | null,
  extra: Partial<CrmRecord> = {},
): CrmRecord {
  return {
    object: 'customer',
    id,
    customerId: id,
    ownerId,
    departmentId: ownerId === 'mgr' ? 'sales' : ownerId ? 'east' : null,
    sensitivity: 'internal',
    fields: {
      name: `客户 ${id}`,
      phone: '13812345678',
      idNumber: '110101199003071234',
      credit: 'A',
    },
    ...extra,
  };
}
