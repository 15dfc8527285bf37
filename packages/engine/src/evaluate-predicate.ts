import { grantLive } from './access-core.ts';
import { matchesCriterion } from './criteria.ts';
import type { CrmRecord, PolicyModel } from './model.ts';
import { rank } from './model.ts';
import type { PolicyIndex } from './policy-index.ts';
import type { Predicate } from './predicate.ts';

/**
 * Evaluate a predicate on one record in memory. Team membership and record grants are read from
 * the record (`team`, `grants`);
 * `parent` reads `record.parent` (absent → no match). This is the reference semantics the SQL
 * compiler must reproduce.
 */
export function evaluatePredicate(
  _policy: PolicyModel | PolicyIndex,
  predicate: Predicate,
  record: CrmRecord,
): boolean {
  const run = (p: Predicate, r: CrmRecord): boolean => {
    switch (p.kind) {
      case 'const':
        return p.value;
      case 'and':
        return p.items.every((i) => run(i, r));
      case 'or':
        return p.items.some((i) => run(i, r));
      case 'owner_in':
        return r.ownerId !== null && p.userIds.includes(r.ownerId);
      case 'department_in':
        return r.departmentId !== null && p.departmentIds.includes(r.departmentId);
      case 'sensitivity_at_most':
        // An unknown level counts as the highest, as in `decide`.
        return (
          (rank.sensitivity(r.sensitivity) < 0 ? 3 : rank.sensitivity(r.sensitivity)) <=
          rank.sensitivity(p.level)
        );
      case 'customer_is':
        return r.customerId === p.customerId;
      case 'created_by':
        return r.createdById === p.userId;
      case 'contact_is':
        return r.contactUserId === p.userId;
      case 'team_member':
        return (r.team ?? []).some(
          (m) => m.userId === p.userId && rank.access(m.access) >= rank.access(p.minAccess),
        );
      case 'record_grant':
        return (r.grants ?? []).some(
          (g) =>
            g.object === r.object &&
            g.target.kind === 'record' &&
            g.target.recordId === r.id &&
            (g.subject.kind === 'user'
              ? g.subject.userId === p.userId
              : p.groupIds.includes(g.subject.groupId)) &&
            rank.access(g.access) >= rank.access(p.minAccess) &&
            grantLive(g, p.at),
        );
      case 'field':
        return matchesCriterion(
          p.criterion,
          Object.hasOwn(r.fields, p.criterion.field) ? r.fields[p.criterion.field] : undefined,
        );
      case 'record_in':
        return p.recordIds.includes(r.id);
      case 'pool_in':
        return r.poolId != null && p.poolIds.includes(r.poolId);
      case 'parent':
        return r.parent !== undefined && run(p.predicate, r.parent);
    }
  };
  return run(predicate, record);
}

/** The records a predicate selects, in input order. */
export function selectRecords(
  policy: PolicyModel | PolicyIndex,
  predicate: Predicate,
  records: Iterable<CrmRecord>,
): CrmRecord[] {
  const out: CrmRecord[] = [];
  for (const r of records) if (evaluatePredicate(policy, predicate, r)) out.push(r);
  return out;
}
