import { matchesAll } from './criteria.ts';
import { EngineError, type EngineErrorCode, type ModelError } from './errors.ts';
import { isKnownFunction } from './function-catalogue.ts';
import { diffModels, type ListDiff, type ModelDiff } from './model-diff.ts';
import {
  ACCESS_LEVELS,
  DATA_SCOPES,
  FIELD_LEVELS,
  OBJECT_TYPES,
  ORG_WIDE_DEFAULTS,
  RECORD_ACTIONS,
  SENSITIVITIES,
  type Criterion,
  type Grant,
  type SodRef,
  type PolicyModel,
  type Role,
} from './model.ts';
import { isPortalRole } from './portal-roles.ts';
import { sodMembers } from './sod-members.ts';

export interface ValidationResult {
  ok: boolean;
  errors: ModelError[];
}

function oneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (values as readonly string[]).includes(v);
}

/** Whether no value can satisfy every criterion on one field (e.g. `= a` and `= b`). */
function impossible(criteria: readonly Criterion[]): string | null {
  for (const c of criteria) {
    if (c.op === 'in' && c.values.length === 0) return `"${c.field} in []" matches nothing`;
    if (c.op === 'between' && (typeof c.low !== typeof c.high || c.low > c.high)) {
      return `"${c.field} between ${String(c.low)} and ${String(c.high)}" matches nothing`;
    }
  }
  // Per field: collect candidate values from eq/in/bounds and test them against every criterion.
  const byField = new Map<string, Criterion[]>();
  for (const c of criteria) byField.set(c.field, [...(byField.get(c.field) ?? []), c]);
  for (const [field, cs] of byField) {
    if (cs.length < 2) continue;
    const candidates = new Set<unknown>();
    let open = false;
    for (const c of cs) {
      if (c.op === 'eq') candidates.add(c.value);
      else if (c.op === 'in') c.values.forEach((v) => candidates.add(v));
      else open = true;
    }
    const pinned = cs.some((c) => c.op === 'eq' || c.op === 'in');
    if (pinned) {
      const ok = [...candidates].some((v) => matchesAll(cs, { [field]: v }));
      if (!ok) return `the criteria on "${field}" contradict each other`;
      continue;
    }
    if (open) {
      // Only ranges (and ≠): numeric bounds must leave room.
      let low = -Infinity;
      let high = Infinity;
      let lowInclusive = false;
      let highInclusive = false;
      for (const c of cs) {
        if (c.op === 'gt' && typeof c.value === 'number' && c.value >= low) {
          low = c.value;
          lowInclusive = false;
        } else if (c.op === 'lt' && typeof c.value === 'number' && c.value <= high) {
          high = c.value;
          highInclusive = false;
        } else if (c.op === 'between' && typeof c.low === 'number' && typeof c.high === 'number') {
          if (c.low > low) {
            low = c.low;
            lowInclusive = true;
          }
          if (c.high < high) {
            high = c.high;
            highInclusive = true;
          }
        }
      }
      if (low > high || (low === high && !(lowInclusive && highInclusive))) {
        return `the criteria on "${field}" leave no possible value`;
      }
    }
  }
  return null;
}

function roleHolds(role: Role, ref: SodRef): boolean {
  if (ref.kind === 'role') return ref.roleId === role.id;
  return ref.kind === 'function'
    ? role.functions.includes(ref.name)
    : (role.objects[ref.object]?.[ref.action] ?? 'none') !== 'none';
}

/**
 * Check a model: duplicate ids, unknown references, cycles in the department tree, the reporting
 * line and nested groups, values outside their enumerations, sharing rules with impossible
 * criteria, roles that violate an SoD rule on their own, portal users without an account.
 * Never throws.
 */
export function validateModel(model: PolicyModel): ValidationResult {
  return check(model, null);
}

/**
 * Which entities a validation looks at, by id per list (`objects` by object type). Every
 * reference from a selected entity is checked against the whole model; entities outside the
 * selection are assumed to have been valid already.
 */
export interface ValidationScope {
  departments: ReadonlySet<string>;
  users: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  objects: ReadonlySet<string>;
  groups: ReadonlySet<string>;
  sharingRules: ReadonlySet<string>;
  grants: ReadonlySet<string>;
  pools: ReadonlySet<string>;
}

