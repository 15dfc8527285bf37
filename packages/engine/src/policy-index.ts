import {
  ACCESS_LEVELS,
  OBJECT_TYPES,
  RECORD_ACTIONS,
  rank,
  type AccessLevel,
  type Department,
  type Grant,
  type Group,
  type ObjectSettings,
  type ObjectType,
  type PermissionRef,
  type PolicyModel,
  type Pool,
  type RecordAction,
  type Role,
  type SharingRule,
  type SodRule,
  type User,
} from './model.ts';

export const OBJECT_INDEX: Readonly<Record<ObjectType, number>> = Object.freeze(
  Object.fromEntries(OBJECT_TYPES.map((o, i) => [o, i])) as Record<ObjectType, number>,
);
export const ACTION_INDEX: Readonly<Record<RecordAction, number>> = Object.freeze(
  Object.fromEntries(RECORD_ACTIONS.map((a, i) => [a, i])) as Record<RecordAction, number>,
);
const ACTION_COUNT = RECORD_ACTIONS.length;

export function privilegeSlot(object: ObjectType, action: RecordAction): number {
  return OBJECT_INDEX[object] * ACTION_COUNT + ACTION_INDEX[action];
}

/** Everything about one principal that decisions need, precomputed. */
export interface PrincipalContext {
  readonly user: User;
  readonly active: boolean;
  readonly portal: boolean;
  readonly portalAccountId: string | null;
  readonly clearance: number;
  /** Per (object, action) slot: the widest scope rank across the principal's roles, 0 = none. */
  readonly privileges: Uint8Array;
  /** Per slot: the SoD rule that blocks it, if any. */
  readonly sodBlocks: ReadonlyArray<SodRule | undefined>;
  readonly functions: ReadonlySet<string>;
  readonly blockedFunctions: ReadonlyMap<string, SodRule>;
  /** Everyone who reports to this user, directly or not (not the user). */
  readonly subordinates: ReadonlySet<string>;
  /** The user's own department and everything below it. */
  readonly departmentTree: ReadonlySet<string>;
  readonly groupIds: ReadonlySet<string>;
  /** Per object index: sharing rules whose target group contains the principal. */
  readonly rules: ReadonlyArray<readonly SharingRule[]>;
  /** Per object index: record grants by record id (to the user or one of its groups). */
  readonly recordGrants: ReadonlyArray<ReadonlyMap<string, readonly Grant[]>>;
  /** Per object index: department / owner / all grants. */
  readonly scopeGrants: ReadonlyArray<readonly Grant[]>;
  readonly poolIds: ReadonlySet<string>;
}

/** The model with every hierarchy precomputed, built once per model version. */
export interface PolicyIndex {
  readonly model: PolicyModel;
  readonly version: number;
  readonly users: ReadonlyMap<string, User>;
  readonly principals: ReadonlyMap<string, PrincipalContext>;
  readonly departments: ReadonlyMap<string, Department>;
  /** Department id → itself and every department below it. */
  readonly departmentSubtree: ReadonlyMap<string, ReadonlySet<string>>;
  readonly roles: ReadonlyMap<string, Role>;
  /** Per object index; defaults filled in for objects the model does not configure. */
  readonly objects: readonly ObjectSettings[];
  /** Customer id → user id → team access. */
  readonly teams: ReadonlyMap<string, ReadonlyMap<string, AccessLevel>>;
  readonly groups: ReadonlyMap<string, Group>;
  readonly groupMembers: ReadonlyMap<string, ReadonlySet<string>>;
  readonly pools: ReadonlyMap<string, Pool>;
}

export function defaultObjectSettings(object: ObjectType): ObjectSettings {
  return {
    object,
    orgWideDefault: 'private',
    controlledByParent: object !== 'customer',
    portalExposed: false,
    fields: {},
  };
}

const EMPTY_SET: ReadonlySet<string> = new Set();

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

function departmentSubtrees(departments: readonly Department[]): Map<string, Set<string>> {
  const children = new Map<string, string[]>();
  for (const d of departments) {
    if (d.parentId === null) continue;
    const list = children.get(d.parentId) ?? [];
    list.push(d.id);
    children.set(d.parentId, list);
  }
  const result = new Map<string, Set<string>>();
  for (const d of departments) {
    // Iterative walk with a visited set: terminates on cyclic (invalid) models too.
    const seen = new Set<string>([d.id]);
    const stack = [d.id];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      for (const child of children.get(id) ?? []) {
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
      }
    }
    result.set(d.id, seen);
  }
  return result;
}

