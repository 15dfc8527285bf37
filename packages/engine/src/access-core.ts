import { levelCovers, orgDefaultCovers, poolCovers } from './coverage.ts';
import { matchesAll } from './criteria.ts';
import type {
  AccessLevel,
  CrmRecord,
  DataScope,
  Grant,
  OrgWideDefault,
  Pool,
  RecordAction,
  SharingRule,
} from './model.ts';
import { DATA_SCOPES, rank } from './model.ts';
import {
  OBJECT_INDEX,
  privilegeSlot,
  type PolicyIndex,
  type PrincipalContext,
} from './policy-index.ts';

/**
 * The one implementation of DESIGN.md section 3. `decide` calls it without a sink and stops at the
 * first path that allows; `explain` passes a sink and collects every path. `filter` builds the
 * same logic as a predicate and is tested to agree on every scenario.
 */

export const enum Outcome {
  Allow = 0,
  UnknownPrincipal,
  Inactive,
  Clearance,
  PortalObject,
  PortalAccount,
  Sod,
  NoPrivilege,
  ParentMissing,
  NoPath,
}

export type ScopeRelation =
  | 'owner'
  | 'subordinate'
  | 'department'
  | 'department_tree'
  | 'all'
  | 'portal_own'
  | 'portal_account';

/** One access path that allowed a decision. */
export type PathHit =
  | { kind: 'scope'; scope: DataScope; relation: ScopeRelation }
  | { kind: 'org_default'; orgWideDefault: OrgWideDefault }
  | { kind: 'team'; access: AccessLevel }
  | { kind: 'sharing_rule'; rule: SharingRule }
  | { kind: 'grant'; grant: Grant }
  | { kind: 'pool'; pool: Pool };

const SCOPE_OWN = rank.scope('own');
const SCOPE_SUBORDINATES = rank.scope('subordinates');
const SCOPE_DEPARTMENT = rank.scope('department');
const SCOPE_TREE = rank.scope('department_tree');
const SCOPE_ALL = rank.scope('all');

/**
 * Rank of a record's sensitivity; anything that is not a known level counts as the highest
 * (`restricted`), so a malformed record is denied rather than shown.
 */
function sensitivityRank(s: string): number {
  switch (s) {
    case 'public':
      return 0;
    case 'internal':
      return 1;
    case 'confidential':
      return 2;
    default:
      return 3;
  }
}

export function isControlled(index: PolicyIndex, record: CrmRecord): boolean {
  return (
    record.object !== 'customer' &&
    (index.objects[OBJECT_INDEX[record.object]]?.controlledByParent ?? true)
  );
}

/** Grants are live from `startsAt` (inclusive) until `expiresAt` (exclusive). */
export function grantLive(grant: Grant, now: number): boolean {
  return (
    (grant.expiresAt === null || now < grant.expiresAt) &&
    (grant.startsAt === null || grant.startsAt === undefined || now >= grant.startsAt)
  );
}

function grantCoversRecord(index: PolicyIndex, grant: Grant, target: CrmRecord): boolean {
  const t = grant.target;
  switch (t.kind) {
    case 'record':
      return t.recordId === target.id;
    case 'all':
      return true;
    case 'owner':
      return target.ownerId !== null && target.ownerId === t.userId;
    case 'department':
      if (target.departmentId === null) return false;
      return t.includeSubdepartments
        ? (index.departmentSubtree.get(t.departmentId)?.has(target.departmentId) ??
            target.departmentId === t.departmentId)
        : target.departmentId === t.departmentId;
  }
}

/** The best team access of the principal on the record's customer team, if any. */
export function teamAccessOf(record: CrmRecord, principalId: string): AccessLevel | undefined {
  const team = record.team;
  if (team === undefined) return undefined;
  let best: AccessLevel | undefined;
  for (const m of team) {
    if (
      m.userId === principalId &&
      (best === undefined || rank.access(m.access) > rank.access(best))
    )
      best = m.access;
  }
  return best;
}

/** Is the grant to the principal, or to one of its groups? */
export function grantToPrincipal(
  ctx: PrincipalContext,
  principalId: string,
  grant: Grant,
): boolean {
  const s = grant.subject;
  return s.kind === 'user' ? s.userId === principalId : ctx.groupIds.has(s.groupId);
}

/** The widest role scope of the principal for (object, action), 0 when none. */
export function privilegeOf(
  ctx: PrincipalContext,
  record: CrmRecord,
  action: RecordAction,
): number {
  return ctx.privileges[privilegeSlot(record.object, action)] ?? 0;
}

