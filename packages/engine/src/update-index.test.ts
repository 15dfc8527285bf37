/**
 * The incremental index: after any random sequence of valid changes, `updateIndex` applied change
 * by change equals a fresh `buildIndex` of the final model, and `validateChange` accepts exactly
 * the changes after which `validateModel` finds nothing new.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATA_SCOPES,
  OBJECT_TYPES,
  RECORD_ACTIONS,
  buildIndex,
  defaultObjectSettings,
  diffModels,
  updateIndex,
  validateChange,
  validateModel,
  type DataScope,
  type Group,
  type PolicyIndex,
  type PolicyModel,
  type Role,
  type User,
} from './index.ts';

function baseModel(): PolicyModel {
  const user = (
    id: string,
    departmentId: string,
    managerId: string | null,
    roleIds: string[],
  ): User => ({
    id,
    name: id,
    kind: 'internal',
    status: 'active',
    departmentId,
    managerId,
    roleIds,
    clearance: 'internal',
  });
  return {
    version: 1,
    tenant: { id: 't', name: 'T' },
    departments: [
      { id: 'hq', name: 'HQ', parentId: null },
      { id: 'sales', name: 'Sales', parentId: 'hq' },
      { id: 'east', name: 'East', parentId: 'sales' },
      { id: 'west', name: 'West', parentId: 'sales' },
      { id: 'ops', name: 'Ops', parentId: 'hq' },
    ],
    users: [
      user('ceo', 'hq', null, ['admin']),
      user('vp', 'sales', 'ceo', ['manager']),
      user('m-east', 'east', 'vp', ['manager']),
      user('m-west', 'west', 'vp', ['manager']),
      user('r1', 'east', 'm-east', ['rep']),
      user('r2', 'east', 'm-east', ['rep']),
      user('r3', 'west', 'm-west', ['rep']),
      user('r4', 'west', 'm-west', ['rep', 'service']),
      user('o1', 'ops', 'ceo', ['service']),
      user('o2', 'ops', 'o1', ['service']),
    ],
    roles: [
      {
        id: 'admin',
        name: 'admin',
        objects: { customer: { read: 'all' } },
        functions: ['role_admin'],
        fields: {},
      },
      {
        id: 'manager',
        name: 'manager',
        objects: { customer: { read: 'subordinates', update: 'own' } },
        functions: [],
        fields: {},
      },
      {
        id: 'rep',
        name: 'rep',
        objects: { customer: { read: 'own', update: 'own' } },
        functions: ['export'],
        fields: {},
      },
      {
        id: 'service',
        name: 'service',
        objects: { ticket: { read: 'department' } },
        functions: [],
        fields: {},
      },
    ],
    // The sharing rule's criterion names `region`: a field the customer lists.
    objects: OBJECT_TYPES.map((o) =>
      o === 'customer'
        ? { ...defaultObjectSettings(o), fields: { region: {} } }
        : defaultObjectSettings(o),
    ),
    groups: [
      {
        id: 'g-sales',
        name: 'sales',
        kind: 'department',
        departmentId: 'sales',
        includeSubdepartments: true,
      },
      {
        id: 'g-east',
        name: 'east',
        kind: 'department',
        departmentId: 'east',
        includeSubdepartments: false,
      },
      { id: 'g-reps', name: 'reps', kind: 'role', roleId: 'rep' },
      { id: 'g-pub', name: 'pub', kind: 'public', userIds: ['o1'], groupIds: ['g-east'] },
      { id: 'g-outer', name: 'outer', kind: 'public', userIds: [], groupIds: ['g-pub'] },
    ],
    sharingRules: [
      {
        id: 'rule-1',
        name: 'r1',
        object: 'customer',
        source: { kind: 'owner', ownerGroupId: 'g-east' },
        targetGroupId: 'g-outer',
        access: 'read',
      },
      {
        id: 'rule-2',
        name: 'r2',
        object: 'customer',
        source: { kind: 'criteria', criteria: [{ field: 'region', op: 'eq', value: 'east' }] },
        targetGroupId: 'g-reps',
        access: 'edit',
      },
    ],
    grants: [
      {
        id: 'gr-1',
        subject: { kind: 'user', userId: 'r3' },
        object: 'customer',
        target: { kind: 'owner', userId: 'r1' },
        access: 'read',
        expiresAt: null,
      },
      {
        id: 'gr-2',
        subject: { kind: 'group', groupId: 'g-pub' },
        object: 'customer',
        target: { kind: 'department', departmentId: 'west', includeSubdepartments: false },
        access: 'edit',
        expiresAt: null,
      },
    ],
    pools: [{ id: 'pool', name: 'pool', memberGroupIds: ['g-sales'], memberUserIds: ['o2'] }],
    sodRules: [],
  };
}

/** The index as plain data, order-insensitive where order carries no meaning. */
function canonical(index: PolicyIndex): unknown {
  const sorted = (s: Iterable<string>) => [...s].sort();
  const principals = [...index.principals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, p]) => ({
      id,
      user: p.user,
      active: p.active,
      portal: p.portal,
      clearance: p.clearance,
      privileges: [...p.privileges],
      sod: p.sodBlocks.map((r) => r?.id ?? null),
      functions: sorted(p.functions),
      blocked: sorted(p.blockedFunctions.keys()),
      subordinates: sorted(p.subordinates),
      tree: sorted(p.departmentTree),
      groups: sorted(p.groupIds),
      rules: p.rules.map((l) => l.map((r) => r.id)),
      grants: p.scopeGrants.map((l) => l.map((g) => g.id)),
      pools: sorted(p.poolIds),
    }));
  return {
    version: index.version,
    users: sorted(index.users.keys()),
    departments: sorted(index.departments.keys()),
    subtree: [...index.departmentSubtree].map(([k, v]) => [k, sorted(v)]).sort(),
    roles: sorted(index.roles.keys()),
    objects: index.objects,
    groups: [...index.groups.values()].sort((a, b) => a.id.localeCompare(b.id)),
    groupMembers: [...index.groupMembers].map(([k, v]) => [k, sorted(v)]).sort(),
    pools: sorted(index.pools.keys()),
    principals,
  };
}