function subordinatesOf(users: readonly User[]): Map<string, Set<string>> {
  const reports = new Map<string, string[]>();
  for (const u of users) {
    if (u.managerId === null) continue;
    const list = reports.get(u.managerId) ?? [];
    list.push(u.id);
    reports.set(u.managerId, list);
  }
  const memo = new Map<string, Set<string>>();
  for (const u of users) {
    if (memo.has(u.id)) continue;
    const seen = new Set<string>();
    const stack = [...(reports.get(u.id) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id) || id === u.id) continue;
      seen.add(id);
      const known = memo.get(id);
      if (known) {
        for (const s of known) if (s !== u.id) seen.add(s);
        continue;
      }
      for (const r of reports.get(id) ?? []) stack.push(r);
    }
    memo.set(u.id, seen.size === 0 ? (EMPTY_SET as Set<string>) : seen);
  }
  return memo;
}

function groupMembership(
  model: PolicyModel,
  departmentSubtree: ReadonlyMap<string, ReadonlySet<string>>,
): Map<string, Set<string>> {
  const groups = byId(model.groups);
  const result = new Map<string, Set<string>>();
  const direct = (groupId: string): Set<string> => {
    const members = new Set<string>();
    const g = groups.get(groupId);
    if (!g) return members;
    if (g.kind === 'department') {
      const depts = g.includeSubdepartments
        ? (departmentSubtree.get(g.departmentId) ?? new Set([g.departmentId]))
        : new Set([g.departmentId]);
      for (const u of model.users) {
        if (u.departmentId !== null && depts.has(u.departmentId)) members.add(u.id);
      }
    } else if (g.kind === 'role') {
      for (const u of model.users) if (u.roleIds.includes(g.roleId)) members.add(u.id);
    } else {
      for (const id of g.userIds) members.add(id);
    }
    return members;
  };
  for (const g of model.groups) {
    // Nested public groups, with a visited set so a cycle (invalid) still terminates.
    const members = new Set<string>();
    const seen = new Set<string>();
    const stack = [g.id];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const m of direct(id)) members.add(m);
      const nested = groups.get(id);
      if (nested?.kind === 'public') stack.push(...nested.groupIds);
    }
    result.set(g.id, members);
  }
  return result;
}

function holds(
  privileges: Uint8Array,
  functions: ReadonlySet<string>,
  ref: PermissionRef,
): boolean {
  return ref.kind === 'function'
    ? functions.has(ref.name)
    : (privileges[privilegeSlot(ref.object, ref.action)] ?? 0) > 0;
}

/**
 * Parts of principal contexts that many principals have in common (everything derived from the
 * same role list, the same sharing rules, no grants, no pools), built once per index and shared.
 * Sharing keeps the index small and keeps these structures hot in the CPU cache, which is most of
 * what a decision costs.
 */
interface SharedParts {
  readonly byRoles: Map<
    string,
    Pick<PrincipalContext, 'privileges' | 'sodBlocks' | 'functions' | 'blockedFunctions'>
  >;
  readonly rules: Map<string, ReadonlyArray<readonly SharingRule[]>>;
  readonly pools: Map<string, ReadonlySet<string>>;
  /** Model indexes of grants, by subject user id and by subject group id, ascending. */
  readonly grantsByUser: ReadonlyMap<string, readonly number[]>;
  readonly grantsByGroup: ReadonlyMap<string, readonly number[]>;
}

const EMPTY_RULES: ReadonlyArray<readonly SharingRule[]> = Object.freeze(
  OBJECT_TYPES.map(() => Object.freeze([] as SharingRule[])),
);
const EMPTY_RECORD_GRANTS: ReadonlyArray<ReadonlyMap<string, readonly Grant[]>> = Object.freeze(
  OBJECT_TYPES.map(() => new Map<string, readonly Grant[]>()),
);
const EMPTY_SCOPE_GRANTS: ReadonlyArray<readonly Grant[]> = Object.freeze(
  OBJECT_TYPES.map(() => Object.freeze([] as Grant[])),
);

