/**
 * Property tests: on random small models and records, the three views of DESIGN.md section 3
 * agree (filter evaluated in memory == decide == explain.allowed), field access never exceeds
 * record access, and validateModel never throws, whatever it is given.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_LEVELS,
  DATA_SCOPES,
  FIELD_LEVELS,
  OBJECT_TYPES,
  ORG_WIDE_DEFAULTS,
  RECORD_ACTIONS,
  SENSITIVITIES,
  decide,
  evaluatePredicate,
  explain,
  fieldAccess,
  filter,
  rank,
  validateModel,
  type CrmRecord,
  type Criterion,
  type DataScope,
  type FieldLevel,
  type FieldSetting,
  type Grant,
  type GrantTarget,
  type ModelError,
  type Group,
  type ObjectPermission,
  type ObjectSettings,
  type ObjectType,
  type PermissionRef,
  type PolicyModel,
  type RecordAction,
  type Role,
  type Sensitivity,
  type SharingRule,
  type User,
  attachRecordFacts,
  decideWithReason,
  reach,
  reachPathOf,
} from './index.ts';

const NOW = Date.UTC(2026, 5, 1);
/** Grant boundaries fall on these instants; decisions are checked just before, at and after. */
const INSTANTS = [NOW - 1, NOW, NOW + 1] as const;
const CHILD_OBJECTS = OBJECT_TYPES.filter((o) => o !== 'customer');
const REGIONS = ['east', 'north', 'west'] as const;
const FUNCTIONS = ['approve_discount', 'reveal_masked'] as const;

const sensitivity = fc.constantFrom(...SENSITIVITIES);
/** Biased so that most decisions get past the mandatory layer and exercise the access paths. */
const clearance = fc.constantFrom<Sensitivity>(
  'public',
  'internal',
  'confidential',
  'confidential',
  'restricted',
  'restricted',
);
const recordSensitivity = fc.constantFrom<Sensitivity>(
  'public',
  'public',
  'internal',
  'internal',
  'confidential',
  'restricted',
);
const objectType = fc.constantFrom(...OBJECT_TYPES);
/** Rules and grants mostly name the customer, which controlled children defer to. */
const ruleObject = fc.constantFrom<ObjectType>('customer', 'customer', ...OBJECT_TYPES);
const accessLevel = fc.constantFrom(...ACCESS_LEVELS);
const time = fc.option(fc.constantFrom(NOW - 1, NOW, NOW + 1), { nil: null });
/** An index below `n`, or null. */
const optionalIndex = (n: number): fc.Arbitrary<number | null> =>
  n === 0 ? fc.constant(null) : fc.option(fc.nat({ max: n - 1 }), { nil: null });
const index = (n: number): fc.Arbitrary<number> => fc.nat({ max: Math.max(n - 1, 0) });

const objectPermission: fc.Arbitrary<ObjectPermission> = fc.record(
  Object.fromEntries(RECORD_ACTIONS.map((a) => [a, fc.constantFrom(...DATA_SCOPES)])) as Record<
    RecordAction,
    fc.Arbitrary<DataScope>
  >,
  { requiredKeys: [] },
);

const fieldLevels: fc.Arbitrary<Record<string, FieldLevel>> = fc.record(
  { phone: fc.constantFrom(...FIELD_LEVELS), note: fc.constantFrom(...FIELD_LEVELS) },
  { requiredKeys: [] },
);

const criterion: fc.Arbitrary<Criterion> = fc.oneof(
  fc.record({
    field: fc.constant('region'),
    op: fc.constantFrom('eq' as const, 'ne' as const),
    value: fc.constantFrom<string | number>(...REGIONS, 5),
  }),
  fc.record({
    field: fc.constant('region'),
    op: fc.constant('in' as const),
    values: fc.subarray([...REGIONS], { minLength: 1 }),
  }),
  fc.record({
    field: fc.constant('amount'),
    op: fc.constantFrom('lt' as const, 'gt' as const, 'eq' as const),
    value: fc.integer({ min: 0, max: 100 }),
  }),
  fc.record({
    field: fc.constant('amount'),
    op: fc.constant('between' as const),
    low: fc.integer({ min: 0, max: 50 }),
    high: fc.integer({ min: 50, max: 100 }),
  }),
);

