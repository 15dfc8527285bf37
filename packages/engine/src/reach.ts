import type { AllowReason } from './explanation.ts';
import { filter } from './filter.ts';
import type { ObjectType, PolicyModel, RecordAction } from './model.ts';
import { rank, SENSITIVITIES } from './model.ts';
import { OBJECT_INDEX, indexOf, privilegeSlot, type PolicyIndex } from './policy-index.ts';
import {
  FALSE,
  TRUE,
  and,
  departmentIn,
  onParent,
  or,
  ownerIn,
  poolIn,
  type Predicate,
} from './predicate.ts';
import { grantLive } from './access-core.ts';
import { levelCovers, minLevelFor, orgDefaultCovers, poolCovers } from './coverage.ts';

/**
 * The access paths a record can be reached through, in the vocabulary of `explain`: a `scope`
 * reason's `relation` (`owner`, `subordinate`, `department`, `department_tree`, `all`,
 * `portal_own`, `portal_account`) or the reason's `kind` (`org_default`, `team`, `sharing_rule`,
 * `grant`, `pool`).
 */
export const REACH_PATHS = [
  'owner',
  'subordinate',
  'department',
  'department_tree',
  'all',
  'portal_own',
  'portal_account',
  'org_default',
  'team',
  'sharing_rule',
  'grant',
  'pool',
] as const;
export type ReachPath = (typeof REACH_PATHS)[number];

/** The paths an internal user can have; a portal user has the other three. */
export const INTERNAL_REACH_PATHS: readonly ReachPath[] = [
  'owner',
  'subordinate',
  'department',
  'department_tree',
  'all',
  'org_default',
  'team',
  'sharing_rule',
  'grant',
  'pool',
];
export const PORTAL_REACH_PATHS: readonly ReachPath[] = ['portal_own', 'portal_account', 'grant'];

/**
 * One path as a condition: a record is reached through `path` exactly when `predicate` holds and
 * `exclude` does not (`exclude` is `false` for every path but the scope relations, which `explain`
 * reports one per record: the first of owner, subordinate, department, department_tree, all that
 * holds). Both are complete (the mandatory layer is in `predicate`; children's paths are wrapped
 * in `parent(…)`), so they compile like `filter`'s predicate.
 */
export interface ReachTerm {
  path: ReachPath;
  predicate: Predicate;
  exclude: Predicate;
}

export interface Reach {
  /** Every record the action is allowed on: `filter(…)` itself (the list's total counts it). */
  total: Predicate;
  /** One term per path of the principal's kind (internal or portal), `false` when unreachable. */
  terms: ReachTerm[];
}

/** The path of an explanation's allow reason. */
export function reachPathOf(reason: AllowReason): ReachPath {
  return reason.kind === 'scope' ? reason.relation : reason.kind;
}

/**
 * Per access path, the records of `object` the principal reaches through it for `action`: what
 * `explain` would name among `allowedBy` on each record. The union of the terms is `filter`'s
 * predicate; a record on two paths is in both terms. Pure, like `filter`, from which it is built
 * path by path.
 */
