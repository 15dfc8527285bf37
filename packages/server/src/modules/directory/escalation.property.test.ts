/**
 * No escalation as a property, through the real commit path (`commitChange` on PGlite: validate,
 * escalation check, write, version): a random admin — a random subset of functions, data scopes,
 * a field level and a clearance — makes a random sequence of changes (roles edited and created,
 * roles and clearances given, users created, group members added, grants made, users deactivated
 * and reactivated). Whatever was committed and whatever refused, at the end:
 *
 * for every user u (the admin too) and every dimension d of what u holds —
 *   each function permission, the data scope of each (object, action), the field level of each
 *   declared field, the clearance —
 *   held(u, end)[d] ≤ max(held(u, start)[d], held(admin, start)[d])
 * (a user created in the sequence held nothing at the start); and every sharing rule or grant a
 * user gains (by a new grant, rule or group membership) covers only actions on which the admin
 * held scope `all` at the start. `held` is computed here from the index, independently of the
 * implementation: functions after SoD blocks, the widest scope per slot, per field the most
 * permissive level of the roles that read the object (a role not naming the field gives `edit`).
 */
import {
  DATA_SCOPES,
  FIELD_LEVELS,
  OBJECT_TYPES,
  RECORD_ACTIONS,
  SENSITIVITIES,
  buildIndex,
  coveredActions,
  rank,
  type AccessLevel,
  type DataScope,
  type FieldLevel,
  type ObjectType,
  type PolicyIndex,
  type PolicyModel,
  type Role,
  type Sensitivity,
} from '@custos/engine';
import { loadPolicyModel, savePolicyModel, type Database } from '@custos/store';
import { TEST_BACKENDS } from '@custos/store/test-backends';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.ts';
import { PolicyCache } from '../../http/policy-cache.ts';
import { commitChange } from './commit-change.ts';
import type { PolicyChange } from './policy-change.ts';

const NOW = Date.UTC(2026, 5, 1);
const FUNCTIONS = ['user_admin', 'role_admin', 'authz_query', 'export', 'reports'] as const;
const OBJECTS = ['customer', 'contact'] as const satisfies readonly ObjectType[];
const FIELDS: Record<(typeof OBJECTS)[number], readonly string[]> = {
  customer: ['name', 'phone'],
  contact: ['name'],
};
const ROLE_IDS = ['r-admin', 'r-b', 'r-c'] as const;
const USER_IDS = ['adm', 'u1', 'u2'] as const;

// ── Generators ──────────────────────────────────────────────────────────────────────────────

