import { checkAccess, isControlled, Outcome, type PathHit } from './access-core.ts';
import { allowText, denyText, type TextContext } from './explanation-text.ts';
import type { AllowReason, DenyReason, Explanation } from './explanation.ts';
import type { CrmRecord, PolicyModel, RecordAction } from './model.ts';
import { SENSITIVITIES } from './model.ts';
import { indexOf, privilegeSlot, type PolicyIndex } from './policy-index.ts';

function allowReason(
  index: PolicyIndex,
  principalId: string,
  record: CrmRecord,
  target: CrmRecord,
  action: RecordAction,
  hit: PathHit,
): AllowReason {
  switch (hit.kind) {
    case 'scope': {
      const user = index.users.get(principalId);
      // The role that gives the widest scope is the one that allowed it.
      const role = (user?.roleIds ?? [])
        .map((id) => index.roles.get(id))
        .find((r) => r?.objects[record.object]?.[action] === hit.scope);
      return {
        kind: 'scope',
        roleId: role?.id ?? '',
        roleName: role?.name ?? '',
        scope: hit.scope,
        relation: hit.relation,
        ownerId: target.ownerId,
        ownerName: target.ownerId ? (index.users.get(target.ownerId)?.name ?? null) : null,
        departmentId: target.departmentId,
        departmentName: target.departmentId
          ? (index.departments.get(target.departmentId)?.name ?? null)
          : null,
      };
    }
    case 'org_default':
      return { kind: 'org_default', object: target.object, orgWideDefault: hit.orgWideDefault };
    case 'team':
      return { kind: 'team', customerId: target.customerId, access: hit.access };
    case 'sharing_rule':
      return {
        kind: 'sharing_rule',
        ruleId: hit.rule.id,
        ruleName: hit.rule.name,
        access: hit.rule.access,
      };
    case 'grant': {
      const s = hit.grant.subject;
      const group = s.kind === 'group' ? index.groups.get(s.groupId) : undefined;
      return {
        kind: 'grant',
        grantId: hit.grant.id,
        access: hit.grant.access,
        expiresAt: hit.grant.expiresAt,
        via:
          s.kind === 'user'
            ? { kind: 'user' }
            : { kind: 'group', groupId: s.groupId, groupName: group?.name ?? s.groupId },
      };
    }
    case 'pool':
      return { kind: 'pool', poolId: hit.pool.id, poolName: hit.pool.name };
  }
}

function denyReason(
  index: PolicyIndex,
  principalId: string,
  record: CrmRecord,
  action: RecordAction,
  outcome: Outcome,
): DenyReason {
  const ctx = index.principals.get(principalId);
  switch (outcome) {
    case Outcome.UnknownPrincipal:
      return { kind: 'unknown_principal' };
    case Outcome.Inactive:
      return { kind: 'inactive', status: ctx?.user.status ?? 'suspended' };
    case Outcome.Clearance: {
      const clearance = SENSITIVITIES[ctx?.clearance ?? 0] ?? 'public';
      const own = SENSITIVITIES.indexOf(record.sensitivity) > (ctx?.clearance ?? 0);
      return {
        kind: 'clearance',
        clearance,
        sensitivity: own ? record.sensitivity : (record.parent?.sensitivity ?? record.sensitivity),
        onParent: !own,
      };
    }
    case Outcome.PortalObject:
      return { kind: 'portal_object', object: record.object };
    case Outcome.PortalAccount:
      return { kind: 'portal_account' };
    case Outcome.Sod: {
      const rule = ctx?.sodBlocks[privilegeSlot(record.object, action)];
      return { kind: 'sod', ruleId: rule?.id ?? '', ruleName: rule?.name ?? '' };
    }
    case Outcome.NoPrivilege:
      return { kind: 'no_privilege', object: record.object, action };
    case Outcome.ParentMissing:
      return { kind: 'parent_missing' };
    default:
      return { kind: 'no_path', object: record.object, action };
  }
}

/**
 * The same decision as `decide`, with every path that allowed it or the rule that denied it, as
 * data and as sentences in zh-CN and en-US.
 */
export function explain(
  policy: PolicyModel | PolicyIndex,
  principalId: string,
  action: RecordAction,
  record: CrmRecord,
  now: number,
): Explanation {
  const index = indexOf(policy);
  const hits: PathHit[] = [];
  const outcome = checkAccess(index, principalId, action, record, now, hits);
  const target = (isControlled(index, record) ? record.parent : record) ?? record;
  const ctx: TextContext = { action, object: record.object, targetObject: target.object };
  const base = { principalId, action, object: record.object, recordId: record.id };
  if (outcome === Outcome.Allow) {
    const allowedBy = hits.map((h) => allowReason(index, principalId, record, target, action, h));
    const zh = allowedBy.map((r) => allowText('zh-CN', r, ctx));
    const en = allowedBy.map((r) => allowText('en-US', r, ctx));
    return {
      ...base,
      allowed: true,
      allowedBy,
      deniedBy: null,
      text: { 'zh-CN': `允许。${zh.join('。')}。`, 'en-US': `Allowed. ${en.join('. ')}.` },
    };
  }
  const deniedBy = denyReason(index, principalId, record, action, outcome);
  return {
    ...base,
    allowed: false,
    allowedBy: [],
    deniedBy,
    text: {
      'zh-CN': `拒绝。${denyText('zh-CN', deniedBy, ctx)}。`,
      'en-US': `Denied. ${denyText('en-US', deniedBy, ctx)}.`,
    },
  };
}