/**
 * Incremental validation of a change: only what it touches. The entities the change added or
 * replaced are checked whole (values, references, cycles through them, SoD for a role); for what
 * it removed, the entities that still name it are checked (and so reported). A role change thus
 * re-checks that role and its holders, not the whole model. `after` must come from `before` by
 * replacing the entities that change (`diffModels`).
 */
export function validateChange(
  before: PolicyModel,
  after: PolicyModel,
  diff: ModelDiff = diffModels(before, after),
): ValidationResult {
  const keys = <T>(d: ListDiff<T>): Set<string> => new Set(d.upserted.keys());
  const scope = {
    departments: keys(diff.departments),
    users: keys(diff.users),
    roles: keys(diff.roles),
    objects: keys(diff.objects),
    groups: keys(diff.groups),
    sharingRules: keys(diff.sharingRules),
    grants: keys(diff.grants),
    pools: keys(diff.pools),
  };
  const gone = {
    departments: diff.departments.removed,
    users: diff.users.removed,
    roles: diff.roles.removed,
    groups: diff.groups.removed,
  };
  if (gone.departments.size > 0) {
    for (const d of after.departments)
      if (d.parentId && gone.departments.has(d.parentId)) scope.departments.add(d.id);
    for (const u of after.users)
      if (u.departmentId && gone.departments.has(u.departmentId)) scope.users.add(u.id);
    for (const g of after.groups)
      if (g.kind === 'department' && gone.departments.has(g.departmentId)) scope.groups.add(g.id);
    for (const g of after.grants)
      if (g.target.kind === 'department' && gone.departments.has(g.target.departmentId))
        scope.grants.add(g.id);
  }
  if (gone.users.size > 0) {
    for (const d of after.departments)
      if (d.headId && gone.users.has(d.headId)) scope.departments.add(d.id);
    for (const u of after.users)
      if (u.managerId && gone.users.has(u.managerId)) scope.users.add(u.id);
    for (const g of after.groups)
      if (g.kind === 'public' && g.userIds.some((id) => gone.users.has(id))) scope.groups.add(g.id);
    for (const g of after.grants)
      if (
        (g.subject.kind === 'user' && gone.users.has(g.subject.userId)) ||
        (g.target.kind === 'owner' && gone.users.has(g.target.userId))
      )
        scope.grants.add(g.id);
    for (const p of after.pools)
      if (p.memberUserIds.some((id) => gone.users.has(id))) scope.pools.add(p.id);
  }
  if (gone.roles.size > 0) {
    for (const u of after.users)
      if (u.roleIds.some((r) => gone.roles.has(r))) scope.users.add(u.id);
    for (const g of after.groups)
      if (g.kind === 'role' && gone.roles.has(g.roleId)) scope.groups.add(g.id);
  }
  if (gone.groups.size > 0) {
    for (const g of after.groups)
      if (g.kind === 'public' && g.groupIds.some((id) => gone.groups.has(id)))
        scope.groups.add(g.id);
    for (const r of after.sharingRules)
      if (
        gone.groups.has(r.targetGroupId) ||
        (r.source.kind === 'owner' && gone.groups.has(r.source.ownerGroupId))
      )
        scope.sharingRules.add(r.id);
    for (const g of after.grants)
      if (g.subject.kind === 'group' && gone.groups.has(g.subject.groupId)) scope.grants.add(g.id);
    for (const p of after.pools)
      if (p.memberGroupIds.some((id) => gone.groups.has(id))) scope.pools.add(p.id);
  }
  // Field settings changed: the criteria rules on those objects name their fields.
  if (diff.objects.upserted.size > 0 || diff.objects.removed.size > 0)
    for (const r of after.sharingRules)
      if (diff.objects.upserted.has(r.object) || diff.objects.removed.has(r.object))
        scope.sharingRules.add(r.id);
  // Field settings changed: the roles naming fields of those objects.
  if (diff.objects.upserted.size > 0 || diff.objects.removed.size > 0) {
    const touched = new Set([...diff.objects.upserted.keys(), ...diff.objects.removed.keys()]);
    for (const r of after.roles)
      if (Object.keys(r.fields).some((o) => touched.has(o))) scope.roles.add(r.id);
  }
  // A role changed: its portal holders are checked again (a portal user holds portal roles only).
  if (diff.roles.upserted.size > 0)
    for (const u of after.users)
      if (u.kind === 'portal' && u.roleIds.some((r) => diff.roles.upserted.has(r)))
        scope.users.add(u.id);
  // SoD rules changed: every role is checked against them.
  if (diff.sodRules.upserted.size > 0) for (const r of after.roles) scope.roles.add(r.id);
  return check(after, scope);
}

