import {
  OBJECT_TYPES,
  RECORD_ACTIONS,
  rank,
  type Department,
  type Grant,
  type Group,
  type ObjectSettings,
  type ObjectType,
  type PolicyModel,
  type Pool,
  type RecordAction,
  type Role,
  type SharingRule,
  type SodRef,
  type SodRule,
  type User,
} from './model.ts';
import { diffModels, type ListDiff, type ModelDiff } from './model-diff.ts';
import { sodMembers } from './sod-members.ts';

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
  /**
   * Per object index: the model's grants to the user or one of its groups (department, owner,
   * all; and record grants when a model carries them). Grants stored with a record are read from
   * the record (`CrmRecord.grants`).
   */
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
  only: readonly Group[] = model.groups,
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
  for (const g of only) {
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
  roleIds: readonly string[],
  ref: SodRef,
): boolean {
  if (ref.kind === 'role') return roleIds.includes(ref.roleId);
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
    // At most one member of the rule: whoever holds two or more is denied every held permission.
    const held = sodMembers(rule).filter((ref) => holds(privileges, functions, user.roleIds, ref));
    if (held.length < 2) continue;
    for (const ref of held) {
      if (ref.kind === 'role') continue;
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
  let scopeGrants = EMPTY_SCOPE_GRANTS;
  if (mine.length > 0) {
    mine.sort((a, b) => a - b);
    const byScope: Grant[][] = OBJECT_TYPES.map(() => []);
    for (const i of mine) {
      const grant = model.grants[i] as Grant;
      const o = OBJECT_INDEX[grant.object];
      // An unknown object (an invalid model) grants nothing rather than throwing.
      if (o === undefined) continue;
      byScope[o]?.push(grant);
    }
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
  const configured = new Map(model.objects.map((o) => [o.object, o]));
  const base = {
    model,
    version: model.version,
    users: byId(model.users),
    departments: byId(model.departments),
    departmentSubtree,
    roles: byId(model.roles),
    objects: OBJECT_TYPES.map((o) => configured.get(o) ?? defaultObjectSettings(o)),
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

/** Members of the given groups (nested public groups included), as `groupMembership` does. */
function membersOf(
  model: PolicyModel,
  departmentSubtree: ReadonlyMap<string, ReadonlySet<string>>,
  groupIds: Iterable<string>,
): Map<string, Set<string>> {
  const groups = byId(model.groups);
  const subset: Group[] = [];
  for (const id of groupIds) {
    const g = groups.get(id);
    if (g !== undefined) subset.push(g);
  }
  return groupMembership(model, departmentSubtree, subset);
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/**
 * The index of `model`, derived from the index of the model it was changed from: only what the
 * change can affect is recomputed (the holders of a changed role, the members of a changed group,
 * the managers above a moved user …); every other principal context is kept as it was. Equal to
 * `buildIndex(model)` (a property test checks it after random change sequences). `model` must come
 * from `prev.model` by replacing the entities that change (`diffModels`).
 */
export function updateIndex(
  prev: PolicyIndex,
  model: PolicyModel,
  diff: ModelDiff = diffModels(prev.model, model),
): PolicyIndex {
  const changed = (d: ListDiff<unknown>): boolean => d.upserted.size > 0 || d.removed.size > 0;
  if (diff.sodRules.upserted.size > 0 || diff.sodRules.removed.size > 0) return buildIndex(model);

  const departmentsChanged = changed(diff.departments);
  const departments = departmentsChanged ? byId(model.departments) : prev.departments;
  const departmentSubtree = departmentsChanged
    ? departmentSubtrees(model.departments)
    : prev.departmentSubtree;
  const users = changed(diff.users) ? byId(model.users) : prev.users;
  const roles = changed(diff.roles) ? byId(model.roles) : prev.roles;
  const configured = new Map(model.objects.map((o) => [o.object, o]));
  const objects = changed(diff.objects)
    ? OBJECT_TYPES.map((o) => configured.get(o) ?? defaultObjectSettings(o))
    : prev.objects;
  const pools = changed(diff.pools) ? byId(model.pools) : prev.pools;
  const groups = changed(diff.groups) ? byId(model.groups) : prev.groups;

  /** Users whose principal context must be rebuilt. */
  const affected = new Set<string>();
  const addAll = (ids: Iterable<string> | undefined): void => {
    if (ids !== undefined) for (const id of ids) affected.add(id);
  };
  for (const id of diff.users.upserted.keys()) affected.add(id);

  // Department subtrees that changed: their users see another tree.
  const changedSubtrees = new Set<string>();
  if (departmentsChanged) {
    for (const id of new Set([...prev.departmentSubtree.keys(), ...departmentSubtree.keys()])) {
      if (!sameSet(prev.departmentSubtree.get(id), departmentSubtree.get(id)))
        changedSubtrees.add(id);
    }
    if (changedSubtrees.size > 0)
      for (const u of model.users)
        if (u.departmentId !== null && changedSubtrees.has(u.departmentId)) affected.add(u.id);
  }

  // Groups whose members may change.
  const groupsToRecompute = new Set<string>([
    ...diff.groups.upserted.keys(),
    ...diff.groups.removed.keys(),
  ]);
  const movedDepartments = new Set<string>();
  const changedRoleHoldings = new Set<string>();
  for (const [id, after] of diff.users.upserted) {
    const before = diff.users.replaced.get(id);
    if (before === undefined || before.departmentId !== after.departmentId) {
      if (before?.departmentId) movedDepartments.add(before.departmentId);
      if (after.departmentId) movedDepartments.add(after.departmentId);
    }
    if (before === undefined || before.roleIds.join('\u0000') !== after.roleIds.join('\u0000')) {
      for (const r of before?.roleIds ?? []) changedRoleHoldings.add(r);
      for (const r of after.roleIds) changedRoleHoldings.add(r);
    }
  }
  for (const [id, before] of diff.users.removed) {
    if (before.departmentId) movedDepartments.add(before.departmentId);
    for (const r of before.roleIds) changedRoleHoldings.add(r);
    void id;
  }
  for (const g of model.groups) {
    if (g.kind === 'department') {
      const tree = g.includeSubdepartments ? departmentSubtree.get(g.departmentId) : undefined;
      const covers = (d: string): boolean =>
        d === g.departmentId || (tree !== undefined && tree.has(d));
      if (
        [...movedDepartments].some(covers) ||
        (g.includeSubdepartments && changedSubtrees.size > 0)
      )
        groupsToRecompute.add(g.id);
    } else if (g.kind === 'role' && changedRoleHoldings.has(g.roleId)) {
      groupsToRecompute.add(g.id);
    }
  }
  // Public groups that nest a recomputed group, transitively.
  if (groupsToRecompute.size > 0) {
    let grew = true;
    while (grew) {
      grew = false;
      for (const g of model.groups) {
        if (
          g.kind === 'public' &&
          !groupsToRecompute.has(g.id) &&
          g.groupIds.some((n) => groupsToRecompute.has(n))
        ) {
          groupsToRecompute.add(g.id);
          grew = true;
        }
      }
    }
  }
  let groupMembers = prev.groupMembers;
  if (groupsToRecompute.size > 0) {
    const next = new Map(prev.groupMembers);
    const fresh = membersOf(model, departmentSubtree, groupsToRecompute);
    for (const id of groupsToRecompute) {
      const before = prev.groupMembers.get(id);
      const after = fresh.get(id);
      if (after === undefined) next.delete(id);
      else next.set(id, after);
      if (!sameSet(before, after)) {
        addAll(before);
        addAll(after);
      }
    }
    groupMembers = next;
  }
  const membersBefore = (groupId: string) => prev.groupMembers.get(groupId);
  const membersAfter = (groupId: string) => groupMembers.get(groupId);

  // Changed roles: their holders' privileges and functions (the rest of their context stays).
  const roleOnly = new Set<string>();
  if (changed(diff.roles)) {
    const ids = new Set([...diff.roles.upserted.keys(), ...diff.roles.removed.keys()]);
    for (const u of model.users) if (u.roleIds.some((r) => ids.has(r))) roleOnly.add(u.id);
  }
  // Changed sharing rules: the members of their target groups, before and after.
  for (const r of [...diff.sharingRules.replaced.values(), ...diff.sharingRules.removed.values()])
    addAll(membersBefore(r.targetGroupId));
  for (const r of diff.sharingRules.upserted.values()) addAll(membersAfter(r.targetGroupId));
  // Changed grants: their subjects.
  for (const [list, members] of [
    [[...diff.grants.replaced.values(), ...diff.grants.removed.values()], membersBefore],
    [[...diff.grants.upserted.values()], membersAfter],
  ] as const) {
    for (const g of list) {
      if (g.subject.kind === 'user') affected.add(g.subject.userId);
      else addAll(members(g.subject.groupId));
    }
  }
  // Changed pools: their members.
  for (const [list, members] of [
    [[...diff.pools.replaced.values(), ...diff.pools.removed.values()], membersBefore],
    [[...diff.pools.upserted.values()], membersAfter],
  ] as const) {
    for (const p of list) {
      addAll(p.memberUserIds);
      for (const g of p.memberGroupIds) addAll(members(g));
    }
  }

  // Reporting lines: everyone above a user whose manager changed (before and after).
  const reportingChanged = [...diff.users.upserted].some(
    ([id, u]) => diff.users.replaced.get(id)?.managerId !== u.managerId,
  );
  let subordinates: Map<string, ReadonlySet<string>> | null = null;
  if (reportingChanged || diff.users.removed.size > 0) {
    const managers = new Set<string>();
    const climb = (start: string | null | undefined, lookup: ReadonlyMap<string, User>): void => {
      let m = start ?? null;
      while (m !== null && !managers.has(m)) {
        managers.add(m);
        m = lookup.get(m)?.managerId ?? null;
      }
    };
    for (const [id, u] of diff.users.upserted) {
      const before = diff.users.replaced.get(id);
      if (before?.managerId === u.managerId && before !== undefined) continue;
      climb(before?.managerId, prev.users);
      climb(u.managerId, users);
    }
    for (const before of diff.users.removed.values()) climb(before.managerId, prev.users);
    const reports = directReports(model);
    subordinates = new Map();
    for (const m of managers) {
      if (!users.has(m)) continue;
      const seen = reportsBelow(reports, m);
      subordinates.set(m, seen);
      if (!sameSet(prev.principals.get(m)?.subordinates, seen)) affected.add(m);
    }
  }

  const base = {
    model,
    version: model.version,
    users,
    departments,
    departmentSubtree,
    roles,
    objects,
    groups,
    groupMembers,
    pools,
  };
  const principals = new Map(prev.principals);
  for (const id of diff.users.removed.keys()) principals.delete(id);
  const shared = sharedParts(model);
  for (const id of roleOnly) {
    const before = prev.principals.get(id);
    const user = users.get(id);
    if (affected.has(id) || before === undefined || user === undefined) affected.add(id);
    else principals.set(id, { ...before, ...roleParts(base, shared, user) });
  }
  if (affected.size > 0) {
    // A user's groups: as before, updated by the groups whose members were recomputed.
    const groupsByUser = new Map<string, Set<string>>();
    for (const id of affected) {
      const groups = new Set(prev.principals.get(id)?.groupIds ?? []);
      for (const g of groupsToRecompute) {
        if (groupMembers.get(g)?.has(id) === true) groups.add(g);
        else groups.delete(g);
      }
      groupsByUser.set(id, groups);
    }
    for (const id of affected) {
      const user = users.get(id);
      if (user === undefined) {
        principals.delete(id);
        continue;
      }
      const subs =
        subordinates?.get(id) ??
        prev.principals.get(id)?.subordinates ??
        reportsBelow(directReports(model), id);
      const groups = groupsByUser.get(id) as Set<string>;
      principals.set(
        id,
        buildPrincipal(base, shared, user, subs, groups.size === 0 ? EMPTY_SET : groups),
      );
    }
  }
  return { ...base, principals };
}

/** Manager id → the users who report to them directly. */
function directReports(model: PolicyModel): Map<string, string[]> {
  const reports = new Map<string, string[]>();
  for (const u of model.users) {
    if (u.managerId === null) continue;
    const list = reports.get(u.managerId);
    if (list === undefined) reports.set(u.managerId, [u.id]);
    else list.push(u.id);
  }
  return reports;
}

/** Everyone below `userId` in the reporting line (not the user), by a walk of direct reports. */
function reportsBelow(
  reports: ReadonlyMap<string, readonly string[]>,
  userId: string,
): ReadonlySet<string> {
  const seen = new Set<string>();
  const stack = [...(reports.get(userId) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id) || id === userId) continue;
    seen.add(id);
    for (const r of reports.get(id) ?? []) stack.push(r);
  }
  return seen.size === 0 ? EMPTY_SET : seen;
}