function sharedParts(model: PolicyModel): SharedParts {
  const grantsByUser = new Map<string, number[]>();
  const grantsByGroup = new Map<string, number[]>();
  model.grants.forEach((grant, i) => {
    const [map, key] =
      grant.subject.kind === 'user'
        ? [grantsByUser, grant.subject.userId]
        : [grantsByGroup, grant.subject.groupId];
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  });
  return { byRoles: new Map(), rules: new Map(), pools: new Map(), grantsByUser, grantsByGroup };
}

function roleParts(
  index: Omit<PolicyIndex, 'principals'>,
  shared: SharedParts,
  user: User,
): Pick<PrincipalContext, 'privileges' | 'sodBlocks' | 'functions' | 'blockedFunctions'> {
  const key = JSON.stringify(user.roleIds);
  const known = shared.byRoles.get(key);
  if (known) return known;
  const model = index.model;
  const privileges = new Uint8Array(OBJECT_TYPES.length * ACTION_COUNT);
  const functions = new Set<string>();
  for (const roleId of user.roleIds) {
    const role = index.roles.get(roleId);
    if (!role) continue;
    for (const object of OBJECT_TYPES) {
      const perms = role.objects[object];
      if (!perms) continue;
      for (const action of RECORD_ACTIONS) {
        const scope = perms[action];
        if (!scope) continue;
        const slot = privilegeSlot(object, action);
        const r = rank.scope(scope);
        if (r > (privileges[slot] ?? 0)) privileges[slot] = r;
      }
    }
    for (const f of role.functions) functions.add(f);
  }

  const sodBlocks: (SodRule | undefined)[] = new Array(privileges.length).fill(undefined);
  const blockedFunctions = new Map<string, SodRule>();
  for (const rule of model.sodRules) {
    if (!holds(privileges, functions, rule.left) || !holds(privileges, functions, rule.right)) {
      continue;
    }
    for (const ref of [rule.left, rule.right]) {
      if (ref.kind === 'function') {
        if (!blockedFunctions.has(ref.name)) blockedFunctions.set(ref.name, rule);
      } else {
        const slot = privilegeSlot(ref.object, ref.action);
        sodBlocks[slot] ??= rule;
      }
    }
  }
  const parts = { privileges, sodBlocks, functions, blockedFunctions };
  shared.byRoles.set(key, parts);
  return parts;
}

function buildPrincipal(
  index: Omit<PolicyIndex, 'principals'>,
  shared: SharedParts,
  user: User,
  subordinates: ReadonlySet<string>,
  groupsOfUser: ReadonlySet<string>,
): PrincipalContext {
  const model = index.model;
  const { privileges, sodBlocks, functions, blockedFunctions } = roleParts(index, shared, user);

  const matched: number[] = [];
  model.sharingRules.forEach((rule, i) => {
    if (index.groupMembers.get(rule.targetGroupId)?.has(user.id)) matched.push(i);
  });
  const rulesKey = matched.join(',');
  let rules = matched.length === 0 ? EMPTY_RULES : shared.rules.get(rulesKey);
  if (rules === undefined) {
    const lists: SharingRule[][] = OBJECT_TYPES.map(() => []);
    for (const i of matched) {
      const rule = model.sharingRules[i] as SharingRule;
      lists[OBJECT_INDEX[rule.object]]?.push(rule);
    }
    rules = lists;
    shared.rules.set(rulesKey, rules);
  }

  // The principal's grants, in model order: to the user, or to one of the user's groups.
  const mine: number[] = [...(shared.grantsByUser.get(user.id) ?? [])];
  for (const groupId of groupsOfUser) {
    const list = shared.grantsByGroup.get(groupId);
    if (list) for (const i of list) mine.push(i);
  }
  let recordGrants = EMPTY_RECORD_GRANTS;
  let scopeGrants = EMPTY_SCOPE_GRANTS;
  if (mine.length > 0) {
    mine.sort((a, b) => a - b);
    const byRecord: Map<string, Grant[]>[] = OBJECT_TYPES.map(() => new Map());
    const byScope: Grant[][] = OBJECT_TYPES.map(() => []);
    for (const i of mine) {
      const grant = model.grants[i] as Grant;
      const o = OBJECT_INDEX[grant.object];
      // An unknown object (an invalid model) grants nothing rather than throwing.
      if (o === undefined) continue;
      if (grant.target.kind === 'record') {
        const map = byRecord[o] as Map<string, Grant[]>;
        const list = map.get(grant.target.recordId) ?? [];
        list.push(grant);
        map.set(grant.target.recordId, list);
      } else {
        byScope[o]?.push(grant);
      }
    }
    recordGrants = byRecord.map((m) =>
      m.size === 0 ? (EMPTY_RECORD_GRANTS[0] as Map<string, Grant[]>) : m,
    );
    scopeGrants = byScope.map((l) => (l.length === 0 ? (EMPTY_SCOPE_GRANTS[0] as Grant[]) : l));
  }

  const poolList: string[] = [];
  for (const pool of index.pools.values()) {
    if (
      pool.memberUserIds.includes(user.id) ||
      pool.memberGroupIds.some((g) => groupsOfUser.has(g))
    ) {
      poolList.push(pool.id);
    }
  }
  const poolKey = JSON.stringify(poolList);
  let poolIds = poolList.length === 0 ? EMPTY_SET : shared.pools.get(poolKey);
  if (poolIds === undefined) {
    poolIds = new Set(poolList);
    shared.pools.set(poolKey, poolIds);
  }

  return {
    user,
    active: user.status === 'active',
    portal: user.kind === 'portal',
    portalAccountId: user.kind === 'portal' ? (user.portalAccountId ?? null) : null,
    clearance: rank.sensitivity(user.clearance),
    privileges,
    sodBlocks,
    functions,
    blockedFunctions,
    subordinates,
    departmentTree:
      user.departmentId === null
        ? EMPTY_SET
        : (index.departmentSubtree.get(user.departmentId) ?? new Set([user.departmentId])),
    groupIds: groupsOfUser,
    rules,
    recordGrants,
    scopeGrants,
    poolIds,
  };
}

