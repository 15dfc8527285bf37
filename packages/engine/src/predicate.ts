import type { AccessLevel, Criterion, Sensitivity } from './model.ts';

/**
 * A predicate over records: the output of `filter`. Immutable data, no SQL. The store compiles it
 * to SQL; `evaluatePredicate` runs it in memory (for tests and small lists).
 *
 * Every node reads the record it is evaluated on, except `parent`, which evaluates its predicate on
 * the record's customer (children controlled by their parent).
 */
export type Predicate =
  | { kind: 'const'; value: boolean }
  | { kind: 'and'; items: Predicate[] }
  | { kind: 'or'; items: Predicate[] }
  /** The owner is one of these users. A null owner never matches. */
  | { kind: 'owner_in'; userIds: string[] }
  /** The owning department is one of these. A null department never matches. */
  | { kind: 'department_in'; departmentIds: string[] }
  | { kind: 'sensitivity_at_most'; level: Sensitivity }
  /** The record belongs to this customer (portal account). */
  | { kind: 'customer_is'; customerId: string }
  | { kind: 'created_by'; userId: string }
  | { kind: 'contact_is'; userId: string }
  /** The user is on the record's customer team with at least this access. */
  | { kind: 'team_member'; userId: string; minAccess: AccessLevel }
  /**
   * A grant stored with the record (`CrmRecord.grants`, the store's `grants` rows with a
   * `record_id`) covers it: to this user or one of these groups, of the record's object, at least
   * this access, live at `at` (ms since the epoch; starts inclusive, expires exclusive).
   */
  | { kind: 'record_grant'; userId: string; groupIds: string[]; minAccess: AccessLevel; at: number }
  | { kind: 'field'; criterion: Criterion }
  | { kind: 'record_in'; recordIds: string[] }
  | { kind: 'pool_in'; poolIds: string[] }
  | { kind: 'parent'; predicate: Predicate };

export const TRUE: Predicate = Object.freeze({ kind: 'const', value: true }) as Predicate;
export const FALSE: Predicate = Object.freeze({ kind: 'const', value: false }) as Predicate;

export function isConst(p: Predicate, value: boolean): boolean {
  return p.kind === 'const' && p.value === value;
}

/** Conjunction with constant folding and flattening. */
export function and(...items: Predicate[]): Predicate {
  const out: Predicate[] = [];
  for (const item of items) {
    if (isConst(item, false)) return FALSE;
    if (isConst(item, true)) continue;
    if (item.kind === 'and') out.push(...item.items);
    else out.push(item);
  }
  if (out.length === 0) return TRUE;
  if (out.length === 1) return out[0] as Predicate;
  return { kind: 'and', items: out };
}

/** Disjunction with constant folding and flattening. */
export function or(...items: Predicate[]): Predicate {
  const out: Predicate[] = [];
  for (const item of items) {
    if (isConst(item, true)) return TRUE;
    if (isConst(item, false)) continue;
    if (item.kind === 'or') out.push(...item.items);
    else out.push(item);
  }
  if (out.length === 0) return FALSE;
  if (out.length === 1) return out[0] as Predicate;
  return { kind: 'or', items: out };
}

/** `parent(p)`, folding constants (a constant does not depend on the record). */
export function onParent(predicate: Predicate): Predicate {
  if (predicate.kind === 'const') return predicate;
  return { kind: 'parent', predicate };
}

export function ownerIn(userIds: Iterable<string>): Predicate {
  const ids = [...new Set(userIds)].sort();
  return ids.length === 0 ? FALSE : { kind: 'owner_in', userIds: ids };
}

export function departmentIn(departmentIds: Iterable<string>): Predicate {
  const ids = [...new Set(departmentIds)].sort();
  return ids.length === 0 ? FALSE : { kind: 'department_in', departmentIds: ids };
}

export function recordIn(recordIds: Iterable<string>): Predicate {
  const ids = [...new Set(recordIds)].sort();
  return ids.length === 0 ? FALSE : { kind: 'record_in', recordIds: ids };
}

export function poolIn(poolIds: Iterable<string>): Predicate {
  const ids = [...new Set(poolIds)].sort();
  return ids.length === 0 ? FALSE : { kind: 'pool_in', poolIds: ids };
}