const scope = fc.constantFrom(...DATA_SCOPES);
const objects = fc.record(
  {
    customer: fc.record({ read: scope, update: scope }, { requiredKeys: [] }),
    contact: fc.record({ read: scope, update: scope }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);
const fields = fc.record(
  {
    customer: fc.record(
      {
        name: fc.constantFrom(...FIELD_LEVELS),
        phone: fc.constantFrom(...FIELD_LEVELS),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);
const functions = fc.subarray([...FUNCTIONS]);
const roleParts = fc.record({ objects, fields, functions });
const clearance = fc.constantFrom(...SENSITIVITIES);

/** The admin always holds one admin function (else every change is refused at the route). */
const admin = fc.record({
  parts: roleParts,
  adminFunction: fc.constantFrom('user_admin', 'role_admin'),
  clearance,
  departmentId: fc.constantFrom('hq', 'sales'),
});

const someUser = fc.constantFrom(...USER_IDS);
const someRoles = fc.subarray([...ROLE_IDS, 'r-new']);

const change: fc.Arbitrary<PolicyChange> = fc.oneof(
  fc.record({
    kind: fc.constant('role.update' as const),
    id: fc.constantFrom(...ROLE_IDS),
    objects,
    fields,
    functions,
  }),
  roleParts.map((p): PolicyChange => ({
    kind: 'role.create',
    role: { id: 'r-new', name: '新角色', ...p },
  })),
  fc
    .record({ id: someUser, roleIds: someRoles, clearance })
    .map((u): PolicyChange => ({ kind: 'user.update', ...u })),
  fc.record({ roleIds: someRoles, clearance }).map((u): PolicyChange => ({
    kind: 'user.create',
    user: {
      id: 'u-new',
      name: '新员工',
      kind: 'internal',
      status: 'active',
      departmentId: 'sales',
      managerId: null,
      ...u,
    },
  })),
  someUser.map((id): PolicyChange => ({
    kind: 'group.add_member',
    id: 'g-pub',
    member: { kind: 'user', id },
  })),
  fc
    .record({ userId: someUser, access: fc.constantFrom<AccessLevel>('read', 'edit', 'manage') })
    .map(({ userId, access }): PolicyChange => ({
      kind: 'grant.create',
      grant: {
        id: `grant-${userId}-${access}`,
        subject: { kind: 'user', userId },
        object: 'customer',
        target: { kind: 'all' },
        access,
        startsAt: null,
        expiresAt: null,
      },
    })),
  fc
    .record({ id: fc.constantFrom('u1', 'u2'), status: fc.constantFrom('suspended', 'departed') })
    .map((d): PolicyChange => ({
      kind: 'user.deactivate',
      ...(d as { id: string; status: 'suspended' }),
    })),
  fc.constantFrom('u1', 'u2').map((id): PolicyChange => ({ kind: 'user.reactivate', id })),
);

function baseModel(
  tenantId: string,
  a: AdminSpec,
  b: Pick<Role, 'objects' | 'fields' | 'functions'>,
  clearances: [Sensitivity, Sensitivity],
): PolicyModel {
  const everything = Object.fromEntries(
    OBJECT_TYPES.map((o) => [o, Object.fromEntries(RECORD_ACTIONS.map((x) => [x, 'all']))]),
  );
  return {
    version: 0,
    tenant: { id: tenantId, name: `租户 ${tenantId}` },
    departments: [
      { id: 'hq', name: '总部', parentId: null },
      { id: 'sales', name: '销售部', parentId: 'hq' },
    ],
    users: [
      {
        id: 'sys',
        name: '系统管理员',
        kind: 'internal',
        status: 'active',
        departmentId: 'hq',
        managerId: null,
        roleIds: ['r-sys'],
        clearance: 'restricted',
      },
      {
        id: 'adm',
        name: '管理员',
        kind: 'internal',
        status: 'active',
        departmentId: a.departmentId,
        managerId: 'sys',
        roleIds: ['r-admin'],
        clearance: a.clearance,
      },
      {
        id: 'u1',
        name: '员工一',
        kind: 'internal',
        status: 'active',
        departmentId: 'sales',
        managerId: 'adm',
        roleIds: ['r-b'],
        clearance: clearances[0],
      },
      {
        id: 'u2',
        name: '员工二',
        kind: 'internal',
        status: 'suspended',
        departmentId: 'sales',
        managerId: 'adm',
        roleIds: ['r-b', 'r-c'],
        clearance: clearances[1],
      },
    ],
    roles: [
      {
        id: 'r-sys',
        name: '系统管理员',
        objects: everything,
        functions: [...FUNCTIONS],
        fields: {},
      },
      {
        id: 'r-admin',
        name: '管理员',
        ...a.parts,
        functions: [...new Set([...a.parts.functions, a.adminFunction])],
      },
      { id: 'r-b', name: '角色乙', ...b },
      { id: 'r-c', name: '角色丙', objects: {}, functions: [], fields: {} },
    ],
    objects: OBJECTS.map((object) => ({
      object,
      orgWideDefault: 'private',
      controlledByParent: object !== 'customer',
      portalExposed: false,
      fields: Object.fromEntries(FIELDS[object].map((f) => [f, {}])),
    })),
    groups: [{ id: 'g-pub', name: '公共组', kind: 'public', userIds: [], groupIds: [] }],
    sharingRules: [
      {
        id: 'sr-all',
        name: '全部客户共享给公共组',
        object: 'customer',
        source: { kind: 'criteria', criteria: [] },
        targetGroupId: 'g-pub',
        access: 'edit',
      },
    ],
    // Given by the system to the suspended u2: reactivating u2 gives it back.
    grants: [
      {
        id: 'grant-start',
        subject: { kind: 'user', userId: 'u2' },
        object: 'customer',
        target: { kind: 'all' },
        access: 'read',
        startsAt: null,
        expiresAt: null,
      },
    ],
    pools: [],
    sodRules: [],
  } as PolicyModel;
}

interface AdminSpec {
  parts: Pick<Role, 'objects' | 'fields' | 'functions'>;
  adminFunction: string;
  clearance: Sensitivity;
  departmentId: string;
}

// ── What a user holds, computed here from the index ─────────────────────────────────────────

interface Held {
  functions: Set<string>;
  scopes: Map<string, number>;
  fieldLevels: Map<string, number>;
  clearance: number;
  /** Sharing rules and grants reaching the user, as `rule:<id>` / `grant:<id>`. */
  paths: Set<string>;
}

function heldBy(index: PolicyIndex, userId: string): Held {
  const ctx = index.principals.get(userId);
  const held: Held = {
    functions: new Set(),
    scopes: new Map(),
    fieldLevels: new Map(),
    clearance: -1,
    paths: new Set(),
  };
  if (ctx === undefined || !ctx.active) return held;
  for (const f of ctx.functions) if (!ctx.blockedFunctions.has(f)) held.functions.add(f);
  OBJECT_TYPES.forEach((object, o) =>
    RECORD_ACTIONS.forEach((action, a) =>
      held.scopes.set(`${object}.${action}`, ctx.privileges[o * RECORD_ACTIONS.length + a] ?? 0),
    ),
  );
  const roles = ctx.user.roleIds.map((id) => index.roles.get(id)).filter((r) => r !== undefined);
  for (const object of OBJECTS) {
    const readers = roles.filter((r) => (r.objects[object]?.read ?? 'none') !== 'none');
    for (const field of FIELDS[object]) {
      const levels = readers.map((r) =>
        rank.field((r.fields[object]?.[field] ?? 'edit') as FieldLevel),
      );
      held.fieldLevels.set(`${object}.${field}`, Math.max(0, ...levels));
    }
  }
  held.clearance = ctx.clearance;
  for (const list of ctx.rules) for (const r of list) held.paths.add(`rule:${r.id}`);
  for (const list of ctx.scopeGrants) for (const g of list) held.paths.add(`grant:${g.id}`);
  return held;
}

/** Every way the end state exceeds what the rules allow, as sentences (empty: none). */
function violations(start: PolicyIndex, end: PolicyIndex): string[] {
  const out: string[] = [];
  const adm = heldBy(start, 'adm');
  for (const userId of end.principals.keys()) {
    const now = heldBy(end, userId);
    const was = heldBy(start, userId);
    for (const f of now.functions)
      if (!was.functions.has(f) && !adm.functions.has(f))
        out.push(`${userId} gained function ${f}`);
    for (const [slot, r] of now.scopes)
      if (r > Math.max(was.scopes.get(slot) ?? 0, adm.scopes.get(slot) ?? 0))
        out.push(`${userId} gained scope ${DATA_SCOPES[r] as DataScope} on ${slot}`);
    for (const [field, r] of now.fieldLevels)
      if (r > Math.max(was.fieldLevels.get(field) ?? 0, adm.fieldLevels.get(field) ?? 0))
        out.push(`${userId} gained field level ${FIELD_LEVELS[r] as FieldLevel} on ${field}`);
    if (now.clearance > Math.max(was.clearance, adm.clearance))
      out.push(`${userId} gained clearance ${SENSITIVITIES[now.clearance] as Sensitivity}`);
    for (const path of now.paths) {
      if (was.paths.has(path)) continue;
      const [kind, id] = path.split(':') as [string, string];
      const access =
        kind === 'rule'
          ? end.model.sharingRules.find((r) => r.id === id)?.access
          : end.model.grants.find((g) => g.id === id)?.access;
      for (const action of coveredActions((access ?? 'manage') as AccessLevel))
        if ((adm.scopes.get(`customer.${action}`) ?? 0) < rank.scope('all'))
          out.push(`${userId} gained ${path} (customer.${action}) beyond the admin`);
    }
  }
  return out;
}

// ── The property ────────────────────────────────────────────────────────────────────────────

describe('no escalation through the commit path (property)', () => {
  let database: Database;
  let policy: PolicyCache;
  const tally = { committed: 0, refused: 0 };

  beforeAll(async () => {
    database = await (TEST_BACKENDS[0] as (typeof TEST_BACKENDS)[number]).open();
    policy = new PolicyCache(database);
  });
  afterAll(async () => {
    await database.close();
  });

  it('no sequence of changes by a random admin ends with anyone holding more than the rules allow', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        admin,
        roleParts,
        fc.tuple(clearance, clearance),
        fc.array(change, { minLength: 1, maxLength: 6 }),
        async (a, b, clearances, changes) => {
          const tenantId = `t${run++}`;
          const start = baseModel(tenantId, a as AdminSpec, b, clearances);
          await savePolicyModel(database.db, tenantId, start);
          const startIndex = buildIndex(await loadPolicyModel(database.db, tenantId));
          for (const c of changes) {
            try {
              await commitChange(database.db, c, { tenantId, actorId: 'adm', now: NOW, policy });
              tally.committed++;
            } catch (error) {
              if (!(error instanceof AppError)) throw error;
              tally.refused++;
            }
          }
          const end = buildIndex(await loadPolicyModel(database.db, tenantId));
          expect(violations(startIndex, end)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
    // The sequences both commit and refuse: the property is not vacuous.
    expect(tally.committed).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 240_000);
});