/**
 * Build the index for a model. Near-linear in the model's size (each user is matched against the
 * sharing rules and pools; grants are bucketed by subject first); never throws.
 */
export function buildIndex(model: PolicyModel): PolicyIndex {
  const departmentSubtree = departmentSubtrees(model.departments);
  const groupMembers = groupMembership(model, departmentSubtree);
  const teams = new Map<string, Map<string, AccessLevel>>();
  for (const t of model.teams) {
    let members = teams.get(t.customerId);
    if (!members) {
      members = new Map();
      teams.set(t.customerId, members);
    }
    const prev = members.get(t.userId);
    if (!prev || ACCESS_LEVELS.indexOf(t.access) > ACCESS_LEVELS.indexOf(prev)) {
      members.set(t.userId, t.access);
    }
  }
  const configured = new Map(model.objects.map((o) => [o.object, o]));
  const base = {
    model,
    version: model.version,
    users: byId(model.users),
    departments: byId(model.departments),
    departmentSubtree,
    roles: byId(model.roles),
    objects: OBJECT_TYPES.map((o) => configured.get(o) ?? defaultObjectSettings(o)),
    teams,
    groups: byId(model.groups),
    groupMembers,
    pools: byId(model.pools),
  };
  const groupsByUser = new Map<string, Set<string>>();
  for (const [groupId, members] of groupMembers) {
    for (const userId of members) {
      let set = groupsByUser.get(userId);
      if (!set) {
        set = new Set();
        groupsByUser.set(userId, set);
      }
      set.add(groupId);
    }
  }
  const subordinates = subordinatesOf(model.users);
  const shared = sharedParts(model);
  const principals = new Map<string, PrincipalContext>();
  for (const user of base.users.values()) {
    principals.set(
      user.id,
      buildPrincipal(
        base,
        shared,
        user,
        subordinates.get(user.id) ?? EMPTY_SET,
        groupsByUser.get(user.id) ?? EMPTY_SET,
      ),
    );
  }
  return { ...base, principals };
}

const cache = new WeakMap<PolicyModel, PolicyIndex>();

/** The index of a model, built on first use and kept as long as the model object lives. */
export function indexOf(policy: PolicyModel | PolicyIndex): PolicyIndex {
  if ('principals' in policy) return policy;
  let index = cache.get(policy);
  if (!index || index.version !== policy.version) {
    index = buildIndex(policy);
    cache.set(policy, index);
  }
  return index;
}