const fieldSetting: fc.Arbitrary<FieldSetting> = fc.record(
  { sensitivity, internal: fc.boolean() },
  { requiredKeys: [] },
);

interface World {
  model: PolicyModel;
  records: CrmRecord[];
}

const sizes = fc.record({
  departments: fc.integer({ min: 1, max: 4 }),
  users: fc.integer({ min: 1, max: 6 }),
  roles: fc.integer({ min: 1, max: 3 }),
  groups: fc.integer({ min: 1, max: 3 }),
  customers: fc.integer({ min: 1, max: 3 }),
  children: fc.integer({ min: 0, max: 4 }),
});

/** A random model whose references all resolve and whose hierarchies are trees. */
const world: fc.Arbitrary<World> = sizes.chain((n) => {
  const departmentId = (i: number): string => `d${i}`;
  const userId = (i: number): string => `u${i}`;
  const roleId = (i: number): string => `r${i}`;
  const groupId = (i: number): string => `g${i}`;
  const customerId = (i: number): string => `c${i}`;
  const recordIds = [
    ...Array.from({ length: n.customers }, (_, i) => customerId(i)),
    ...Array.from({ length: n.children }, (_, i) => `k${i}`),
  ];
  const userIds = Array.from({ length: n.users }, (_, i) => userId(i));

  const departments = fc.tuple(
    ...Array.from({ length: n.departments }, (_, i) => optionalIndex(i)),
  );
  const users = fc.tuple(
    ...Array.from({ length: n.users }, (_, i) =>
      fc.record({
        portal: fc.nat(3).map((k) => k === 0 && i > 0),
        status: fc.constantFrom<User['status']>(
          ...(Array(8).fill('active') as User['status'][]),
          'suspended',
          'departed',
        ),
        department: optionalIndex(n.departments),
        manager: optionalIndex(i),
        roles: fc.subarray(Array.from({ length: n.roles }, (_, r) => roleId(r))),
        clearance,
        account: index(n.customers),
      }),
    ),
  );
  const roles = fc.array(
    fc.record({
      objects: fc.record(
        Object.fromEntries(OBJECT_TYPES.map((o) => [o, objectPermission])) as Record<
          ObjectType,
          fc.Arbitrary<ObjectPermission>
        >,
        { requiredKeys: [] },
      ),
      fields: fc.record(
        Object.fromEntries(OBJECT_TYPES.map((o) => [o, fieldLevels])) as Record<
          ObjectType,
          fc.Arbitrary<Record<string, FieldLevel>>
        >,
        { requiredKeys: [] },
      ),
      functions: fc.subarray([...FUNCTIONS]),
    }),
    { minLength: n.roles, maxLength: n.roles },
  );
  const objects = fc.tuple(
    ...OBJECT_TYPES.map((object) =>
      fc.record({
        object: fc.constant(object),
        orgWideDefault: fc.constantFrom(...ORG_WIDE_DEFAULTS),
        controlledByParent: object === 'customer' ? fc.constant(false) : fc.boolean(),
        portalExposed: fc.boolean(),
        // Criteria name `region` and `amount`, roles' field permissions `phone` and `note`: all
        // four are always known fields.
        fields: fc.record({
          region: fc.constant({}),
          amount: fc.constant({}),
          phone: fieldSetting,
          note: fieldSetting,
        }),
      }),
    ),
  ) as fc.Arbitrary<ObjectSettings[]>;
  const groups = fc.tuple(
    ...Array.from({ length: n.groups }, (_, i) =>
      fc.oneof(
        fc.record({
          kind: fc.constant('department' as const),
          department: index(n.departments),
          includeSubdepartments: fc.boolean(),
        }),
        fc.record({ kind: fc.constant('role' as const), role: index(n.roles) }),
        fc.record({
          kind: fc.constant('public' as const),
          users: fc.subarray(userIds),
          nested: fc.subarray(Array.from({ length: i }, (_, g) => groupId(g))),
        }),
      ),
    ),
  );
  const teams = fc.array(
    fc.record({ customer: index(n.customers), user: index(n.users), access: accessLevel }),
    { maxLength: 4 },
  );
  const sharingRules = fc.array(
    fc.record({
      object: ruleObject,
      source: fc.oneof(
        fc.array(criterion, { maxLength: 2 }),
        index(n.groups).map((g) => ({ ownerGroup: g })),
      ),
      target: index(n.groups),
      access: fc.constantFrom('read' as const, 'edit' as const),
    }),
    { maxLength: 3 },
  );
  const grantTarget: fc.Arbitrary<GrantTarget> = fc.oneof(
    fc.constantFrom(...recordIds).map((recordId) => ({ kind: 'record' as const, recordId })),
    fc.record({
      kind: fc.constant('department' as const),
      departmentId: index(n.departments).map(departmentId),
      includeSubdepartments: fc.boolean(),
    }),
    index(n.users).map((u) => ({ kind: 'owner' as const, userId: userId(u) })),
    fc.constant({ kind: 'all' as const }),
  );
  const grants = fc.array(
    fc.record({
      subject: fc.oneof(
        index(n.users).map((u) => ({ kind: 'user' as const, userId: userId(u) })),
        index(n.groups).map((g) => ({ kind: 'group' as const, groupId: groupId(g) })),
      ),
      object: ruleObject,
      target: grantTarget,
      access: accessLevel,
      startsAt: time,
      expiresAt: time,
    }),
    { maxLength: 6 },
  );
  const pools = fc.array(
    fc.record({
      users: fc.subarray(userIds),
      groups: fc.subarray(Array.from({ length: n.groups }, (_, g) => groupId(g))),
    }),
    { maxLength: 2 },
  );
  const permissionRef: fc.Arbitrary<PermissionRef> = fc.oneof(
    fc.record({
      kind: fc.constant('object' as const),
      object: objectType,
      action: fc.constantFrom(...RECORD_ACTIONS),
    }),
    fc.record({ kind: fc.constant('function' as const), name: fc.constantFrom(...FUNCTIONS) }),
  );
  const sodRules = fc.array(fc.record({ left: permissionRef, right: permissionRef }), {
    maxLength: 2,
  });
  const recordFields = fc.record(
    {
      region: fc.constantFrom<string | number>(...REGIONS, 7),
      amount: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant('50')),
      phone: fc.constant('13812345678'),
      note: fc.constant('内部备注'),
    },
    { requiredKeys: [] },
  );
  const recordBase = {
    owner: optionalIndex(n.users),
    /** `owner`: the owner's department (DESIGN's 归属部门 rule); otherwise any or none. */
    department: fc.oneof(fc.constant('owner' as const), optionalIndex(n.departments)),
    sensitivity: recordSensitivity,
    createdBy: optionalIndex(n.users),
    contact: optionalIndex(n.users),
    fields: recordFields,
  };
  const customers = fc.tuple(
    ...Array.from({ length: n.customers }, () => fc.record({ ...recordBase, pool: fc.nat(3) })),
  );
  const children = fc.array(
    fc.record({
      ...recordBase,
      object: fc.constantFrom(...CHILD_OBJECTS),
      customer: index(n.customers),
    }),
    { minLength: n.children, maxLength: n.children },
  );

  return fc
    .record({
      departments,
      users,
      roles,
      objects,
      groups,
      teams,
      sharingRules,
      grants,
      pools,
      sodRules,
      customers,
      children,
    })
    .map((p): World => {
      const userList: User[] = p.users.map((u, i) => ({
        id: userId(i),
        name: `用户${i}`,
        kind: u.portal ? 'portal' : 'internal',
        status: u.status,
        departmentId: u.department === null ? null : departmentId(u.department),
        managerId: u.manager === null ? null : userId(u.manager),
        roleIds: u.roles,
        clearance: u.clearance,
        portalAccountId: u.portal ? customerId(u.account) : null,
      }));
      const groupList: Group[] = p.groups.map((g, i) => {
        const base = { id: groupId(i), name: `组${i}` };
        switch (g.kind) {
          case 'department':
            return {
              ...base,
              kind: g.kind,
              departmentId: departmentId(g.department),
              includeSubdepartments: g.includeSubdepartments,
            };
          case 'role':
            return { ...base, kind: g.kind, roleId: roleId(g.role) };
          case 'public':
            return { ...base, kind: g.kind, userIds: g.users, groupIds: g.nested };
        }
      });
      const allGrants = p.grants.map((g, i): Grant => ({ id: `grant${i}`, ...g }));
      const model: PolicyModel = {
        version: 1,
        tenant: { id: 't', name: '随机企业' },
        departments: p.departments.map((parent, i) => ({
          id: departmentId(i),
          name: `部门${i}`,
          parentId: parent === null ? null : departmentId(parent),
        })),
        users: userList,
        roles: p.roles.map((r, i): Role => ({
          id: roleId(i),
          name: `角色${i}`,
          objects: r.objects,
          functions: r.functions,
          fields: r.fields,
        })),
        objects: p.objects,
        groups: groupList,
        sharingRules: p.sharingRules.map((r, i): SharingRule => ({
          id: `rule${i}`,
          name: `规则${i}`,
          object: r.object,
          source: Array.isArray(r.source)
            ? { kind: 'criteria', criteria: r.source }
            : { kind: 'owner', ownerGroupId: groupId(r.source.ownerGroup) },
          targetGroupId: groupId(r.target),
          access: r.access,
        })),
        // Record grants: even ones in the model (a small model may carry them), odd ones with
        // their records (where the store keeps them). Both paths must agree.
        grants: allGrants.filter((g, i) => g.target.kind !== 'record' || i % 2 === 0),
        pools: p.pools.map((pool, i) => ({
          id: `pool${i}`,
          name: `公海${i}`,
          memberUserIds: pool.users,
          memberGroupIds: pool.groups,
        })),
        sodRules: p.sodRules.map((s, i) => ({ id: `sod${i}`, name: `职责分离${i}`, ...s })),
      };
      type Base = (typeof p.customers)[number];
      const attributes = (r: Omit<Base, 'pool'>) => {
        const ownerId = r.owner === null ? null : userId(r.owner);
        const owner = r.owner === null ? undefined : userList[r.owner];
        return {
          ownerId,
          departmentId:
            r.department === 'owner'
              ? (owner?.departmentId ?? null)
              : r.department === null
                ? null
                : departmentId(r.department),
          sensitivity: r.sensitivity,
          createdById: r.createdBy === null ? null : userId(r.createdBy),
          contactUserId: r.contact === null ? null : userId(r.contact),
          fields: r.fields,
        };
      };
      const customerRecords: CrmRecord[] = p.customers.map((c, i) => ({
        object: 'customer',
        id: customerId(i),
        customerId: customerId(i),
        ...attributes(c),
        poolId: c.pool < model.pools.length ? `pool${c.pool}` : null,
      }));
      const childRecords: CrmRecord[] = p.children.map((c, i) => {
        const parent = customerRecords[c.customer] as CrmRecord;
        return {
          object: c.object,
          id: `k${i}`,
          customerId: parent.id,
          ...attributes(c),
          poolId: null,
          parent,
        };
      });
      const records = [...customerRecords, ...childRecords];
      attachRecordFacts(
        records,
        p.teams.map((t) => ({
          customerId: customerId(t.customer),
          userId: userId(t.user),
          access: t.access,
        })),
        allGrants.filter((g, i) => g.target.kind === 'record' && i % 2 === 1),
      );
      return { model, records };
    });
});