export function reach(
  policy: PolicyModel | PolicyIndex,
  principalId: string,
  action: RecordAction,
  object: ObjectType,
  now: number,
): Reach {
  const index = indexOf(policy);
  const total = filter(index, principalId, action, object, now);
  const ctx = index.principals.get(principalId);
  const kinds = ctx?.portal === true ? PORTAL_REACH_PATHS : INTERNAL_REACH_PATHS;
  const terms = new Map<ReachPath, ReachTerm>(
    kinds.map((path) => [path, { path, predicate: FALSE, exclude: FALSE }]),
  );
  // `filter` folds to false exactly when the mandatory layer or the privilege gate denies all.
  if (ctx === undefined || (total.kind === 'const' && !total.value))
    return { total, terms: [...terms.values()] };

  const settings = index.objects[OBJECT_INDEX[object]];
  const controlled = object !== 'customer' && (settings?.controlledByParent ?? true);
  const targetObject: ObjectType = controlled ? 'customer' : object;
  const privilege = ctx.privileges[privilegeSlot(object, action)] ?? 0;
  const clearance: Predicate =
    ctx.clearance >= SENSITIVITIES.length - 1
      ? TRUE
      : { kind: 'sensitivity_at_most', level: SENSITIVITIES[ctx.clearance] ?? 'public' };
  const mandatory = [clearance, controlled ? onParent(clearance) : TRUE];
  if (ctx.portal) {
    mandatory.push({ kind: 'customer_is', customerId: ctx.portalAccountId as string });
  }
  /** A path evaluated on the target (the customer of a controlled child). */
  const onTarget = (p: Predicate): Predicate => (controlled ? onParent(p) : p);
  const set = (path: ReachPath, include: Predicate, exclude: Predicate = FALSE): void => {
    const predicate = and(...mandatory, include);
    terms.set(path, {
      path,
      predicate,
      exclude: predicate.kind === 'const' && !predicate.value ? FALSE : exclude,
    });
  };
  const me = ctx.user.id;

  if (ctx.portal) {
    if (privilege > rank.scope('own')) set('portal_account', TRUE);
    else {
      set('portal_own', or({ kind: 'created_by', userId: me }, { kind: 'contact_is', userId: me }));
    }
  } else {
    // The scope relations, one per record as `checkAccess` finds them: each excludes the ones
    // before it.
    const myDepartment = ctx.user.departmentId;
    const owners = privilege >= rank.scope('subordinates') ? [me, ...ctx.subordinates] : [me];
    set('owner', onTarget(ownerIn([me])));
    if (privilege >= rank.scope('subordinates')) {
      set('subordinate', onTarget(ownerIn([...ctx.subordinates].filter((id) => id !== me))));
    }
    const byOwner = onTarget(ownerIn(owners));
    if (privilege >= rank.scope('department') && myDepartment !== null) {
      set('department', onTarget(departmentIn([myDepartment])), byOwner);
    }
    if (privilege >= rank.scope('department_tree')) {
      const below = [...ctx.departmentTree].filter((d) => d !== myDepartment);
      set('department_tree', onTarget(departmentIn(below)), byOwner);
    }
    if (privilege >= rank.scope('all')) {
      const departments = [...ctx.departmentTree];
      if (myDepartment !== null) departments.push(myDepartment);
      set('all', TRUE, or(byOwner, onTarget(departmentIn(departments))));
    }

    const owd = index.objects[OBJECT_INDEX[targetObject]]?.orgWideDefault ?? 'private';
    if (orgDefaultCovers(owd, action)) set('org_default', TRUE);
    set('team', onTarget({ kind: 'team_member', userId: me, minAccess: minLevelFor(action) }));
    const rules: Predicate[] = [];
    for (const rule of ctx.rules[OBJECT_INDEX[targetObject]] ?? []) {
      if (!levelCovers(rule.access, action)) continue;
      rules.push(
        rule.source.kind === 'criteria'
          ? and(
              ...rule.source.criteria.map((criterion): Predicate => ({ kind: 'field', criterion })),
            )
          : ownerIn(index.groupMembers.get(rule.source.ownerGroupId) ?? []),
      );
    }
    set('sharing_rule', onTarget(or(...rules)));
    if (poolCovers(action)) set('pool', onTarget(poolIn(ctx.poolIds)));
  }

  const grants: Predicate[] = [
    {
      kind: 'record_grant',
      userId: me,
      groupIds: [...ctx.groupIds].sort(),
      minAccess: minLevelFor(action),
      at: now,
    },
  ];
  for (const grant of ctx.scopeGrants[OBJECT_INDEX[targetObject]] ?? []) {
    if (!grantLive(grant, now) || !levelCovers(grant.access, action)) continue;
    const t = grant.target;
    grants.push(
      t.kind === 'record'
        ? { kind: 'record_in', recordIds: [t.recordId] }
        : t.kind === 'all'
          ? TRUE
          : t.kind === 'owner'
            ? ownerIn([t.userId])
            : departmentIn(
                t.includeSubdepartments
                  ? (index.departmentSubtree.get(t.departmentId) ?? [t.departmentId])
                  : [t.departmentId],
              ),
    );
  }
  set('grant', onTarget(or(...grants)));
  return { total, terms: [...terms.values()] };
}
