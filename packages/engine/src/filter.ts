import { grantLive } from './access-core.ts';
import { levelCovers, minLevelFor, orgDefaultCovers, poolCovers } from './coverage.ts';
import type { Grant, ObjectType, PolicyModel, RecordAction } from './model.ts';
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
  recordIn,
  type Predicate,
} from './predicate.ts';

const MAX_CLEARANCE = SENSITIVITIES.length - 1;

function grantPredicate(index: PolicyIndex, grant: Grant): Predicate {
  const t = grant.target;
  switch (t.kind) {
    case 'record':
      return recordIn([t.recordId]);
    case 'all':
      return TRUE;
    case 'owner':
      return ownerIn([t.userId]);
    case 'department':
      return departmentIn(
        t.includeSubdepartments
          ? (index.departmentSubtree.get(t.departmentId) ?? [t.departmentId])
          : [t.departmentId],
      );
  }
}

/**
 * A predicate selecting exactly the records of `object` on which `decide` allows `action`.
 * Shape: `and(mandatory…, or(path…))`, with the paths wrapped in `parent(…)` for children
 * controlled by their customer. Constants are folded: `false` when nothing can be allowed,
 * `true` when everything is.
 */
export function filter(
  policy: PolicyModel | PolicyIndex,
  principalId: string,
  action: RecordAction,
  object: ObjectType,
  now: number,
): Predicate {
  const index = indexOf(policy);
  const ctx = index.principals.get(principalId);
  if (ctx === undefined || !ctx.active) return FALSE;
  const settings = index.objects[OBJECT_INDEX[object]];
  const controlled = object !== 'customer' && (settings?.controlledByParent ?? true);
  const targetObject: ObjectType = controlled ? 'customer' : object;
  if (ctx.portal && (!(settings?.portalExposed ?? false) || ctx.portalAccountId === null)) {
    return FALSE;
  }
  const slot = privilegeSlot(object, action);
  if (ctx.sodBlocks[slot] !== undefined) return FALSE;
  const privilege = ctx.privileges[slot] ?? 0;
  if (privilege === 0) return FALSE;

  const clearance: Predicate =
    ctx.clearance >= MAX_CLEARANCE
      ? TRUE
      : { kind: 'sensitivity_at_most', level: SENSITIVITIES[ctx.clearance] ?? 'public' };
  const mandatory = [clearance, controlled ? onParent(clearance) : TRUE];
  if (ctx.portal) {
    mandatory.push({ kind: 'customer_is', customerId: ctx.portalAccountId as string });
  }

  // Paths evaluated on the record itself (portal scope) and on the target (the customer for a
  // controlled child).
  const own: Predicate[] = [];
  const onTarget: Predicate[] = [];
  const me = ctx.user.id;

  if (ctx.portal) {
    own.push(
      privilege > rank.scope('own')
        ? TRUE
        : or({ kind: 'created_by', userId: me }, { kind: 'contact_is', userId: me }),
    );
  } else {
    if (privilege >= rank.scope('all')) onTarget.push(TRUE);
    else {
      const owners = privilege >= rank.scope('subordinates') ? [me, ...ctx.subordinates] : [me];
      onTarget.push(ownerIn(owners));
      if (privilege >= rank.scope('department_tree')) {
        onTarget.push(departmentIn(ctx.departmentTree));
      } else if (privilege >= rank.scope('department') && ctx.user.departmentId !== null) {
        onTarget.push(departmentIn([ctx.user.departmentId]));
      }
    }
    const owd = index.objects[OBJECT_INDEX[targetObject]]?.orgWideDefault ?? 'private';
    if (orgDefaultCovers(owd, action)) onTarget.push(TRUE);
    onTarget.push({ kind: 'team_member', userId: me, minAccess: minLevelFor(action) });
    for (const rule of ctx.rules[OBJECT_INDEX[targetObject]] ?? []) {
      if (!levelCovers(rule.access, action)) continue;
      onTarget.push(
        rule.source.kind === 'criteria'
          ? and(
              ...rule.source.criteria.map((criterion): Predicate => ({ kind: 'field', criterion })),
            )
          : ownerIn(index.groupMembers.get(rule.source.ownerGroupId) ?? []),
      );
    }
    if (poolCovers(action)) onTarget.push(poolIn(ctx.poolIds));
  }

  const o = OBJECT_INDEX[targetObject];
  // Grants stored with their records: the store reads them for the row (`record_grant`).
  onTarget.push({
    kind: 'record_grant',
    userId: me,
    groupIds: [...ctx.groupIds].sort(),
    minAccess: minLevelFor(action),
    at: now,
  });
  for (const grant of ctx.scopeGrants[o] ?? []) {
    if (grantLive(grant, now) && levelCovers(grant.access, action)) {
      onTarget.push(grantPredicate(index, grant));
    }
  }

  const targetPaths = or(...onTarget);
  return and(...mandatory, or(...own, controlled ? onParent(targetPaths) : targetPaths));
}