/** Every (user, action, record, instant) where filter, decide and explain disagree. */
function disagreements({ model, records }: World): string[] {
  const out: string[] = [];
  const principals = [...model.users.map((u) => u.id), 'nobody'];
  for (const now of INSTANTS) {
    for (const principal of principals) {
      for (const action of RECORD_ACTIONS) {
        const predicates = new Map<ObjectType, ReturnType<typeof filter>>();
        for (const record of records) {
          let predicate = predicates.get(record.object);
          if (predicate === undefined) {
            predicate = filter(model, principal, action, record.object, now);
            predicates.set(record.object, predicate);
          }
          const decided = decide(model, principal, action, record, now);
          const filtered = evaluatePredicate(model, predicate, record);
          const explained = explain(model, principal, action, record, now);
          const reasoned = decideWithReason(model, principal, action, record, now);
          const firstReason = explained.allowed
            ? explained.allowedBy[0]?.kind
            : explained.deniedBy?.kind;
          if (reasoned.allowed !== explained.allowed || reasoned.reason !== firstReason) {
            out.push(
              `${principal} ${action} ${record.id}: decideWithReason ${JSON.stringify(reasoned)} explain ${firstReason}`,
            );
          }
          if (decided !== filtered || decided !== explained.allowed) {
            out.push(
              `${principal} ${action} ${record.object} ${record.id} at now${now - NOW >= 0 ? '+' : ''}${now - NOW}: ` +
                `decide=${decided} filter=${filtered} explain=${explained.allowed}`,
            );
          } else if (explained.allowed !== explained.allowedBy.length > 0) {
            out.push(`${principal} ${action} ${record.id}: explain gave no path for an allow`);
          }
        }
      }
    }
  }
  return out;
}

