import type {
  Department,
  Grant,
  Group,
  ObjectSettings,
  PolicyModel,
  Pool,
  Role,
  SharingRule,
  SodRule,
  User,
} from './model.ts';

/** What changed in one list of the model between two versions. */
export interface ListDiff<T> {
  /** Entities present after the change whose value is new (added or replaced), by id. */
  readonly upserted: ReadonlyMap<string, T>;
  /** Entities present before and gone after, by id (their value before). */
  readonly removed: ReadonlyMap<string, T>;
  /** Replaced entities' values before the change, by id. */
  readonly replaced: ReadonlyMap<string, T>;
}

/**
 * The difference between two versions of a model, entity by entity. Changes are values: a change
 * replaces the entities it touches and keeps every other one as the same object, so the diff
 * compares by identity (a pointer compare per entity) and costs no deep comparison.
 */
export interface ModelDiff {
  readonly tenant: boolean;
  readonly departments: ListDiff<Department>;
  readonly users: ListDiff<User>;
  readonly roles: ListDiff<Role>;
  readonly objects: ListDiff<ObjectSettings>;
  readonly groups: ListDiff<Group>;
  readonly sharingRules: ListDiff<SharingRule>;
  readonly grants: ListDiff<Grant>;
  readonly pools: ListDiff<Pool>;
  readonly sodRules: ListDiff<SodRule>;
}

const EMPTY = Object.freeze({
  upserted: new Map<string, never>(),
  removed: new Map<string, never>(),
  replaced: new Map<string, never>(),
}) as ListDiff<never>;

function diffList<T>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
): ListDiff<T> {
  if (before === after) return EMPTY as ListDiff<T>;
  // The common case: same length, same order, a few replaced.
  const upserted = new Map<string, T>();
  const removed = new Map<string, T>();
  const replaced = new Map<string, T>();
  if (before.length === after.length) {
    let aligned = true;
    for (let i = 0; i < after.length && aligned; i++) {
      const a = after[i] as T;
      const b = before[i] as T;
      if (a === b) continue;
      if (key(a) !== key(b)) aligned = false;
      else {
        upserted.set(key(a), a);
        replaced.set(key(b), b);
      }
    }
    if (aligned)
      return upserted.size === 0 ? (EMPTY as ListDiff<T>) : { upserted, removed, replaced };
    upserted.clear();
    replaced.clear();
  }
  const old = new Map<string, T>();
  for (const b of before) old.set(key(b), b);
  const seen = new Set<string>();
  for (const a of after) {
    const k = key(a);
    seen.add(k);
    const b = old.get(k);
    if (b === a) continue;
    upserted.set(k, a);
    if (b !== undefined) replaced.set(k, b);
  }
  for (const [k, b] of old) if (!seen.has(k)) removed.set(k, b);
  return { upserted, removed, replaced };
}

const byId = (x: { id: string }): string => x.id;

export function diffModels(before: PolicyModel, after: PolicyModel): ModelDiff {
  return {
    tenant: before.tenant !== after.tenant,
    departments: diffList(before.departments, after.departments, byId),
    users: diffList(before.users, after.users, byId),
    roles: diffList(before.roles, after.roles, byId),
    objects: diffList(before.objects, after.objects, (o) => o.object),
    groups: diffList(before.groups, after.groups, byId),
    sharingRules: diffList(before.sharingRules, after.sharingRules, byId),
    grants: diffList(before.grants, after.grants, byId),
    pools: diffList(before.pools, after.pools, byId),
    sodRules: diffList(before.sodRules, after.sodRules, byId),
  };
}

/** Whether nothing changed. */
export function isEmptyDiff(d: ModelDiff): boolean {
  return (
    !d.tenant &&
    [
      d.departments,
      d.users,
      d.roles,
      d.objects,
      d.groups,
      d.sharingRules,
      d.grants,
      d.pools,
      d.sodRules,
    ].every((l) => l.upserted.size === 0 && l.removed.size === 0)
  );
}