function check(model: PolicyModel, scope: ValidationScope | null): ValidationResult {
  const errors: ModelError[] = [];
  const inScope = (set: keyof ValidationScope, id: string): boolean =>
    scope === null || scope[set].has(id);
  const add = (code: EngineErrorCode, path: string, message: string): void => {
    errors.push({ code, path, message });
  };
  const ids = (name: string, items: readonly { id: string }[]): Set<string> => {
    const seen = new Set<string>();
    const selection =
      name in (scope ?? {})
        ? (scope as unknown as Record<string, ReadonlySet<string>>)[name]
        : null;
    items.forEach((item, i) => {
      const checked =
        scope === null || selection === null || selection === undefined || selection.has(item.id);
      if (typeof item.id !== 'string' || item.id === '') {
        if (checked) add('ENGINE_INVALID_VALUE', `${name}[${i}].id`, `${name}[${i}] has no id`);
      } else if (seen.has(item.id)) {
        if (checked)
          add('ENGINE_DUPLICATE_ID', `${name}[${i}].id`, `duplicate ${name} id "${item.id}"`);
      }
      seen.add(item.id);
    });
    return seen;
  };
  const departments = ids('departments', model.departments);
  const users = ids('users', model.users);
  const roles = ids('roles', model.roles);
  const groups = ids('groups', model.groups);
  ids('sharingRules', model.sharingRules);
  ids('grants', model.grants);
  const pools = ids('pools', model.pools);
  ids('sodRules', model.sodRules);
  const ref = (
    set: Set<string>,
    kind: string,
    id: string | null | undefined,
    path: string,
  ): void => {
    if (id !== null && id !== undefined && !set.has(id)) {
      add('ENGINE_UNKNOWN_REFERENCE', path, `unknown ${kind} "${id}"`);
    }
  };

  const userById = new Map(model.users.map((u) => [u.id, u]));
  const roleById = new Map(model.roles.map((r) => [r.id, r]));
  model.departments.forEach((d, i) => {
    if (!inScope('departments', d.id)) return;
    ref(departments, 'department', d.parentId, `departments[${i}].parentId`);
    ref(users, 'user', d.headId, `departments[${i}].headId`);
    if (d.headId && userById.get(d.headId)?.kind === 'portal')
      add(
        'ENGINE_PORTAL_INTERNAL',
        `departments[${i}].headId`,
        `portal user ${d.headId} cannot be a department head (部门负责人)`,
      );
  });
  const cycle = (
    kind: string,
    path: (i: number) => string,
    items: readonly { id: string }[],
    next: (id: string) => readonly string[],
    start: (id: string) => boolean,
  ): void => {
    // Colour-marking DFS: reports each cycle once, at the first item found on it.
    const state = new Map<string, 1 | 2>();
    const index = new Map(items.map((it, i) => [it.id, i]));
    const visit = (id: string, trail: string[]): void => {
      state.set(id, 1);
      for (const n of next(id)) {
        const s = state.get(n);
        if (s === 1) {
          const loop = [...trail.slice(trail.indexOf(n)), n];
          add(
            'ENGINE_HIERARCHY_CYCLE',
            path(index.get(n) ?? 0),
            `${kind} cycle: ${loop.join(' → ')}`,
          );
        } else if (s === undefined && index.has(n)) visit(n, [...trail, n]);
      }
      state.set(id, 2);
    };
    for (const it of items) if (!state.has(it.id) && start(it.id)) visit(it.id, [it.id]);
  };
  const deptParent = new Map(model.departments.map((d) => [d.id, d.parentId]));
  cycle(
    'department',
    (i) => `departments[${i}].parentId`,
    model.departments,
    (id) => {
      const p = deptParent.get(id);
      return p ? [p] : [];
    },
    (id) => inScope('departments', id),
  );
  const managerOf = new Map(model.users.map((u) => [u.id, u.managerId]));
  cycle(
    'reporting line',
    (i) => `users[${i}].managerId`,
    model.users,
    (id) => {
      const m = managerOf.get(id);
      return m ? [m] : [];
    },
    (id) => inScope('users', id),
  );
  const nested = new Map(
    model.groups.map((g) => [g.id, g.kind === 'public' ? g.groupIds : ([] as string[])]),
  );
  cycle(
    'group nesting',
    (i) => `groups[${i}].groupIds`,
    model.groups,
    (id) => nested.get(id) ?? [],
    (id) => inScope('groups', id),
  );

  model.users.forEach((u, i) => {
    if (!inScope('users', u.id)) return;
    const p = `users[${i}]`;
    ref(departments, 'department', u.departmentId, `${p}.departmentId`);
    ref(users, 'user', u.managerId, `${p}.managerId`);
    if (u.managerId === u.id)
      add('ENGINE_HIERARCHY_CYCLE', `${p}.managerId`, `${u.id} reports to itself`);
    u.roleIds.forEach((r, j) => ref(roles, 'role', r, `${p}.roleIds[${j}]`));
    if (!oneOf(SENSITIVITIES, u.clearance)) {
      add(
        'ENGINE_INVALID_VALUE',
        `${p}.clearance`,
        `clearance "${String(u.clearance)}" is not one of ${SENSITIVITIES.join(', ')}`,
      );
    }
    if (!oneOf(['active', 'suspended', 'departed'] as const, u.status)) {
      add(
        'ENGINE_INVALID_VALUE',
        `${p}.status`,
        `status "${String(u.status)}" is not active, suspended or departed`,
      );
    }
    if (u.kind === 'portal' && !u.portalAccountId) {
      add(
        'ENGINE_PORTAL_USER_WITHOUT_ACCOUNT',
        `${p}.portalAccountId`,
        `portal user ${u.id} has no customer account`,
      );
    }
    if (u.kind === 'portal') {
      u.roleIds.forEach((r, j) => {
        const role = roleById.get(r);
        if (role !== undefined && !isPortalRole(role))
          add(
            'ENGINE_PORTAL_INTERNAL',
            `${p}.roleIds[${j}]`,
            `portal user ${u.id} may not hold the internal role "${role.name}" (it names function permissions)`,
          );
      });
    }
    // A manager is an internal user: no one reports to a portal user.
    const manager = u.managerId ? userById.get(u.managerId) : undefined;
    if (manager?.kind === 'portal')
      add(
        'ENGINE_PORTAL_INTERNAL',
        `${p}.managerId`,
        `portal user ${manager.id} cannot be a manager (汇报对象)`,
      );
  });

  const roleNames = new Map<string, number>();
  model.roles.forEach((role, i) => {
    const name = typeof role.name === 'string' ? role.name.trim().toLowerCase() : '';
    const first = roleNames.get(name);
    if (first === undefined) roleNames.set(name, i);
    else if (inScope('roles', role.id) || inScope('roles', model.roles[first]?.id ?? ''))
      add(
        'ENGINE_DUPLICATE_NAME',
        `roles[${i}].name`,
        `role name "${role.name}" is taken by role "${model.roles[first]?.id ?? ''}"`,
      );
  });
  model.roles.forEach((role, i) => {
    if (!inScope('roles', role.id)) return;
    const p = `roles[${i}]`;
    role.functions.forEach((f, j) => {
      if (!isKnownFunction(f))
        add(
          'ENGINE_UNKNOWN_REFERENCE',
          `${p}.functions[${j}]`,
          `unknown function permission "${f}" (GET /v1/admin/functions lists them)`,
        );
    });
    for (const [object, perms] of Object.entries(role.objects)) {
      if (!oneOf(OBJECT_TYPES, object)) {
        add('ENGINE_INVALID_VALUE', `${p}.objects.${object}`, `unknown object "${object}"`);
        continue;
      }
      for (const [action, scope] of Object.entries(perms ?? {})) {
        if (!oneOf(RECORD_ACTIONS, action)) {
          add(
            'ENGINE_INVALID_VALUE',
            `${p}.objects.${object}.${action}`,
            `unknown action "${action}"`,
          );
        } else if (!oneOf(DATA_SCOPES, scope)) {
          add(
            'ENGINE_INVALID_VALUE',
            `${p}.objects.${object}.${action}`,
            `scope "${String(scope)}" is not one of ${DATA_SCOPES.join(', ')}`,
          );
        }
      }
    }
    for (const [object, fields] of Object.entries(role.fields)) {
      const known = model.objects.find((o) => o.object === object)?.fields ?? {};
      for (const [field, level] of Object.entries(fields ?? {})) {
        if (!Object.hasOwn(known, field))
          add(
            'ENGINE_UNKNOWN_REFERENCE',
            `${p}.fields.${object}.${field}`,
            `unknown field "${field}" of ${object} (the object's field settings list its fields)`,
          );
        if (!oneOf(FIELD_LEVELS, level)) {
          add(
            'ENGINE_INVALID_VALUE',
            `${p}.fields.${object}.${field}`,
            `field level "${String(level)}" is not one of ${FIELD_LEVELS.join(', ')}`,
          );
        }
      }
    }
    model.sodRules.forEach((sod) => {
      if (sodMembers(sod).filter((ref) => roleHolds(role, ref)).length >= 2) {
        add(
          'ENGINE_SOD_CONFLICT_IN_ROLE',
          p,
          `role "${role.name}" violates separation-of-duties rule "${sod.name}" on its own`,
        );
      }
    });
  });

  model.objects.forEach((o, i) => {
    if (!inScope('objects', o.object)) return;
    if (!oneOf(OBJECT_TYPES, o.object))
      add('ENGINE_INVALID_VALUE', `objects[${i}].object`, `unknown object "${String(o.object)}"`);
    if (!oneOf(ORG_WIDE_DEFAULTS, o.orgWideDefault)) {
      add(
        'ENGINE_INVALID_VALUE',
        `objects[${i}].orgWideDefault`,
        `org-wide default "${String(o.orgWideDefault)}" is not one of ${ORG_WIDE_DEFAULTS.join(', ')}`,
      );
    }
  });

  model.groups.forEach((g, i) => {
    if (!inScope('groups', g.id)) return;
    if (g.kind === 'department')
      ref(departments, 'department', g.departmentId, `groups[${i}].departmentId`);
    else if (g.kind === 'role') ref(roles, 'role', g.roleId, `groups[${i}].roleId`);
    else {
      g.userIds.forEach((u, j) => ref(users, 'user', u, `groups[${i}].userIds[${j}]`));
      g.groupIds.forEach((x, j) => ref(groups, 'group', x, `groups[${i}].groupIds[${j}]`));
    }
  });

  model.sharingRules.forEach((r, i) => {
    if (!inScope('sharingRules', r.id)) return;
    const p = `sharingRules[${i}]`;
    if (!oneOf(OBJECT_TYPES, r.object)) {
      add('ENGINE_INVALID_VALUE', `${p}.object`, `unknown object "${String(r.object)}"`);
    }
    ref(groups, 'group', r.targetGroupId, `${p}.targetGroupId`);
    if (r.source.kind === 'owner')
      ref(groups, 'group', r.source.ownerGroupId, `${p}.source.ownerGroupId`);
    else {
      // The object's field settings list its fields: a criterion names one of them (an own
      // property: `constructor` is no field).
      const known = model.objects.find((o) => o.object === r.object)?.fields ?? {};
      r.source.criteria.forEach((c, j) => {
        if (!Object.hasOwn(known, c.field)) {
          add(
            'ENGINE_UNKNOWN_REFERENCE',
            `${p}.source.criteria[${j}].field`,
            `unknown field "${c.field}" of ${r.object}`,
          );
        }
      });
      const why = impossible(r.source.criteria);
      if (why)
        add(
          'ENGINE_IMPOSSIBLE_CRITERION',
          `${p}.source.criteria`,
          `sharing rule "${r.name}": ${why}`,
        );
    }
    if (r.access !== 'read' && r.access !== 'edit')
      add('ENGINE_INVALID_VALUE', `${p}.access`, `sharing rule access must be read or edit`);
  });

  model.grants.forEach((g, i) => {
    if (!inScope('grants', g.id)) return;
    const p = `grants[${i}]`;
    if (!oneOf(OBJECT_TYPES, g.object)) {
      add('ENGINE_INVALID_VALUE', `${p}.object`, `unknown object "${String(g.object)}"`);
    }
    if (!oneOf(ACCESS_LEVELS, g.access)) {
      add(
        'ENGINE_INVALID_VALUE',
        `${p}.access`,
        `grant access "${String(g.access)}" is not read, edit or manage`,
      );
    }
    if (g.subject.kind === 'user') ref(users, 'user', g.subject.userId, `${p}.subject.userId`);
    else ref(groups, 'group', g.subject.groupId, `${p}.subject.groupId`);
    if (g.target.kind === 'department')
      ref(departments, 'department', g.target.departmentId, `${p}.target.departmentId`);
    if (g.target.kind === 'owner') ref(users, 'user', g.target.userId, `${p}.target.userId`);
    if (g.expiresAt !== null && g.startsAt != null && g.expiresAt <= g.startsAt) {
      add('ENGINE_INVALID_VALUE', `${p}.expiresAt`, `grant ${g.id} expires before it starts`);
    }
  });

  model.pools.forEach((pool, i) => {
    if (!inScope('pools', pool.id)) return;
    pool.memberUserIds.forEach((u, j) => ref(users, 'user', u, `pools[${i}].memberUserIds[${j}]`));
    pool.memberGroupIds.forEach((g, j) =>
      ref(groups, 'group', g, `pools[${i}].memberGroupIds[${j}]`),
    );
  });
  void pools;

  model.sodRules.forEach((sod, i) => {
    const members: [string, SodRef][] = [
      [`sodRules[${i}].left`, sod.left],
      [`sodRules[${i}].right`, sod.right],
      ...(sod.others ?? []).map((ref, j): [string, SodRef] => [`sodRules[${i}].others[${j}]`, ref]),
    ];
    for (const [path, member] of members) {
      if (member.kind === 'function' && !isKnownFunction(member.name))
        add(
          'ENGINE_UNKNOWN_REFERENCE',
          `${path}.name`,
          `unknown function permission "${member.name}"`,
        );
      if (member.kind === 'role') ref(roles, 'role', member.roleId, `${path}.roleId`);
    }
  });

  return { ok: errors.length === 0, errors };
}