type Step = [kind: number, a: number, b: number, c: number];

const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];
const replace = <T extends { id: string }>(items: readonly T[], item: T): T[] =>
  items.map((x) => (x.id === item.id ? item : x));

/** One random change, as the admin changes make them: the touched entities replaced, the rest kept. */
function mutate(m: PolicyModel, [kind, a, b, c]: Step, serial: number): PolicyModel {
  const u = pick(m.users, a) as User;
  const role = pick(m.roles, b) as Role;
  const dept = pick(m.departments, c)?.id ?? null;
  switch (kind % 16) {
    case 0: // transfer: department and manager
      return {
        ...m,
        users: replace(m.users, {
          ...u,
          departmentId: dept,
          managerId: pick(m.users, b)?.id ?? null,
        }),
      };
    case 1: // roles of a user
      return {
        ...m,
        users: replace(m.users, {
          ...u,
          roleIds: m.roles.filter((_, i) => (b >> i) & 1).map((r) => r.id),
        }),
      };
    case 2: // (de)activate
      return {
        ...m,
        users: replace(m.users, { ...u, status: u.status === 'active' ? 'suspended' : 'active' }),
      };
    case 3: // a new user
      return {
        ...m,
        users: [
          ...m.users,
          { ...u, id: `new-${serial}`, name: 'new', managerId: u.id, roleIds: [role.id] },
        ],
      };
    case 4: {
      // a role's scope
      const object = pick(OBJECT_TYPES, c) as (typeof OBJECT_TYPES)[number];
      const action = pick(RECORD_ACTIONS, a) as (typeof RECORD_ACTIONS)[number];
      const scope = pick(DATA_SCOPES, b + c) as DataScope;
      return {
        ...m,
        roles: replace(m.roles, {
          ...role,
          objects: { ...role.objects, [object]: { ...role.objects[object], [action]: scope } },
        }),
      };
    }
    case 5: // a new role, and a role deleted when nobody holds it
      if (a % 2 === 0)
        return {
          ...m,
          roles: [
            ...m.roles,
            {
              id: `role-${serial}`,
              name: 'x',
              objects: { customer: { read: 'department' } },
              functions: ['export'],
              fields: {},
            },
          ],
        };
      return m.users.some((x) => x.roleIds.includes(role.id)) ||
        m.groups.some((g) => g.kind === 'role' && g.roleId === role.id)
        ? m
        : { ...m, roles: m.roles.filter((r) => r.id !== role.id) };
    case 6: {
      // public group members
      const g = pick(
        m.groups.filter((x) => x.kind === 'public'),
        b,
      ) as Extract<Group, { kind: 'public' }> | undefined;
      if (g === undefined) return m;
      const has = g.userIds.includes(u.id);
      return {
        ...m,
        groups: replace(m.groups, {
          ...g,
          userIds: has ? g.userIds.filter((x) => x !== u.id) : [...g.userIds, u.id],
        }),
      };
    }
    case 7: {
      // a department group's department or subtree flag
      const g = pick(
        m.groups.filter((x) => x.kind === 'department'),
        b,
      );
      if (g === undefined || g.kind !== 'department' || dept === null) return m;
      return {
        ...m,
        groups: replace(m.groups, { ...g, departmentId: dept, includeSubdepartments: a % 2 === 0 }),
      };
    }
    case 8: {
      // move a department
      const d = pick(m.departments, a);
      if (d === undefined) return m;
      return {
        ...m,
        departments: replace(m.departments, { ...d, parentId: dept === d.id ? null : dept }),
      };
    }
    case 9: // a new department below another
      return {
        ...m,
        departments: [...m.departments, { id: `dept-${serial}`, name: 'd', parentId: dept }],
      };
    case 10: {
      // a sharing rule's target, a new rule, a deleted rule
      const r = pick(m.sharingRules, a);
      const g = pick(m.groups, b)?.id as string;
      if (c % 3 === 0 || r === undefined)
        return {
          ...m,
          sharingRules: [
            ...m.sharingRules,
            {
              id: `rule-${serial}`,
              name: 'n',
              object: 'customer',
              source: { kind: 'owner', ownerGroupId: g },
              targetGroupId: g,
              access: 'read',
            },
          ],
        };
      if (c % 3 === 1) return { ...m, sharingRules: m.sharingRules.filter((x) => x.id !== r.id) };
      return { ...m, sharingRules: replace(m.sharingRules, { ...r, targetGroupId: g }) };
    }
    case 11: {
      // a scope grant given or revoked
      const g = pick(m.grants, a);
      if (c % 2 === 0 || g === undefined)
        return {
          ...m,
          grants: [
            ...m.grants,
            {
              id: `grant-${serial}`,
              subject:
                b % 2 === 0
                  ? { kind: 'user', userId: u.id }
                  : { kind: 'group', groupId: pick(m.groups, b)?.id as string },
              object: 'customer',
              target: { kind: 'all' },
              access: 'read',
              expiresAt: null,
            },
          ],
        };
      return { ...m, grants: m.grants.filter((x) => x.id !== g.id) };
    }
    case 12: {
      // org-wide default
      const o = pick(m.objects, a);
      if (o === undefined) return m;
      return {
        ...m,
        objects: m.objects.map((x) =>
          x === o
            ? { ...o, orgWideDefault: o.orgWideDefault === 'private' ? 'public_read' : 'private' }
            : x,
        ),
      };
    }
    case 13: {
      // pool members
      const p = m.pools[0];
      if (p === undefined) return m;
      const has = p.memberUserIds.includes(u.id);
      return {
        ...m,
        pools: [
          {
            ...p,
            memberUserIds: has
              ? p.memberUserIds.filter((x) => x !== u.id)
              : [...p.memberUserIds, u.id],
          },
        ],
      };
    }
    case 14: // a group deleted when nothing names it, or a new nested group
      if (a % 2 === 0)
        return {
          ...m,
          groups: [
            ...m.groups,
            {
              id: `grp-${serial}`,
              name: 'g',
              kind: 'public',
              userIds: [u.id],
              groupIds: [pick(m.groups, b)?.id as string],
            },
          ],
        };
      return { ...m, groups: m.groups.filter((g) => g.id !== pick(m.groups, b)?.id) };
    default: // an SoD rule
      return m.sodRules.length > 0
        ? { ...m, sodRules: [] }
        : {
            ...m,
            sodRules: [
              {
                id: 'sod',
                name: 'sod',
                left: { kind: 'function', name: 'export' },
                right: { kind: 'object', object: 'ticket', action: 'read' },
              },
            ],
          };
  }
}

