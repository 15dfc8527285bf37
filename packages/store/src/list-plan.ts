import { and, or, type Predicate } from '@custos/engine';

/**
 * The access paths of a filter predicate, as separate branches: `and(m…, or(p1 … pn))` becomes
 * `[and(m…, p1), …, and(m…, pn)]`, with `parent(or(…))` first distributed into `or(parent(…) …)`.
 * The union of the branches selects exactly the rows of the predicate, and each branch is narrow
 * enough to be an index walk of its own (owner, department, team, pool, grant, rule).
 *
 * A predicate without one top-level disjunction is one branch. Past `maxBranches`, the remaining
 * paths stay together in the last branch.
 */
export interface BranchOptions {
  /** At most this many branches (default 16); the rest of the paths share the last one. */
  maxBranches?: number;
  /**
   * Split a path on a set of owners, departments or pools of at most this many values into one
   * branch per value (default 1: no split), when the branch count stays within `maxBranches`.
   * An equality walks the `(tenant_id, column, updated_at desc, id)` index in list order; an
   * `= any(…)` over several values cannot.
   */
  splitSetsUpTo?: number;
}

export function accessBranches(predicate: Predicate, options: BranchOptions = {}): Predicate[] {
  const maxBranches = options.maxBranches ?? 16;
  const splitUpTo = options.splitSetsUpTo ?? 1;
  if (predicate.kind === 'const') return predicate.value ? [predicate] : [];
  const items = predicate.kind === 'and' ? predicate.items : [predicate];
  const disjunctions: number[] = [];
  const expanded = items.map((item, i) => {
    const paths = disjunctionOf(item);
    if (paths !== null) disjunctions.push(i);
    return paths;
  });
  if (disjunctions.length !== 1) return [predicate];
  const at = disjunctions[0] as number;
  const unsplit = mergeSets(expanded[at] as Predicate[]);
  const split = unsplit.flatMap((p) => splitSet(p, splitUpTo));
  const paths = split.length <= maxBranches ? split : unsplit;
  const mandatory = items.filter((_, i) => i !== at);
  const grouped =
    paths.length <= maxBranches
      ? paths
      : [...paths.slice(0, maxBranches - 1), or(...paths.slice(maxBranches - 1))];
  return grouped.map((p) => and(...mandatory, p));
}

type SetKind = 'owner_in' | 'department_in' | 'pool_in' | 'record_in';

function setOf(p: Predicate): { kind: SetKind; values: string[] } | null {
  switch (p.kind) {
    case 'owner_in':
      return { kind: p.kind, values: p.userIds };
    case 'department_in':
      return { kind: p.kind, values: p.departmentIds };
    case 'pool_in':
      return { kind: p.kind, values: p.poolIds };
    case 'record_in':
      return { kind: p.kind, values: p.recordIds };
    default:
      return null;
  }
}

function makeSet(kind: SetKind, values: string[]): Predicate {
  switch (kind) {
    case 'owner_in':
      return { kind, userIds: values };
    case 'department_in':
      return { kind, departmentIds: values };
    case 'pool_in':
      return { kind, poolIds: values };
    case 'record_in':
      return { kind, recordIds: values };
  }
}

/**
 * One path per column: `owner_in(A) or owner_in(B)` is `owner_in(A ∪ B)` (subordinates and
 * owner-based sharing rules, say), so a large set is one walk, not one per path that names it.
 * Paths under `parent` merge among themselves. The first path of a kind keeps its place.
 */
function mergeSets(paths: readonly Predicate[]): Predicate[] {
  const out: (Predicate | { merged: string; parent: boolean; kind: SetKind })[] = [];
  const sets = new Map<string, { parent: boolean; kind: SetKind; values: Set<string> }>();
  for (const p of paths) {
    const parent = p.kind === 'parent';
    const set = setOf(parent ? p.predicate : p);
    if (set === null) {
      out.push(p);
      continue;
    }
    const key = `${parent ? 'parent:' : ''}${set.kind}`;
    const known = sets.get(key);
    if (known === undefined) {
      sets.set(key, { parent, kind: set.kind, values: new Set(set.values) });
      out.push({ merged: key, parent, kind: set.kind });
    } else {
      for (const v of set.values) known.values.add(v);
    }
  }
  return out.map((item) => {
    if (!('merged' in item)) return item;
    const set = sets.get(item.merged);
    const merged = makeSet(item.kind, [...(set?.values ?? [])]);
    return item.parent ? { kind: 'parent', predicate: merged } : merged;
  });
}

/** The items of a disjunction (also under `parent`), or null when `p` is not one. */
function disjunctionOf(p: Predicate): Predicate[] | null {
  if (p.kind === 'or') return p.items;
  if (p.kind === 'parent' && p.predicate.kind === 'or') {
    return p.predicate.items.map((item) =>
      item.kind === 'const' ? item : { kind: 'parent', predicate: item },
    );
  }
  return null;
}

/** One path per value of a small owner, department or pool set (also under `parent`). */
function splitSet(p: Predicate, upTo: number): Predicate[] {
  if (p.kind === 'parent') {
    return splitSet(p.predicate, upTo).map((inner) => ({ kind: 'parent', predicate: inner }));
  }
  switch (p.kind) {
    case 'owner_in':
      return p.userIds.length > 1 && p.userIds.length <= upTo
        ? p.userIds.map((id) => ({ kind: 'owner_in', userIds: [id] }))
        : [p];
    case 'department_in':
      return p.departmentIds.length > 1 && p.departmentIds.length <= upTo
        ? p.departmentIds.map((id) => ({ kind: 'department_in', departmentIds: [id] }))
        : [p];
    case 'pool_in':
      return p.poolIds.length > 1 && p.poolIds.length <= upTo
        ? p.poolIds.map((id) => ({ kind: 'pool_in', poolIds: [id] }))
        : [p];
    default:
      return [p];
  }
}