/** `validateModel`, throwing an `EngineError` listing every problem. */
export function assertValidModel(model: PolicyModel): void {
  const result = validateModel(model);
  if (!result.ok) throw new EngineError(result.errors);
}

/**
 * Check a grant on one record against the policy it refers to, without touching the model: its
 * object, access and time bounds, and that its subject (a user or group) exists in the index. The
 * record itself is the store's to find. Paths are `grant.…`.
 */
export function validateRecordGrant(
  index: { users: ReadonlyMap<string, unknown>; groups: ReadonlyMap<string, unknown> },
  grant: Grant,
): ModelError[] {
  const errors: ModelError[] = [];
  const add = (code: EngineErrorCode, path: string, message: string): void => {
    errors.push({ code, path, message });
  };
  if (!oneOf(OBJECT_TYPES, grant.object))
    add('ENGINE_INVALID_VALUE', 'grant.object', `unknown object "${String(grant.object)}"`);
  if (!oneOf(ACCESS_LEVELS, grant.access))
    add(
      'ENGINE_INVALID_VALUE',
      'grant.access',
      `grant access "${String(grant.access)}" is not read, edit or manage`,
    );
  if (grant.subject.kind === 'user') {
    if (!index.users.has(grant.subject.userId))
      add(
        'ENGINE_UNKNOWN_REFERENCE',
        'grant.subject.userId',
        `unknown user "${grant.subject.userId}"`,
      );
  } else if (!index.groups.has(grant.subject.groupId)) {
    add(
      'ENGINE_UNKNOWN_REFERENCE',
      'grant.subject.groupId',
      `unknown group "${grant.subject.groupId}"`,
    );
  }
  if (grant.expiresAt !== null && grant.startsAt != null && grant.expiresAt <= grant.startsAt)
    add('ENGINE_INVALID_VALUE', 'grant.expiresAt', `grant ${grant.id} expires before it starts`);
  return errors;
}