const step: fc.Arbitrary<Step> = fc.tuple(fc.nat(63), fc.nat(1023), fc.nat(1023), fc.nat(1023));

describe('updateIndex and validateChange', () => {
  it('the incrementally maintained index equals a fresh buildIndex after any change sequence', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 30 }), (steps) => {
        let model = baseModel();
        expect(validateModel(model).errors).toEqual([]);
        let index = buildIndex(model);
        steps.forEach((s, i) => {
          const next = { ...mutate(model, s, i), version: model.version + 1 };
          const checked = validateChange(model, next);
          const whole = validateModel(next);
          // Incremental validation agrees with the whole model's (the model was valid before).
          expect(checked.ok).toBe(whole.ok);
          if (!checked.ok) return; // refused: nothing committed
          index = updateIndex(index, next, diffModels(model, next));
          model = next;
          expect(canonical(index)).toEqual(canonical(buildIndex(model)));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('names what a change got wrong, and only that', () => {
    const model = baseModel();
    const next = {
      ...model,
      users: replace(model.users, {
        ...(model.users[4] as User),
        managerId: 'nobody',
        roleIds: ['rep', 'gone'],
      }),
    };
    expect(validateChange(model, next).errors.map((e) => `${e.code} ${e.path}`)).toEqual([
      'ENGINE_UNKNOWN_REFERENCE users[4].managerId',
      'ENGINE_UNKNOWN_REFERENCE users[4].roleIds[1]',
    ]);
    // A department removed while a user, a group and a grant still name it: each is named.
    const noWest = { ...model, departments: model.departments.filter((d) => d.id !== 'west') };
    expect(
      validateChange(model, noWest)
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual([
      'grants[1].target.departmentId',
      'users[3].departmentId',
      'users[6].departmentId',
      'users[7].departmentId',
    ]);
    // A reporting cycle through the changed user.
    const cycle = {
      ...model,
      users: replace(model.users, { ...(model.users[1] as User), managerId: 'r1' }),
    };
    expect(validateChange(model, cycle).errors.map((e) => e.code)).toEqual([
      'ENGINE_HIERARCHY_CYCLE',
    ]);
  });
});