/**
 * Every (user, action, object, path, record) where `reach`'s term for the path disagrees with
 * whether `explain` names the path among the record's `allowedBy`, and every record where the
 * union of the terms is not `filter`'s answer.
 */
function reachDisagreements({ model, records }: World): string[] {
  const out: string[] = [];
  for (const principal of [...model.users.map((u) => u.id), 'nobody']) {
    for (const action of ['read', 'update', 'delete'] as const) {
      for (const object of OBJECT_TYPES) {
        const r = reach(model, principal, action, object, NOW);
        for (const record of records.filter((x) => x.object === object)) {
          const explained = explain(model, principal, action, record, NOW);
          const paths = new Set(explained.allowedBy.map(reachPathOf));
          let any = false;
          for (const term of r.terms) {
            const hit =
              evaluatePredicate(model, term.predicate, record) &&
              !evaluatePredicate(model, term.exclude, record);
            any ||= hit;
            if (hit !== paths.has(term.path)) {
              out.push(
                `${principal} ${action} ${record.id} ${term.path}: reach=${hit} explain=${paths.has(term.path)}`,
              );
            }
          }
          for (const path of paths) {
            if (!r.terms.some((t) => t.path === path))
              out.push(`${principal} ${record.id}: no term for ${path}`);
          }
          if (any !== evaluatePredicate(model, r.total, record) || any !== explained.allowed) {
            out.push(
              `${principal} ${action} ${record.id}: union of terms ${any}, allowed ${explained.allowed}`,
            );
          }
        }
      }
    }
  }
  return out;
}