export function checkAccess(
  index: PolicyIndex,
  principalId: string,
  action: RecordAction,
  record: CrmRecord,
  now: number,
  sink: PathHit[] | null,
): Outcome {
  const ctx = index.principals.get(principalId);
  if (ctx === undefined) return Outcome.UnknownPrincipal;

  // 1. Mandatory layer: cannot be granted away.
  if (!ctx.active) return Outcome.Inactive;
  const controlled = isControlled(index, record);
  const target = controlled ? record.parent : record;
  if (target === undefined) return Outcome.ParentMissing;
  if (sensitivityRank(record.sensitivity) > ctx.clearance) return Outcome.Clearance;
  if (controlled && sensitivityRank(target.sensitivity) > ctx.clearance) {
    return Outcome.Clearance;
  }
  if (ctx.portal) {
    if (!(index.objects[OBJECT_INDEX[record.object]]?.portalExposed ?? false)) {
      return Outcome.PortalObject;
    }
    if (ctx.portalAccountId === null || record.customerId !== ctx.portalAccountId) {
      return Outcome.PortalAccount;
    }
  }
  const slot = privilegeSlot(record.object, action);
  if (ctx.sodBlocks[slot] !== undefined) return Outcome.Sod;

  // 2. Privilege gate.
  const privilege = ctx.privileges[slot] ?? 0;
  if (privilege === 0) return Outcome.NoPrivilege;

  // 3. Access paths: any one allows. Without a sink (`decide`) the first path that allows
  // returns; with one (`explain`) every path is collected. No closures here: this is the hot
  // path of every decision.
  let allowed = false;

  if (ctx.portal) {
    // For a portal user, `own` is what they created or are the contact on; anything wider is
    // every exposed record of their account (already enforced above).
    let relation: ScopeRelation | null = null;
    if (privilege > SCOPE_OWN) relation = 'portal_account';
    else if (record.createdById === principalId || record.contactUserId === principalId) {
      relation = 'portal_own';
    }
    if (relation !== null) {
      if (sink === null) return Outcome.Allow;
      sink.push({ kind: 'scope', scope: DATA_SCOPES[privilege] as DataScope, relation });
      allowed = true;
    }
  } else {
    const owner = target.ownerId;
    const dept = target.departmentId;
    let relation: ScopeRelation | null = null;
    if (owner !== null && owner === principalId) relation = 'owner';
    else if (privilege >= SCOPE_SUBORDINATES && owner !== null && ctx.subordinates.has(owner)) {
      relation = 'subordinate';
    } else if (privilege >= SCOPE_DEPARTMENT && dept !== null && dept === ctx.user.departmentId) {
      relation = 'department';
    } else if (privilege >= SCOPE_TREE && dept !== null && ctx.departmentTree.has(dept)) {
      relation = 'department_tree';
    } else if (privilege >= SCOPE_ALL) relation = 'all';
    if (relation !== null) {
      if (sink === null) return Outcome.Allow;
      sink.push({ kind: 'scope', scope: DATA_SCOPES[privilege] as DataScope, relation });
      allowed = true;
    }

    const owd = index.objects[OBJECT_INDEX[target.object]]?.orgWideDefault ?? 'private';
    if (orgDefaultCovers(owd, action)) {
      if (sink === null) return Outcome.Allow;
      sink.push({ kind: 'org_default', orgWideDefault: owd });
      allowed = true;
    }

    const teamAccess = teamAccessOf(target, principalId);
    if (teamAccess !== undefined && levelCovers(teamAccess, action)) {
      if (sink === null) return Outcome.Allow;
      sink.push({ kind: 'team', access: teamAccess });
      allowed = true;
    }

    const rules = ctx.rules[OBJECT_INDEX[target.object]];
    if (rules !== undefined) {
      for (const rule of rules) {
        if (!levelCovers(rule.access, action)) continue;
        const matches =
          rule.source.kind === 'criteria'
            ? matchesAll(rule.source.criteria, target.fields)
            : owner !== null &&
              (index.groupMembers.get(rule.source.ownerGroupId)?.has(owner) ?? false);
        if (matches) {
          if (sink === null) return Outcome.Allow;
          sink.push({ kind: 'sharing_rule', rule });
          allowed = true;
        }
      }
    }

    if (poolCovers(action) && target.poolId != null && ctx.poolIds.has(target.poolId)) {
      if (sink === null) return Outcome.Allow;
      sink.push({ kind: 'pool', pool: index.pools.get(target.poolId) as Pool });
      allowed = true;
    }
  }

  const recordGrants = target.grants;
  if (recordGrants !== undefined) {
    for (const grant of recordGrants) {
      if (
        grantToPrincipal(ctx, principalId, grant) &&
        grantLive(grant, now) &&
        levelCovers(grant.access, action) &&
        grant.object === target.object &&
        grant.target.kind === 'record' &&
        grant.target.recordId === target.id
      ) {
        if (sink === null) return Outcome.Allow;
        sink.push({ kind: 'grant', grant });
        allowed = true;
      }
    }
  }
  const o = OBJECT_INDEX[target.object];
  const scopeGrants = ctx.scopeGrants[o];
  if (scopeGrants !== undefined) {
    for (const grant of scopeGrants) {
      if (
        grantLive(grant, now) &&
        levelCovers(grant.access, action) &&
        grantCoversRecord(index, grant, target)
      ) {
        if (sink === null) return Outcome.Allow;
        sink.push({ kind: 'grant', grant });
        allowed = true;
      }
    }
  }

  return allowed ? Outcome.Allow : Outcome.NoPath;
}