/** Every field level that exceeds what the record access, clearance or portal rules allow. */
function fieldExcesses({ model, records }: World): string[] {
  const out: string[] = [];
  for (const now of INSTANTS) {
    for (const user of model.users) {
      for (const record of records) {
        const levels = fieldAccess(model, user.id, record.object, record, now);
        const readable = decide(model, user.id, 'read', record, now);
        const updatable = decide(model, user.id, 'update', record, now);
        const settings = model.objects.find((o) => o.object === record.object)?.fields ?? {};
        for (const field of new Set([...Object.keys(settings), ...Object.keys(record.fields)])) {
          const level = levels[field];
          const where = `${user.id} ${record.id}.${field}=${String(level)}`;
          if (level === undefined) out.push(`${where}: field missing from fieldAccess`);
          else if (!readable && level !== 'hidden') out.push(`${where} on an unreadable record`);
          else if (!updatable && level === 'edit') out.push(`${where} on a record not updatable`);
          const s = settings[field];
          const tooSensitive =
            s?.sensitivity !== undefined &&
            rank.sensitivity(s.sensitivity) > rank.sensitivity(user.clearance);
          const internalForPortal = user.kind === 'portal' && s?.internal === true;
          if ((tooSensitive || internalForPortal) && level !== 'hidden') {
            out.push(`${where} but the field must be hidden`);
          }
        }
      }
    }
  }
  return out;
}

describe('engine properties on random models', () => {
  it('filter == decide == explain.allowed for every principal × record × action', () => {
    fc.assert(
      fc.property(world, (w) => {
        expect(disagreements(w)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reach: each path term selects exactly the records whose explanation names the path', () => {
    fc.assert(
      fc.property(world, (w) => {
        expect(reachDisagreements(w)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('fieldAccess never exceeds record access, clearance or portal visibility', () => {
    fc.assert(
      fc.property(world, (w) => {
        expect(fieldExcesses(w)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('validateModel never throws on random models, valid or not', () => {
    const someId = fc.constantFrom('a', 'b', 'c', '', 'ghost');
    const someEnum = <T extends string>(values: readonly T[]): fc.Arbitrary<T> =>
      fc.oneof(fc.constantFrom(...values), fc.constant('bogus' as T));
    const wild: fc.Arbitrary<PolicyModel> = fc.record({
      version: fc.nat(),
      tenant: fc.constant({ id: 't', name: 't' }),
      departments: fc.array(
        fc.record({ id: someId, name: fc.string(), parentId: fc.option(someId, { nil: null }) }),
        { maxLength: 4 },
      ),
      users: fc.array(
        fc.record({
          id: someId,
          name: fc.string(),
          kind: someEnum(['internal', 'portal'] as const),
          status: someEnum(['active', 'suspended', 'departed'] as const),
          departmentId: fc.option(someId, { nil: null }),
          managerId: fc.option(someId, { nil: null }),
          roleIds: fc.array(someId, { maxLength: 2 }),
          clearance: someEnum(SENSITIVITIES) as fc.Arbitrary<Sensitivity>,
          portalAccountId: fc.option(someId, { nil: null }),
        }),
        { maxLength: 4 },
      ),
      roles: fc.array(
        fc.record({
          id: someId,
          name: fc.string(),
          objects: fc.dictionary(
            someEnum(OBJECT_TYPES),
            fc.dictionary(someEnum(RECORD_ACTIONS), someEnum(DATA_SCOPES)),
          ),
          functions: fc.array(fc.constantFrom(...FUNCTIONS)),
          fields: fc.dictionary(
            someEnum(OBJECT_TYPES),
            fc.dictionary(fc.string(), someEnum(FIELD_LEVELS)),
          ),
        }),
        { maxLength: 3 },
      ) as fc.Arbitrary<Role[]>,
      objects: fc.array(
        fc.record({
          object: someEnum(OBJECT_TYPES),
          orgWideDefault: someEnum(ORG_WIDE_DEFAULTS),
          controlledByParent: fc.boolean(),
          portalExposed: fc.boolean(),
          fields: fc.dictionary(fc.constantFrom('region', 'amount'), fieldSetting),
        }),
        { maxLength: 3 },
      ),
      groups: fc.array(
        fc.oneof(
          fc.record({
            id: someId,
            name: fc.string(),
            kind: fc.constant('department' as const),
            departmentId: someId,
            includeSubdepartments: fc.boolean(),
          }),
          fc.record({
            id: someId,
            name: fc.string(),
            kind: fc.constant('role' as const),
            roleId: someId,
          }),
          fc.record({
            id: someId,
            name: fc.string(),
            kind: fc.constant('public' as const),
            userIds: fc.array(someId, { maxLength: 2 }),
            groupIds: fc.array(someId, { maxLength: 2 }),
          }),
        ),
        { maxLength: 3 },
      ),
      sharingRules: fc.array(
        fc.record({
          id: someId,
          name: fc.string(),
          object: someEnum(OBJECT_TYPES),
          source: fc.oneof(
            fc.record({
              kind: fc.constant('criteria' as const),
              criteria: fc.array(criterion, { maxLength: 3 }),
            }),
            fc.record({ kind: fc.constant('owner' as const), ownerGroupId: someId }),
          ),
          targetGroupId: someId,
          access: fc.constantFrom('read' as const, 'edit' as const),
        }),
        { maxLength: 3 },
      ),
      grants: fc.array(
        fc.record({
          id: someId,
          subject: fc.oneof(
            fc.record({ kind: fc.constant('user' as const), userId: someId }),
            fc.record({ kind: fc.constant('group' as const), groupId: someId }),
          ),
          object: someEnum(OBJECT_TYPES),
          target: fc.oneof(
            fc.record({ kind: fc.constant('record' as const), recordId: someId }),
            fc.record({
              kind: fc.constant('department' as const),
              departmentId: someId,
              includeSubdepartments: fc.boolean(),
            }),
            fc.record({ kind: fc.constant('owner' as const), userId: someId }),
            fc.constant({ kind: 'all' as const }),
          ),
          access: someEnum(ACCESS_LEVELS),
          startsAt: fc.option(fc.integer(), { nil: null }),
          expiresAt: fc.option(fc.integer(), { nil: null }),
        }),
        { maxLength: 3 },
      ),
      pools: fc.array(
        fc.record({
          id: someId,
          name: fc.string(),
          memberUserIds: fc.array(someId, { maxLength: 2 }),
          memberGroupIds: fc.array(someId, { maxLength: 2 }),
        }),
        { maxLength: 2 },
      ),
      sodRules: fc.array(
        fc.record({
          id: someId,
          name: fc.string(),
          left: fc.record({
            kind: fc.constant('function' as const),
            name: fc.constantFrom(...FUNCTIONS),
          }),
          right: fc.record({
            kind: fc.constant('object' as const),
            object: someEnum(OBJECT_TYPES),
            action: someEnum(RECORD_ACTIONS),
          }),
        }),
        { maxLength: 2 },
      ),
    });
    fc.assert(
      fc.property(wild, (model) => {
        const result = validateModel(model);
        expect(result.ok).toBe(result.errors.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('validateModel accepts the generated models except for what it should flag', () => {
    // The generator makes every reference resolve and every hierarchy a tree, so the only errors
    // left are semantic: an SoD rule broken by one role, an impossible criterion, a grant that
    // ends before it starts, a portal user given a role with functions or made a manager or head.
    const expected = (e: ModelError): boolean =>
      e.code === 'ENGINE_SOD_CONFLICT_IN_ROLE' ||
      e.code === 'ENGINE_PORTAL_INTERNAL' ||
      e.code === 'ENGINE_IMPOSSIBLE_CRITERION' ||
      (e.code === 'ENGINE_INVALID_VALUE' && e.path.endsWith('.expiresAt'));
    fc.assert(
      fc.property(world, ({ model }) => {
        const unexpected = validateModel(model).errors.filter((e) => !expected(e));
        expect(unexpected).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
